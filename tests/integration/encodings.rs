//! HTML in legacy encodings: pages made from UTF-8 text in the test, and
//! their text back intact from `Page::html_bytes` / `decode_html`, whether
//! the encoding is declared by the page, by the HTTP header only, or not at
//! all (the detector).

use encoding_rs::{EUC_KR, Encoding, GBK, ISO_8859_2, KOI8_R, SHIFT_JIS, WINDOWS_1251};

/// An encoding and paragraphs of text in a language written in it.
const PAGES: &[(&Encoding, [&str; 2])] = &[
    (
        SHIFT_JIS,
        [
            "東京都は月曜日、中央図書館を来年の春まで開館し続けると発表した。",
            "図書館の利用者は昨年より二割増え、特に週末の学習室が混雑している。",
        ],
    ),
    (
        GBK,
        [
            "市议会周二投票决定，中央图书馆将继续开放，并在明年进行屋顶维修。",
            "议员们表示，开放时间不会改变，居民们对这一决定表示欢迎。",
        ],
    ),
    (
        EUC_KR,
        [
            "시의회는 화요일 투표를 통해 중앙도서관을 계속 운영하기로 결정했다.",
            "의원들은 내년에 건물을 수리할 것이며 개관 시간은 바뀌지 않는다고 말했다.",
        ],
    ),
    (
        WINDOWS_1251,
        [
            "Городской совет во вторник проголосовал за то, чтобы центральная библиотека осталась открытой.",
            "Депутаты заявили, что здание отремонтируют в следующем году, а часы работы не изменятся.",
        ],
    ),
    (
        KOI8_R,
        [
            "Жители собрали более пяти тысяч подписей в поддержку библиотеки и её читального зала.",
            "Решение совета приветствовали учителя, студенты и пенсионеры, которые приходят туда каждый день.",
        ],
    ),
    (
        ISO_8859_2,
        [
            "Rada miasta zagłosowała we wtorek za utrzymaniem centralnej biblioteki, mimo sporów o budżet.",
            "Radni powiedzieli, że budynek zostanie wyremontowany w przyszłym roku, a godziny otwarcia się nie zmienią.",
        ],
    ),
];

fn page(meta: Option<&str>, paragraphs: &[&str]) -> String {
    let head = meta.map_or(String::new(), |label| format!("<meta charset=\"{label}\">"));
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<!doctype html><html><head>{head}<title>T</title></head><body><article>{body}</article></body></html>"
    )
}

fn encode(e: &'static Encoding, s: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = e.encode(s);
    assert!(!unmappable, "{} cannot encode the test text", e.name());
    bytes.into_owned()
}

#[test]
fn declared_by_the_page() {
    for (e, paragraphs) in PAGES {
        let html = page(Some(e.name()), paragraphs);
        let bytes = encode(e, &html);
        assert_eq!(dejunk::decode_html(&bytes, None), html, "{}", e.name());
        assert_eq!(
            dejunk::Cleaner::new().clean(dejunk::Page::html_bytes(&bytes, None)),
            dejunk::clean_html(&html),
            "{}",
            e.name()
        );
        let out = dejunk::Cleaner::new().clean(dejunk::Page::html_bytes(&bytes, None));
        assert!(out.contains(paragraphs[0]), "{}: {out}", e.name());
    }
}

#[test]
fn declared_by_the_http_header_only() {
    for (e, paragraphs) in PAGES {
        let html = page(None, paragraphs);
        let bytes = encode(e, &html);
        let header = format!("text/html; charset={}", e.name());
        assert_eq!(
            dejunk::decode_html(&bytes, Some(&header)),
            html,
            "{}",
            e.name()
        );
    }
}

#[test]
fn declared_nowhere() {
    for (e, paragraphs) in PAGES {
        let html = page(None, paragraphs);
        let bytes = encode(e, &html);
        assert_eq!(dejunk::decode_html(&bytes, None), html, "{}", e.name());
    }
}

#[test]
fn utf16_pages_with_a_byte_order_mark() {
    let html = page(None, &PAGES[3].1);
    for le in [true, false] {
        let mut bytes = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in html.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        assert_eq!(
            dejunk::decode_html(&bytes, Some("text/html; charset=iso-8859-1")),
            html
        );
        assert_eq!(
            dejunk::Cleaner::new().clean(dejunk::Page::html_bytes(&bytes, None)),
            dejunk::clean_html(&html)
        );
        assert!(
            dejunk::Cleaner::new()
                .clean(dejunk::Page::html_bytes(&bytes, None))
                .contains(PAGES[3].1[0])
        );
    }
}
