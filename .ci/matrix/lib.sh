# Shared helpers of the QGIS version matrix (sourced, not run). See docs/QGIS_VERSIONS.md.
# shellcheck shell=bash

CACHE_ROOT="${WCQ_CACHE_ROOT:-/var/cache/worldcereal-qgis}"
MAX_AGE_DAYS="${WCQ_MAX_AGE_DAYS:-7}"
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="$(cd "$REPO/.." && pwd)/shared"
# Inside the chroot: the repo and ../shared at the same paths as on the host (../shared stays beside the repo).
VENV_DIR=/opt/wcq/venv            # QGIS test venv (--system-site-packages), chroot's Python
BVENV_DIR=/opt/wcq/venv-backend   # local openEO backend venv, chroot's Python
# Debian packages in each chroot: QGIS (library, desktop for the desktop test, providers), Xvfb, the distro's
# GEOS/PROJ-matched shapely and pyproj, and what pip and the tests need.
CHROOT_PKGS="python3-qgis qgis-providers qgis xvfb xauth python3-venv python3-pip python3-pyproj \
python3-shapely python3-numpy ca-certificates curl make locales-all"

# One run per chroot at a time (a second one would mount over the first and unmount under it): the holder exports
# WCQ_LOCK_HELD, so setup-chroot.sh called from run-suite.sh does not wait for its own parent.
lock_target() {
  [ -n "${WCQ_LOCK_HELD:-}" ] && return 0
  mkdir -p "$CACHE_ROOT"
  exec 9>"$CACHE_ROOT/$1.lock"
  flock -n 9 || { log "$1: waiting for another run on this chroot"; flock 9; }
  export WCQ_LOCK_HELD=1
}

log() { printf '[matrix %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Which QGIS a target is: "host" is this machine (Debian 12); other names are Debian suites.
chroot_dir() { echo "$CACHE_ROOT/$1"; }

# The Debian mirror apt already uses on the host (first deb.sources URI or sources.list line).
debian_mirror() {
  local uri
  uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1=="deb" && $3 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# True when the chroot is complete (stamp written last) and younger than MAX_AGE_DAYS.
chroot_fresh() {
  local stamp
  stamp="$(chroot_dir "$1")/.wcq-built"
  [ -f "$stamp" ] && [ -z "$(find "$stamp" -mtime "+$((MAX_AGE_DAYS - 1))" -print)" ]
}

_mounts=()
# Mount proc/sys/dev and bind the repo + shared data; every mount is recorded for unmount_all.
mount_chroot() {
  local root=$1 m
  for m in proc sys dev dev/pts; do mkdir -p "$root/$m"; done
  mount -t proc proc "$root/proc" && _mounts+=("$root/proc")
  mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys" && _mounts+=("$root/sys")
  mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev" && _mounts+=("$root/dev")
  mkdir -p "$root$REPO" "$root$SHARED" "$root/tmp"
  mount --bind "$REPO" "$root$REPO" && _mounts+=("$root$REPO")
  [ -d "$SHARED" ] && mount --bind "$SHARED" "$root$SHARED" && _mounts+=("$root$SHARED")
  cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}

# Unmount in reverse order (lazy for the recursive binds), so no mount outlives the run.
unmount_all() {
  local i
  for ((i = ${#_mounts[@]} - 1; i >= 0; i--)); do
    umount -R "${_mounts[$i]}" 2>/dev/null || umount -l -R "${_mounts[$i]}" 2>/dev/null || true
  done
  _mounts=()
}

# Put the chroot's venvs where the repo's are (only in the chroot's view): tests that call
# .venv-backend/bin/python or .venv/bin/python by path then get the suite's Python, as on the host.
# Same for pytest-qgis's settings folder (<repo>/.qgis-settings, which also holds the plugin's job store): one per
# chroot, emptied per run. Shared with the host, a chroot run found the previous run's job records under the same
# tmp paths (the chroot's /tmp is emptied, so pytest-0 comes back) and "downloaded" files that no longer existed.
# The training tests' torch environment (built with the chroot's Python, ~5 GB from PyPI) lives outside the chroot,
# in $CACHE_ROOT/SUITE.training-env, so a weekly chroot rebuild does not download it again.
QGIS_SETTINGS_DIR=/opt/wcq/qgis-settings
TRAINING_ENV_DIR=/var/cache/worldcereal-qgis/training-env  # tests/training/conftest.py's default
overlay_test_dirs() {  # overlay_test_dirs ROOT SUITE
  local root=$1 suite=$2 pair
  rm -rf "${root:?}$QGIS_SETTINGS_DIR" && mkdir -p "$root$QGIS_SETTINGS_DIR"
  for pair in "$VENV_DIR:.venv" "$BVENV_DIR:.venv-backend" "$QGIS_SETTINGS_DIR:.qgis-settings"; do
    mkdir -p "$root$REPO/${pair#*:}"
    mount --bind "$root${pair%%:*}" "$root$REPO/${pair#*:}" && _mounts+=("$root$REPO/${pair#*:}")
  done
  mkdir -p "$CACHE_ROOT/$suite.training-env" "$root$TRAINING_ENV_DIR"
  mount --bind "$CACHE_ROOT/$suite.training-env" "$root$TRAINING_ENV_DIR" && _mounts+=("$root$TRAINING_ENV_DIR")
}

# Lazily unmount everything below a chroot (left by a killed run); fails if anything stays mounted.
unmount_stale() {
  local dir=$1 m
  for m in $(awk -v d="$dir/" 'index($2, d) == 1 {print $2}' /proc/mounts | sort -r); do umount -l "$m" || true; done
  ! awk -v d="$dir/" 'index($2, d) == 1 {found=1} END {exit !found}' /proc/mounts
}

# Empty the chroot's /tmp and QGIS profile, refusing while anything is mounted below them: with the repo (or
# ../shared) bind-mounted there, rm would delete the host's files through the mount. That happened once with a
# clone in /tmp/ci and emptied ../shared; hence the check AND --one-file-system.
clean_chroot_tmp() {
  local root=${1:?}
  unmount_stale "$root/tmp" || { log "refusing to empty $root/tmp: something is still mounted inside it"; return 1; }
  find "$root/tmp" "$root/root/.local/share/QGIS" -mindepth 1 -maxdepth 1 \
    -exec rm -rf --one-file-system {} + 2>/dev/null || true
}

# rm -rf of a chroot that still has the repo bind-mounted would delete the repo: unmount, check, then remove.
safe_rm_chroot() {
  local dir=$1
  [ -e "$dir" ] || return 0
  unmount_stale "$dir" || { log "refusing to delete $dir: something is still mounted inside it"; return 1; }
  rm -rf --one-file-system "$dir"
}

# No PROJ_DATA here (the test venv links share/proj instead, see setup-chroot.sh): an exported PROJ_DATA
# reaches the backend's rasterio wheel, whose bundled PROJ then rejects Debian's proj.db ("DATABASE.LAYOUT").
in_chroot() {  # in_chroot ROOT CMD... : a clean environment, as root
  local root=$1; shift
  chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    DEBIAN_FRONTEND=noninteractive PYTHONDONTWRITEBYTECODE=1 "$@"
}
