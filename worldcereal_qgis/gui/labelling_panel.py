"""The labelling panel: walk a sample point by point over any basemap and give each point its reference class.

Keys 1-9 pick the class buttons in order, U = unsure, S = skip, ← / → move between points. Each label is saved
in the sample file at once (controllers/labelling.py), so closing QGIS loses nothing and the walk resumes at the
first unlabelled point. Points labelled from the user's reference data show where their label came from.
"""

from __future__ import annotations

from qgis.core import QgsPointXY, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox, QgsVertexMarker
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor, QKeySequence
from qgis.PyQt.QtWidgets import (
    QDockWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QShortcut,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..adapters.compat import layer_filters
from ..controllers.labelling import INTERPRETER, REFERENCE_PREFIX, SKIP, UNSURE, LabellingSession


def tr(text: str) -> str:
    return QCoreApplication.translate("LabellingPanel", text)


class LabellingPanel(QDockWidget):
    """Layer and scale on top; the current point, class buttons, unsure/skip and progress below."""

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(tr("Label the sample"), parent)
        self.setObjectName("WorldCerealLabellingPanel")
        self.iface = iface
        self.session: LabellingSession | None = None
        self.marker: QgsVertexMarker | None = None
        self._shortcuts: list[QShortcut] = []
        body = QWidget(self)
        self.layout_ = QVBoxLayout(body)
        self.layer_box = QgsMapLayerComboBox(body)
        self.layer_box.setFilters(layer_filters("PointLayer"))
        self.scale = QSpinBox(body)
        self.scale.setRange(200, 100_000)
        self.scale.setValue(2_000)
        self.scale.setPrefix("1:")
        start = QPushButton(tr("Start / resume"), body)
        start.clicked.connect(self.start)
        top = QHBoxLayout()
        for widget in (QLabel(tr("Sample"), body), self.layer_box, QLabel(tr("Scale"), body), self.scale, start):
            top.addWidget(widget)
        self.layout_.addLayout(top)
        self.info = QLabel(tr("Choose the sample layer made by 'Design a sample' and press Start."), body)
        self.info.setWordWrap(True)
        self.layout_.addWidget(self.info)
        self.buttons = QGridLayout()
        self.layout_.addLayout(self.buttons)
        self.progress = QProgressBar(body)
        self.layout_.addWidget(self.progress)
        self.layout_.addLayout(self._reference_row(body))
        self.layout_.addStretch(1)
        self.setWidget(body)

    def _reference_row(self, body: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.ref_layer = QgsMapLayerComboBox(body)
        self.ref_layer.setFilters(layer_filters("PolygonLayer"))
        self.ref_field = QgsFieldComboBox(body)
        self.ref_layer.layerChanged.connect(self.ref_field.setLayer)
        self.ref_field.setLayer(self.ref_layer.currentLayer())
        fill = QPushButton(tr("Label from reference fields"), body)
        fill.setToolTip(tr("Points inside a field of your reference data get that field's class; "
                           "label_source says so."))
        fill.clicked.connect(self.fill_from_reference)
        for widget in (self.ref_layer, self.ref_field, fill):
            row.addWidget(widget)
        return row

    # -- the walk ----------------------------------------------------------------------------------------------
    def start(self, classes: list[str] | None = None) -> None:
        layer = self.layer_box.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.info.setText(tr("Choose a point layer first."))
            return
        self.session = LabellingSession(layer, parent=self)
        self.session.moved.connect(self.show_point)
        self.session.failed.connect(lambda msg: self.iface.messageBar().pushCritical("WorldCereal", msg))
        self._make_buttons(classes or self._classes(layer))
        self.show_point(self.session.index)

    def _classes(self, layer: QgsVectorLayer) -> list[str]:
        """The strata / map classes in the sample: the labels people will most often give."""
        names = set()
        for name in ("stratum", "map_class"):
            index = layer.fields().indexOf(name)
            if index >= 0:
                names |= {str(v) for v in layer.uniqueValues(index) if v not in (None, "")}
        return sorted(names)

    def _make_buttons(self, classes: list[str]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        self._shortcuts = []
        entries = [(name, str(i + 1)) for i, name in enumerate(classes[:9])]
        entries += [(UNSURE, "U"), (SKIP, "S")]
        for i, (name, key) in enumerate(entries):
            button = QPushButton(f"{name}  [{key}]", self.widget())
            button.setObjectName(f"label_{name}")
            button.clicked.connect(lambda _=False, n=name: self.give(n))
            self.buttons.addWidget(button, i // 3, i % 3)
            self._shortcut(key, lambda n=name: self.give(n))
        self._shortcut("Left", lambda: self.session and self.session.go(self.session.index - 1))
        self._shortcut("Right", lambda: self.session and self.session.go(self.session.index + 1))

    def _shortcut(self, key: str, slot) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    def give(self, label: str) -> None:
        if self.session is not None:
            self.session.label(label)

    def show_point(self, index: int) -> None:
        """Zoom to the point at the chosen scale, mark it, and say where its label (if any) came from."""
        session = self.session
        if session is None or not session.ids:
            return
        canvas = self.iface.mapCanvas()
        x, y = session.point_in(canvas.mapSettings().destinationCrs())
        canvas.setCenter(QgsPointXY(x, y))
        canvas.zoomScale(self.scale.value())
        if self.marker is None:
            self.marker = QgsVertexMarker(canvas)
            self.marker.setIconType(QgsVertexMarker.IconType.ICON_BOX)
            self.marker.setColor(QColor(255, 0, 255))
            self.marker.setIconSize(18)
            self.marker.setPenWidth(3)
        self.marker.setCenter(QgsPointXY(x, y))
        canvas.refresh()
        feature = session.feature()
        done, total = session.progress()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        label = session.label_of(index) or tr("not labelled yet")
        source = _text(feature, "label_source")
        text = tr("Point {n} of {total} (stratum {stratum}, mapped as {mapped}). Label: {label}.").format(
            n=index + 1, total=total, stratum=_text(feature, "stratum"), mapped=_text(feature, "map_class"),
            label=label)
        if source and source != INTERPRETER:
            text += " " + source_sentence(source)
        self.info.setText(text)

    def fill_from_reference(self) -> None:
        layer, field_name = self.ref_layer.currentLayer(), self.ref_field.currentField()
        if self.session is None or layer is None or not field_name:
            self.info.setText(tr("Start the walk and choose a reference polygon layer and its class field first."))
            return
        filled = self.session.fill_from_reference(layer, field_name)
        self.iface.messageBar().pushInfo("WorldCereal", tr(
            "{n} points lie in fields of '{layer}' and were labelled from them (label_source says so).").format(
            n=filled, layer=layer.name()))

    def shutdown(self) -> None:
        if self.marker is not None:
            self.iface.mapCanvas().scene().removeItem(self.marker)
            self.marker = None


def source_sentence(source: str) -> str:
    """A label_source value (data, never translated) said as a sentence in the user's language."""
    if source.startswith(REFERENCE_PREFIX):
        return tr("This label comes from the reference layer '{layer}', not from your interpretation.").format(
            layer=source[len(REFERENCE_PREFIX):])
    return tr("This label comes from {source}, not from your interpretation.").format(source=source)


def _text(feature, name: str) -> str:
    index = feature.fields().indexOf(name)
    if index < 0:
        return ""
    value = feature.attribute(index)
    return "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
