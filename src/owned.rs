//! [`OwnedPage`]: a page that owns its content (a `String` or the bytes
//! read from a file or a crawl record), and [`AsPage`], what
//! `Cleaner::clean_batch` takes: anything a [`Page`] can be borrowed from.

use crate::memory::SiteMemory;
use crate::page::Page;

/// A page that owns its content: what a reader of files or crawl records
/// makes, to hand pages to `Cleaner::clean_batch` (feature `rayon`) or to
/// keep them past the buffer they came from. Its constructors are
/// [`Page`]'s, taking owned values; `&owned` is a [`Page`] for every
/// [`Cleaner`](crate::Cleaner) method.
///
/// # Example
///
/// ```
/// use dejunk::{Cleaner, OwnedPage, SiteMemory};
///
/// let memory = SiteMemory::new();
/// let page = OwnedPage::auto(b"<p>The bridge reopened on Monday after two years of repairs, the city said.</p>".to_vec(), None)
///     .site(&memory, "news.example".to_string());
/// assert!(page.as_page().is_html());
/// assert!(Cleaner::new().clean(&page).starts_with("The bridge reopened"));
/// ```
#[derive(Clone, Debug)]
pub struct OwnedPage<'m> {
    content: Owned,
    site: Option<(&'m SiteMemory, String)>,
}

#[derive(Clone, Debug)]
enum Owned {
    Text(String),
    Bytes(Vec<u8>),
    #[cfg(feature = "html")]
    Html(String),
    #[cfg(feature = "html")]
    HtmlBytes(Vec<u8>, Option<String>),
}

impl OwnedPage<'static> {
    /// A page of raw text, as [`Page::text`].
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::OwnedPage::text("one line\nanother".to_string());
    /// assert!(!page.as_page().is_html());
    /// ```
    pub fn text(text: String) -> OwnedPage<'static> {
        OwnedPage::of(Owned::Text(text))
    }

    /// A page of raw text as bytes, as [`Page::bytes`].
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::OwnedPage::bytes(b"one line\nanother".to_vec());
    /// assert!(!page.as_page().is_html());
    /// ```
    pub fn bytes(bytes: Vec<u8>) -> OwnedPage<'static> {
        OwnedPage::of(Owned::Bytes(bytes))
    }

    /// An HTML document, as [`Page::html`].
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::OwnedPage::html("<p>Hello</p>".to_string());
    /// assert!(page.as_page().is_html());
    /// ```
    #[cfg(feature = "html")]
    pub fn html(html: String) -> OwnedPage<'static> {
        OwnedPage::of(Owned::Html(html))
    }

    /// An HTML document as bytes in any encoding, as [`Page::html_bytes`].
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::OwnedPage::html_bytes(b"<p>Hello</p>".to_vec(), Some("text/html".into()));
    /// assert!(page.as_page().is_html());
    /// ```
    #[cfg(feature = "html")]
    pub fn html_bytes(bytes: Vec<u8>, content_type: Option<String>) -> OwnedPage<'static> {
        OwnedPage::of(Owned::HtmlBytes(bytes, content_type))
    }

    /// A page whose kind is sniffed, as [`Page::auto`]: HTML by its
    /// `Content-Type` or its first bytes, else text.
    ///
    /// # Example
    ///
    /// ```
    /// let page = dejunk::OwnedPage::auto(b"<!doctype html><p>Hello</p>".to_vec(), None);
    /// assert!(page.as_page().is_html());
    /// ```
    pub fn auto(bytes: Vec<u8>, content_type: Option<String>) -> OwnedPage<'static> {
        #[cfg(feature = "html")]
        if crate::sniff::is_html(&bytes, content_type.as_deref()) {
            return OwnedPage::html_bytes(bytes, content_type);
        }
        let _ = content_type;
        OwnedPage::bytes(bytes)
    }

    fn of(content: Owned) -> OwnedPage<'static> {
        OwnedPage {
            content,
            site: None,
        }
    }
}

impl<'m> OwnedPage<'m> {
    /// The same page, cleaned with the memory of its site, as
    /// [`Page::site`].
    ///
    /// # Example
    ///
    /// ```
    /// let memory = dejunk::SiteMemory::new();
    /// let page = dejunk::OwnedPage::text("Hello".to_string()).site(&memory, "a.example".to_string());
    /// # let _ = page;
    /// ```
    pub fn site<'n>(self, memory: &'n SiteMemory, site: String) -> OwnedPage<'n> {
        OwnedPage {
            content: self.content,
            site: Some((memory, site)),
        }
    }

    /// The page, borrowed.
    ///
    /// # Example
    ///
    /// ```
    /// let text = "The museum will reopen in May, its director told reporters on Friday.";
    /// let page = dejunk::OwnedPage::text(text.to_string());
    /// assert_eq!(dejunk::Cleaner::new().clean(page.as_page()), text);
    /// ```
    pub fn as_page(&self) -> Page<'_> {
        let page = match &self.content {
            Owned::Text(t) => Page::text(t),
            Owned::Bytes(b) => Page::bytes(b),
            #[cfg(feature = "html")]
            Owned::Html(h) => Page::html(h),
            #[cfg(feature = "html")]
            Owned::HtmlBytes(b, ct) => Page::html_bytes(b, ct.as_deref()),
        };
        match &self.site {
            Some((memory, site)) => page.site(memory, site),
            None => page,
        }
    }
}

impl From<String> for OwnedPage<'static> {
    /// A page of raw text ([`OwnedPage::text`]).
    ///
    /// # Example
    ///
    /// ```
    /// let page: dejunk::OwnedPage = String::from("Hello").into();
    /// assert!(!page.as_page().is_html());
    /// ```
    fn from(text: String) -> OwnedPage<'static> {
        OwnedPage::text(text)
    }
}

impl From<Vec<u8>> for OwnedPage<'static> {
    /// A page of raw text as bytes ([`OwnedPage::bytes`]).
    ///
    /// # Example
    ///
    /// ```
    /// let page: dejunk::OwnedPage = b"Hello".to_vec().into();
    /// assert!(!page.as_page().is_html());
    /// ```
    fn from(bytes: Vec<u8>) -> OwnedPage<'static> {
        OwnedPage::bytes(bytes)
    }
}

impl<'a> From<&'a OwnedPage<'_>> for Page<'a> {
    /// The page, borrowed ([`OwnedPage::as_page`]).
    ///
    /// # Example
    ///
    /// ```
    /// let text = "The museum will reopen in May, its director told reporters on Friday.";
    /// let page = dejunk::OwnedPage::text(text.to_string());
    /// assert_eq!(dejunk::Cleaner::new().clean(&page), text);
    /// ```
    fn from(page: &'a OwnedPage<'_>) -> Page<'a> {
        page.as_page()
    }
}

mod sealed {
    pub trait Sealed {}
}

/// What `Cleaner::clean_batch` (feature `rayon`) takes: a value a [`Page`]
/// can be borrowed from while it is cleaned. Text as `&str`, `String` or
/// `&String`; text bytes as `Vec<u8>` or `&[u8]` ([`Page::bytes`]); a
/// [`Page`]; an [`OwnedPage`] (HTML, sniffed, with a site). Sealed: the
/// crate's types only.
///
/// # Example
///
/// ```
/// use dejunk::AsPage;
///
/// let owned = String::from("Hello");
/// assert!(!owned.as_page().is_html());
/// assert!(!b"Hello".to_vec().as_page().is_html());
/// ```
pub trait AsPage: sealed::Sealed {
    /// The page, borrowed from `self`.
    fn as_page(&self) -> Page<'_>;
}

macro_rules! as_page {
    ($($t:ty => $f:ident),* $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl AsPage for $t {
            fn as_page(&self) -> Page<'_> {
                Page::$f(self)
            }
        }
    )*};
}

as_page! {
    str => text,
    String => text,
    [u8] => bytes,
    Vec<u8> => bytes,
}

impl sealed::Sealed for Page<'_> {}
impl AsPage for Page<'_> {
    fn as_page(&self) -> Page<'_> {
        self.clone()
    }
}

impl sealed::Sealed for OwnedPage<'_> {}
impl AsPage for OwnedPage<'_> {
    fn as_page(&self) -> Page<'_> {
        OwnedPage::as_page(self)
    }
}

impl<T: sealed::Sealed + ?Sized> sealed::Sealed for &T {}
impl<T: AsPage + ?Sized> AsPage for &T {
    fn as_page(&self) -> Page<'_> {
        (**self).as_page()
    }
}
