"""A datatrove pipeline step: `DejunkExtractor` cleans each document's text
(HTML by default, as datatrove's readers of WARC files give it) with dejunk,
and puts what the page says of itself in the document's metadata.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from dejunk.datatrove import DejunkExtractor

    pipeline = [WarcReader("crawl/"), DejunkExtractor(), JsonlWriter("clean/")]

Use it where datatrove's `Trafilatura` extractor would go. Documents whose
cleaned text is empty are dropped (as datatrove's extractors do).

The metadata keys (each set only when the page gives it; a key the
document already has is left alone, such as the reader's crawl "date"):
"title", "date_published", "date_modified", "authors", "site_name",
"language", "canonical_url", "description", "tags", "image".
"""

from datatrove.pipeline.extractors.base import BaseExtractor

from . import Cleaner

# extract()'s fields and the document metadata keys they go to.
_KEYS = {
    "title": "title",
    "date": "date_published",
    "modified": "date_modified",
    "authors": "authors",
    "site_name": "site_name",
    "lang": "language",
    "canonical_url": "canonical_url",
    "description": "description",
    "tags": "tags",
    "image": "image",
}


class _Text(str):
    """The cleaned text, carrying the page's metadata back from datatrove's
    sandboxed worker process (a str, so the step's base class handles it as
    any extractor's text)."""

    def __new__(cls, text: str, metadata: dict):
        s = super().__new__(cls, text)
        s.metadata = metadata
        return s

    def __reduce__(self):
        return (_Text, (str(self), self.metadata))


class DejunkExtractor(BaseExtractor):
    """Replaces each document's text (HTML, or raw page text with
    `html=False`) with its main content, and adds its metadata (see the
    module's docs; `metadata=False` skips it). Keyword options are
    `Cleaner`'s."""

    name = "⛏ dejunk"
    _requires_dependencies = []

    def __init__(self, html: bool = True, timeout: float = 1.0, metadata: bool = True, **options):
        super().__init__(timeout)
        self.html = html
        self.metadata = metadata
        self.cleaner = Cleaner(**options)

    def extract(self, text: str) -> str:
        if not self.metadata:
            if self.html:
                return self.cleaner.clean_html(text)
            return self.cleaner.clean(text)
        e = self.cleaner.extract(text, html=self.html)
        found = {key: e[field] for field, key in _KEYS.items() if e.get(field)}
        return _Text(e["text"], found)

    def run(self, data, rank: int = 0, world_size: int = 1):
        for doc in super().run(data, rank, world_size):
            found = getattr(doc.text, "metadata", None)
            if found is not None:
                doc.text = str(doc.text)
                for key, value in found.items():
                    doc.metadata.setdefault(key, value)
            yield doc
