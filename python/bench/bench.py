#!/usr/bin/env python3
"""Speed of dejunk.clean_html from Python against trafilatura and resiliparse
on the scrapinghub pages, and a PySpark local-mode job over 10,000 pages.

    python bench/bench.py [../shared/corpus/dev.jsonl.gz] [--rounds 3] [--spark-pages 10000] [--no-spark]

Each extractor runs over the 181 scrapinghub pages' HTML in one process, one
page at a time; the extractors take turns, `--rounds` rounds, so that a
slow spell of the machine hits all of them; the figures are each one's
median round: its total and the median of its per-page times. F1 is the
token-multiset F1 against the benchmark's gold (as `examples/eval.rs`,
tokens = lowercased \\w+ runs), averaged over pages.

The Spark job reads a JSONL of corpus pages repeated to --spark-pages pages,
cleans the `html` column with `dejunk.spark.clean_html_udf` on local[*],
collects the result and checks every page against `dejunk.clean_html`
called directly.
"""
import argparse
import collections
import gzip
import json
import os
import re
import statistics
import sys
import tempfile
import time

import dejunk

TOKEN = re.compile(r"\w+")


def f1(out, gold):
    o = collections.Counter(TOKEN.findall(out.lower()))
    g = collections.Counter(TOKEN.findall(gold.lower()))
    overlap = sum((o & g).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(o.values()), overlap / sum(g.values())
    return 2 * p * r / (p + r)


def timed(fn, pages):
    per_page, outs = [], []
    for html in pages:
        t = time.perf_counter()
        outs.append(fn(html) or "")
        per_page.append(time.perf_counter() - t)
    return sum(per_page), statistics.median(per_page), outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpus/dev.jsonl.gz"))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--spark-pages", type=int, default=10000)
    ap.add_argument("--no-spark", action="store_true")
    a = ap.parse_args()

    docs = [json.loads(l) for l in gzip.open(a.corpus, "rt", encoding="utf-8")]
    test = [d for d in docs if d["dataset"] == "scrapinghub"]
    pages = [d["html"] for d in test]
    mb = sum(len(p.encode()) for p in pages) / 1e6
    print(f"{len(pages)} scrapinghub pages, {mb:.1f} MB of HTML; python {sys.version.split()[0]}")

    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text

    extractors = {
        "dejunk.clean_html": dejunk.clean_html,
        "resiliparse main_content": lambda h: extract_plain_text(h, main_content=True),
        "trafilatura.extract": trafilatura.extract,
    }
    dejunk.clean_html("<p>warm-up: the model is built on first use</p>")
    runs = {name: [] for name in extractors}
    for r in range(a.rounds):
        for name, fn in extractors.items():
            runs[name].append(timed(fn, pages))
        print(f"round {r + 1}: " + ", ".join(f"{n} {runs[n][-1][0]:.2f} s" for n in extractors))
    results = {}
    print(f"{'extractor':<26} {'total s':>8} {'MB/s':>7} {'median ms':>10} {'F1':>6}")
    for name in extractors:
        total, median, outs = sorted(runs[name], key=lambda x: x[0])[len(runs[name]) // 2]
        score = statistics.mean(f1(o, d["gold"]) for o, d in zip(outs, test))
        results[name] = total
        print(f"{name:<26} {total:>8.2f} {mb / total:>7.1f} {median * 1e3:>10.2f} {score:>6.3f}")
    d = results["dejunk.clean_html"]
    print(f"dejunk is {results['trafilatura.extract'] / d:.1f}x as fast as trafilatura "
          f"and {results['resiliparse main_content'] / d:.2f}x as fast as resiliparse")

    if a.no_spark:
        return
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from dejunk.spark import clean_html_udf

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "pages.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for k in range(a.spark_pages):
                f.write(json.dumps({"id": k, "html": docs[k % len(docs)]["html"]}) + "\n")
        spark = (SparkSession.builder.master("local[*]").appName("dejunk-bench")
                 .config("spark.ui.enabled", "false").config("spark.driver.memory", "4g").getOrCreate())
        t = time.perf_counter()
        rows = (spark.read.json(path).withColumn("clean", clean_html_udf()("html"))
                .select("id", "clean").collect())
        spark_s = time.perf_counter() - t
        spark.stop()
    got = {r["id"]: r["clean"] for r in rows}
    t = time.perf_counter()
    mismatches = sum(got.get(k) != dejunk.clean_html(docs[k % len(docs)]["html"]) for k in range(a.spark_pages))
    direct_s = time.perf_counter() - t
    print(f"PySpark local[*]: {len(rows)} pages in {spark_s:.1f} s ({len(rows) / spark_s:.0f} pages/s); "
          f"direct calls, one thread: {direct_s:.1f} s; mismatches: {mismatches}")
    if len(rows) != a.spark_pages or mismatches:
        sys.exit("the Spark job does not match the direct call")


if __name__ == "__main__":
    main()
