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

/// Month names and their common abbreviations in the seven languages of
/// the `date` pack (English, German, French, Spanish, Italian,
/// Portuguese, Dutch), lowercased, with their month.
const MONTH_NAMES: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("févr", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mär", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("mrt", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("déc", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// Words that may stand between a day, its month and its year (`3 de
/// mayo de 2024`, `le 3 mai`, `the 3rd of May`).
const FILLERS: &[&str] = &["de", "del", "of", "the", "di", "do", "da"];

/// The month a word names, if it names one.
fn month_of(w: &str) -> Option<u8> {
    MONTH_NAMES.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// A day of the month as written before or after a month's name: `3`,
/// `03`, `3rd`, `1st`, `1er`, `3.`.
fn day_of(w: &str) -> Option<u32> {
    let d = w.trim_end_matches(['.', 'º', '°']);
    let d = ["st", "nd", "rd", "th", "er"]
        .iter()
        .find_map(|s| d.strip_suffix(s))
        .unwrap_or(d);
    (1..=2)
        .contains(&d.len())
        .then(|| d.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// A four-digit year.
fn year_of(w: &str) -> Option<u32> {
    let y = w.trim_end_matches(['.', ',']);
    (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        .then(|| y.parse().ok())
        .flatten()
}

/// The first date a line of a page writes, in words (`3 May 2024`, `May
/// 3, 2024`, `3. Mai 2024`, `3 de mayo de 2024`, `le 3 mai 2024`), in
/// digits (`03.05.2024`, `3/5/2024`, `25.04.24`, `2024-05-03`) or the
/// Chinese, Japanese and Korean way (`2024年5月3日`, `2024년 5월 3일`).
/// A date without its year is not read. Where day and month could be
/// either way round (`03/05/2024`), `month_first` says which (English of
/// the United States writes the month first).
pub(crate) fn in_text(line: &str, month_first: bool) -> Option<Date> {
    // A date has its year in digits.
    if line.len() > 400 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    in_words(line).or_else(|| in_digits(line, month_first))
}

fn in_words(line: &str) -> Option<Date> {
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_start_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_of(w.trim_end_matches('.')) else {
            continue;
        };
        // The day before the month (skipping a filler), else after it.
        let mut before = i.checked_sub(1);
        if before.is_some_and(|b| FILLERS.contains(&words[b])) {
            before = i.checked_sub(2);
        }
        let day_before = before.and_then(|b| day_of(words[b]));
        let mut at = i + 1;
        while words.get(at).is_some_and(|w| FILLERS.contains(w)) {
            at += 1;
        }
        let (day, year_at) = match day_before {
            Some(d) => (Some(d), at),
            None => match words.get(at).and_then(|w| day_of(w)) {
                Some(d) => (Some(d), at + 1),
                None => (None, at),
            },
        };
        let mut y = year_at;
        while words.get(y).is_some_and(|w| FILLERS.contains(w)) {
            y += 1;
        }
        if let (Some(day), Some(year)) = (day, words.get(y).and_then(|w| year_of(w))) {
            if let Some(d) = Date::new(year, u32::from(month), day) {
                return Some(d);
            }
        }
    }
    None
}

fn in_digits(line: &str, month_first: bool) -> Option<Date> {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // Up to three numbers joined by one separator, or by 年 月 日
        // (년 월 일).
        let mut nums = [(0u32, 0usize); 3];
        let mut n = 0;
        let mut at = i;
        let mut sep: Option<&str> = None;
        while n < 3 {
            let (v, len) = digits(&b[at..]);
            if len == 0 || len > 4 {
                break;
            }
            nums[n] = (v, len);
            n += 1;
            at += len;
            let rest = &line[at..];
            let next = ["年", "月", "日", "년", "월", "일", "-", "/", "."]
                .into_iter()
                .find(|s| rest.starts_with(s));
            let Some(s) = next else { break };
            let cjk = !matches!(s, "-" | "/" | ".");
            if !cjk && sep.is_some_and(|p| p != s) {
                break;
            }
            if !cjk {
                sep = Some(s);
            }
            at += s.len();
            if n < 3 {
                at += line[at..].len() - line[at..].trim_start().len();
            }
        }
        if n == 3 {
            let [(a, al), (m, _), (c, cl)] = nums;
            let date = if al == 4 {
                Date::new(a, m, c)
            } else if cl == 4 || cl == 2 {
                let year = if cl == 2 { 2000 + c } else { c };
                let (day, month) = if a > 12 || (m <= 12 && !month_first) {
                    (a, m)
                } else {
                    (m, a)
                };
                Date::new(year, month, day)
            } else {
                None
            };
            if date.is_some() {
                return date;
            }
        }
        i = at.max(i + 1);
    }
    None
}

/// The date in a URL's path: `/2024/05/03/`, `/2024-05-03`, `/20240503/`
/// (a year, month and day; a path with a year and month only gives
/// none).
pub(crate) fn in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next()?;
    let path = path.split_once("://").map_or(path, |(_, rest)| rest);
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let num = |s: &str, n: usize| {
        (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    for (i, p) in parts.iter().enumerate() {
        if let (Some(y), Some(m), Some(d)) = (
            num(p, 4),
            parts
                .get(i + 1)
                .and_then(|m| num(m, 2).or_else(|| num(m, 1))),
            parts
                .get(i + 2)
                .and_then(|d| num(d, 2).or_else(|| num(d, 1))),
        ) {
            if let Some(date) = Date::new(y, m, d) {
                return Some(date);
            }
        }
        // 2024-05-03 or 20240503 at the start of a segment (a slug may follow).
        let head: String = p.chars().take(10).collect();
        if let Some(date) = iso(head.trim_end_matches(|c: char| !c.is_ascii_digit())) {
            if p.len() == head.len() || !p.as_bytes()[head.len()].is_ascii_digit() {
                return Some(date);
            }
        }
        if p.len() >= 8
            && p.as_bytes()[..8].iter().all(u8::is_ascii_digit)
            && p.as_bytes().get(8).is_none_or(|b| !b.is_ascii_digit())
        {
            if let Some(date) = iso(&p[..8]) {
                return Some(date);
            }
        }
    }
    None
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

    fn text_of(s: &str, month_first: bool) -> Option<String> {
        in_text(s, month_first).map(|d| d.to_string())
    }

    #[test]
    fn dates_in_words_in_seven_languages() {
        for (line, want) in [
            ("Published May 3, 2024 at 10:00", "2024-05-03"),
            ("By Anna Fink | 3 May 2024", "2024-05-03"),
            ("the 3rd of May, 2024", "2024-05-03"),
            ("Sep. 1st, 2023", "2023-09-01"),
            ("Veröffentlicht am 3. Mai 2024, 15:47 Uhr", "2024-05-03"),
            ("Wien, 3. Jänner 2024", "2024-01-03"),
            ("Publié le 1er mars 2024 à 12h", "2024-03-01"),
            ("le 14 juillet 2023", "2023-07-14"),
            ("Actualizado el 3 de mayo de 2024", "2024-05-03"),
            ("Pubblicato il 12 settembre 2025", "2025-09-12"),
            ("Publicado em 5 de março de 2024", "2024-03-05"),
            ("Gepubliceerd op 7 augustus 2024", "2024-08-07"),
            ("Dec 24 2024", "2024-12-24"),
        ] {
            assert_eq!(text_of(line, false).as_deref(), Some(want), "{line}");
        }
    }

    #[test]
    fn dates_in_digits_day_or_month_first() {
        assert_eq!(text_of("03.05.2024", false).as_deref(), Some("2024-05-03"));
        assert_eq!(
            text_of("Do 25.04.24 | 14:07 Uhr", false).as_deref(),
            Some("2024-04-25")
        );
        // Ambiguous: the page's language says which comes first.
        assert_eq!(text_of("05/03/2024", true).as_deref(), Some("2024-05-03"));
        assert_eq!(text_of("05/03/2024", false).as_deref(), Some("2024-03-05"));
        // Unambiguous either way.
        assert_eq!(text_of("25/12/2024", true).as_deref(), Some("2024-12-25"));
        assert_eq!(text_of("12/25/2024", false).as_deref(), Some("2024-12-25"));
        assert_eq!(
            text_of("Updated 2024-05-03 10:00", true).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            text_of("2024年5月3日 15:00", false).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            text_of("입력 2024년 5월 3일", false).as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(text_of("2024. 5. 3.", false).as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn no_date_is_guessed() {
        for line in [
            "3 May",
            "May 2024",
            "2 hours ago",
            "il y a 3 jours",
            "hace 2 horas",
            "31 February 2024",
            "30.02.2024",
            "Version 1.2.3",
            "192.168.1.1",
            "Call 030/1234/5678",
            "The council will set 3 new rules in 2024",
            "",
        ] {
            assert_eq!(text_of(line, false), None, "{line}");
        }
        assert_eq!(in_text(&"1 ".repeat(1000), false), None);
    }

    #[test]
    fn dates_in_urls() {
        let url = |u: &str| in_url(u).map(|d| d.to_string());
        assert_eq!(
            url("https://example.com/2024/05/03/library-stays-open").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            url("https://example.com/news/2024-05-03-library").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            url("https://example.com/20240503/library.html").as_deref(),
            Some("2024-05-03")
        );
        assert_eq!(
            url("https://example.com/2024/5/3/library").as_deref(),
            Some("2024-05-03")
        );
        for u in [
            "https://example.com/2024/05/library",
            "https://example.com/article/123456789",
            "https://example.com/2024/13/40/x",
            "https://example.com/library?date=2024-05-03",
            "https://2024.example.com/05/03",
            "",
        ] {
            assert_eq!(url(u), None, "{u}");
        }
    }
}
