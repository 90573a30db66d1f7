"""Write the per-suite pip files for a chroot: the host's pins, with numpy/shapely/pyproj set to the distro's.

Why: inside QGIS, GEOS and PROJ symbols resolve to QGIS's own libraries (docs/ARCHITECTURE.md, "Environment
rules"), so shapely and pyproj must be built on the same GEOS/PROJ: the distro's python3-shapely and
python3-pyproj are, by construction. Newer suites build GDAL against numpy 2, so the host's `numpy<2` pin is
replaced by the distro numpy. Exact pins of packages without wheels for the suite's Python become minimums.
Run with the chroot's /usr/bin/python3: derive_requirements.py REPO OUT_DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DISTRO_OWNED = ("numpy", "shapely", "pyproj")   # pinned to what Debian ships in this suite
# Host pins without a wheel for newer Pythons become minimums there: pyarrow 19.0.1 has wheels up to cp313.
RELAXED_FROM = {"pyarrow": (3, 14)}


def _name(line: str) -> str:
    match = re.match(r"\s*([A-Za-z0-9_.-]+)", line)
    return match.group(1).lower().replace("_", "-") if match and not line.lstrip().startswith("#") else ""


def distro_pins() -> list:
    """Exact pins of the distro's numpy/shapely/pyproj (their installed metadata: sid's shapely module
    reports ``__version__ = "0+unknown"``)."""
    from importlib.metadata import version

    return [f"{n}=={version(n)}" for n in DISTRO_OWNED]


def fix_unknown_versions() -> None:
    """Give distro packages whose metadata says ``0+unknown`` the Debian package's upstream version.

    Why: sid's python3-shapely 2.2.0-1+b1 is built without its version; pip then sees a shapely older than
    openeo's ``shapely>=1.6.4`` and would install a wheel bundling another GEOS. Chroot-only fix-up.
    """
    import subprocess
    from importlib.metadata import distribution

    for name in DISTRO_OWNED:
        dist = distribution(name)
        if not dist.version.startswith("0+unknown"):
            continue
        deb = subprocess.run(["dpkg-query", "-W", "-f=${Version}", f"python3-{name}"],
                             capture_output=True, text=True, check=True).stdout
        upstream = re.sub(r"^\d+:", "", deb).split("-")[0].split("+")[0]
        meta = Path(str(dist._path)) / "METADATA"  # type: ignore[attr-defined]
        meta.write_text(re.sub(r"(?m)^Version: .*$", f"Version: {upstream}", meta.read_text(), count=1))


def rewrite(text: str, *, drop: tuple = (), relax: tuple = ()) -> list:
    out = []
    for line in text.splitlines():
        name = _name(line)
        if name in drop or line.lstrip().startswith("#"):
            continue  # the host's comments explain the host's pins
        if name in relax:
            line = line.replace("==", ">=", 1)
        out.append(line)
    return out


def main(repo: Path, out_dir: Path) -> None:
    fix_unknown_versions()
    relaxed = tuple(n for n, since in RELAXED_FROM.items() if sys.version_info[:2] >= since)
    req = repo / "requirements"
    out_dir.mkdir(parents=True, exist_ok=True)
    constraints = rewrite((req / "constraints.txt").read_text(), drop=DISTRO_OWNED, relax=relaxed)
    constraints += ["# Distro-owned (this suite's Debian packages):", *distro_pins()]
    (out_dir / "constraints.txt").write_text("\n".join(constraints) + "\n")
    qgis_venv = rewrite((req / "qgis-venv.txt").read_text(), relax=relaxed)
    (out_dir / "qgis-venv.txt").write_text("\n".join(qgis_venv) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
