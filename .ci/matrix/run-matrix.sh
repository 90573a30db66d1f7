#!/usr/bin/env bash
# The QGIS version matrix: the whole test suite on every target of MATRIX, one after the other.
#   MATRIX="host trixie sid" (default)    REQUIRED="host trixie" (a failure elsewhere is reported, not fatal)
#   WCQ_BUDGET_S=N: the whole matrix must end within N seconds (CI); a target gets what is left (set-up included)
#   and is skipped when less than WCQ_MIN_TARGET_S (600) is left. Extra arguments go to pytest (run-matrix.sh tests/unit).
# Writes one log per target and summary.tsv (target, QGIS, Python, set-up s, suite s, passed, failed, result) under
# /var/cache/worldcereal-qgis/reports. Exit status: non-zero only if a REQUIRED target failed or was skipped.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

MATRIX=${MATRIX:-host trixie sid}
REQUIRED=${REQUIRED:-host trixie}
BUDGET_S=${WCQ_BUDGET_S:-0}
MIN_TARGET_S=${WCQ_MIN_TARGET_S:-600}
REPORTS="$CACHE_ROOT/reports"
mkdir -p "$REPORTS"
SUMMARY="$REPORTS/summary.tsv"
printf 'target\tqgis\tpython\tsetup_s\tsuite_s\tpassed\tfailed\tresult\n' >"$SUMMARY"
deadline=$((SECONDS + BUDGET_S))

versions() {  # "QGIS<TAB>Python" of a target
  local code='import sys; from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0], sys.version.split()[0], sep="\t")'
  if [ "$1" = host ]; then /usr/bin/python3 -c "$code" 2>/dev/null
  else in_chroot "$(chroot_dir "$1")" /usr/bin/python3 -c "$code" 2>/dev/null; fi
}

counts() {  # "passed<TAB>failed" from pytest's closing line in a log (errors count as failed)
  awk '/^=* *[0-9]+ [a-z]+/ && / (passed|failed|errors?)[ ,]/ && / in [0-9.]+s/ {line=$0}
       END {p=0; f=0; n=split(line, w, /[ ,=]+/)
            for (i = 2; i <= n; i++) { if (w[i] == "passed") p = w[i-1]; if (w[i] ~ /^(failed|error|errors)$/) f += w[i-1] }
            printf "%d\t%d\n", p, f}' "$1"
}

limited() {  # run a command within what is left of the budget (no limit without a budget)
  if [ "$BUDGET_S" -gt 0 ]; then timeout --kill-after=60 "$((deadline - SECONDS))" "$@"; else "$@"; fi
}

failed_required=0
for target in $MATRIX; do
  log "=== $target"
  required=0; case " $REQUIRED " in *" $target "*) required=1 ;; esac
  if [ "$BUDGET_S" -gt 0 ] && [ $((deadline - SECONDS)) -lt "$MIN_TARGET_S" ]; then
    log "$target skipped: $((deadline - SECONDS)) s left of the time budget"
    printf '%s\t?\t?\t0\t0\t0\t0\tskipped(time)\n' "$target" >>"$SUMMARY"
    [ "$required" = 1 ] && failed_required=1
    continue
  fi
  t0=$SECONDS; setup_rc=0
  [ "$target" = host ] || limited bash "$(dirname "$0")/setup-chroot.sh" "$target" || setup_rc=$?
  t1=$SECONDS; suite_rc=$setup_rc
  : >"$REPORTS/$target.log"
  if [ "$setup_rc" = 0 ]; then
    # -v: one line per test in the log, so a crash (segfault) still shows what passed and what was running.
    limited bash "$(dirname "$0")/run-suite.sh" "$target" -v "$@" >"$REPORTS/$target.log" 2>&1; suite_rc=$?
  fi
  t2=$SECONDS
  case "$suite_rc" in 0) result=passed ;; 124|137) result="failed(time)" ;; *) result="failed($suite_rc)" ;; esac
  [ "$setup_rc" = 0 ] || result="setup-failed($setup_rc)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$(versions "$target" || printf '?\t?')" "$((t1 - t0))" "$((t2 - t1))" \
    "$(counts "$REPORTS/$target.log")" "$result" >>"$SUMMARY"
  if [ "$suite_rc" != 0 ]; then
    # What failed, in the run's own output (the full log stays in the reports folder).
    grep -E '^(FAILED|ERROR) ' "$REPORTS/$target.log" | head -40 >&2
    tail -15 "$REPORTS/$target.log" >&2
    if [ "$required" = 1 ]; then failed_required=1; else log "WARNING: $target failed (not required)"; fi
  else
    tail -1 "$REPORTS/$target.log" >&2
  fi
done
column -t -s $'\t' "$SUMMARY" >&2
exit "$failed_required"
