//! The command-line tool end to end: formats, bad records, options.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BODY: &str = "The city council voted on Tuesday to keep the central library open, after months of debate over its budget.";
const BODY2: &str = "Councillors said the building would be repaired next year, and that opening hours would not change at all.";

fn dejunk(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dejunk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("dejunk-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn page(i: usize) -> String {
    format!(
        "Home | News | Sport\nStory {i}\n{BODY}\n{BODY2}\nShare this article\n© 2024 Example News"
    )
}

fn jsonl(n: usize) -> String {
    (0..n)
        .map(|i| {
            serde_json::json!({"id": i, "url": format!("https://example.com/{i}"), "text": page(i)})
                .to_string()
                + "\n"
        })
        .collect()
}

fn warc_record(kind: &str, uri: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len(),
        body.len()
    )
    .into_bytes();
    r.extend_from_slice(body);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(content_type: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n{body}").into_bytes()
}

fn html(i: usize) -> String {
    format!(
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>Story {i}</h1><p>{BODY}</p><p>{BODY2}</p></article><footer>© 2024 Example News</footer></body></html>"
    )
}

#[test]
fn jsonl_from_stdin_in_order_with_ids_and_urls() {
    let out = dejunk(&["-q"], jsonl(600).as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 600);
    for (i, r) in recs.iter().enumerate() {
        assert_eq!(r["id"], i);
        assert_eq!(r["record"], i + 1);
        assert_eq!(r["file"], "-");
        assert_eq!(r["url"], format!("https://example.com/{i}"));
        let text = r["text"].as_str().unwrap();
        assert!(
            text.contains(BODY) && !text.contains("Share this article"),
            "{text}"
        );
        assert_eq!(text, dejunk::clean(&page(i)));
    }
}

#[test]
fn threads_do_not_change_the_output() {
    let input = jsonl(700);
    let one = dejunk(&["-q", "--threads", "1"], input.as_bytes());
    let two = dejunk(&["-q", "--threads", "2"], input.as_bytes());
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn field_names_and_html_input() {
    let input: String = (0..3)
        .map(|i| serde_json::json!({"key": format!("k{i}"), "link": "http://a.example/x", "body_html": html(i), "body": "ignored"}).to_string() + "\n")
        .collect();
    let out = dejunk(
        &[
            "-q",
            "--html-field",
            "body_html",
            "--text-field",
            "body",
            "--id-field",
            "key",
            "--url-field",
            "link",
        ],
        input.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs[2]["id"], "k2");
    assert_eq!(recs[2]["url"], "http://a.example/x");
    assert_eq!(recs[2]["text"], dejunk::clean_html(&html(2)));
    // --input text takes the text field even when there is HTML.
    let out = dejunk(
        &["-q", "--input", "text", "--text-field", "body"],
        input.as_bytes(),
    );
    assert_eq!(records(&out)[0]["text"], dejunk::clean("ignored"));
}

#[test]
fn bad_json_lines_are_reported_and_skipped() {
    let mut input = jsonl(2).into_bytes();
    input.extend_from_slice(b"{\"text\": \"unterminated\n");
    input.extend_from_slice(b"{\"text\": \"bad \xff\xfe utf-8\"}\n");
    input.extend_from_slice(b"{\"id\": 7}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(jsonl(1).as_bytes());
    let out = dejunk(&[], &input);
    assert_eq!(out.status.code(), Some(1), "some records failed");
    let err = stderr(&out);
    assert!(err.contains("-: record 3: invalid JSON"), "{err}");
    assert!(err.contains("-: record 4: invalid JSON"), "{err}");
    assert!(
        err.contains("-: record 5: no `html` or `text` field"),
        "{err}"
    );
    assert!(err.contains("-: record 6: invalid JSON"), "{err}");
    assert!(
        err.contains("3 pages cleaned, 0 records skipped, 4 failed"),
        "{err}"
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[2]["record"], 8);
}

#[test]
fn truncated_gzip_keeps_the_records_before_and_the_next_file() {
    let whole = gzip(jsonl(400).as_bytes());
    let cut = temp("cut.jsonl.gz", &whole[..whole.len() * 2 / 3]);
    let good = temp("good.jsonl.gz", &gzip(jsonl(3).as_bytes()));
    let missing = temp("placeholder", b"");
    let missing = format!("{missing}-does-not-exist");
    let out = dejunk(&[&cut, &missing, &good], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{cut}: record ")) && err.contains("read error after record"),
        "{err}"
    );
    assert!(
        err.contains(&format!("dejunk: {missing}: cannot read: No such file")),
        "{err}"
    );
    let recs = records(&out);
    let from_cut = recs.iter().filter(|r| r["file"] == cut.as_str()).count();
    assert!(from_cut > 100 && from_cut < 400, "{from_cut}");
    // Every record before the cut, in order.
    for (i, r) in recs.iter().take(from_cut).enumerate() {
        assert_eq!(r["id"], i);
    }
    assert_eq!(
        recs.iter().filter(|r| r["file"] == good.as_str()).count(),
        3
    );
}

#[test]
fn warc_responses_and_resources_are_cleaned_the_rest_skipped() {
    let mut warc = warc_record(
        "warcinfo",
        "",
        "application/warc-fields",
        b"software: test\r\n",
    );
    warc.extend(warc_record(
        "request",
        "http://a.example/1",
        "application/http",
        b"GET /1 HTTP/1.1\r\n\r\n",
    ));
    warc.extend(warc_record(
        "response",
        "http://a.example/1",
        "application/http; msgtype=response",
        &http("text/html; charset=utf-8", &html(1)),
    ));
    warc.extend(warc_record(
        "response",
        "http://a.example/logo.png",
        "application/http; msgtype=response",
        &http("image/png", "\u{89}PNG"),
    ));
    // Not UTF-8: decoded as Windows-1252.
    let mut latin = http("text/html; charset=iso-8859-1", &html(2));
    latin.extend_from_slice(b"<p>caf\xe9</p>");
    warc.extend(warc_record(
        "response",
        "http://a.example/2",
        "application/http; msgtype=response",
        &latin,
    ));
    let path = temp("crawl.warc.gz", &gzip(&warc));
    let out = dejunk(&["-q", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[0]["url"], "http://a.example/1");
    assert_eq!(recs[0]["record"], 3);
    assert!(
        recs[0]["id"]
            .as_str()
            .unwrap()
            .starts_with("<urn:uuid:response-")
    );
    let out = dejunk(&["-q", "--explain", &path], b"");
    let blocks = records(&out)[1]["blocks"].to_string();
    assert!(
        blocks.contains("café") && !blocks.contains('\u{FFFD}'),
        "{blocks}"
    );
}

#[test]
fn wet_conversion_records_are_text() {
    let mut wet = Vec::new();
    for i in 0..3 {
        wet.extend(warc_record(
            "conversion",
            &format!("http://b.example/{i}"),
            "text/plain",
            page(i).as_bytes(),
        ));
    }
    let out = dejunk(&["-q", "-"], &wet);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["text"], dejunk::clean(&page(1)));
}

#[test]
fn a_malformed_warc_header_costs_only_its_record() {
    let mut warc = warc_record(
        "conversion",
        "http://b.example/0",
        "text/plain",
        page(0).as_bytes(),
    );
    // A header without Content-Length, then one that is not a header at all.
    warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: conversion\r\n\r\nsome body text\r\n\r\n");
    warc.extend_from_slice(b"garbage between records\r\n");
    warc.extend(warc_record(
        "conversion",
        "http://b.example/1",
        "text/plain",
        page(1).as_bytes(),
    ));
    // Content-Length longer than the file: truncated.
    let mut last = warc_record(
        "conversion",
        "http://b.example/2",
        "text/plain",
        page(2).as_bytes(),
    );
    last.truncate(last.len() - 40);
    warc.extend(last);
    let out = dejunk(&["--format", "warc"], &warc);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("-: record 2: at byte "), "{err}");
    assert!(
        err.contains("malformed WARC record: no Content-Length header"),
        "{err}"
    );
    assert!(err.contains("truncated WARC record"), "{err}");
    let recs = records(&out);
    let urls: Vec<&str> = recs.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(urls, ["http://b.example/0", "http://b.example/1"]);
}

#[test]
fn comments_option_is_the_builders() {
    let post =
        "I am so glad they listened to the people who actually use the library every single week.";
    let page =
        format!("Council keeps the library open\n{BODY}\n{BODY2}\n3 Comments\n{post}\nReply\n");
    for (args, comments) in [(&["-q"][..], false), (&["-q", "--comments"][..], true)] {
        let out = dejunk(args, page.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        let want = dejunk::Cleaner::builder()
            .comments(comments)
            .build()
            .unwrap()
            .clean(page.as_str());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want + "\n");
    }
    let kept = dejunk(&["-q", "--comments"], page.as_bytes()).stdout;
    assert!(String::from_utf8(kept).unwrap().contains(post));
}

#[test]
fn a_text_page_is_printed_as_text() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/seeds");
    let path = std::fs::read_dir(seed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("003_") && name.ends_with(".txt")
        })
        .expect("seed 003");
    let page = std::fs::read(&path).unwrap();
    let want = dejunk::Cleaner::new().clean(dejunk::Page::bytes(&page)) + "\n";
    // Sniffed, from a file and from stdin, gzip'd or not; and named.
    let path = path.to_string_lossy().into_owned();
    for out in [
        dejunk(&["-q", &path], b""),
        dejunk(&["-q"], &page),
        dejunk(&["-q", "--format", "text", "-"], &gzip(&page)),
    ] {
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    }
    // As JSONL when asked.
    let out = dejunk(&["-q", "--to", "jsonl", &path], b"");
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["record"], 1);
    assert_eq!(recs[0]["text"].as_str().unwrap(), want.trim_end());
}

#[test]
fn an_html_page_is_printed_as_text_or_markdown() {
    let page = format!(
        "<!doctype html><html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav><article>\
         <h1>The library stays open</h1><p>{BODY}</p><ul><li>{BODY2}</li></ul></article>\
         <footer>© 2024 Example News. All rights reserved.</footer></body></html>"
    );
    let path = temp("saved.html", page.as_bytes());
    let out = dejunk(&[&path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        dejunk::clean_html(&page) + "\n"
    );
    let out = dejunk(&["-q", "--markdown", &path], b"");
    let md = String::from_utf8(out.stdout).unwrap();
    let e = dejunk::Cleaner::new().extract(dejunk::Page::html(&page));
    assert_eq!(md, e.markdown().unwrap().to_string() + "\n");
    assert!(md.contains(&format!("\n- {BODY2}")), "{md}");
    // Two pages: a blank line between them.
    let other = temp("other.html", format!("<p>{BODY2}</p>").as_bytes());
    let out = dejunk(&["-q", &path, &other], b"");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n\n{BODY2}\n", dejunk::clean_html(&page))
    );
    // Markup after some leading text is still HTML.
    let out = dejunk(&["-q"], format!("junk before\n{page}").as_bytes());
    assert!(String::from_utf8(out.stdout).unwrap().contains(BODY));
}

#[test]
fn legacy_encodings_are_decoded() {
    // windows-1251 declared by the page; KOI8-R only by the HTTP header.
    let cp1251 = b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! The city council voted on Tuesday to keep the central library open.</p>";
    let out = dejunk(&["-q", "--format", "html"], cp1251);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Привет, мир! The city council voted on Tuesday to keep the central library open.\n"
    );
    let koi8 = http(
        "text/html; charset=koi8-r",
        "<p>PLACEHOLDER The city council voted on Tuesday to keep the central library open.</p>",
    );
    let koi8 = String::from_utf8(koi8).unwrap();
    let (head, tail) = koi8.split_once("PLACEHOLDER").unwrap();
    let mut body = head.as_bytes().to_vec();
    body.extend_from_slice(b"\xf0\xd2\xc9\xd7\xc5\xd4!");
    body.extend_from_slice(tail.as_bytes());
    let warc = warc_record(
        "response",
        "http://a.example/",
        "application/http; msgtype=response",
        &body,
    );
    let recs = records(&dejunk(&["-q"], &warc));
    assert_eq!(
        recs[0]["text"],
        "Привет! The city council voted on Tuesday to keep the central library open."
    );
}

#[test]
fn a_jsonl_file_survives_a_bad_first_line_and_a_bom() {
    let mut input = b"\xEF\xBB\xBF[\n".to_vec();
    input.extend_from_slice(jsonl(40).as_bytes());
    let out = dejunk(&["-q"], &input);
    assert_eq!(out.status.code(), Some(1), "the first line failed");
    assert!(
        stderr(&out).contains("-: record 1: invalid JSON"),
        "{}",
        stderr(&out)
    );
    assert_eq!(records(&out).len(), 40);
    let mut input = b"\xEF\xBB\xBF".to_vec();
    input.extend_from_slice(jsonl(2).as_bytes());
    let out = dejunk(&["-q"], &input);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn help_has_examples() {
    let out = dejunk(&["--help"], b"");
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("dejunk page.html"), "{help}");
    assert!(
        help.contains("--format <FORMAT>") && help.contains("--markdown"),
        "{help}"
    );
}

#[test]
fn explain_adds_blocks() {
    let out = dejunk(&["-q", "--explain"], jsonl(1).as_bytes());
    let recs = records(&out);
    let blocks = recs[0]["blocks"].as_array().unwrap();
    assert_eq!(blocks.len(), 6);
    let share = blocks
        .iter()
        .find(|b| b["text"] == "Share this article")
        .unwrap();
    assert_eq!(share["kept"], false);
    let reasons = share["reasons"].as_array().unwrap();
    assert!(!reasons.is_empty());
    // Each reason an object with its typed fields; lines counted from 1.
    for r in reasons {
        assert!(r["kind"].is_string() && r["text"].is_string() && r["meaning"].is_string());
        assert!(r["weight"].is_number());
        if r["feature"].as_str().is_some_and(|f| f != "trees") {
            assert!(r["value"].is_number() && r["usual"].is_number(), "{r}");
        }
    }
    let dup = dejunk(
        &["--explain", "--to", "jsonl"],
        format!("{BODY}\n{BODY}").as_bytes(),
    );
    let blocks = records(&dup)[0]["blocks"].clone();
    assert_eq!(blocks[1]["line"], 2);
    assert_eq!(blocks[1]["reasons"][0]["kind"], "duplicate");
    assert_eq!(blocks[1]["reasons"][0]["line"], 1);
}

#[test]
fn site_memory_two_passes() {
    let promo = "The mayor said the bridge repairs, which began in March, would be finished before the winter holidays and cost less than planned.";
    let input: String = (0..12)
        .map(|i| {
            // Every page its own article: only the furniture and the promo recur.
            let place = ["library", "bridge", "museum", "school", "park", "harbour", "station", "market", "hospital", "stadium", "theatre", "airport"][i];
            let text = page(i)
                .replace(BODY2, &format!("{promo}\n{BODY2}"))
                .replace("library", place)
                .replace("the building", &format!("the {place} building"))
                .replace("next year", &format!("next year, starting with the {place}"));
            serde_json::json!({"id": i, "url": format!("https://www.example.com/{i}"), "text": text}).to_string() + "\n"
        })
        .collect();
    let path = temp("site.jsonl", input.as_bytes());
    let plain = records(&dejunk(&["-q", &path], b""));
    assert!(plain[0]["text"].as_str().unwrap().contains(promo));
    let out = dejunk(&["-q", "--site-memory", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs.len(), 12);
    for r in &recs {
        let text = r["text"].as_str().unwrap();
        assert!(
            !text.contains(promo) && text.contains("The city council voted"),
            "{text}"
        );
    }
    // Two passes over stdin are impossible.
    let out = dejunk(&["--site-memory", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not stdin"));
}

#[test]
fn every_record_has_the_page_title() {
    let body = "The city council voted on Tuesday to keep the central library open, after months of debate.";
    let input = [
        serde_json::json!({"id": 1, "text": format!("Council keeps the library open\n{body}")}),
        serde_json::json!({"id": 2, "text": "menu"}),
    ]
    .iter()
    .map(|r| r.to_string() + "\n")
    .collect::<String>();
    let out = dejunk(&["-q"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert_eq!(recs[0]["title"], "Council keeps the library open");
    assert_eq!(recs[1]["title"], serde_json::Value::Null);
}

/// `n` WARC response records of HTML pages.
fn warc_pages(n: usize) -> Vec<Vec<u8>> {
    (0..n)
        .map(|i| {
            warc_record(
                "response",
                &format!("http://a.example/{i}"),
                "application/http; msgtype=response",
                &http("text/html", &html(i)),
            )
        })
        .collect()
}

fn urls(out: &Output) -> Vec<String> {
    records(out)
        .iter()
        .map(|r| r["url"].as_str().unwrap().to_string())
        .collect()
}

fn all_but(n: usize, lost: &[usize]) -> Vec<String> {
    (0..n)
        .filter(|i| !lost.contains(i))
        .map(|i| format!("http://a.example/{i}"))
        .collect()
}

/// Rewrites the Content-Length of a record.
fn with_length(record: &[u8], f: impl Fn(usize) -> String) -> Vec<u8> {
    let text = String::from_utf8(record.to_vec()).unwrap();
    let at = text.find("Content-Length: ").unwrap() + "Content-Length: ".len();
    let end = at + text[at..].find('\r').unwrap();
    let length: usize = text[at..end].parse().unwrap();
    format!("{}{}{}", &text[..at], f(length), &text[end..]).into_bytes()
}

#[test]
fn a_wrong_warc_content_length_costs_only_its_record() {
    let n = 60;
    for (what, lost, fix) in [
        // One digit too long: the body would swallow the next records.
        (
            "a digit too many",
            5,
            Box::new(|l: usize| format!("{l}0")) as Box<dyn Fn(usize) -> String>,
        ),
        // Far over the record limit.
        ("huge", 5, Box::new(|_| "99999999999".to_string())),
    ] {
        let mut pages = warc_pages(n);
        pages[lost] = with_length(&pages[lost], fix);
        let out = dejunk(&["-q"], &pages.concat());
        assert_eq!(out.status.code(), Some(1), "{what}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("-: record {}: at byte", lost + 1)),
            "{what}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{what}: one error: {err}");
        assert_eq!(urls(&out), all_but(n, &[lost]), "{what}");
        assert!(
            records(&out)
                .iter()
                .all(|r| !r["text"].as_str().unwrap().contains("WARC/1.0"))
        );
    }
    // Too short: the body ends inside the record. It cannot be told from
    // a damaged next record: the record is read as its length says, and
    // the rest of its body is reported as a record that does not parse.
    let mut pages = warc_pages(n);
    pages[5] = with_length(&pages[5], |l| (l / 2).to_string());
    let out = dejunk(&["-q"], &pages.concat());
    let err = stderr(&out);
    assert!(
        err.contains("-: record 7: at byte") && err.contains("expected a `WARC/` header line"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(urls(&out), all_but(n, &[]));
}

#[test]
fn a_warc_header_without_its_blank_line_is_reported() {
    let n = 10;
    let mut pages = warc_pages(n);
    // The blank line between the WARC header and the HTTP message gone.
    let text = String::from_utf8(pages[3].clone()).unwrap();
    pages[3] = text
        .replacen("\r\n\r\nHTTP/1.1", "\r\nHTTP/1.1", 1)
        .into_bytes();
    let out = dejunk(&["-q"], &pages.concat());
    let err = stderr(&out);
    assert!(
        err.contains("-: record 4: at byte") && err.contains("not a header line"),
        "{err}"
    );
    assert_eq!(urls(&out), all_but(n, &[3]));
}

#[test]
fn a_corrupt_gzip_member_costs_only_its_records() {
    let n = 2000;
    let members: Vec<Vec<u8>> = warc_pages(n).iter().map(|r| gzip(r)).collect();
    let mut file = members.concat();
    let at: usize = members[..1000].iter().map(Vec::len).sum::<usize>() + members[1000].len() / 2;
    for b in &mut file[at..at + 40] {
        *b ^= 0xa5;
    }
    let path = temp("corrupt.warc.gz", &file);
    let out = dejunk(&["-q", &path], b"");
    let got = urls(&out);
    // The damaged member, and what the decoder read past it before it
    // noticed (a member or two), are lost: not the other thousand.
    assert!(
        got.len() >= n - 5,
        "{} of {n} pages: {}",
        got.len(),
        stderr(&out)
    );
    assert!(got.contains(&"http://a.example/999".to_string()));
    assert!(got.contains(&"http://a.example/1999".to_string()));
    assert!(
        stderr(&out).contains(": record 100") && stderr(&out).contains(": at byte "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn records_over_the_size_limit_are_reported_not_held() {
    let mut input = jsonl(2).into_bytes();
    let big = serde_json::json!({"id": "big", "text": "word ".repeat(1000)}).to_string() + "\n";
    input.extend_from_slice(big.as_bytes());
    input.extend_from_slice(jsonl(1).as_bytes());
    let out = dejunk(&["-q", "--max-record-bytes", "1000"], &input);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("-: record 3: record longer than 1000 bytes"),
        "{}",
        stderr(&out)
    );
    assert_eq!(records(&out).len(), 3);
    // A single page over the limit.
    let page = temp("big.txt", "word ".repeat(1000).as_bytes());
    let out = dejunk(&["-q", "--max-record-bytes", "1000", &page], b"");
    assert!(
        stderr(&out).contains("record longer than 1000 bytes"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn limits_are_checked_when_parsing() {
    for args in [
        ["--memory-mib", "99999999999"],
        ["--memory-mib", "100000"],
        ["--threads", "10000"],
        ["--threads", "0"],
        ["--threshold", "2"],
        ["--max-record-bytes", "0"],
    ] {
        let out = dejunk(&args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("invalid value"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn lone_surrogates_in_json_are_replaced() {
    let line = format!("{{\"id\": 1, \"text\": \"{BODY}\\udc00\\n{BODY2}\"}}\n");
    let out = dejunk(&["-q"], line.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(records(&out)[0]["text"].as_str().unwrap().contains(BODY2));
}

/// A saved page with --explain: a row a block with its reasons, in text
/// (not ignored); a run of one page prints no summary.
#[test]
fn explain_of_a_single_page_and_no_summary() {
    let html = format!(
        "<html><head><link rel=\"stylesheet\" href=\"a.css\"></head><body><nav><a href=\"/\">Home</a></nav>\
         <h1>The library</h1><p>{BODY}</p><p>Share this article</p></body></html>"
    );
    let path = temp("explain.html", html.as_bytes());
    let out = dejunk(&["--explain", &path], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("keep ") && text.contains(BODY), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("drop ") && l.ends_with("Home")),
        "{text}"
    );
    assert!(text.contains("             - "), "{text}");
    assert!(!text.contains("<link"), "{text}");
    let out = dejunk(&[&path], b"");
    assert_eq!(stderr(&out), "");
    assert!(String::from_utf8(out.stdout).unwrap().contains(BODY));
}

/// No file and a terminal for stdin: a usage error at once, not a wait on
/// the keyboard. util-linux's `script` gives the command a terminal.
#[test]
fn no_input_on_a_terminal_is_a_usage_error() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` (util-linux) to give a terminal");
        return;
    }
    let started = std::time::Instant::now();
    let out = Command::new("timeout")
        .args([
            "20",
            "script",
            "-qec",
            env!("CARGO_BIN_EXE_dejunk"),
            "/dev/null",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("no input: give files"), "{said}");
    assert!(started.elapsed().as_secs() < 20);
}

/// The metadata fields of a record; --no-metadata leaves them out;
/// --front-matter starts the Markdown with them as YAML.
#[test]
fn metadata_fields_front_matter_and_no_metadata() {
    let html = format!(
        r#"<html lang="en"><head><meta name="author" content="By Anna Fink">
        <meta property="article:published_time" content="2024-05-03T10:00:00Z">
        <meta name="description" content="The &quot;library&quot; stays open"></head>
        <body><h1>Council keeps the library open</h1><p>{BODY}</p><p>{BODY2}</p></body></html>"#
    );
    let line =
        serde_json::json!({"url": "https://example.com/2023/01/02/x", "html": html}).to_string();
    let out = dejunk(&["--to", "jsonl", "-"], line.as_bytes());
    let r = &records(&out)[0];
    assert_eq!(r["date"], "2024-05-03T10:00:00+00:00");
    assert_eq!(r["authors"], serde_json::json!(["Anna Fink"]));
    assert_eq!(r["lang"], "en");
    assert_eq!(r["url"], "https://example.com/2023/01/02/x");
    let out = dejunk(&["--to", "jsonl", "--no-metadata", "-"], line.as_bytes());
    let r = &records(&out)[0];
    assert!(r.get("date").is_none() && r.get("authors").is_none() && r.get("lang").is_none());
    assert!(r["text"].as_str().unwrap().contains(BODY));
    // The URL's date when the page gives none.
    let bare = serde_json::json!({"url": "https://example.com/2023/01/02/x", "text": format!("{BODY}\n{BODY2}")}).to_string();
    assert_eq!(
        records(&dejunk(&["--to", "jsonl", "-"], bare.as_bytes()))[0]["date"],
        "2023-01-02"
    );
    let out = dejunk(
        &["--format", "html", "--markdown", "--front-matter", "-"],
        html.as_bytes(),
    );
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        md.starts_with(
            "---\ntitle: \"Council keeps the library open\"\ndate: \"2024-05-03T10:00:00+00:00\"\n"
        ),
        "{md}"
    );
    assert!(
        md.contains("description: \"The \\\"library\\\" stays open\"\n"),
        "{md}"
    );
    assert!(
        md.contains("authors:\n  - \"Anna Fink\"\n---\n\n# Council keeps the library open\n"),
        "{md}"
    );
    // --front-matter needs --markdown.
    assert_eq!(
        dejunk(&["--front-matter", "-"], html.as_bytes())
            .status
            .code(),
        Some(2)
    );
}
