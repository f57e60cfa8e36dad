#!/usr/bin/env python3
"""Writes JSONL pages made from the corpus to stdout, for the CLI benchmarks.

    gen.py CORPUS.jsonl.gz PAGES [--fields text|html|all] [--max-bytes N] [--sites N]

Cycles through the corpus pages until PAGES pages are written. `--fields`
chooses which content fields each record carries (default all: text and
html, as in the corpus). `--max-bytes N` cuts each text at a line boundary
before N bytes. `--sites N` rewrites the URLs so that page k belongs to site
k % N (`https://siteK.example/...`); otherwise the corpus URL is kept.
"""
import argparse, gzip, json, sys

p = argparse.ArgumentParser()
p.add_argument("corpus")
p.add_argument("pages", type=int)
p.add_argument("--fields", default="all", choices=["text", "html", "all"])
p.add_argument("--max-bytes", type=int, default=0)
p.add_argument("--sites", type=int, default=0)
a = p.parse_args()

docs = []
with gzip.open(a.corpus, "rt", encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        text = d["text"]
        if a.max_bytes and len(text) > a.max_bytes:
            text = text[: text.rfind("\n", 0, a.max_bytes) + 1 or a.max_bytes]
        rec = {"id": d["id"], "url": d.get("url")}
        if a.fields in ("text", "all"):
            rec["text"] = text
        if a.fields in ("html", "all"):
            rec["html"] = d["html"]
        docs.append(rec)

out = sys.stdout
for k in range(a.pages):
    rec = docs[k % len(docs)]
    if a.sites:
        rec = dict(rec, url=f"https://site{k % a.sites}.example/{k}")
    out.write(json.dumps(rec, ensure_ascii=False))
    out.write("\n")
