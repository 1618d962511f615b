#!/bin/sh
# Runs DKIM conformance suites through authlens-cli with the shared judge (compare.py).
# Usage: run_dkim_suites.sh SHARED_CONFORMANCE_DIR CLI SUITE...   (SUITE "--all" for every dkim-* folder)
# Exits 77 (ctest SKIP_RETURN_CODE) when the shared folder is absent.
dir="$1"; cli="$2"; shift 2
if [ ! -f "$dir/compare.py" ]; then
    echo "SKIPPED: shared conformance folder not found ($dir)"
    exit 77
fi
args=""
for suite in "$@"; do
    if [ "$suite" = "--all" ]; then args="$args --all"; else args="$args $dir/$suite"; fi
done
# shellcheck disable=SC2086
exec python3 "$dir/compare.py" $args --cmd "'$cli' verify --json --records {records} {now_opt} {files}"
