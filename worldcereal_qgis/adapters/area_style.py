"""Graduated (choropleth) style for a Processing output layer once QGIS has loaded it.

Why a post-processor: Processing layers are created in the algorithm's thread; styling must happen on the main
thread after loading, which is what QgsProcessingLayerPostProcessorInterface is for. QGIS does not keep a
reference to the Python object, so the class keeps the live instances (otherwise they are garbage-collected and
QGIS calls into freed memory).
"""

from __future__ import annotations

from typing import ClassVar

from qgis.core import (
    QgsClassificationQuantile,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.palette import CROPLAND_RGB


class GraduatedStyle(QgsProcessingLayerPostProcessorInterface):
    _alive: ClassVar[list] = []

    def __init__(self, field_name: str, classes: int = 5) -> None:
        super().__init__()
        self.field_name = field_name
        self.classes = classes

    @classmethod
    def create(cls, field_name: str) -> GraduatedStyle:
        instance = cls(field_name)
        cls._alive.append(instance)
        return instance

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API name)
        if isinstance(layer, QgsVectorLayer):
            apply_graduated(layer, self.field_name, self.classes)


def apply_graduated(layer: QgsVectorLayer, field_name: str, classes: int = 5) -> None:
    """Quantile classes of ``field_name`` on a white-to-cropland-red ramp."""
    renderer = QgsGraduatedSymbolRenderer(field_name)
    renderer.setClassificationMethod(QgsClassificationQuantile())
    renderer.setSourceColorRamp(QgsGradientColorRamp(QColor(255, 245, 240), QColor(*CROPLAND_RGB)))
    renderer.updateClasses(layer, classes)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
