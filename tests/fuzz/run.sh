#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target of a fuzz build (cmake --preset fuzz) for a bounded time, one after the
# other, each from a scratch copy of its seed corpus, and prints one summary line per target:
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS=30] [TARGET...]
#
#   fuzz_spf_record  ok     execs 1234567  exec/s 41152  cov 812  ft 3120  corpus 402
#   fuzz_mbox        crash  execs 1200     exec/s 40     cov 300  ft 700   /tmp/.../crash-3f1a...
#
# AUTHLENS_FUZZ_CORPUS=DIR keeps the corpora in DIR/<target> across runs (seeded on first use), so
# repeated runs go deeper; without it every run starts from the seeds in a scratch folder.
#
# Exit status 1 when any target crashed, leaked, hung or ran out of memory (the reproducer path is on
# its line and its log is kept), 2 on a usage error. Targets run under ASan and UBSan as built.
set -u

if [[ $# -lt 1 || ! -d "$1" ]]; then
    echo "usage: $0 BUILD_DIR [SECONDS=30] [TARGET...]" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
seconds=${2:-30}
shift $(($# >= 2 ? 2 : 1))
here=$(cd "$(dirname "$0")" && pwd)

if [[ $# -gt 0 ]]; then
    targets=("$@")
else
    mapfile -t targets < <(find "$build_dir/tests/fuzz" -maxdepth 1 -type f -name 'fuzz_*' -perm -u+x \
        -printf '%f\n' 2>/dev/null | sort)
fi
if [[ ${#targets[@]} -eq 0 ]]; then
    echo "$0: no fuzz targets in $build_dir/tests/fuzz (configure with --preset fuzz and build authlens_fuzzers)" >&2
    exit 2
fi

scratch=$(mktemp -d /tmp/authlens-fuzz.XXXXXX)
python3 "$here/make_corpus.py" "$scratch/seeds" > /dev/null || { echo "$0: make_corpus.py failed" >&2; exit 2; }
echo "fuzzing ${#targets[@]} targets for ${seconds}s each; corpora, logs and reproducers in $scratch"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_LOGGING_RULES=${QT_LOGGING_RULES:-"*=false"}
failed=0
for target in "${targets[@]}"; do
    binary="$build_dir/tests/fuzz/$target"
    if [[ ! -x "$binary" ]]; then
        printf '%-30s missing  %s\n' "$target" "$binary"
        failed=1
        continue
    fi
    corpus="${AUTHLENS_FUZZ_CORPUS:-$scratch/corpus}/$target"
    artifacts="$scratch/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp -r "$scratch/seeds/$target/." "$corpus/" 2>/dev/null
    log="$scratch/$target.log"
    "$binary" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 -timeout=10 \
        -artifact_prefix="$artifacts/" "$corpus" > "$log" 2>&1
    status=$?

    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # The last status line ("#123 DONE cov: 812 ft: 3120 corp: 402/..."), or the last one before a crash.
    progress=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: [0-9]+' | tail -1)
    cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<< "$progress")
    ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<< "$progress")
    corp=$(sed -n 's/.*corp: \([0-9]*\).*/\1/p' <<< "$progress")
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [[ $status -eq 0 && -z "$reproducer" ]]; then
        verdict=ok
    else
        verdict=crash
        failed=1
    fi
    printf '%-30s %-6s execs %-9s exec/s %-7s cov %-5s ft %-6s corpus %-5s %s\n' "$target" "$verdict" \
        "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
        "$([[ $verdict == crash ]] && echo "${reproducer:-exit status $status} (log $log)")"
done
exit $failed
