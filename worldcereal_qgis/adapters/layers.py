"""Load a WorldCereal result file as styled QGIS layers: one layer per band, grouped per job.

Every layer reads the same file with its own per-band renderer, so nothing is copied or converted. Styling
never computes statistics or histograms (values are fixed: classes, 0..100 %), and neither does opening: a
layer gets its style before its data source (``_open_band_layer``), so QGIS keeps that style instead of
computing a default contrast stretch. Through a tiled run's warped mosaic VRT that default cost ~1 s per layer
(53 layers: about a minute, issue #21). Crop-type legends count pixels on the native grids (a mosaic's zone
VRTs), never through the warp. Job metadata lives in layer custom properties, which QGIS saves in the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsColorRampShader,
    QgsDataProvider,
    QgsGradientColorRamp,
    QgsGradientStop,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsPalettedRasterRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsRasterMinMaxOrigin,
    QgsRasterRange,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..core import palette, results
from ..core.errors import InputError
from ..core.results import BandInfo, ResultDescription
from . import legend

LAYER_PROPERTY_PREFIX = "worldcereal/"
PROBABILITY_MIN, PROBABILITY_MAX = 0.0, 100.0
_IDENTIFY_FORMAT = "identify/format"  # QGIS's layer property for the Identify tool's result format


@dataclass
class BuiltLayers:
    """Styled layers not yet in a project: built in a worker thread, added on the main thread."""

    desc: ResultDescription
    bands: list[BandInfo]
    layers: list[QgsRasterLayer]
    props: dict[str, str]
    job: dict


def build_result_layers(path: str | Path, *, job: dict, include_class_probabilities: bool = False,
                        target_thread=None) -> BuiltLayers:
    """Open and style one layer per meaningful band (the slow part: file opening), without a project.

    Called from a QgsTask, ``target_thread`` is the main thread: the layers are moved there so the main
    thread only has to add them (a few ms), keeping the GUI responsive.
    """
    desc = results.describe_raster(path)
    bands = desc.layer_bands(include_class_probabilities)
    if not bands:
        raise InputError(f"The file '{Path(path).name}' holds no WorldCereal map bands.", field="path")
    props = _job_properties(job, desc)
    layers = [_band_layer(Path(path), band, desc, props) for band in bands]
    if [layer.name() for layer in layers if not layer.isValid()]:
        raise InputError(f"QGIS cannot read the result file '{Path(path).name}'.", field="path")
    if target_thread is not None:
        for layer in layers:
            layer.moveToThread(target_thread)
    return BuiltLayers(desc, bands, layers, props, job)


def add_result_layers(built: BuiltLayers, project: QgsProject | None = None,
                      group_name: str | None = None) -> list[QgsRasterLayer]:
    """Put built layers in a new top group named after the job (main thread)."""
    project = project or QgsProject.instance()
    job = built.job
    project.addMapLayers(built.layers, False)
    group = _job_group(group_name or str(job.get("title") or job.get("job_id") or "WorldCereal"), built.props)
    _fill_group(group, built.layers, built.bands, _main_band(built.desc, built.bands))
    _close_earlier_results(project.layerTreeRoot())
    project.layerTreeRoot().insertChildNode(0, group)
    # QGIS 3.22's Layers panel shows a newly inserted group closed whatever its flag says (seen in the desktop
    # walk); it follows a change of the flag, so the newest result opens with its legend visible
    group.setExpanded(False)
    group.setExpanded(True)
    return built.layers


def load_result_layers(
    path: str | Path,
    *,
    job: dict,
    project: QgsProject | None = None,
    include_class_probabilities: bool = False,
    group_name: str | None = None,
) -> list[QgsRasterLayer]:
    """Add one styled layer per meaningful band of ``path`` in a new top group named after the job.

    Only the main map (crop type of the first season, or cropland) starts visible: 50 overlapping layers
    drawn at once would hide each other and slow the canvas.
    """
    built = build_result_layers(path, job=job, include_class_probabilities=include_class_probabilities)
    return add_result_layers(built, project, group_name)


def style_band_layer(layer: QgsRasterLayer, band: BandInfo, desc: ResultDescription,
                     counted: str | Path | None = None) -> None:
    """Give ``layer`` the renderer of its band kind; nodata (255) is transparent whatever the file says.
    ``band.index`` is the band in the layer's file; ``counted``: the file whose classes the legend counts (the
    layer's own by default)."""
    provider = layer.dataProvider()
    provider.setUserNoDataValue(band.index, [QgsRasterRange(desc.nodata, desc.nodata)])
    if band.kind == results.CROPLAND_CLASSIFICATION:
        layer.setRenderer(QgsPalettedRasterRenderer(provider, band.index, _cropland_classes()))
    elif band.kind == results.CROPTYPE_CLASSIFICATION:
        classes = _croptype_classes(desc.class_names(band.season))
        classes = legend.present_first(classes, _class_counts(str(counted or layer.source()), band))
        layer.setRenderer(QgsPalettedRasterRenderer(provider, band.index, classes))
    elif band.kind in results.PROBABILITY_KINDS:
        layer.setRenderer(_probability_renderer(layer, band.index))


def find_job_layers(project: QgsProject, job_id: str) -> list[QgsMapLayer]:
    """Layers loaded for ``job_id`` (also after the project was saved and reopened)."""
    key = LAYER_PROPERTY_PREFIX + "job_id"
    return [layer for layer in project.mapLayers().values() if str(layer.customProperty(key, "")) == str(job_id)]


def remove_job_layers(project: QgsProject, job_id: str) -> None:
    """Remove a job's layers and its now empty layer groups."""
    project.removeMapLayers([layer.id() for layer in find_job_layers(project, job_id)])
    key = LAYER_PROPERTY_PREFIX + "job_id"
    for group in _groups(project.layerTreeRoot()):
        if str(group.customProperty(key, "")) == str(job_id) and not group.findLayers():
            parent = group.parent()
            if parent is not None:
                parent.removeChildNode(group)


def _band_layer(path: Path, band: BandInfo, desc: ResultDescription, props: dict[str, str]) -> QgsRasterLayer:
    """A tiled run's mosaic band opens its own single-band file (core/mosaic_bands.split_display), as band 1."""
    from dataclasses import replace

    from ..core.mosaic_bands import band_file

    own = band_file(path, band.index) if path.suffix.lower() == ".vrt" else None
    layer = _open_band_layer(own or path, results.band_title(band))
    if layer.isValid():
        style_band_layer(layer, replace(band, index=1) if own else band, desc, counted=path)
    for key, value in {**props, "season": band.season or "", "band": band.name, "kind": band.kind}.items():
        layer.setCustomProperty(LAYER_PROPERTY_PREFIX + key, value)
    return layer


def _open_band_layer(path: Path, title: str) -> QgsRasterLayer:
    """The file as a raster layer, without the default style QGIS would compute for it.

    A new layer gets a contrast stretch from band statistics (sampled from bands 1-3 of the file), which every
    band layer replaces at once. QGIS keeps a layer's current style when its data source is set later (unless
    asked to load the default style), so the layer starts without a source, gets a placeholder renderer, and
    then its file; ``style_band_layer`` gives the real renderer.
    """
    options = QgsRasterLayer.LayerOptions(False)  # no default style lookup (a .qml beside the file)
    options.skipCrsValidation = True
    layer = QgsRasterLayer("", title, "gdal", options)  # no source yet: nothing is read, nothing is logged
    layer.setRenderer(QgsPalettedRasterRenderer(None, 1, []))
    provider_options = QgsDataProvider.ProviderOptions()
    provider_options.transformContext = options.transformContext
    layer.setDataSource(str(path), title, "gdal", provider_options, False)
    if layer.isValid():  # set by QGIS when it opens a file, lost with the placeholder's restored style
        layer.setCustomProperty(_IDENTIFY_FORMAT, "Value")  # the GDAL provider identifies values only
    return layer


def _class_counts(path: str, band: BandInfo) -> dict[int, int]:
    """Pixels per class of ``band`` for the legend, on the native grids: a tiled run's mosaic is read through its
    zone VRTs, each pixel once, not through its warped display VRT (~30 times slower to read)."""
    from ..core.area_estimation.pixel_counts import count_classes, map_parts

    return count_classes(map_parts(path, band.name)).per_value


def _job_properties(job: dict, desc: ResultDescription) -> dict[str, str]:
    return {
        "job_id": str(job.get("job_id") or ""),
        "backend": str(job.get("backend") or ""),
        "product": str(job.get("product") or desc.product),
    }


def _job_group(name: str, props: dict[str, str]) -> QgsLayerTreeGroup:
    group = QgsLayerTreeGroup(name)
    group.setExpanded(True)
    for key in ("job_id", "backend", "product"):
        group.setCustomProperty(LAYER_PROPERTY_PREFIX + key, props[key])
    return group


def _fill_group(group: QgsLayerTreeGroup, layers: list[QgsRasterLayer], bands: list[BandInfo], main: int) -> None:
    """Main layers in file order; per-class probabilities in a collapsed sub-group per season."""
    subgroups: dict[str, QgsLayerTreeGroup] = {}
    for layer, band in zip(layers, bands):
        parent = group
        if band.kind == results.CROPTYPE_CLASS_PROBABILITY:
            season = band.season or ""
            if season not in subgroups:
                subgroups[season] = _class_group(group, season)
            parent = subgroups[season]
        node = parent.addLayer(layer)
        node.setItemVisibilityChecked(band.index == main)
        node.setExpanded(band.index == main)


def _close_earlier_results(root: QgsLayerTreeGroup) -> None:
    """Close the top groups of results loaded before (layers, checks and legends untouched), so only the newest
    result's legend is open.

    QGIS desktop's Layers panel measures every open row again after each insertion (QTreeView sizeHintForColumn);
    with 20 results open (about 30 rows each) that took 12-18 ms of the GUI thread per new result, over a 60 Hz
    frame when 20 resumed jobs load together (bench_desktop_canvas.py, #21).
    """
    key = LAYER_PROPERTY_PREFIX + "job_id"
    for child in root.children():
        if isinstance(child, QgsLayerTreeGroup) and child.customProperty(key) and child.isExpanded():
            child.setExpanded(False)


def _class_group(group: QgsLayerTreeGroup, season: str) -> QgsLayerTreeGroup:
    sub = group.addGroup(f"Class probabilities {season}".strip())
    sub.setExpanded(False)
    sub.setItemVisibilityChecked(False)
    return sub


def _main_band(desc: ResultDescription, bands: list[BandInfo]) -> int:
    """Band index of the layer shown first: the first crop-type map, else the cropland map."""
    for kind in (results.CROPTYPE_CLASSIFICATION, results.CROPLAND_CLASSIFICATION):
        for band in bands:
            if band.kind == kind:
                return band.index
    return bands[0].index


def _groups(group: QgsLayerTreeGroup) -> list[QgsLayerTreeGroup]:
    found = []
    for child in group.children():
        if isinstance(child, QgsLayerTreeGroup):
            found.extend([child, *_groups(child)])
    return found


def _color(rgb: tuple[int, int, int], alpha: int = 255) -> QColor:
    return QColor(rgb[0], rgb[1], rgb[2], alpha)


def _cropland_classes() -> list[QgsPalettedRasterRenderer.Class]:
    """1 = cropland in red; 0 = other transparent, so the map only marks cropland."""
    return [
        QgsPalettedRasterRenderer.Class(1, _color(palette.CROPLAND_RGB), "Cropland"),
        QgsPalettedRasterRenderer.Class(0, _color(palette.NOT_CROPLAND_RGB, 0), "Other land (not shown)"),
    ]


def _croptype_classes(names: list[str]) -> list[QgsPalettedRasterRenderer.Class]:
    """Value v = v-th class (order of the per-class bands); 254 = masked as not cropland."""
    classes = [
        QgsPalettedRasterRenderer.Class(value, _color(rgb), palette.pretty_class_label(name))
        for value, (name, rgb) in enumerate(zip(names, palette.class_colors(names)))
    ]
    not_cropland = _color(palette.NOT_CROPLAND_RGB)
    classes.append(QgsPalettedRasterRenderer.Class(results.NOT_CROPLAND_VALUE, not_cropland, "Not cropland"))
    return classes


def _probability_renderer(layer: QgsRasterLayer, band_no: int) -> QgsSingleBandPseudoColorRenderer:
    """RdYlGn over a fixed 0..100; clipping leaves 254 (masked) transparent, without any statistics."""
    stops = palette.rdylgn_stops()
    function = QgsColorRampShader(PROBABILITY_MIN, PROBABILITY_MAX)
    function.setColorRampType(_interpolated())
    function.setClip(True)
    function.setSourceColorRamp(_gradient(stops))
    function.setColorRampItemList(
        [QgsColorRampShader.ColorRampItem(value, _color(rgb), f"{value:g}") for value, rgb in stops]
    )
    legend = function.legendSettings()
    legend.setSuffix(" %")
    function.setLegendSettings(legend)
    shader = QgsRasterShader(PROBABILITY_MIN, PROBABILITY_MAX)
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band_no, shader)
    renderer.setClassificationMin(PROBABILITY_MIN)
    renderer.setClassificationMax(PROBABILITY_MAX)
    renderer.setMinMaxOrigin(_fixed_min_max())
    return renderer


def _gradient(stops: list[tuple[float, tuple[int, int, int]]]) -> QgsGradientColorRamp:
    """The same ramp as a QGIS gradient, so the layer properties dialog shows (and can re-apply) it."""
    inner = [QgsGradientStop(value / 100.0, _color(rgb)) for value, rgb in stops[1:-1]]
    return QgsGradientColorRamp(_color(stops[0][1]), _color(stops[-1][1]), False, inner)


def _interpolated():
    """Linear interpolation enum: ``Qgis.ShaderInterpolationMethod`` on newer QGIS, the 3.22 one otherwise."""
    method = getattr(Qgis, "ShaderInterpolationMethod", None)
    return method.Linear if method is not None else QgsColorRampShader.Type.Interpolated


def _fixed_min_max() -> QgsRasterMinMaxOrigin:
    """Min/max are user-set (0..100): QGIS must never recompute them from statistics."""
    origin = QgsRasterMinMaxOrigin()
    limits = getattr(Qgis, "RasterRangeLimit", None)
    origin.setLimits(limits.NotSet if limits is not None else QgsRasterMinMaxOrigin.Limits.None_)
    return origin
