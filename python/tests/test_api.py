"""The Python API: functions, Cleaner, analyze, SiteMemory, errors, threads."""

import pathlib
import threading

import pytest

import dejunk

SEEDS = pathlib.Path(__file__).resolve().parents[2] / "tests" / "seeds"

PAGE = """Home | News | Sport | Weather

Council keeps the library open

The city council voted on Tuesday to keep the central library open, after months of debate over its budget.

Councillors said the building would be repaired next year, and that opening hours would not change.

Related Articles
  • Council to vote on library budget
Share this article
© 2024 Example News. All rights reserved."""


def test_clean_keeps_the_body_and_drops_the_junk():
    out = dejunk.clean(PAGE)
    assert "The city council voted on Tuesday" in out
    assert "Councillors said" in out
    assert "Share this article" not in out
    assert "All rights reserved" not in out
    assert dejunk.clean("") == ""


def test_comments_option():
    post = "I am so glad they listened to the people who actually use the library every single week."
    page = PAGE.replace("Related Articles", "3 Comments\n\n" + post + "\n\nReply\n\nRelated Articles")
    assert post not in dejunk.clean(page)
    assert post in dejunk.clean(page, comments=True)
    kept = dejunk.Cleaner(comments=True).analyze(page)
    reasons = [r.kind for b in kept if b.text == post for r in b.reasons]
    assert reasons[0] == "comment"


def test_clean_matches_the_rust_example_on_every_seed():
    # The same model as the crate: the seeds' outputs are stable across calls.
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out = dejunk.clean(text)
        assert out == dejunk.Cleaner().clean(text)
        assert set(out.splitlines()) <= {l.strip() for l in text.splitlines()}


def test_clean_html():
    html = ("<nav><a href='/'>Home</a></nav><article><h1>Council keeps the library open</h1>"
            "<p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>"
            "<p>Councillors said the building would be repaired next year, and opening hours would not change.</p></article>"
            "<footer>© 2024 Example News. All rights reserved.</footer>")
    out = dejunk.clean_html(html)
    assert "The city council voted" in out
    assert "All rights reserved" not in out
    assert dejunk.Cleaner().clean_html(html) == out


def test_options():
    strict = dejunk.Cleaner(threshold=0.99)
    assert strict.threshold == pytest.approx(0.99)
    assert len(strict.clean(PAGE)) <= len(dejunk.clean(PAGE))
    no_title = dejunk.clean(PAGE, title=False)
    assert "Council keeps the library open" not in no_title
    junk = dejunk.clean(PAGE, junk_patterns=["councillors said"])
    assert "Councillors said" not in junk
    keep = dejunk.clean(PAGE, keep_patterns=["share this article"])
    assert "Share this article" in keep
    assert repr(dejunk.Cleaner()) == "Cleaner(threshold=0.5)"


def test_analyze_explains_every_block():
    blocks = dejunk.Cleaner().analyze(PAGE)
    assert len(blocks) == 8
    share = next(b for b in blocks if b.text == "Share this article")
    assert not share.kept
    assert 0.0 <= share.score <= 1.0
    assert share.reasons and all(isinstance(r, dejunk.Reason) for r in share.reasons)
    assert share.reasons[0].kind in {"phrase", "feature", "context"}
    assert str(share.reasons[0]) == share.reasons[0].text
    for r in share.reasons:
        if r.feature not in (None, "trees"):
            assert isinstance(r.value, float) and isinstance(r.usual, float)
            assert ", usually " in r.text
        else:
            assert r.value is None and r.usual is None
    kept = "\n".join(b.text for b in blocks if b.kept)
    assert kept == dejunk.clean(PAGE)
    assert dejunk.Cleaner().analyze("<p>Hello there.</p>", html=True)[0].text == "Hello there."
    assert "Block(line=" in repr(blocks[0])


def test_bad_settings_raise_dejunk_error():
    for kwargs in [dict(threshold=1.5), dict(threshold=-0.1), dict(junk_patterns=["ok", "  "])]:
        with pytest.raises(dejunk.DejunkError):
            dejunk.Cleaner(**kwargs)
    with pytest.raises(ValueError, match="threshold must be a number in 0..=1"):
        dejunk.clean("x", threshold=2.0)
    with pytest.raises(dejunk.DejunkError, match="memory_bytes"):
        dejunk.SiteMemory(memory_bytes=10)
    with pytest.raises(dejunk.DejunkError, match="go together"):
        dejunk.Cleaner().clean("x", memory=dejunk.SiteMemory())
    with pytest.raises(TypeError):
        dejunk.clean(["a list is not a page"])
    with pytest.raises(UnicodeEncodeError):
        dejunk.clean("lone surrogate \ud800")


def test_bad_input_does_not_crash():
    assert dejunk.clean("\x00\x01\x02" * 1000) is not None
    assert isinstance(dejunk.clean("a" * 5_000_000), str)
    assert isinstance(dejunk.clean_html("<div>" * 100_000), str)


def test_site_memory():
    memory = dejunk.SiteMemory()
    promo = "The mayor said the bridge repairs, which began in March, would be finished before the winter holidays."
    places = ["library", "museum", "harbour", "station", "park"]
    pages = [f"The city council voted on Tuesday to keep the central {p} open, after months of debate.\n{promo}\n"
             f"Councillors said the {p} would be repaired next year, and that opening hours would not change."
             for p in places]
    for page in pages:
        memory.observe("example.com", page)
    assert memory.pages("example.com") == 5
    assert memory.count("example.com", promo) == 5
    assert memory.is_boilerplate("example.com", promo)
    cleaner = dejunk.Cleaner()
    assert promo in cleaner.clean(pages[0])
    out = cleaner.clean(pages[0], memory=memory, site="example.com")
    assert promo not in out and "central library" in out
    blocks = cleaner.analyze(pages[0], memory=memory, site="example.com")
    dropped = next(b for b in blocks if b.text == promo)
    assert dropped.reasons[0].kind == "site_memory"
    assert dropped.reasons[0].detail == "on 5 of 5 pages of the site"
    memory.observe_html("html.example", "<p>x</p>")
    assert memory.pages("html.example") == 1
    # One shape: html=None sniffs, as clean does; html= says which.
    nav = "<nav>Home | News | Sport</nav>"
    memory.observe("sniffed.example", f"<!doctype html>{nav}<p>A story.</p>")
    memory.observe("sniffed.example", f"{nav}<p>Another story.</p>", html=True)
    assert memory.count("sniffed.example", "Home | News | Sport") == 2
    memory.observe("text.example", f"{nav}\nA story.", html=False)
    assert memory.count("text.example", nav) == 1


def test_threads_share_a_cleaner_and_release_the_gil():
    cleaner = dejunk.Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] * 8
    expected = [cleaner.clean(t) for t in texts]
    results = [None] * len(texts)

    def work(i):
        results[i] = cleaner.clean(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


def test_extract_returns_the_title_beside_the_text():
    body = "The city council voted on Tuesday to keep the central library open, after months of debate."
    page = f"Council keeps the library open\n{body}"
    c = dejunk.Cleaner()
    got = c.extract(page)
    assert got["title"] == "Council keeps the library open"
    assert got["text"] == c.clean(page)
    html = f"<h1>Council keeps the library open</h1><p>{body}</p>"
    assert c.extract(html, html=True)["title"] == "Council keeps the library open"
    assert c.extract("menu")["title"] is None


def test_version():
    assert dejunk.__version__.count(".") == 2
    assert dejunk.MODEL_VERSION.startswith("2.")


def test_bytes_in_any_encoding():
    body = "Городской совет во вторник проголосовал за то, чтобы центральная библиотека осталась открытой."
    html = "<meta charset=windows-1251><article><p>" + body + "</p></article>"
    assert dejunk.clean_html(html.encode("cp1251")) == body
    assert dejunk.Cleaner().clean_html(html.encode("cp1251")) == body
    # Text bytes: UTF-8, or as their byte-order mark says.
    text = "Share this\n" + body
    assert dejunk.clean(text.encode("utf-8")) == dejunk.clean(text)
    assert dejunk.clean(text.encode("utf-16")) == dejunk.clean(text)
    assert dejunk.Cleaner().extract(html.encode("cp1251"), html=True)["text"] == body
    with pytest.raises(TypeError):
        dejunk.clean(42)


def test_markdown():
    html = ("<article><h1>Council keeps the library open</h1>"
            "<p>The city council voted on Tuesday to keep the central library open, after months of debate.</p>"
            "<ul><li>Opening hours stay the same, from nine to six.</li>"
            "<li>The roof will be repaired next year, at a cost of two million.</li></ul></article>")
    md = dejunk.clean_html_markdown(html)
    assert md.startswith("# Council keeps the library open\n\n")
    assert "\n- Opening hours stay the same" in md
    assert dejunk.Cleaner().clean_html_markdown(html.encode()) == md


def test_one_shape_html_sniffed_by_default():
    """HTML given without html= is read as HTML (it starts as HTML does)."""
    body = "The bridge reopened on Monday after two years of repairs, the city said."
    html = (
        '<!DOCTYPE html><html><head><link rel="stylesheet" href="a.css"><style>p { color: red }</style>'
        "<title>x</title></head><body><h1>The bridge is open</h1><p>" + body + "</p></body></html>"
    )
    c = dejunk.Cleaner()
    for page in (html, html.encode()):
        e = c.extract(page)
        assert e["title"] == "The bridge is open"
        assert "<link" not in e["text"] and body in e["text"]
        assert e["markdown"].startswith("# The bridge is open")
        assert dejunk.clean(page) == c.clean(page) == c.clean_html(page)
        assert [b.text for b in c.analyze(page)][-1] == body
    # Said as text, it stays text; a text page is not sniffed as HTML.
    assert c.clean(html, html=False) != c.clean(html)
    assert c.extract(body)["markdown"] is None
    assert dejunk.clean_html_markdown(html).startswith("# The bridge is open")
    assert dejunk.clean(html, markdown=True) == dejunk.clean_html_markdown(html)


def test_reasons_people_read():
    line = "The mayor opened the new bridge on Monday, the city said in a statement on Tuesday."
    blocks = dejunk.Cleaner().analyze(line + "\nHome | News | Sport | Weather\n" + line)
    assert blocks[0].line == 1
    dup = blocks[2].reasons[0]
    assert (dup.kind, dup.line) == ("duplicate", 1)
    menu = [r for r in blocks[1].reasons if r.feature is not None]
    assert menu and all(r.meaning for r in menu)
    assert all(r.pattern is None for r in menu)


def test_extract_gives_what_the_page_says_of_itself():
    html = """<html lang="de-AT"><head><script type="application/ld+json">
        {"@type": "NewsArticle", "datePublished": "2024-05-03T15:47:42+02:00",
         "author": [{"@type": "Person", "name": "Anna Fink"}], "headline": "Die Bibliothek bleibt offen"}
        </script></head><body><p>Der Gemeinderat hat am Dienstag beschlossen, die Bibliothek offen zu halten.</p></body></html>"""
    e = dejunk.Cleaner().extract(html)
    assert e["date"] == "2024-05-03T15:47:42+02:00"
    assert e["authors"] == ["Anna Fink"]
    assert e["lang"] == "de"
    assert e["headline"] == "Die Bibliothek bleibt offen"
    t = dejunk.Cleaner().extract("Just some text.")
    assert t["date"] is None and t["authors"] == [] and t["tags"] == []
    # A text page: its byline and date lines, its URL's date, its language.
    text = ("Council keeps the library open\nBy Anna Fink\n3 May 2024\n"
            "The city council voted on Tuesday to keep the central library open, after months of debate about its roof.")
    t = dejunk.Cleaner().extract(text)
    assert (t["authors"], t["date"], t["lang"]) == (["Anna Fink"], "2024-05-03", "en")
    u = dejunk.Cleaner().extract("The city council voted on Tuesday to keep the central library open.",
                                 url="https://example.com/2024/05/03/library")
    assert u["date"] == "2024-05-03"
