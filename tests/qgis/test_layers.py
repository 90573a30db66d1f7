"""Styled layers from the REAL CDSE crop-type output: bands, renderers, colours, nodata, legend, properties."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import (
    QgsLayerTreeGroup,
    QgsLayerTreeModel,
    QgsPalettedRasterRenderer,
    QgsProject,
    QgsRectangle,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from worldcereal_qgis.adapters import layers as wl
from worldcereal_qgis.core import palette, udp
from worldcereal_qgis.core.errors import InputError
from worldcereal_qgis.core.results import describe_raster

JOB = {"job_id": "j-20260901-abc", "backend": "cdse", "product": "croptype", "title": "WorldCereal crop type Test"}
CLASSES = list(udp.DEFAULT_CROPTYPE_CLASSES)
SEASONS = ["tc-s1", "tc-s2"]


@pytest.fixture
def project(qgis_app):
    proj = QgsProject()
    yield proj
    proj.clear()


@pytest.fixture
def all_layers(project, reference_tif):
    return {layer.name(): layer for layer in _load(project, reference_tif, include_class_probabilities=True)}


def _load(project, path, **kwargs):
    return wl.load_result_layers(path, job=JOB, project=project, **kwargs)


def test_every_band_found_and_classified(reference_tif):
    desc = describe_raster(reference_tif)
    expected = [("cropland_classification", None, None), ("cropland_probability", None, None)]
    expected += [("other_probability", None, None)]
    expected += [("croptype_classification", s, None) for s in SEASONS]
    expected += [("croptype_probability", s, None) for s in SEASONS]
    expected += [("croptype_class_probability", s, c) for s in SEASONS for c in CLASSES]
    assert [(b.kind, b.season, b.class_name) for b in desc.bands] == expected
    assert [b.index for b in desc.bands] == list(range(1, 54))
    assert desc.seasons == SEASONS and desc.product == "croptype"
    for season in SEASONS:
        assert len(desc.classes[season]) == 23 and desc.classes[season][22] == "no_crop"


def test_default_layers_group_and_visibility(project, reference_tif):
    layers = _load(project, reference_tif)
    names = [layer.name() for layer in layers]
    assert names == [
        "Cropland", "Cropland probability (%)", "Crop type, season 1", "Crop type, season 2",
        "Crop type probability, season 1 (%)", "Crop type probability, season 2 (%)",
    ]  # fmt: skip
    group = project.layerTreeRoot().children()[0]
    assert isinstance(group, QgsLayerTreeGroup) and group.name() == JOB["title"]
    visible = [node.name() for node in group.findLayers() if node.itemVisibilityChecked()]
    assert visible == ["Crop type, season 1"]
    assert all(layer.source() == str(reference_tif) for layer in layers)


def test_a_new_result_opens_and_earlier_results_close(project, reference_tif):
    """Only the newest result's legend is open in the Layers panel (#21: QGIS desktop re-measures every open row
    after each insertion); the earlier results keep their layers, checked map and open main legend inside."""
    mine = QgsLayerTreeGroup("my own group")  # not a WorldCereal result: left as the user has it
    project.layerTreeRoot().addChildNode(mine)
    mine.setExpanded(True)
    for n in range(3):
        wl.load_result_layers(reference_tif, job={**JOB, "job_id": f"j-{n}", "title": f"Result {n}"}, project=project)
    groups = [g for g in project.layerTreeRoot().children() if isinstance(g, QgsLayerTreeGroup)]
    assert [(g.name(), g.isExpanded()) for g in groups] == [
        ("Result 2", True), ("Result 1", False), ("Result 0", False), ("my own group", True)]
    for group in groups[:3]:
        checked = [node for node in group.findLayers() if node.itemVisibilityChecked()]
        assert [(node.name(), node.isExpanded()) for node in checked] == [("Crop type, season 1", True)]
        assert len(group.findLayers()) == 6


def test_class_probabilities_in_collapsed_subgroups(project, all_layers):
    assert len(all_layers) == 53
    group = project.layerTreeRoot().children()[0]
    subgroups = [child for child in group.children() if isinstance(child, QgsLayerTreeGroup)]
    assert [g.name() for g in subgroups] == ["Class probabilities tc-s1", "Class probabilities tc-s2"]
    assert all(not g.isExpanded() and not g.itemVisibilityChecked() for g in subgroups)
    assert subgroups[1].findLayers()[22].name() == "No crop probability, season 2 (%)"
    assert "Soy / soybeans probability, season 1 (%)" in all_layers


def test_renderer_type_and_band_per_layer(all_layers, reference_tif):
    desc = describe_raster(reference_tif)
    for layer in all_layers.values():
        band = desc.band(layer.customProperty("worldcereal/band"))
        paletted = band.kind in ("cropland_classification", "croptype_classification")
        expected = QgsPalettedRasterRenderer if paletted else QgsSingleBandPseudoColorRenderer
        assert type(layer.renderer()) is expected, layer.name()
        assert layer.renderer().usesBands() == [band.index]
        assert [(r.min(), r.max()) for r in layer.dataProvider().userNoDataValues(band.index)] == [(255, 255)]


def test_croptype_palette_values_labels_colours():
    for _season in SEASONS:
        classes = wl._croptype_classes(CLASSES)  # the full palette; a map's legend shows its present classes
        assert [c.value for c in classes] == [*range(23), 254]
        labels = [c.label for c in classes]
        assert labels[0] == "Wheat" and labels[12] == "Soy / soybeans" and labels[22] == "No crop"
        assert labels[23] == "Not cropland"
        assert [c.color.getRgb()[:3] for c in classes[:23]] == [palette.class_color(n) for n in CLASSES]
        assert classes[23].color.getRgb() == (*palette.NOT_CROPLAND_RGB, 255)
        assert 255 not in [c.value for c in classes]


def test_cropland_palette(all_layers):
    classes = {c.value: c for c in all_layers["Cropland"].renderer().classes()}
    assert set(classes) == {0, 1}
    assert classes[1].label == "Cropland" and classes[1].color.getRgb() == (224, 24, 28, 255)
    assert classes[0].label == "Other land (not shown)" and classes[0].color.alpha() == 0


def test_rendered_colours_of_real_pixels(all_layers):
    """Read real pixel values with the provider, then check what the renderer paints there."""
    croptype = all_layers["Crop type, season 1"]
    values = _values(croptype, 4)
    for value, rgba in [(22, (*palette.class_color("no_crop"), 255)), (254, (*palette.NOT_CROPLAND_RGB, 255))]:
        row, col = _first(values, value)
        assert _rendered(croptype, row, col) == rgba

    cropland = all_layers["Cropland"]
    values = _values(cropland, 1)
    assert _rendered(cropland, *_first(values, 1)) == (224, 24, 28, 255)
    assert _rendered(cropland, *_first(values, 0))[3] == 0


def test_probability_colours_follow_rdylgn_and_hide_masked(all_layers):
    layer = all_layers["Crop type probability, season 1 (%)"]
    values = _values(layer, 6)
    stops = dict(palette.rdylgn_stops())
    for value in (40, 50, 100):
        assert _rendered(layer, *_first(values, value)) == (*stops[float(value)], 255)
    assert _rendered(layer, *_first(values, 254))[3] == 0  # masked (not cropland): transparent
    cropland_probability = all_layers["Cropland probability (%)"]
    values = _values(cropland_probability, 2)
    assert _rendered(cropland_probability, *_first(values, 0)) == (*palette.rdylgn_stops()[0][1], 255)


def test_nodata_transparent_even_without_file_tag(project, reference_tif, tmp_path):
    path = tmp_path / "untagged.tif"
    src = gdal.Open(str(reference_tif))
    ds = gdal.GetDriverByName("GTiff").CreateCopy(str(path), src)
    for i in range(1, ds.RasterCount + 1):
        band = ds.GetRasterBand(i)
        band.DeleteNoDataValue()
        data = band.ReadAsArray()
        data[0, :10] = 255
        band.WriteArray(data)
    ds = src = None
    for layer in _load(project, path, include_class_probabilities=True):
        assert _rendered(layer, 0, 3)[3] == 0, layer.name()
        assert layer.dataProvider().sample(_pixel(layer, 0, 3).center(), layer.renderer().usesBands()[0])[1] is False


def _variant_with_classes(reference_tif, path, values) -> None:
    """The real file with a few crop classes written into its first rows of each crop-type band."""
    src = gdal.Open(str(reference_tif))
    ds = gdal.GetDriverByName("GTiff").CreateCopy(str(path), src)
    for band_no in (4, 5):  # croptype_classification:tc-s1 / :tc-s2
        band = ds.GetRasterBand(band_no)
        data = band.ReadAsArray()
        for row, value in enumerate(values):
            data[row, :10 * (row + 1)] = value  # more pixels for later values: the legend orders by area
        band.WriteArray(data)
    ds = src = None


def test_legend_names_the_classes(project, reference_tif, tmp_path):
    """Issue #19.10: the classes in the map first, largest first; the others folded into one line."""
    path = tmp_path / "variant.tif"
    wheat, maize, pulses = CLASSES.index("wheat"), CLASSES.index("maize"), CLASSES.index("dry_pulses_legumes")
    _variant_with_classes(reference_tif, path, [wheat, maize, pulses])
    layers = _load(project, path)
    model = QgsLayerTreeModel(project.layerTreeRoot())
    node = project.layerTreeRoot().findLayer(layers[2].id())
    labels = [n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)][1:]  # after the band
    dataset = gdal.Open(str(path))  # kept in a name: GDAL frees the bands with their dataset
    data = dataset.GetRasterBand(4).ReadAsArray()
    present = [v for v, _ in sorted(((int(v), int((data == v).sum())) for v in np.unique(data) if v != 255),
                                    key=lambda vc: -vc[1])]
    names = {**{i: palette.pretty_class_label(n) for i, n in enumerate(CLASSES)}, 254: "Not cropland"}
    assert labels[:len(present)] == [names[v] for v in present]
    assert {"Wheat", "Maize", "Dry pulses / legumes", "Not cropland"} <= set(labels)
    assert labels[-1] == f"+ {len(CLASSES) + 1 - len(present)} other classes, not in this map"
    node = project.layerTreeRoot().findLayer(layers[0].id())
    assert "Cropland" in [n.data(Qt.ItemDataRole.DisplayRole) for n in model.layerLegendNodes(node)]


def test_custom_properties_survive_save_and_reopen(project, reference_tif, tmp_path):
    _load(project, reference_tif)
    target = tmp_path / "project.qgz"
    assert project.write(str(target))
    reopened = QgsProject()
    assert reopened.read(str(target))
    found = wl.find_job_layers(reopened, JOB["job_id"])
    assert len(found) == 6
    by_name = {layer.name(): layer for layer in found}
    layer = by_name["Crop type, season 2"]
    props = {k: layer.customProperty(f"worldcereal/{k}") for k in ("job_id", "backend", "product", "season", "band")}
    assert props == {
        "job_id": JOB["job_id"], "backend": "cdse", "product": "croptype", "season": "tc-s2",
        "band": "croptype_classification:tc-s2",
    }  # fmt: skip
    assert 254 in [c.value for c in layer.renderer().classes()]
    reopened.clear()


def test_find_and_remove_job_layers(project, reference_tif):
    _load(project, reference_tif)
    other = wl.load_result_layers(reference_tif, job={**JOB, "job_id": "other"}, project=project)
    assert len(wl.find_job_layers(project, JOB["job_id"])) == 6
    wl.remove_job_layers(project, JOB["job_id"])
    assert wl.find_job_layers(project, JOB["job_id"]) == []
    assert {layer.id() for layer in wl.find_job_layers(project, "other")} == {layer.id() for layer in other}
    assert len(project.layerTreeRoot().children()) == 1


def test_unreadable_result_is_a_clear_error(project, tmp_path):
    bad = tmp_path / "worldcereal_crop_type.tif"
    bad.write_text("not a tiff")
    with pytest.raises(InputError, match="cannot be opened as a raster"):
        _load(project, bad)
    assert project.mapLayers() == {}


def _values(layer, band_no: int) -> np.ndarray:
    provider = layer.dataProvider()
    block = provider.block(band_no, layer.extent(), layer.width(), layer.height())
    return np.frombuffer(bytes(block.data()), dtype=np.uint8).reshape(layer.height(), layer.width())


def _first(values: np.ndarray, value: int) -> tuple[int, int]:
    rows, cols = np.nonzero(values == value)
    assert rows.size, f"value {value} not in the reference file"
    return int(rows[0]), int(cols[0])


def _pixel(layer, row: int, col: int) -> QgsRectangle:
    ext = layer.extent()
    dx, dy = layer.rasterUnitsPerPixelX(), layer.rasterUnitsPerPixelY()
    x0, y1 = ext.xMinimum() + col * dx, ext.yMaximum() - row * dy
    return QgsRectangle(x0, y1 - dy, x0 + dx, y1)


def _rendered(layer, row: int, col: int) -> tuple[int, int, int, int]:
    renderer = layer.renderer()
    block = renderer.block(renderer.usesBands()[0], _pixel(layer, row, col), 1, 1)
    return QColor.fromRgba(block.color(0, 0)).getRgb()


def two_tiles(reference_tif, folder):
    """The real result cut into a west and an east tile (as two jobs of a run): core.mosaic tiles and their extent."""
    import pyproj
    import shapely

    from worldcereal_qgis.core.mosaic import MosaicTile

    ds = gdal.Open(str(reference_tif))
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    width, height = ds.RasterXSize, ds.RasterYSize
    ds = None
    to_4326 = pyproj.Transformer.from_crs(32631, 4326, always_xy=True)
    tiles = []
    for name, col, cols in (("west", 0, width // 2), ("east", width // 2, width - width // 2)):
        path = folder / f"{name}.tif"
        gdal.Translate(str(path), str(reference_tif), srcWin=[col, 0, cols, height])
        utm = shapely.box(x0 + col * dx, y0 + height * dy, x0 + (col + cols) * dx, y0)
        geom = shapely.transform(shapely.segmentize(utm, 50.0),
                                 lambda xy: np.column_stack(to_4326.transform(xy[:, 0], xy[:, 1])))
        tiles.append(MosaicTile(name, path, geom, 32631, utm))
    return tiles, shapely.union_all([t.geometry_4326 for t in tiles]).bounds


def _two_tile_mosaic(reference_tif, folder):
    """Both tiles stitched by core.mosaic into a run's display VRT."""
    from worldcereal_qgis.core.mosaic import build_mosaic

    tiles, extent = two_tiles(reference_tif, folder)
    return build_mosaic(folder / "mosaic", tiles, name="run", extent_4326=extent).display


def test_a_run_mosaic_loads_styled_without_statistics(project, reference_tif, tmp_path):
    """Issue #21: the 53 layers of a mosaic open without QGIS's default contrast statistics (through the warped
    VRT they cost ~1 s per layer), and the crop-type legend counts the tiles' own pixels (the reference file's)."""
    display = _two_tile_mosaic(reference_tif, tmp_path)
    mosaic = wl.load_result_layers(display, job=JOB, project=project, include_class_probabilities=True)
    reference = wl.build_result_layers(reference_tif, job=JOB, include_class_probabilities=True).layers
    assert [layer.name() for layer in mosaic] == [layer.name() for layer in reference]
    for ours, theirs in zip(mosaic, reference):  # the same styling as a single result's
        assert ours.renderer().type() == theirs.renderer().type()
        if isinstance(ours.renderer(), QgsPalettedRasterRenderer):
            assert [(c.value, c.color.name(), c.label) for c in ours.renderer().classes()] == \
                   [(c.value, c.color.name(), c.label) for c in theirs.renderer().classes()]
        assert ours.customProperty("identify/format") == "Value"  # the Identify tool reads values
    assert all(layer.crs().authid() == "EPSG:4326" for layer in mosaic)
    project.clear()  # the layers' datasets close: GDAL would now store any statistics QGIS computed in the VRTs
    assert not [p.name for p in display.parent.glob("*.vrt") if "STATISTICS_" in p.read_text()]


def test_each_mosaic_layer_opens_its_own_band_with_the_same_pixels(project, reference_tif, tmp_path):
    """Issue #21: a mosaic band layer opens its band's single-band file, not the 53-band display VRT (opening that
    made GDAL open every band's warps for each of the 53 layers: the first mosaic showed 8.6 s after it was asked
    for). The user sees the very pixels of the display mosaic, and tools that read the layer's file find the
    run's native grids (the area statistics count the tiles' pixels)."""
    from worldcereal_qgis.core.area_estimation.pixel_counts import map_parts

    display = _two_tile_mosaic(reference_tif, tmp_path)
    mosaic = wl.load_result_layers(display, job=JOB, project=project, include_class_probabilities=True)
    bands = describe_raster(display).layer_bands(True)
    whole = gdal.Open(str(display))
    expected = {band.index: whole.GetRasterBand(band.index).ReadAsArray() for band in bands}
    whole = None  # closed now: a GDAL dataset on warped VRTs left to the interpreter's exit can corrupt the heap
    for layer, band in zip(mosaic, bands):
        assert layer.source() == str(display.with_name(f"run_b{band.index}.vrt"))
        assert layer.bandCount() == 1
        provider = layer.dataProvider()
        block = provider.block(1, provider.extent(), provider.xSize(), provider.ySize())
        shown = np.frombuffer(bytes(block.data()), dtype=np.uint8).reshape(provider.ySize(), provider.xSize())
        np.testing.assert_array_equal(shown, expected[band.index])
        assert [p.path for p in map_parts(layer.source(), band.name)] == [p.path for p in map_parts(display,
                                                                                                      band.name)]
    assert [p.path.name for p in map_parts(mosaic[0].source())] == ["run_32631.vrt"]  # the native-grid VRT
