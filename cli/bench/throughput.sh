#!/usr/bin/env bash
# CLI throughput on one core and on two, on the same gzip'd JSONL of the
# corpus repeated (>= 10,000 pages): `cli/bench/throughput.sh [ROUNDS]`.
# Prints each run's wall time and the medians; the ratio is the speed-up.
# Needs ../shared/corpus beside the repository, python3 and taskset.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-3}
corpus=../shared/corpus/dev.jsonl.gz
input=target/bench/corpus-x5.jsonl.gz
mkdir -p target/bench
cargo build --release -q -p dejunk-cli
if [ ! -f "$input" ]; then
    python3 cli/bench/gen.py "$corpus" 11450 | gzip -1 > "$input"
fi
bin=target/release/dejunk
echo "input: $input ($(du -h "$input" | cut -f1), 11,450 pages; HTML field cleaned)"
run() { # cores
    local start end
    start=$(date +%s.%N)
    taskset -c "$1" "$bin" -q "$input" -o /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
one=(); two=()
for r in $(seq "$rounds"); do
    t1=$(run 0); t2=$(run 0,1)
    echo "round $r: 1 core ${t1} s, 2 cores ${t2} s"
    one+=("$t1"); two+=("$t2")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
m1=$(median "${one[@]}"); m2=$(median "${two[@]}")
echo "median: 1 core $m1 s, 2 cores $m2 s, speed-up $(echo "scale=2; $m1 / $m2" | bc)x"
