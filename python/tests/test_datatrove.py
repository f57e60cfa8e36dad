"""The datatrove step on datatrove's own Document objects."""

import os

import pytest

# Skipped without datatrove, unless DEJUNK_TEST_ALL is set (CI sets it, so
# there a missing package fails instead).
if not os.environ.get("DEJUNK_TEST_ALL"):
    pytest.importorskip("datatrove", reason="datatrove is not installed (pip install datatrove)")

from datatrove.data import Document  # noqa: E402

import dejunk  # noqa: E402
from dejunk.datatrove import DejunkExtractor  # noqa: E402

HTML = ("<nav><a href='/'>Home</a></nav><article>"
        "<p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>"
        "<p>Councillors said the building would be repaired next year, and opening hours would not change.</p></article>"
        "<footer>© 2024 Example News. All rights reserved.</footer>")


def test_extractor_cleans_documents_like_the_direct_call():
    step = DejunkExtractor()
    docs = [Document(text=HTML, id=str(i)) for i in range(3)] + [Document(text="<script>var x = 1;</script>", id="empty")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == ["0", "1", "2"]
    assert all(d.text == dejunk.clean_html(HTML) for d in out)
    text_step = DejunkExtractor(html=False, threshold=0.5)
    assert text_step.extract("Share this\nThe council voted on Tuesday to keep the library open, after months of debate.") \
        == dejunk.clean("Share this\nThe council voted on Tuesday to keep the library open, after months of debate.")


def test_extractor_puts_the_metadata_in_the_document():
    html = ('<html lang="en"><head><meta name="author" content="By Anna Fink">'
            '<meta property="article:published_time" content="2024-05-03T10:00:00Z"></head>'
            "<body>" + HTML + "</body></html>")
    doc = Document(text=html, id="a", metadata={"date": "2026-01-01T00:00:00Z"})
    [out] = list(DejunkExtractor().run(iter([doc])))
    assert type(out.text) is str and out.text == dejunk.clean_html(html)
    assert out.metadata["date_published"] == "2024-05-03T10:00:00+00:00"
    assert out.metadata["authors"] == ["Anna Fink"]
    assert out.metadata["language"] == "en"
    # The reader's crawl date stays.
    assert out.metadata["date"] == "2026-01-01T00:00:00Z"
    [bare] = list(DejunkExtractor(metadata=False).run(iter([Document(text=html, id="b")])))
    assert bare.metadata == {}
