from typing import Iterable, Optional, Union

Page = Union[str, bytes]
"""A page: str, or bytes in any encoding (HTML: found as a browser would; text: byte-order mark, else UTF-8)."""

MODEL_VERSION: str
__version__: str

class DejunkError(ValueError):
    """A setting out of range: threshold outside 0..1, a pattern without words, a site memory too small."""

def clean(
    text: Page,
    *,
    threshold: Optional[float] = None,
    title: Optional[bool] = None,
    comments: Optional[bool] = None,
    dedup: Optional[bool] = None,
    junk_patterns: Optional[Iterable[str]] = None,
    keep_patterns: Optional[Iterable[str]] = None,
) -> str:
    """The main body content of raw page text: the kept lines, trimmed, in input order."""

def clean_html(
    html: Page,
    *,
    threshold: Optional[float] = None,
    title: Optional[bool] = None,
    comments: Optional[bool] = None,
    dedup: Optional[bool] = None,
    junk_patterns: Optional[Iterable[str]] = None,
    keep_patterns: Optional[Iterable[str]] = None,
) -> str:
    """The main body content of an HTML document, one paragraph a line."""

def clean_html_markdown(
    html: Page,
    *,
    threshold: Optional[float] = None,
    title: Optional[bool] = None,
    comments: Optional[bool] = None,
    dedup: Optional[bool] = None,
    junk_patterns: Optional[Iterable[str]] = None,
    keep_patterns: Optional[Iterable[str]] = None,
) -> str:
    """Like clean_html, as Markdown: headings as #, list items as -, tables as pipe tables."""

class Reason:
    """One reason behind a block's decision."""

    kind: str
    """phrase, feature, context, title, above_title, dateline, keep_pattern, junk_pattern, duplicate, near_duplicate, site_memory or comment."""
    detail: str
    weight: float
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
    def observe(self, site: str, text: Page) -> None:
        """Learns from one page of `site` given as raw page text."""
    def observe_html(self, site: str, html: Page) -> None:
        """Learns from one page of `site` given as HTML."""
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
    def clean(self, text: Page, *, memory: Optional[SiteMemory] = None, site: Optional[str] = None) -> str: ...
    def clean_html(self, html: Page, *, memory: Optional[SiteMemory] = None, site: Optional[str] = None) -> str: ...
    def clean_html_markdown(self, html: Page, *, memory: Optional[SiteMemory] = None, site: Optional[str] = None) -> str: ...
    def analyze(
        self,
        text: Page,
        *,
        html: bool = False,
        memory: Optional[SiteMemory] = None,
        site: Optional[str] = None,
    ) -> list[Block]: ...
    def extract(
        self,
        text: Page,
        *,
        html: bool = False,
        memory: Optional[SiteMemory] = None,
        site: Optional[str] = None,
    ) -> dict[str, Optional[str]]:
        """The page's title (None when it has none) and its cleaned text:
        {"title": ..., "text": ...}."""
        ...
