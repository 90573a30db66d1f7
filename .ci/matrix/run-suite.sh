#!/usr/bin/env bash
# Run the whole test suite on one QGIS: run-suite.sh TARGET [pytest args...]
#   host          this machine (Debian 12, QGIS 3.22, the repo's .venv and .venv-backend)
#   trixie | sid  the cached chroot (QGIS 3.40 / 3.44), set up first (fast when warm)
# In a chroot, the chroot's own venvs (made with its Python; the host's are 3.11) are mounted over the repo's
# .venv and .venv-backend in the chroot's view only, so every test finds them at the usual paths; the local
# openEO backend runs inside the chroot and tests reach it over 127.0.0.1 as on the host.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

TARGET=${1:?usage: run-suite.sh TARGET [pytest args...]}; shift
XVFB=(xvfb-run -a -s "-screen 0 1600x1000x24")
PYTEST=(-m pytest -q -p no:cacheprovider "$@")

if [ "$TARGET" = host ]; then
  cd "$REPO"
  exec env PYTHONDONTWRITEBYTECODE=1 "${XVFB[@]}" .venv/bin/python "${PYTEST[@]}"
fi

lock_target "$TARGET"
bash "$(dirname "$0")/setup-chroot.sh" "$TARGET"
ROOT=$(chroot_dir "$TARGET")
# The QGIS desktop test's profile and every tmp_path live in the chroot's /tmp, emptied per run: BEFORE the
# repo and ../shared are bind-mounted (a clone under /tmp is mounted inside the chroot's /tmp), never across mounts.
clean_chroot_tmp "$ROOT"
trap unmount_all EXIT INT TERM
mount_chroot "$ROOT"
overlay_test_dirs "$ROOT" "$TARGET"
# setup-chroot.sh has just checked the chroot's venvs against this clone's requirements (its venv key): stamp them
# as the Makefile's set-up does, so a test that runs `make backend` uses them instead of pip-installing the host's
# pins (numpy<2 for Debian 12's GDAL) with the chroot's Python. A fresh clone's requirement files are newer than
# any stamp made before it.
touch "$ROOT$VENV_DIR/.installed" "$ROOT$BVENV_DIR/.installed"
in_chroot "$ROOT" WORLDCEREAL_SHARED="$SHARED" \
  /bin/sh -c "cd '$REPO' && exec \"\$@\"" sh "${XVFB[@]}" .venv/bin/python "${PYTEST[@]}"
