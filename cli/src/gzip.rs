//! Gzip streams a member at a time, with resynchronisation: a per-record
//! `.warc.gz` (or a concatenated `.jsonl.gz`) is many gzip members, and a
//! corrupt one should cost its own records, not the rest of the file. On a
//! decoding error the reader looks for the next member's magic bytes and
//! goes on from there; the damaged record then fails to frame and is
//! reported where it is. An error with no member after it (a truncated
//! file) is returned as an error.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The first bytes of a gzip member (magic and the deflate method).
const MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Decompresses every member of a gzip stream in turn.
pub struct Members<R: BufRead> {
    /// The member being decoded (`None` at the end).
    decoder: Option<GzDecoder<R>>,
}

impl<R: BufRead> Members<R> {
    pub fn new(raw: R) -> Members<R> {
        Members {
            decoder: Some(GzDecoder::new(raw)),
        }
    }

    /// Starts a decoder at the next member of `raw`, if there is one.
    fn next_member(&mut self, mut raw: R) -> io::Result<bool> {
        if raw.fill_buf()?.is_empty() {
            return Ok(false);
        }
        self.decoder = Some(GzDecoder::new(raw));
        Ok(true)
    }
}

/// Skips `raw` to the next gzip magic after its current position; returns
/// whether one was found.
fn skip_to_magic(raw: &mut impl BufRead) -> io::Result<bool> {
    // Past the position where decoding failed, so that a member whose
    // header fails to parse is not tried again.
    if raw.fill_buf()?.is_empty() {
        return Ok(false);
    }
    raw.consume(1);
    loop {
        let buf = raw.fill_buf()?;
        if buf.len() < MAGIC.len() {
            // The end: too short for a member.
            let n = buf.len();
            raw.consume(n);
            return Ok(false);
        }
        if let Some(i) = buf.windows(MAGIC.len()).position(|w| w == MAGIC) {
            raw.consume(i);
            return Ok(true);
        }
        // Keep a possible magic split across reads.
        let n = buf.len() - (MAGIC.len() - 1);
        raw.consume(n);
    }
}

impl<R: BufRead> Read for Members<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(0);
            };
            match decoder.read(buf) {
                Ok(0) if !buf.is_empty() => {
                    let raw = self.decoder.take().expect("a decoder").into_inner();
                    if !self.next_member(raw)? {
                        return Ok(0);
                    }
                }
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let mut raw = self.decoder.take().expect("a decoder").into_inner();
                    if !skip_to_magic(&mut raw)? {
                        return Err(e);
                    }
                    self.decoder = Some(GzDecoder::new(raw));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: &[u8]) -> (Vec<u8>, Option<io::Error>) {
        let mut out = Vec::new();
        let mut r = Members::new(io::BufReader::with_capacity(64, bytes));
        let mut buf = [0u8; 100];
        loop {
            match r.read(&mut buf) {
                Ok(0) => return (out, None),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => return (out, Some(e)),
            }
        }
    }

    #[test]
    fn members_in_turn_and_a_corrupt_one_skipped() {
        let members: Vec<Vec<u8>> = (0..5)
            .map(|i| gzip(format!("record {i} ").repeat(50).as_bytes()))
            .collect();
        let whole: Vec<u8> = members.concat();
        let (out, err) = read_all(&whole);
        assert!(err.is_none());
        assert_eq!(
            out,
            (0..5)
                .map(|i| format!("record {i} ").repeat(50))
                .collect::<String>()
                .into_bytes()
        );
        // Corrupt the middle of member 2: members 0, 1, 3 and 4 come out
        // whole (and whatever member 2 gave before the damage).
        let mut bad = whole.clone();
        let at = members[0].len() + members[1].len() + members[2].len() / 2;
        for b in &mut bad[at..at + 8] {
            *b ^= 0x5a;
        }
        let (out, err) = read_all(&bad);
        assert!(err.is_none(), "{err:?}");
        let out = String::from_utf8_lossy(&out);
        for i in [0, 1, 3, 4] {
            assert!(
                out.contains(&format!("record {i} ").repeat(50)),
                "member {i}"
            );
        }
        // A truncated last member is an error.
        let (out, err) = read_all(&whole[..whole.len() - 10]);
        assert!(err.is_some());
        assert!(out.starts_with("record 0 ".repeat(50).as_bytes()));
    }
}
