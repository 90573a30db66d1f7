"""Walks a sample point by point for labelling; every label is written to the layer's file at once.

Why write through the data provider (not an edit session): a label must survive a crash or a closed QGIS, and
the walk must resume where it stopped; the provider writes each change to the GeoPackage immediately. Labels
that come from the user's reference data are marked as such in ``label_source`` and are never overwritten
silently by the walk (the interpreter can still change them, which is then recorded).
"""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsFeature, QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from ..core.area_estimation.assess import UNUSABLE_LABELS
from ..core.errors import InputError

INTERPRETER = "interpreter"
REFERENCE_PREFIX = "reference:"  # label_source of a label taken from a reference layer: "reference:<layer name>"
UNSURE, SKIP = "unsure", "skip"


def tr(text: str) -> str:
    return QCoreApplication.translate("LabellingSession", text)


class LabellingSession(QObject):
    """Current point, progress and labels of one sample layer (fields ``reference`` and ``label_source``)."""

    moved = pyqtSignal(int)        # index of the current point
    labelled = pyqtSignal(int, str)
    failed = pyqtSignal(str)       # one sentence

    def __init__(self, layer: QgsVectorLayer, reference_field: str = "reference",
                 source_field: str = "label_source", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.ref_index = layer.fields().indexOf(reference_field)
        self.source_index = layer.fields().indexOf(source_field)
        if self.ref_index < 0:
            raise InputError(tr("The sample layer has no field '{field}' to store the labels in.")
                             .format(field=reference_field), field="REFERENCE_FIELD")
        order = "point_id" if layer.fields().indexOf("point_id") >= 0 else None
        request = QgsFeatureRequest()
        if order:
            request.addOrderBy(order)
        self.ids = [f.id() for f in layer.getFeatures(request)]
        self.index = self.first_unlabelled()

    # -- reading -----------------------------------------------------------------------------------------------
    def feature(self, index: int | None = None) -> QgsFeature:
        return self.layer.getFeature(self.ids[self.index if index is None else index])

    def label_of(self, index: int) -> str:
        value = self.feature(index).attribute(self.ref_index)
        return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)

    def first_unlabelled(self) -> int:
        """Where to resume: the first point without a label (or the last point when all are done)."""
        for i in range(len(self.ids)):
            if not self.label_of(i):
                return i
        return max(len(self.ids) - 1, 0)

    def progress(self) -> tuple[int, int]:
        """(points with a usable label, all points)."""
        done = sum(1 for i in range(len(self.ids)) if self.label_of(i).lower() not in UNUSABLE_LABELS)
        return done, len(self.ids)

    def point_in(self, crs) -> tuple[float, float]:
        """The current point in ``crs`` (the map canvas's), to zoom to."""
        geom = self.feature().geometry()
        geom.transform(QgsCoordinateTransform(self.layer.crs(), crs, QgsProject.instance()))
        p = geom.asPoint()
        return p.x(), p.y()

    # -- writing -----------------------------------------------------------------------------------------------
    def label(self, value: str, source: str = INTERPRETER) -> bool:
        """Store ``value`` for the current point, saved at once; then move to the next unlabelled point."""
        if not self.ids:
            return False
        if not self._write(self.ids[self.index], value, source):
            return False
        self.labelled.emit(self.index, value)
        self.go(self._next_unlabelled())
        return True

    def go(self, index: int) -> None:
        if self.ids:
            self.index = max(0, min(index, len(self.ids) - 1))
            self.moved.emit(self.index)

    def fill_from_reference(self, polygons: QgsVectorLayer, class_field: str) -> int:
        """Label points that fall in a reference field with that field's class; returns how many."""
        transform = QgsCoordinateTransform(self.layer.crs(), polygons.crs(), QgsProject.instance())
        source = REFERENCE_PREFIX + polygons.name()  # data, the same in every language; the panel says it in words
        filled = 0
        for i, fid in enumerate(self.ids):
            if self.label_of(i):
                continue
            geom = self.layer.getFeature(fid).geometry()
            geom.transform(transform)
            request = QgsFeatureRequest().setFilterRect(geom.boundingBox())
            hit = next((f for f in polygons.getFeatures(request) if f.geometry().contains(geom)), None)
            if hit is not None and hit[class_field] not in (None, ""):
                filled += self._write(fid, str(hit[class_field]), source)
        self.go(self.first_unlabelled())
        return filled

    def _write(self, fid: int, value: str, source: str) -> bool:
        changes = {self.ref_index: value}
        if self.source_index >= 0:
            changes[self.source_index] = source
        ok = self.layer.dataProvider().changeAttributeValues({fid: changes})
        if not ok:
            self.failed.emit(tr("The label could not be saved in '{layer}'; is the file read-only?")
                             .format(layer=self.layer.name()))
        self.layer.reload()
        return ok

    def _next_unlabelled(self) -> int:
        for i in list(range(self.index + 1, len(self.ids))) + list(range(0, self.index)):
            if not self.label_of(i):
                return i
        return self.index
