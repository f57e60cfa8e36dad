#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 900) each, JOBS (default 2)
# at a time, from a scratch copy of the checked-in corpus; prints each
# target's last libFuzzer status line (executions, coverage). Crashes go to
# fuzz/artifacts/<target>/.
#   fuzz/run.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets it
# use the sanitizer flags on the stable toolchain.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-900}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html html_soup html_tree model memory jsonl warc warc_records)
jobs=${JOBS:-2}
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
mkdir -p ../target/fuzz-logs
run() {
    local t=$1 dir=../target/fuzz-corpus/$1
    mkdir -p "$dir"
    cp -n corpus/"$t"/* "$dir"/ 2>/dev/null || true
    # The differential target parses every input twice (html5ever's
    # tree too): small inputs run many times faster.
    local len=262144
    [ "$t" = html_tree ] && len=16384
    cargo fuzz run -O "$t" "$dir" -- -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=4096 -max_len="$len" -print_final_stats=1 \
        > ../target/fuzz-logs/"$t".log 2>&1 || true
    echo "$t: $(grep -E '^#[0-9]+' ../target/fuzz-logs/"$t".log | tail -1)"
    grep -E 'ERROR|panicked|SUMMARY' ../target/fuzz-logs/"$t".log | head -3 || true
}
running=0
for t in "${targets[@]}"; do
    run "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
done
wait
