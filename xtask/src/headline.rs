//! The headline a reader sees on a corpus page, read from its HTML: the
//! labels the title scorer is fitted on. The first `<h1>`, unless it
//! shares no word with the page's `og:title` or `<title>` (a logo or a
//! section name in an `h1`), then that one. A plain search, not a parser:
//! the labels need to be right on most pages, not on every one.

/// The page's headline, or `None` when its HTML has none of the three.
pub fn of(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let h1 = element_text(html, &lower, "h1");
    let og = og_title(html, &lower);
    let title = element_text(html, &lower, "title");
    let named: Vec<String> = [h1.clone(), og, title]
        .into_iter()
        .flatten()
        .filter(|t| !words(t).is_empty())
        .collect();
    let first = named.first()?.clone();
    if h1.is_some() && named.len() > 1 {
        let a = words(&named[0]);
        let b = words(&named[1]);
        if !a.iter().any(|w| b.contains(w)) {
            return Some(named[1].clone());
        }
    }
    Some(first)
}

/// Whether a block's text is the headline: token F1 of at least 0.8.
pub fn matches(text: &str, headline: &str) -> bool {
    let (a, b) = (words(text), words(headline));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let mut rest = b.clone();
    let mut overlap = 0;
    for w in &a {
        if let Some(k) = rest.iter().position(|x| x == w) {
            rest.swap_remove(k);
            overlap += 1;
        }
    }
    let (p, r) = (
        overlap as f64 / a.len() as f64,
        overlap as f64 / b.len() as f64,
    );
    overlap > 0 && 2.0 * p * r / (p + r) >= 0.8
}

/// Lowercase alphanumeric runs.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text of the first `<name …>…</name>` (tags inside dropped).
fn element_text(html: &str, lower: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    let start = loop {
        let at = from + lower[from..].find(&open)?;
        let after = lower.as_bytes().get(at + open.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            break at;
        }
        from = at + open.len();
    };
    let body = start + lower[start..].find('>')? + 1;
    let end = body + lower[body..].find(&format!("</{name}"))?;
    Some(clean(&html[body..end]))
}

/// The `content` of `<meta property="og:title" content="…">`.
fn og_title(html: &str, lower: &str) -> Option<String> {
    let at = lower.find("og:title")?;
    let tag_start = lower[..at].rfind('<')?;
    let tag_end = at + lower[at..].find('>')?;
    let tag = &lower[tag_start..tag_end];
    let c = tag.find("content=")? + "content=".len();
    let quote = tag.as_bytes().get(c).copied()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let v0 = tag_start + c + 1;
    let v1 = v0 + html[v0..tag_end].find(char::from(quote))?;
    Some(clean(&html[v0..v1]))
}

/// Tags removed, the common character references resolved, whitespace
/// folded.
fn clean(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_from_h1_og_title_or_title() {
        let page = "<html><head><title>Council keeps library | Example News</title>\
            <meta property=\"og:title\" content=\"Council keeps the library open\"></head>\
            <body><h1 class=x>Council keeps the <em>library</em> open</h1></body></html>";
        assert_eq!(of(page).as_deref(), Some("Council keeps the library open"));
        // An h1 that is the logo: the og:title.
        let logo = page.replace("Council keeps the <em>library</em> open", "Example News");
        assert_eq!(of(&logo).as_deref(), Some("Council keeps the library open"));
        assert_eq!(of("<p>no title</p>"), None);
        assert!(matches(
            "Council keeps the library open",
            "Council keeps the library open!"
        ));
        assert!(!matches(
            "30. Januar 2024",
            "Council keeps the library open"
        ));
    }
}
