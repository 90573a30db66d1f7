#!/usr/bin/env bash
# Build (or reuse) the Debian chroot of one suite for the QGIS matrix: setup-chroot.sh SUITE (trixie, sid).
# Cached at /var/cache/worldcereal-qgis/SUITE; rebuilt only when missing or older than a week. The test venvs
# inside (/opt/wcq) are rebuilt when the requirements change. Needs root (debootstrap, chroot, mount).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

SUITE=${1:?usage: setup-chroot.sh SUITE}
ROOT=$(chroot_dir "$SUITE")

need_root() { [ "$(id -u)" = 0 ] || { log "needs root (debootstrap, chroot, mount)"; exit 1; }; }

ensure_debootstrap() {
  command -v debootstrap >/dev/null && return
  log "installing debootstrap on the host"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}

# debootstrap into ROOT.new, install QGIS, then swap it in: an interrupted build never looks complete.
build_chroot() {
  local new="$ROOT.new" mirror
  mirror=$(debian_mirror)
  safe_rm_chroot "$new" && mkdir -p "$CACHE_ROOT"
  log "$SUITE: debootstrap --variant=minbase from $mirror"
  debootstrap --variant=minbase "$SUITE" "$new" "$mirror" >"$CACHE_ROOT/$SUITE.debootstrap.log" 2>&1 \
    || { tail -20 "$CACHE_ROOT/$SUITE.debootstrap.log" >&2; exit 1; }
  # The host's extra CAs (TLS-intercepting egress) or pip fails TLS in the chroot.
  mkdir -p "$new/usr/local/share/ca-certificates"
  cp -a /usr/local/share/ca-certificates/. "$new/usr/local/share/ca-certificates/" 2>/dev/null || true
  # sid's Release file carries a Valid-Until date; the mirror here can lag behind it ("Release file ... is
  # expired"), and a test chroot must not fail on that. Stable suites (trixie) have no Valid-Until.
  echo 'Acquire::Check-Valid-Until "false";' >"$new/etc/apt/apt.conf.d/99wcq-no-valid-until"
  trap unmount_all EXIT
  mount_chroot "$new"
  log "$SUITE: apt-get install QGIS and test packages"
  in_chroot "$new" apt-get update -qq
  # shellcheck disable=SC2086
  in_chroot "$new" apt-get install -y -qq --no-install-recommends $CHROOT_PKGS >"$CACHE_ROOT/$SUITE.apt.log" 2>&1 \
    || { tail -20 "$CACHE_ROOT/$SUITE.apt.log" >&2; exit 1; }
  in_chroot "$new" update-ca-certificates >/dev/null
  in_chroot "$new" apt-get clean
  unmount_all
  trap - EXIT
  safe_rm_chroot "$ROOT.old" && safe_rm_chroot "$ROOT" && mv "$new" "$ROOT"
  date -u +%FT%TZ >"$ROOT/.wcq-built"
}

# Hash of everything the venvs are made from; a change rebuilds them (fast path: nothing to do).
venv_key() {
  cat "$REPO"/requirements/*.txt "$REPO"/.ci/matrix/{derive_requirements.py,setup-chroot.sh,lib.sh,backend-extra.txt} "$ROOT/.wcq-built" | sha256sum | cut -c1-16
}

# fiona (needed by openeo-driver) has no wheels for Python 3.14 yet and will not build without GDAL headers:
# there the backend venv takes Debian's python3-fiona (--system-site-packages). Prints the venv flags.
backend_venv_flags() {
  in_chroot "$ROOT" /usr/bin/python3 -c 'import sys; sys.exit(sys.version_info < (3, 14))' || return 0
  in_chroot "$ROOT" dpkg-query -W -f='${Status}' python3-fiona 2>/dev/null | grep -q "ok installed" \
    || in_chroot "$ROOT" apt-get install -y -qq --no-install-recommends python3-fiona >>"$CACHE_ROOT/$SUITE.apt.log" 2>&1
  echo --system-site-packages
}

build_venvs() {
  local key out=/opt/wcq/pip
  key=$(venv_key)
  [ "$(cat "$ROOT/opt/wcq/.key" 2>/dev/null)" = "$key" ] && return
  log "$SUITE: creating test venvs in the chroot ($VENV_DIR, $BVENV_DIR)"
  trap unmount_all EXIT
  mount_chroot "$ROOT"
  rm -rf "$ROOT/opt/wcq" && mkdir -p "$ROOT/opt/wcq"
  in_chroot "$ROOT" /usr/bin/python3 "$REPO/.ci/matrix/derive_requirements.py" "$REPO" "$out"
  in_chroot "$ROOT" /usr/bin/python3 -m venv --system-site-packages "$VENV_DIR"
  in_chroot "$ROOT" "$VENV_DIR/bin/python" -m pip install -q --disable-pip-version-check \
    -c "$out/constraints.txt" -r "$out/qgis-venv.txt"
  in_chroot "$ROOT" /usr/bin/python3 -m venv $(backend_venv_flags) "$BVENV_DIR"
  in_chroot "$ROOT" "$BVENV_DIR/bin/python" -m pip install -q --disable-pip-version-check --pre \
    -r "$REPO/requirements/backend.txt" -r "$REPO/.ci/matrix/backend-extra.txt"
  # Debian's pyproj (seen by both venvs on sid) looks for proj.db under sys.prefix when PROJ_DATA is unset. A link,
  # not an exported PROJ_DATA: that would reach the backend's rasterio wheel, whose own PROJ rejects Debian's proj.db.
  local v
  for v in "$VENV_DIR" "$BVENV_DIR"; do mkdir -p "$ROOT$v/share" && ln -sfn /usr/share/proj "$ROOT$v/share/proj"; done
  unmount_all
  trap - EXIT
  echo "$key" >"$ROOT/opt/wcq/.key"
}

# A warm chroot made before CHROOT_PKGS grew gets the missing packages (a no-op normally).
ensure_packages() {
  local missing
  # shellcheck disable=SC2086
  missing=$(in_chroot "$ROOT" dpkg-query -W -f='${Package} ${Status}\n' $CHROOT_PKGS 2>&1 | grep -v "ok installed" || true)
  [ -z "$missing" ] && return
  log "$SUITE: installing missing packages"
  trap unmount_all EXIT
  mount_chroot "$ROOT"
  # shellcheck disable=SC2086
  in_chroot "$ROOT" apt-get update -qq && in_chroot "$ROOT" apt-get install -y -qq --no-install-recommends $CHROOT_PKGS \
    >>"$CACHE_ROOT/$SUITE.apt.log" 2>&1 && in_chroot "$ROOT" apt-get clean
  unmount_all
  trap - EXIT
}

# One step in a fresh bash (set -e stays in force inside; a retried function in a `||` list would lose it).
step() { bash "$0" "$SUITE" "$1"; }
# PyPI and the Debian mirror have bad minutes: one more try after a pause.
retry_step() { step "$1" || { log "$SUITE: $1 failed; retrying in 20 s"; sleep 20; step "$1"; }; }

need_root
lock_target "$SUITE"
case "${2:-}" in
  build) build_chroot; exit ;;
  venvs) build_venvs; exit ;;
  "") ;;
  *) log "unknown step $2"; exit 2 ;;
esac
ensure_debootstrap
unmount_stale "$ROOT"  # mounts left by a run that was killed (the lock says none is running)
if chroot_fresh "$SUITE"; then
  ensure_packages
elif [ -f "$ROOT/.wcq-built" ]; then
  # The weekly rebuild must not break a run when the mirror is down: the old chroot stays until the swap.
  retry_step build || log "$SUITE: rebuild failed; going on with the chroot built $(cat "$ROOT/.wcq-built")"
else
  retry_step build
fi
retry_step venvs
log "$SUITE: ready ($(in_chroot "$ROOT" /usr/bin/python3 -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)' 2>/dev/null))"
