//! `dejunk --report` as a person sees it: the report is rendered in
//! headless Chromium (Debian's `chromium`, which `.ci/run` installs), its
//! DOM holds one list item a block, and its screenshot shows kept text,
//! greyed dropped blocks and the legend's colours.
//!
//! The tests that need Chromium are ignored by plain `cargo test`; `.ci/run`
//! runs them with `--ignored`.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A page with what an escaping slip would break: markup-like text,
/// quotes in a line, and junk a reader should see struck through.
const HTML: &str = r#"<!DOCTYPE html><html><head><title>Bridge reopens</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>The bridge reopens after two years</h1>
<p>The city's main bridge reopened on Monday after two years of repairs, the council said in a statement on Tuesday.</p>
<p>Engineers replaced the deck and the cables, and "tested every joint twice", the council's chief engineer said.</p>
<p>Traffic was light in the morning; the writer typed &lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt; into the form to test it.</p>
</article>
<aside><p>Download our app for the latest news</p><p>Sign up for our newsletter</p></aside>
<footer>© 2026 Example News. All rights reserved.</footer>
</body></html>"#;

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("dejunk-report-test-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn dejunk(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dejunk"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The number of blocks of the page's analysis, as `--explain` gives them.
fn blocks(page: &str) -> usize {
    let line = dejunk(&["--explain", "--to", "jsonl", page]);
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    v["blocks"].as_array().unwrap().len()
}

/// Headless Chromium with the flags this machine needs (no sandbox as
/// root, no background networking on a closed network).
fn chromium(profile: &Path) -> Command {
    let mut c = Command::new("chromium");
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// Writes the report of `page` beside it (in `dir`); its path.
fn report_of(dir: &Path, page: &str) -> PathBuf {
    let name = Path::new(page).file_name().unwrap().to_string_lossy();
    let report = dir.join(format!("{name}.report.html"));
    std::fs::write(&report, dejunk(&["--report", page])).unwrap();
    report
}

/// Chromium's output for the report at `report`, given `args` (it must
/// succeed).
fn render(profile: &Path, args: &[&str], report: &Path) -> Vec<u8> {
    let out = chromium(profile)
        .args(args)
        .arg(format!("file://{}", report.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The report's own checks, which need no browser.
#[test]
fn report_is_self_contained() {
    let d = dir();
    let page = d.join("page.html");
    std::fs::write(&page, HTML).unwrap();
    let report = dejunk(&["--report", page.to_str().unwrap()]);
    assert!(report.starts_with("<!DOCTYPE html>"));
    assert!(report.trim_end().ends_with("</html>"));
    // Nothing runs and nothing loads: no script, no link, no source, and
    // a policy that forbids loading anything.
    for forbidden in [
        "<script", "<link", " src=", "url(", "@import", "http://", "https://",
    ] {
        assert!(!report.contains(forbidden), "{forbidden}");
    }
    assert!(report.contains("default-src 'none'"));
    assert!(report.contains("&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(
        report.matches("<li class=\"b ").count(),
        blocks(page.to_str().unwrap())
    );
    assert!(
        report.contains("<h1>The bridge reopens after two years</h1>"),
        "{report}"
    );
    // Several pages: one document, a section each.
    let two = dejunk(&["--report", page.to_str().unwrap(), page.to_str().unwrap()]);
    assert_eq!(two.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(two.matches("<section class=\"page\">").count(), 2);
    // Options that write something else are refused.
    for other in [["--report", "--markdown"], ["--report", "--explain"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_dejunk"))
            .args(other)
            .arg(&page)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
    }
}

/// What Chromium builds from the report: a list item a block, the kept
/// and dropped ones as the analysis says.
#[test]
#[ignore = "needs chromium (Debian's package; .ci/run installs it)"]
fn chromium_reads_a_list_item_a_block() {
    let d = dir();
    for (name, text) in [
        ("page.html", HTML.to_string()),
        (
            "seed.txt",
            std::fs::read_to_string("../tests/seeds/003_db139f4829b587ff.txt").unwrap(),
        ),
    ] {
        let page = d.join(name);
        std::fs::write(&page, &text).unwrap();
        let page = page.to_str().unwrap();
        let report = report_of(&d, page);
        let dom =
            String::from_utf8(render(&d.join("profile-dom"), &["--dump-dom"], &report)).unwrap();
        let kept = dom.matches("<li class=\"b keep\"").count();
        let dropped = dom.matches("<li class=\"b drop").count();
        assert_eq!(kept + dropped, blocks(page), "{name}");
        // As many kept blocks as the text has lines.
        let text = dejunk(&[page]);
        assert_eq!(kept, text.lines().count(), "{name}");
        assert!(dropped > 0, "{name}");
    }
}

/// The screenshot: the size asked for, text drawn, the kept blocks' green
/// bar, the dropped blocks' grey background, and each colour where the
/// report puts it.
#[test]
#[ignore = "needs chromium (Debian's package; .ci/run installs it)"]
fn screenshot_shows_kept_and_dropped() {
    let d = dir();
    let page = d.join("shot.html");
    std::fs::write(&page, HTML).unwrap();
    let report = report_of(&d, page.to_str().unwrap());
    let png = d.join("shot.png");
    let shot = format!("--screenshot={}", png.display());
    render(
        &d.join("profile-shot"),
        &["--window-size=1000,1200", &shot],
        &report,
    );

    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1000, 1200));
    let channels = info.color_type.samples();
    let pixel = |x: u32, y: u32| {
        let i = (y * info.width + x) as usize * channels;
        [buf[i], buf[i + 1], buf[i + 2]]
    };
    // Rows whose pixels show a colour, by colour.
    let rows_with = |colour: [u8; 3]| -> Vec<u32> {
        (0..info.height)
            .filter(|&y| (0..info.width).any(|x| pixel(x, y) == colour))
            .collect()
    };
    let green = rows_with([0x1a, 0x98, 0x50]); // .keep's bar
    let grey = rows_with([0xf2, 0xf2, 0xf2]); // .drop's background
    let dark = (0..info.height)
        .flat_map(|y| (0..info.width).map(move |x| (x, y)))
        .filter(|&(x, y)| pixel(x, y).iter().all(|&c| c < 90))
        .count();
    assert!(dark > 2_000, "text is drawn: {dark} dark pixels");
    // The page's 3 kept paragraphs and the title line: several lines of
    // green bar; the nav, the asks and the footer: grey rows.
    assert!(green.len() > 60, "{} rows of green bar", green.len());
    assert!(grey.len() > 60, "{} rows of grey", grey.len());
    // The legend's kept swatch comes first, then the blocks: the first
    // dropped block (the nav) lies above the first kept paragraph, so
    // some grey rows lie between green ones.
    let first_green = green[0];
    let last_green = *green.last().unwrap();
    assert!(grey.iter().any(|&y| y > first_green && y < last_green));
}

/// The report's header shows what the page says of itself.
#[test]
fn report_shows_the_metadata() {
    let d = dir();
    let page = d.join("meta.html");
    let html = format!(
        "<html lang=\"en\"><head><meta name=\"author\" content=\"By Anna Fink &amp; Jan Marchart\">\
         <meta property=\"article:published_time\" content=\"2024-05-03\"></head><body>{}</body></html>",
        HTML
    );
    std::fs::write(&page, html).unwrap();
    let report = dejunk(&["--report", page.to_str().unwrap()]);
    assert!(
        report.contains("<dt>date</dt><dd>2024-05-03</dd>"),
        "{report}"
    );
    assert!(
        report.contains("<dt>authors</dt><dd>Anna Fink, Jan Marchart</dd>"),
        "{report}"
    );
    assert!(report.contains("<dt>language</dt><dd>en</dd>"), "{report}");
}
