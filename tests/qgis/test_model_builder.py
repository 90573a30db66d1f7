"""A Model Builder model: vector AOI -> worldcereal:cropland -> native:zonalstatisticsfb (cropland share)."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal, ogr
from qgis.core import (
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterVectorLayer,
    QgsVectorLayer,
)

pytestmark = pytest.mark.slow
Source = QgsProcessingModelChildParameterSource


def _model(backend_url: str, out_folder: str) -> QgsProcessingModelAlgorithm:
    model = QgsProcessingModelAlgorithm("cropland_share", "Tests")
    model.addModelParameter(
        QgsProcessingParameterVectorLayer("aoi", "Area of interest", [QgsProcessing.SourceType.TypeVectorPolygon]),
        QgsProcessingModelParameter("aoi"),
    )
    cropland = QgsProcessingModelChildAlgorithm("worldcereal:cropland")
    cropland.setChildId("cropland")
    cropland.addParameterSources("AOI_LAYER", [Source.fromModelParameter("aoi")])
    for name, value in {"YEAR": 2021, "ORBIT": 2, "BACKEND": 3, "BACKEND_URL": backend_url, "LOAD_LAYERS": False,
                        "OUTPUT_FOLDER": out_folder}.items():
        cropland.addParameterSources(name, [Source.fromStaticValue(value)])
    model.addChildAlgorithm(cropland)

    zonal = QgsProcessingModelChildAlgorithm("native:zonalstatisticsfb")
    zonal.setChildId("zonal")
    zonal.addParameterSources("INPUT", [Source.fromModelParameter("aoi")])
    zonal.addParameterSources("INPUT_RASTER", [Source.fromChildOutput("cropland", "OUTPUT")])
    for name, value in {"RASTER_BAND": 1, "COLUMN_PREFIX": "cropland_", "STATISTICS": [2]}.items():  # 2 = mean
        zonal.addParameterSources(name, [Source.fromStaticValue(value)])
    output = QgsProcessingModelOutput("share", "AOI with cropland share")
    output.setChildOutputName("OUTPUT")
    zonal.setModelOutputs({"share": output})
    model.addChildAlgorithm(zonal)
    return model


def test_model_chains_aoi_cropland_and_zonal_statistics(wc_provider, local_backend, wc_dir, tmp_path):
    import processing

    aoi_path = str(wc_dir / "aoi" / "test_site_france.gpkg")
    model = _model(local_backend.url, str(tmp_path / "maps"))
    # The model names its output parameter "zonal:share" up to QGIS 3.2x, "aoi_with_cropland_share" (from the
    # description) in 3.40+: ask the model.
    (share_param,) = model.destinationParameterDefinitions()
    result = processing.run(model, {"aoi": aoi_path, share_param.name(): str(tmp_path / "share.gpkg")})

    layer = QgsVectorLayer(result[share_param.name()], "share", "ogr")
    (feature,) = list(layer.getFeatures())
    share = feature["cropland_mean"]
    assert 0.0 < share < 1.0

    # the same figure computed independently from the downloaded map, inside the AOI polygon
    (tif,) = list((tmp_path / "maps").rglob("worldcereal_crop_extent.tif"))
    ds = gdal.Open(str(tif))
    vec = ogr.Open(aoi_path)
    mask_ds = gdal.GetDriverByName("MEM").Create("", ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Byte)
    mask_ds.SetGeoTransform(ds.GetGeoTransform())
    mask_ds.SetProjection(ds.GetProjection())
    gdal.RasterizeLayer(mask_ds, [1], vec.GetLayer(0), burn_values=[1])
    values = ds.GetRasterBand(1).ReadAsArray()[mask_ds.ReadAsArray() == 1]
    values = values[values != 255]
    assert share == pytest.approx(float(np.mean(values)), abs=0.01)
