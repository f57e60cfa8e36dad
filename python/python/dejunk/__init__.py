"""dejunk: remove boilerplate from raw page text or HTML, with a learned model.

>>> import dejunk
>>> page = "Home | News\\nThe council voted on Tuesday to keep the central library open, after months of debate.\\nShare this article"
>>> dejunk.clean(page)
'The council voted on Tuesday to keep the central library open, after months of debate.'

Pages are str, or bytes in any encoding; HTML is recognised by its first
bytes (html=None, the default: the WHATWG sniffing rules), or said with
html=True / html=False. The core is the Rust crate
`dejunk`; the GIL is released while cleaning, so threads clean in parallel.
The distribution is `dejunk-rs` on the package index (`pip install
dejunk-rs`); the import name is `dejunk`.
"""

from ._dejunk import (
    MODEL_VERSION,
    __version__,
    Block,
    Cleaner,
    DejunkError,
    Reason,
    SiteMemory,
    clean,
)


def clean_html(html, **options):
    """The main body content of an HTML document (str, or bytes in any
    encoding), one paragraph a line: ``clean(html, html=True, **options)``."""
    return clean(html, html=True, **options)


def clean_html_markdown(html, **options):
    """Like clean_html, as Markdown (headings as #, list items as -,
    tables as pipe tables): ``clean(html, html=True, markdown=True, **options)``."""
    return clean(html, html=True, markdown=True, **options)


__all__ = [
    "MODEL_VERSION",
    "__version__",
    "Block",
    "Cleaner",
    "DejunkError",
    "Reason",
    "SiteMemory",
    "clean",
    "clean_html",
    "clean_html_markdown",
]
