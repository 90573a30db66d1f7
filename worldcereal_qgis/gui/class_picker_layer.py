"""The class picker's map layer: the samples coloured by the class each will train as.

Built in the counting task (``build_layer``, memory layer moved to the main thread), styled on the main thread
(``style_layer``); ``LayerMixin`` gives the dialog its layer handling (replace in place, zoom on first load).
"""

from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsMarkerSymbol,
    QgsPointXY,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ..adapters.compat import field
from ..core import class_hierarchy as ch
from ..core.palette import class_colors

LAYER_NAME = "Training samples by class"
LAYER_PROPERTY = "worldcereal/class_picker"
NO_CLASS = "(no class)"
OUT_OF_SEASON = "(outside the season)"
OTHER_RGB = (128, 128, 128)
LEFT_OUT_RGB = (215, 215, 215)
ADD_CHUNK = 50  # features per addFeatures call: the call holds the GIL while it converts its list, and returns
# a new Python copy of each feature; 500 at once were alive at every collection of Python's middle generation and
# promoted, until the pending count set off a full collection (45-60 ms holding the GIL, the GUI frozen: #21)


# -- the map layer (built in the task, styled on the main thread) -----------------------------------------------
def build_layer(samples: ch.SampleSet, target_thread=None) -> QgsVectorLayer:
    """One point per sample: sample_id, ewoc_code, label month, and whether the training keeps it."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", LAYER_NAME, "memory")
    fields = [field("sample_id", "string"), field("ewoc_code", "int64"), field("valid_month", "string"),
              field("in_season", "int")]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    raw = samples.raw
    rows = zip(raw.sample_id.tolist(), raw.code.tolist(), raw.valid_ym.tolist(), raw.lon.tolist(),
               raw.lat.tolist(), samples.kept.tolist())
    # the same ADD_CHUNK features are refilled for every call (addFeatures copies them): no wrapper per sample
    pool = [QgsFeature(layer.fields()) for _ in range(min(ADD_CHUNK, len(raw)))]
    for start in range(0, len(raw), ADD_CHUNK):
        batch = pool[:min(ADD_CHUNK, len(raw) - start)]
        for feature, (sample_id, code, ym, lon, lat, kept) in zip(batch, rows):
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
            month = f"{ym // 12:04d}-{ym % 12 + 1:02d}" if ym >= 0 else None
            feature.setAttributes([str(sample_id), code, month, int(kept)])
        layer.dataProvider().addFeatures(batch)
    layer.updateExtents()
    layer.setCustomProperty(LAYER_PROPERTY, True)
    if target_thread is not None:
        layer.moveToThread(target_thread)
    return layer


def class_expression(code_classes: dict[int, str]) -> str:
    """The class each sample trains as, from its ``ewoc_code`` (codes -> output class, the rest left out)."""
    by_class: dict[str, list[int]] = {}
    for code, name in sorted(code_classes.items()):
        by_class.setdefault(name, []).append(code)
    whens = [f'WHEN "ewoc_code" IN ({", ".join(map(str, codes))}) THEN {_quote(name)}'
             for name, codes in sorted(by_class.items())]
    return (f'CASE WHEN "in_season" = 0 THEN {_quote(OUT_OF_SEASON)} {" ".join(whens)} '
            f"ELSE {_quote(NO_CLASS)} END")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _symbol(rgb: tuple, size: float, alpha: int = 255) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": "circle", "color": f"{rgb[0]},{rgb[1]},{rgb[2]},{alpha}",
                                         "outline_color": "50,50,50,160", "outline_width": "0.2",
                                         "size": str(size)})


def style_layer(layer: QgsVectorLayer, choice: ch.ClassChoice, code_classes: dict[int, str],
                left_out: dict[str, int]) -> None:
    """Categories: the model classes (+ other) in output order with counts, then the left-out samples."""
    names = choice.model_classes()
    colors = {n: c for n, c in zip([n for n in names if n != ch.OTHER],
                                   class_colors([n for n in names if n != ch.OTHER]))}
    colors[ch.OTHER] = OTHER_RGB
    categories = [QgsRendererCategory(n, _symbol(colors[n], 2.6), f"{n} ({choice.counts[n]})") for n in names]
    for value, count in left_out.items():
        if count:
            label = f"left out: {value.strip('()')} ({count})"
            categories.append(QgsRendererCategory(value, _symbol(LEFT_OUT_RGB, 1.8, 180), label))
    layer.setRenderer(QgsCategorizedSymbolRenderer(class_expression(code_classes), categories))
    layer.triggerRepaint()
    layer.emitStyleChanged()


# -- the dialog ---------------------------------------------------------------------------------------------------


class LayerMixin:
    """The dialog's samples layer: restyled on each choice, replaced where it was after each recount."""

    # -- the map layer -------------------------------------------------------------------------------------------
    def _style_layer(self) -> None:
        if self.layer is None or self.choice is None:
            return
        style_layer(self.layer, self.choice, self._code_classes(), self._left_out())
        if self.iface is not None:
            self.iface.layerTreeView().refreshLayerSymbology(self.layer.id())

    def _replace_layer(self, layer: Optional[QgsVectorLayer]) -> bool:
        """Put the new layer where the old one was; True when it went on top instead (the first load, or the old
        one was removed by the user): the caller then zooms to it."""
        project = QgsProject.instance()
        old = self.layer if self.layer is not None and project.mapLayer(self.layer.id()) else None
        self.layer = layer
        if layer is not None:
            project.addMapLayer(layer, False)
            root = project.layerTreeRoot()
            node = root.findLayer(old.id()) if old is not None else None
            parent = node.parent() if node is not None else root
            parent.insertLayer(parent.children().index(node) if node is not None else 0, layer)
        if old is not None:
            project.removeMapLayer(old.id())
        return old is None and layer is not None

    def _zoom_to(self, layer: QgsVectorLayer) -> None:
        if self.iface is None or layer.featureCount() == 0:
            return
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = transform.transformBoundingBox(layer.extent())
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
