//! Parallel batch cleaning (`rayon` feature): same output as one page at a
//! time, in input order.

use dejunk::Cleaner;

#[test]
fn batch_output_is_the_sequential_output_in_order() {
    let seeds: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // 700 pages (several chunks, the last one partial) of uneven sizes.
    let pages: Vec<String> = (0..700)
        .map(|i| match i % 7 {
            0..=4 => seeds[i % seeds.len()].clone(),
            5 => String::new(),
            _ => {
                format!("Page number {i} has one line that reads as the body text of a short note.")
            }
        })
        .collect();
    let cleaner = Cleaner::new();
    let batch: Vec<String> = cleaner.clean_batch(&pages).collect();
    let one_by_one: Vec<String> = pages.iter().map(|p| cleaner.clean(p)).collect();
    assert_eq!(batch, one_by_one);

    let html: Vec<String> = pages.iter().map(|p| format!("<p>{p}</p>")).collect();
    let batch: Vec<String> = cleaner
        .clean_batch(html.iter().map(|h| dejunk::Page::html(h)))
        .collect();
    assert_eq!(batch.len(), 700);
    assert_eq!(batch[6], cleaner.clean(dejunk::Page::html(&html[6])));
    assert_eq!(cleaner.clean_batch(Vec::<&str>::new()).count(), 0);
}

#[test]
fn batch_takes_owned_pages_lazily_in_order() {
    use dejunk::OwnedPage;
    let cleaner = Cleaner::new();
    let lines: Vec<String> = (0..600)
        .map(|i| format!("Story {i}: the bridge reopened on Monday after two years of repairs, the city said."))
        .collect();
    // Owned strings, moved in.
    let out: Vec<String> = cleaner.clean_batch(lines.clone()).collect();
    assert_eq!(
        out,
        lines.iter().map(|l| cleaner.clean(l)).collect::<Vec<_>>()
    );
    // Bytes, and sniffed HTML with a site, from a lazy iterator: the input
    // is read a chunk at a time, not all at once.
    let memory = dejunk::SiteMemory::new();
    let taken = std::cell::Cell::new(0);
    let pages = lines.iter().enumerate().map(|(i, l)| {
        taken.set(taken.get() + 1);
        let bytes = if i % 2 == 0 {
            format!("<p>{l}</p>")
        } else {
            l.clone()
        }
        .into_bytes();
        OwnedPage::auto(bytes, None).site(&memory, "news.example".to_string())
    });
    let mut batch = cleaner.clean_batch(pages);
    assert_eq!(batch.next().as_deref(), Some(lines[0].as_str()));
    assert!(taken.get() < lines.len());
    let rest: Vec<String> = batch.collect();
    assert_eq!(rest.len(), 599);
    assert_eq!(rest[0], lines[1]);
    let bytes: Vec<Vec<u8>> = lines.iter().map(|l| l.clone().into_bytes()).collect();
    assert_eq!(cleaner.clean_batch(bytes).collect::<Vec<_>>(), out);
}
