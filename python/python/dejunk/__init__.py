"""dejunk: remove boilerplate from raw page text or HTML, with a learned model.

>>> import dejunk
>>> page = "Home | News\\nThe council voted on Tuesday to keep the central library open, after months of debate.\\nShare this article"
>>> dejunk.clean(page)
'The council voted on Tuesday to keep the central library open, after months of debate.'

The core is the Rust crate `dejunk`; the GIL is released while cleaning, so
threads clean in parallel.
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
]
