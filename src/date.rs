//! Dates as pages write them in their metadata, read into one form: ISO
//! 8601 (`2024-05-03`, or `2024-05-03T15:47:42+02:00` when the page gives
//! the time and its offset). Impossible dates (a 30 February, a month 13,
//! a year outside 1900..=2100) are refused, never guessed.

use std::fmt;

/// A calendar date, with the time of day and the UTC offset when given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    /// Hours, minutes, seconds.
    pub time: Option<(u8, u8, u8)>,
    /// The UTC offset in minutes (`Z` is 0), when the time has one.
    pub offset: Option<i16>,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        if let Some((h, m, s)) = self.time {
            write!(f, "T{h:02}:{m:02}:{s:02}")?;
            match self.offset {
                Some(0) => f.write_str("+00:00")?,
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    let o = o.unsigned_abs();
                    write!(f, "{sign}{:02}:{:02}", o / 60, o % 60)?;
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// The days of `month` in `year`.
fn days_in(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl Date {
    /// A date if it is one: a year in 1900..=2100, a month and a day it
    /// has.
    pub(crate) fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let year = u16::try_from(year)
            .ok()
            .filter(|y| (1900..=2100).contains(y))?;
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        let day = u8::try_from(day)
            .ok()
            .filter(|&d| d >= 1 && d <= days_in(year, month))?;
        Some(Date {
            year,
            month,
            day,
            time: None,
            offset: None,
        })
    }
}

/// Reads a date as metadata writes it: ISO 8601 and its common variants
/// (`2024-05-03`, `2024-05-03T15:47:42.389+02:00`, a space for the `T`,
/// `2024/05/03`, `20240503`), and RFC 2822 (`Fri, 03 May 2024 15:47:42
/// GMT`). `None` for anything else or an impossible date.
pub(crate) fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() > 64 {
        return None;
    }
    iso(s).or_else(|| rfc2822(s))
}

/// Digits at the start of `s`: their value and count (at most 9).
fn digits(s: &[u8]) -> (u32, usize) {
    let n = s.iter().take(9).take_while(|c| c.is_ascii_digit()).count();
    let v = s[..n]
        .iter()
        .fold(0u32, |v, &c| v * 10 + u32::from(c - b'0'));
    (v, n)
}

fn iso(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    let (year, n) = digits(b);
    let (mut date, rest) = if n == 8 {
        // 20240503
        Date::new(year / 10_000, year / 100 % 100, year % 100).map(|d| (d, &b[8..]))?
    } else if n == 4 && matches!(b.get(4), Some(b'-' | b'/' | b'.')) {
        let sep = b[4];
        let (month, mn) = digits(&b[5..]);
        if !(1..=2).contains(&mn) || b.get(5 + mn) != Some(&sep) {
            return None;
        }
        let at = 6 + mn;
        let (day, dn) = digits(&b[at..]);
        if !(1..=2).contains(&dn) {
            return None;
        }
        (Date::new(year, month, day)?, &b[at + dn..])
    } else {
        return None;
    };
    let Some((&t, rest)) = rest.split_first() else {
        return Some(date);
    };
    if !matches!(t, b'T' | b't' | b' ') {
        return None;
    }
    // The time: HH:MM[:SS[.fff]], then Z or an offset.
    let (h, hn) = digits(rest);
    if hn != 2 || rest.get(2) != Some(&b':') {
        // A date followed by words: the date alone.
        return (t == b' ').then_some(date);
    }
    let (mi, mn) = digits(&rest[3..]);
    if mn != 2 {
        return None;
    }
    let mut at = 5;
    let mut sec = 0;
    if rest.get(at) == Some(&b':') {
        let (s, sn) = digits(&rest[at + 1..]);
        if sn != 2 {
            return None;
        }
        sec = s;
        at += 3;
        if matches!(rest.get(at), Some(b'.' | b',')) {
            at += 1 + digits(&rest[at + 1..]).1;
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    date.time = Some((h as u8, mi as u8, sec.min(59) as u8));
    // Z or an offset; anything else after the time leaves it without.
    let zone = std::str::from_utf8(&rest[at..]).ok()?.trim();
    date.offset = offset(zone);
    Some(date)
}

/// A UTC offset: `Z`, `UTC`, `GMT`, `+02:00`, `+0200`, `-05`.
fn offset(z: &str) -> Option<i16> {
    match z {
        "Z" | "z" | "UTC" | "GMT" | "UT" => return Some(0),
        _ => {}
    }
    let b = z.as_bytes();
    let sign: i16 = match b.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let (h, hn) = digits(&b[1..]);
    let (h, m) = match (hn, b.get(1 + hn)) {
        (2, Some(b':')) => (h, digits(&b[4..]).0),
        (2, None) => (h, 0),
        (4, None) => (h / 100, h % 100),
        _ => return None,
    };
    (h <= 14 && m <= 59).then(|| sign * (h as i16 * 60 + m as i16))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Fri, 03 May 2024 15:47:42 GMT` (the weekday optional).
fn rfc2822(s: &str) -> Option<Date> {
    let s = s.split_once(',').map_or(s, |(_, r)| r).trim();
    let mut parts = s.split_ascii_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let month = parts.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? as u32 + 1;
    let year: u32 = parts.next()?.parse().ok()?;
    let mut date = Date::new(year, month, day)?;
    if let Some(time) = parts.next() {
        let t: Vec<u32> = time.split(':').filter_map(|x| x.parse().ok()).collect();
        if let [h, m, rest @ ..] = t.as_slice() {
            if *h < 24 && *m < 60 {
                date.time = Some((
                    *h as u8,
                    *m as u8,
                    rest.first().map_or(0, |s| (*s).min(59)) as u8,
                ));
                date.offset = parts.next().and_then(offset);
            }
        }
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(s: &str) -> Option<String> {
        parse(s).map(|d| d.to_string())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(iso_of("2024-05-03").as_deref(), Some("2024-05-03"));
        assert_eq!(
            iso_of("2024-05-03T15:47:42+02:00").as_deref(),
            Some("2024-05-03T15:47:42+02:00")
        );
        assert_eq!(
            iso_of("2024-05-03 15:47:42.389000+00:00").as_deref(),
            Some("2024-05-03T15:47:42+00:00")
        );
        assert_eq!(
            iso_of("2024-05-03T15:47Z").as_deref(),
            Some("2024-05-03T15:47:00+00:00")
        );
        assert_eq!(
            iso_of("2024-05-03T15:47:42").as_deref(),
            Some("2024-05-03T15:47:42")
        );
        assert_eq!(
            iso_of("2024-05-03T15:47:42-0500").as_deref(),
            Some("2024-05-03T15:47:42-05:00")
        );
        assert_eq!(iso_of("2024/5/3").as_deref(), Some("2024-05-03"));
        assert_eq!(iso_of("20240503").as_deref(), Some("2024-05-03"));
        assert_eq!(
            iso_of(" 2024-05-03 by the desk").as_deref(),
            Some("2024-05-03")
        );
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(
            iso_of("Fri, 03 May 2024 15:47:42 GMT").as_deref(),
            Some("2024-05-03T15:47:42+00:00")
        );
        assert_eq!(
            iso_of("3 May 2024 15:47:42 +0200").as_deref(),
            Some("2024-05-03T15:47:42+02:00")
        );
        assert_eq!(iso_of("Fri, 03 May 2024").as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for s in [
            "2023-02-29",
            "2024-13-01",
            "2024-04-31",
            "0000-01-01",
            "99999-01-01",
            "1899-12-31",
            "2024-05-03T25:00:00",
            "yesterday",
            "",
            "2024-5",
            "31 Foo 2024",
        ] {
            assert_eq!(parse(s), None, "{s}");
        }
        assert!(parse("2024-02-29").is_some());
        assert!(parse("2000-02-29").is_some());
        assert_eq!(parse("1900-02-29"), None);
    }
}
