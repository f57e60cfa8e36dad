//! Writes the HTML the `html_soup` target makes of a fuzz input:
//! `cargo run --release --no-default-features --example soup -- INPUT > page.html`.

fn main() {
    let path = std::env::args().nth(1).expect("a fuzz input");
    let data = std::fs::read(path).expect("readable");
    print!("{}", dejunk_fuzz::soup(&data).unwrap_or_default());
}
