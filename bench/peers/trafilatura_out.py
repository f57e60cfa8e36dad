"""trafilatura's outputs on a labelled corpus, in the `examples/eval --out`
format, so that `examples/eval --score` scores them with dejunk's metric and
split, on the same pages.

    python3 -m venv target/peers-venv
    target/peers-venv/bin/pip install trafilatura lxml_html_clean
    target/peers-venv/bin/python bench/peers/trafilatura_out.py \
        ../shared/corpus/modern.jsonl.gz target/peers/trafilatura-modern.jsonl
    cargo run --release --example eval -- ../shared/corpus/modern.jsonl.gz \
        --validation --group-by page_type --score target/peers/trafilatura-modern.jsonl

trafilatura is run with its defaults (`trafilatura.extract(html)`: comments
and tables included, output as plain text), one page at a time.
"""

import argparse
import gzip
import json
import sys
import time

import trafilatura


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", help="JSONL(.gz) with id, dataset, html")
    ap.add_argument("out", help="output JSONL: {id, output, seconds}")
    ap.add_argument("--dataset", help="only this dataset")
    args = ap.parse_args()
    opener = gzip.open if args.corpus.endswith(".gz") else open
    n = 0
    with opener(args.corpus, "rt", encoding="utf-8") as f, open(args.out, "w") as out:
        for line in f:
            doc = json.loads(line)
            if args.dataset and doc["dataset"] != args.dataset:
                continue
            t = time.perf_counter()
            try:
                text = trafilatura.extract(doc["html"]) or ""
            except Exception as e:  # a peer's failure scores as an empty output
                print(f"{doc['id']}: {e}", file=sys.stderr)
                text = ""
            seconds = time.perf_counter() - t
            out.write(json.dumps({"id": doc["id"], "output": text, "seconds": seconds}) + "\n")
            n += 1
    print(f"{n} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
