#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when missing (idempotent).
# Not root: prints the exact command and stops.
set -euo pipefail
PKGS="python3-qgis qgis-providers qgis xvfb xauth python3-venv python3-pip python3-pyproj curl qttools5-dev-tools"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y$missing"
if [ "$(id -u)" != "0" ]; then
  echo "Missing Debian packages:$missing. Run as root: $cmd" >&2
  exit 1
fi
echo "Installing Debian packages:$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
