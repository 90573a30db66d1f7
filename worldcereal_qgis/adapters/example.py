"""Open the real WorldCereal example result that ships with the plugin, as the styled layers a job loads.

Why: a new user has no CDSE account yet and no local test server, yet should see what the plugin produces.
The file (45 KB, MIT, provenance in docs/EXAMPLE_RESULT.md) is in resources/example/, so this works offline.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from . import paths
from .layers import LAYER_PROPERTY_PREFIX, find_job_layers, load_result_layers, remove_job_layers

EXAMPLE_FILE = "cropland-croptype_2020-11-01_2021-10-31.tif"
EXAMPLE_JOB_ID = "example-j-2608190720574069ae7791257909676c"


def tr(text: str) -> str:
    return QCoreApplication.translate("WorldCerealExample", text)


def example_path() -> Path:
    return paths.resources_dir() / "example" / EXAMPLE_FILE


def example_title() -> str:
    return tr("Example result: WorldCereal crop types near Liège, 2020–2021 (not your area)")


def open_example(project: QgsProject | None = None) -> list[QgsRasterLayer]:
    """Load (or reload) the example as styled layers in a group marked as an example; a few hundred ms."""
    project = project or QgsProject.instance()
    remove_job_layers(project, EXAMPLE_JOB_ID)
    job = {"job_id": EXAMPLE_JOB_ID, "backend": "", "product": "croptype", "title": example_title()}
    layers = load_result_layers(example_path(), job=job, project=project)
    group = project.layerTreeRoot().findGroup(example_title())
    if group is not None:
        group.setCustomProperty(LAYER_PROPERTY_PREFIX + "example", "true")
        group.setExpanded(True)
    for layer in layers:
        layer.setCustomProperty(LAYER_PROPERTY_PREFIX + "example", "true")
    return layers


def example_loaded(project: QgsProject | None = None) -> bool:
    return bool(find_job_layers(project or QgsProject.instance(), EXAMPLE_JOB_ID))
