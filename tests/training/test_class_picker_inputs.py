"""The class picker on files as users have them (issue #17 items 2-4): dekadal rows count months, not rows; the
quality filters are applied and said before anything runs. Inputs made from the real Corsica extraction."""

from __future__ import annotations

from qgis.core import QgsProject

from worldcereal_qgis.gui.class_picker import ClassPickerDialog

from .test_class_picker import MAPPING, SEASON, wait_for


def test_dekadal_and_zero_quality_files_are_counted_as_training_will(qgis_app, qgis_iface, extractions, wc_dir,
                                                                       tmp_path):
    """Dekadal rows count months, not rows (issue #17.2); zero-quality samples are removed, and said (#17.4)."""
    import pyarrow.parquet as pq

    from .test_check_first import _zero_quality
    from .test_extraction_formats import _dekadal

    mappings_file = wc_dir / "classes" / "class_mappings.json"
    dek = tmp_path / "dekadal.parquet"
    pq.write_table(_dekadal(pq.read_table(extractions)), dek)
    dialog = ClassPickerDialog(qgis_iface, [str(dek)], str(mappings_file), MAPPING, SEASON)
    wait_for(dialog)
    assert dialog.status.text() == ("dekadal.parquet: long format, dekadal, 51 rows per sample -> 17 monthly "
                                    "composites (500 samples).\n500 samples in 1 file(s); 500 in the season with all "
                                    "12 months.")
    dialog.reject()
    zero = tmp_path / "zero.parquet"
    pq.write_table(_zero_quality(pq.read_table(extractions)), zero)
    dialog = ClassPickerDialog(qgis_iface, [str(zero)], str(mappings_file), MAPPING, SEASON)
    wait_for(dialog)
    assert dialog.status.text().endswith("500 samples have quality scores 0 (quality_score_lc, quality_score_ct): "
                                         "the training filters drop them.")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem.text() == ("No sample is left for training: 500 samples have quality scores 0 "
                                     "(quality_score_lc, quality_score_ct): the training filters drop them.")
    dialog.reject()
    QgsProject.instance().removeAllMapLayers()
