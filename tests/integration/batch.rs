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
