#!/usr/bin/env bash
# Runs `r3 bench interp` beside CPython and Lua on the same programs, interleaved, best of N runs,
# and prints the ratios (r3 time / peer time; below 1 means r3 is faster).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
r3="${R3:-$root/.build/release/r3}"
runs="${RUNS:-5}"
declare -A best
record() { # name seconds tool
    local key="$3:$1"
    if [ -z "${best[$key]:-}" ] || awk -v a="$2" -v b="${best[$key]}" 'BEGIN{exit !(a<b)}'; then best[$key]=$2; fi
}
parse() { # tool < lines
    while read -r line; do
        name=$(sed -n 's/.*name=\([^ ]*\).*/\1/p' <<<"$line"); secs=$(sed -n 's/.*seconds=\([^ ]*\).*/\1/p' <<<"$line")
        [ -n "$name" ] && record "$name" "$secs" "$1"
    done
}
for _ in $(seq "$runs"); do
    parse r3 < <("$r3" bench interp)
    parse python3 < <(python3 "$root/scripts/bench/fib.py"; python3 "$root/scripts/bench/loop.py")
    if command -v lua5.4 >/dev/null; then parse lua5.4 < <(lua5.4 "$root/scripts/bench/fib.lua"; lua5.4 "$root/scripts/bench/loop.lua"); fi
done
echo "python3: $(python3 --version 2>&1), lua: $(lua5.4 -v 2>&1 | cut -d" " -f1-2); best of $runs interleaved runs"
for name in fib27 loop_sum_1e7 for_sum_1e7; do
    r=${best[r3:$name]}; p=${best[python3:$name]:-nan}; l=${best[lua5.4:$name]:-nan}
    printf "name=%s r3=%ss python3=%ss lua5.4=%ss r3_over_python=%s\n" "$name" "$r" "$p" "$l" \
        "$(awk -v a="$r" -v b="$p" 'BEGIN{printf "%.2f", a/b}')"
done
