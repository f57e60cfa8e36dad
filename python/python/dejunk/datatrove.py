"""A datatrove pipeline step: `DejunkExtractor` cleans each document's text
(HTML by default, as datatrove's readers of WARC files give it) with dejunk.

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from dejunk.datatrove import DejunkExtractor

    pipeline = [WarcReader("crawl/"), DejunkExtractor(), JsonlWriter("clean/")]

Use it where datatrove's `Trafilatura` extractor would go. Documents whose
cleaned text is empty are dropped (as datatrove's extractors do).
"""

from datatrove.pipeline.extractors.base import BaseExtractor

from . import Cleaner


class DejunkExtractor(BaseExtractor):
    """Replaces each document's text (HTML, or raw page text with
    `html=False`) with its main content. Keyword options are `Cleaner`'s."""

    name = "⛏ dejunk"
    _requires_dependencies = []

    def __init__(self, html: bool = True, timeout: float = 1.0, **options):
        super().__init__(timeout)
        self.html = html
        self.cleaner = Cleaner(**options)

    def extract(self, text: str) -> str:
        if self.html:
            return self.cleaner.clean_html(text)
        return self.cleaner.clean(text)
