from typing import Any, Iterable, Optional, Union

Page = Union[str, bytes]
"""A page: str, or bytes in any encoding (HTML: found as a browser would; text: byte-order mark, else UTF-8)."""

MODEL_VERSION: str
__version__: str

class DejunkError(ValueError):
    """A setting out of range: threshold outside 0..1, a pattern without words, a site memory too small."""

def clean(
    page: Page,
    *,
    html: Optional[bool] = None,
    markdown: bool = False,
    threshold: Optional[float] = None,
    title: Optional[bool] = None,
    comments: Optional[bool] = None,
    dedup: Optional[bool] = None,
    junk_patterns: Optional[Iterable[str]] = None,
    keep_patterns: Optional[Iterable[str]] = None,
) -> str:
    """The main body content of a page: the kept lines, trimmed, in input order. html=None sniffs (HTML when it starts as HTML does); markdown=True writes an HTML page's content as Markdown."""

class Reason:
    """One reason behind a block's decision."""

    kind: str
    """phrase, feature, context, title, above_title, dateline, keep_pattern, junk_pattern, duplicate, near_duplicate, site_memory, comment or not_text."""
    detail: str
    weight: float
    line: Optional[int]
    """The line (from 1) of the block a rule refers to: the title, the kept block a duplicate repeats."""
    pattern: Optional[str]
    feature: Optional[str]
    meaning: str
    """What the reason means, in words."""
    pages: Optional[tuple[int, int]]
    value: Optional[float]
    """A feature's value for the block (None for other reasons)."""
    usual: Optional[float]
    """The feature's mean on the model's training pages (None where value is)."""
    text: str

class Block:
    """One block of an analysed page."""

    line: int
    text: str
    kept: bool
    score: float
    reasons: list[Reason]

class SiteMemory:
    """Cross-page memory of the lines that recur on a site's pages (fixed size, thread-safe)."""

    def __init__(self, *, memory_bytes: int = 16 << 20, min_pages: int = 4, min_share: float = 0.05) -> None: ...
    def observe(self, site: str, page: Page, *, html: Optional[bool] = None) -> None:
        """Observes one page of `site`; html=None sniffs (as clean does), True or False says which."""
    def observe_html(self, site: str, page: Page) -> None:
        """observe(site, page, html=True)."""
    def pages(self, site: str) -> int: ...
    def count(self, site: str, line: str) -> int: ...
    def is_boilerplate(self, site: str, line: str) -> bool: ...

class Cleaner:
    """A reusable, thread-safe cleaner."""

    def __init__(
        self,
        *,
        threshold: Optional[float] = None,
        title: Optional[bool] = None,
        comments: Optional[bool] = None,
    dedup: Optional[bool] = None,
        junk_patterns: Optional[Iterable[str]] = None,
        keep_patterns: Optional[Iterable[str]] = None,
    ) -> None: ...
    @property
    def threshold(self) -> float: ...
    def clean(
        self,
        page: Page,
        *,
        html: Optional[bool] = None,
        markdown: bool = False,
        memory: Optional[SiteMemory] = None,
        site: Optional[str] = None,
    ) -> str: ...
    def clean_html(self, html: Page, *, memory: Optional[SiteMemory] = None, site: Optional[str] = None) -> str: ...
    def clean_html_markdown(self, html: Page, *, memory: Optional[SiteMemory] = None, site: Optional[str] = None) -> str: ...
    def analyze(
        self,
        page: Page,
        *,
        html: Optional[bool] = None,
        memory: Optional[SiteMemory] = None,
        site: Optional[str] = None,
    ) -> list[Block]: ...
    def extract(
        self,
        page: Page,
        *,
        html: Optional[bool] = None,
        url: Optional[str] = None,
        memory: Optional[SiteMemory] = None,
        site: Optional[str] = None,
    ) -> dict[str, Any]:
        """The page's title (None when it has none), its cleaned text and, for
        HTML, its Markdown: {"title": ..., "text": ..., "markdown": ...}; and
        its metadata: "headline", "date", "modified", "site_name", "lang",
        "canonical_url", "description", "image" (str or None), "authors" and
        "tags" (lists). url: the page's URL (its path may give the date)."""
        ...
