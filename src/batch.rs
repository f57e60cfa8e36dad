//! Parallel batch cleaning on rayon's thread pool, output in input order.

use rayon::prelude::*;

use crate::cleaner::Cleaner;

/// Pages taken from the input at a time and cleaned in parallel: enough to
/// keep every core busy over pages of uneven size, few enough to hold in
/// memory.
const CHUNK: usize = 256;

/// An iterator over cleaned pages, in input order: returned by
/// [`Cleaner::clean_batch`] and [`Cleaner::clean_html_batch`].
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
    html: bool,
    done: std::vec::IntoIter<String>,
}

impl<'c, I> Batch<'c, I> {
    fn new(cleaner: &'c Cleaner, pages: I, html: bool) -> Batch<'c, I> {
        Batch {
            cleaner,
            pages,
            html,
            done: Vec::new().into_iter(),
        }
    }
}

impl<I> Iterator for Batch<'_, I>
where
    I: Iterator,
    I::Item: AsRef<str> + Send,
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
        let (cleaner, html) = (self.cleaner, self.html);
        let out: Vec<String> = chunk
            .into_par_iter()
            .map(|page| clean_one(cleaner, page.as_ref(), html))
            .collect();
        self.done = out.into_iter();
        self.done.next()
    }
}

/// Cleans text, or HTML when `html`.
fn clean_one(cleaner: &Cleaner, page: &str, html: bool) -> String {
    #[cfg(feature = "html")]
    if html {
        return cleaner.clean_html(page);
    }
    let _ = html;
    cleaner.clean(page)
}

impl Cleaner {
    /// Cleans many pages of raw text in parallel on rayon's thread pool
    /// (all cores, or the pool the call runs in with
    /// `ThreadPool::install`), and yields each page's [`Cleaner::clean`]
    /// output in input order. Needs the `rayon` feature.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// let pages = ["Sign up for our newsletter", "The bridge reopened on Monday after two years of repairs, the city said."];
    /// let cleaned: Vec<String> = cleaner.clean_batch(pages).collect();
    /// assert_eq!(cleaned[1], cleaner.clean(pages[1]));
    /// ```
    pub fn clean_batch<I>(&self, pages: I) -> Batch<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Send,
    {
        Batch::new(self, pages.into_iter(), false)
    }

    /// Like [`Cleaner::clean_batch`], for HTML documents
    /// ([`Cleaner::clean_html`]). Needs the `rayon` and `html` features.
    ///
    /// # Example
    ///
    /// ```
    /// let cleaner = dejunk::Cleaner::new();
    /// let docs = vec!["<p>The bridge reopened on Monday after two years of repairs, the city said.</p>".to_string(); 3];
    /// let cleaned: Vec<String> = cleaner.clean_html_batch(&docs).collect();
    /// assert_eq!(cleaned, vec![cleaner.clean_html(&docs[0]); 3]);
    /// ```
    #[cfg(feature = "html")]
    pub fn clean_html_batch<I>(&self, pages: I) -> Batch<'_, I::IntoIter>
    where
        I: IntoIterator,
        I::Item: AsRef<str> + Send,
    {
        Batch::new(self, pages.into_iter(), true)
    }
}
