#!/usr/bin/env bash
# Peak memory of the CLI over 10k, 100k and 1M pages: `cli/bench/memory.sh`.
# Pages are corpus texts cut at 4 kB (to keep the 1M run to minutes) on
# 20,000 sites, cleaned with --site-memory (two passes over a gzip'd file);
# flat memory means the same peak RSS at every size.
# Needs ../shared/corpus beside the repository, python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/../.."
corpus=../shared/corpus/dev.jsonl.gz
mkdir -p target/bench
cargo build --release -q -p dejunk-cli
for n in 10000 100000 1000000; do
    input=target/bench/pages-$n.jsonl.gz
    if [ ! -f "$input" ]; then
        python3 cli/bench/gen.py "$corpus" "$n" --fields text --max-bytes 4000 --sites 20000 | gzip -1 > "$input"
    fi
    /usr/bin/time -f "$n pages: %e s, peak RSS %M KiB" \
        target/release/dejunk -q --site-memory "$input" -o /dev/null
done
