//! Parallel batch cleaning on rayon's thread pool, output in input order.

use rayon::prelude::*;

use crate::cleaner::Cleaner;
use crate::owned::AsPage;

/// Pages taken from the input at a time and cleaned in parallel: enough to
/// keep every core busy over pages of uneven size, few enough to hold in
/// memory.
const CHUNK: usize = 256;

/// An iterator over cleaned pages, in input order: returned by
/// [`Cleaner::clean_batch`].
///
/// It takes pages from the input a chunk at a time (256 pages), cleans the
/// chunk on all the threads of the current rayon pool, and yields the
/// results in order; memory holds one chunk, whatever the input's length.
///
/// # Example
///
/// ```
/// let pages = vec!["The mayor opened the new bridge on Monday, the city said in a statement."; 1000];
/// let cleaned: Vec<String> = dejunk::Cleaner::new().clean_batch(pages).collect();
/// assert_eq!(cleaned.len(), 1000);
/// ```
#[derive(Debug)]
pub struct Batch<'c, I> {
    cleaner: &'c Cleaner,
    pages: I,
    done: std::vec::IntoIter<String>,
}

impl<I> Iterator for Batch<'_, I>
where
    I: Iterator,
    I::Item: AsPage + Send,
{
    type Item = String;

    fn next(&mut self) -> Option<String> {
        if let Some(out) = self.done.next() {
            return Some(out);
        }
        let chunk: Vec<I::Item> = self.pages.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            return None;
        }
        let cleaner = self.cleaner;
        let out: Vec<String> = chunk
            .into_par_iter()
            .map(|page| cleaner.clean(page.as_page()))
            .collect();
        self.done = out.into_iter();
        self.done.next()
    }
}

impl Cleaner {
    /// Cleans many pages in parallel on rayon's thread pool (all cores, or
    /// the pool the call runs in with `ThreadPool::install`), and yields
    /// each page's [`Cleaner::clean`] output in input order. The pages come
    /// from any iterator, taken lazily a chunk at a time (256 pages), and
    /// are anything a [`Page`](crate::Page) is borrowed from ([`AsPage`]):
    /// text as `&str` or an owned `String`, text bytes as `Vec<u8>`, pages
    /// made with `Page`'s constructors, or owned ones made with
    /// [`OwnedPage`](crate::OwnedPage)'s (HTML, sniffed, with a site's
    /// memory). Needs the `rayon` feature.
    ///
    /// # Example
    ///
    /// ```
    /// use dejunk::{Cleaner, Page};
    ///
    /// let cleaner = Cleaner::new();
    /// let pages = ["Sign up for our newsletter", "The bridge reopened on Monday after two years of repairs, the city said."];
    /// let cleaned: Vec<String> = cleaner.clean_batch(pages).collect();
    /// assert_eq!(cleaned[1], cleaner.clean(pages[1]));
    ///
    /// let docs = vec!["<p>The bridge reopened on Monday after two years of repairs, the city said.</p>".to_string(); 3];
    /// let cleaned: Vec<String> = cleaner.clean_batch(docs.iter().map(|d| Page::html(d))).collect();
    /// assert_eq!(cleaned, vec![cleaner.clean(Page::html(&docs[0])); 3]);
    ///
    /// // Owned pages, read lazily (here: lines of a file, one page each).
    /// let file = "The bridge reopened on Monday after two years of repairs, the city said.\n<p>Hello</p>";
    /// let pages = file.lines().map(|l| dejunk::OwnedPage::auto(l.as_bytes().to_vec(), None));
    /// assert_eq!(cleaner.clean_batch(pages).count(), 2);
    /// let strings = vec![String::from("The bridge reopened on Monday after two years of repairs.")];
    /// assert_eq!(cleaner.clean_batch(strings).count(), 1);
    /// ```
    pub fn clean_batch<I>(&self, pages: I) -> Batch<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsPage + Send,
    {
        Batch {
            cleaner: self,
            pages: pages.into_iter(),
            done: Vec::new().into_iter(),
        }
    }
}
