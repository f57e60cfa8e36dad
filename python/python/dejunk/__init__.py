"""dejunk: remove boilerplate from raw page text or HTML, with a learned model.

>>> import dejunk
>>> page = "Home | News\\nThe council voted on Tuesday to keep the central library open, after months of debate.\\nShare this article"
>>> dejunk.clean(page)
'The council voted on Tuesday to keep the central library open, after months of debate.'

Pages are str, or bytes in any encoding. The core is the Rust crate
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
    clean_html,
    clean_html_markdown,
)

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
