"""The "WorldCereal" Processing provider."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..adapters import paths


class WorldCerealProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "worldcereal"

    def name(self) -> str:
        return "WorldCereal"

    def longName(self) -> str:  # noqa: N802
        return f"WorldCereal {paths.plugin_version()}"

    def icon(self) -> QIcon:
        return QIcon(str(paths.icon_path()))

    def loadAlgorithms(self) -> None:  # noqa: N802
        from ..adapters import log

        log.install()  # also when the provider is registered without the plugin (idempotent)
        for alg in _algorithms() + _area_algorithms():
            self.addAlgorithm(alg)


def _algorithms() -> list:
    """Algorithms are imported here, not at module import, to keep plugin start-up cheap."""
    from .algorithms import all_algorithms

    return all_algorithms()


def _area_algorithms() -> list:
    """Issue #20, from a map to crop areas with confidence intervals: sample design, assessment, statistics."""
    from .alg_area_statistics import CropAreaStatisticsAlgorithm
    from .alg_assess_map import AssessMapAlgorithm
    from .alg_design_sample import DesignSampleAlgorithm

    return [DesignSampleAlgorithm(), AssessMapAlgorithm(), CropAreaStatisticsAlgorithm()]
