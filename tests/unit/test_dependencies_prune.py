"""Issue #19.9: the install keeps no second numpy (pip --target copies it; QGIS's own one is the one used)."""

from __future__ import annotations

from pathlib import Path

import numpy

from worldcereal_qgis.core import dependencies


def _fake_pip_target(target: Path) -> None:
    """What pip --target leaves: numpy again (package, metadata, bundled libs) next to the real additions."""
    for folder in ("numpy/core", f"numpy-{numpy.__version__}.dist-info", "numpy.libs", "openeo",
                   "openeo-0.40.0.dist-info", "numpy_financial"):
        (target / folder).mkdir(parents=True)
        (target / folder / "x.py").write_text("# 1 byte is enough\n")


def test_second_numpy_is_removed_and_the_rest_kept(tmp_path: Path):
    target = tmp_path / "python"
    _fake_pip_target(target)
    removed = dependencies.prune_provided(target)
    assert sorted(removed) == sorted(["numpy", f"numpy-{numpy.__version__}.dist-info", "numpy.libs"])
    assert sorted(p.name for p in target.iterdir()) == ["numpy_financial", "openeo", "openeo-0.40.0.dist-info"]
    assert Path(numpy.__file__).is_file()  # QGIS's numpy untouched


def test_a_package_qgis_lacks_stays(tmp_path: Path):
    target = tmp_path / "python"
    (target / "notinqgis").mkdir(parents=True)
    assert dependencies.prune_provided(target, names=("notinqgis",)) == []
    assert (target / "notinqgis").is_dir()
