#!/usr/bin/env bash
# The QGIS version matrix: the whole test suite on every target of MATRIX, one after the other.
#   MATRIX="host trixie sid" (default)    REQUIRED="host trixie" (a failure elsewhere is reported, not fatal)
#   extra arguments go to pytest, e.g. run-matrix.sh tests/unit
# Writes one log per target and summary.tsv (target, QGIS, Python, set-up s, suite s, result) under
# /var/cache/worldcereal-qgis/reports. Exit status: non-zero only if a REQUIRED target failed.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

MATRIX=${MATRIX:-host trixie sid}
REQUIRED=${REQUIRED:-host trixie}
REPORTS="$CACHE_ROOT/reports"
mkdir -p "$REPORTS"
SUMMARY="$REPORTS/summary.tsv"
printf 'target\tqgis\tpython\tsetup_s\tsuite_s\tresult\n' >"$SUMMARY"

versions() {  # "QGIS<TAB>Python" of a target
  local code='import sys; from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0], sys.version.split()[0], sep="\t")'
  if [ "$1" = host ]; then /usr/bin/python3 -c "$code" 2>/dev/null
  else in_chroot "$(chroot_dir "$1")" /usr/bin/python3 -c "$code" 2>/dev/null; fi
}

failed_required=0
for target in $MATRIX; do
  log "=== $target"
  t0=$SECONDS; setup_ok=0
  [ "$target" = host ] || bash "$(dirname "$0")/setup-chroot.sh" "$target" || setup_ok=$?
  t1=$SECONDS; suite_rc=$setup_ok
  if [ "$setup_ok" = 0 ]; then
    # -v: one line per test in the log, so a crash (segfault) still shows what passed and what was running.
    bash "$(dirname "$0")/run-suite.sh" "$target" -v "$@" >"$REPORTS/$target.log" 2>&1; suite_rc=$?
    tail -3 "$REPORTS/$target.log" >&2
  fi
  t2=$SECONDS
  result=$([ "$suite_rc" = 0 ] && echo passed || echo "failed($suite_rc)")
  printf '%s\t%s\t%s\t%s\t%s\n' "$target" "$(versions "$target" || printf '?\t?')" "$((t1 - t0))" "$((t2 - t1))" \
    "$result" >>"$SUMMARY"
  if [ "$suite_rc" != 0 ]; then
    case " $REQUIRED " in *" $target "*) failed_required=1 ;; *) log "$target failed (not required)";; esac
  fi
done
column -t -s $'\t' "$SUMMARY" >&2
exit "$failed_required"
