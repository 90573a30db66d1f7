"""The labelling panel: keyboard labels are saved in the sample file at once and the walk resumes after them."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtTest import QTest

from worldcereal_qgis.controllers.labelling import LabellingSession
from worldcereal_qgis.gui.labelling_panel import LabellingPanel


def test_keys_label_save_and_resume(wc_provider, qgis_iface, reference_tif, tmp_path):
    import processing

    design = processing.run("worldcereal:design_sample", {
        "MAP": str(reference_tif), "SAMPLE_SIZE": 6, "ALLOCATION": 2, "SEED": 4,
        "OUTPUT": str(tmp_path / "s.gpkg"), "STRATA": "memory:"})
    sample = QgsVectorLayer(design["OUTPUT"], "sample")
    QgsProject.instance().addMapLayer(sample)
    panel = LabellingPanel(qgis_iface)
    panel.layer_box.setLayer(sample)
    panel.show()
    panel.start()
    labels = [panel.buttons.itemAt(i).widget().text() for i in range(panel.buttons.count())]
    assert labels == ["cropland  [1]", "other  [2]", "unsure  [U]", "skip  [S]"]
    panel.activateWindow()
    panel.widget().setFocus()
    for _ in range(5):
        QCoreApplication.processEvents()
    for key in (Qt.Key.Key_2, Qt.Key.Key_U, Qt.Key.Key_1):
        QTest.keyClick(panel.widget(), key)
        QCoreApplication.processEvents()
    on_disk = LabellingSession(QgsVectorLayer(design["OUTPUT"], "reopened"))
    assert [on_disk.label_of(i) for i in range(4)] == ["other", "unsure", "cropland", ""]
    assert on_disk.index == 3 and on_disk.progress() == (2, 6)     # unsure is not a usable label
    assert "Point 4 of 6" in panel.info.text()
    panel.shutdown()
    QgsProject.instance().removeMapLayer(sample.id())
