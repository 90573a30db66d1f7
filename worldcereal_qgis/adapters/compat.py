"""QGIS APIs that changed between 3.22 and QGIS 4: the one place that picks the form by version.

QGIS 3.38 deprecated ``QgsField(name, QVariant.Type)`` for ``QMetaType.Type``, and 3.34 moved the layer filters
of ``QgsMapLayerComboBox.setFilters`` from ``QgsMapLayerProxyModel.Filter`` to ``Qgis.LayerFilter``. The old
forms warn on 3.40/3.44 and are gone with Qt6/QGIS 4 (PyQt6 has no ``QVariant.Type``); 3.22 knows only them.
``tests/unit/test_qt6_rules.py`` keeps ``QVariant.Type`` and ``QgsMapLayerProxyModel.Filter`` out of the rest of
the plugin.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsField

_METATYPE_FIELDS = Qgis.QGIS_VERSION_INT >= 33800
_LAYER_FILTER_ENUM = Qgis.QGIS_VERSION_INT >= 33400

# QMetaType.Type (QGIS 3.38+) and QVariant.Type (older) member names of the field types the plugin uses.
_FIELD_TYPES = {"string": ("QString", "String"), "int": ("Int", "Int"), "int64": ("LongLong", "LongLong"),
                "double": ("Double", "Double"), "date": ("QDate", "Date")}


def field_type(kind: str):
    """The type to give ``QgsField`` for ``kind`` (string, int, int64, double, date) on this QGIS."""
    metatype, variant = _FIELD_TYPES[kind]
    if _METATYPE_FIELDS:
        from qgis.PyQt.QtCore import QMetaType

        return getattr(QMetaType.Type, metatype)
    from qgis.PyQt.QtCore import QVariant

    return getattr(QVariant.Type, variant)


def field(name: str, kind: str) -> QgsField:
    """``QgsField(name, <kind>)`` without the deprecated constructor on QGIS 3.38+."""
    return QgsField(name, field_type(kind))


def layer_filters(*names: str):
    """``QgsMapLayerComboBox.setFilters`` value for the named filters: ``"PointLayer"``, ``"PolygonLayer"``."""
    if _LAYER_FILTER_ENUM:
        known = {"PointLayer": Qgis.LayerFilter.PointLayer, "PolygonLayer": Qgis.LayerFilter.PolygonLayer}
    else:
        from qgis.core import QgsMapLayerProxyModel

        known = {"PointLayer": QgsMapLayerProxyModel.Filter.PointLayer,
                 "PolygonLayer": QgsMapLayerProxyModel.Filter.PolygonLayer}
    value = known[names[0]]
    for name in names[1:]:
        value = value | known[name]
    # OR-ed Qgis.LayerFilter members are a plain int, which sip hands to the deprecated overload: wrap them.
    return Qgis.LayerFilters(value) if _LAYER_FILTER_ENUM else value


def no_geometry_request():
    """A ``QgsFeatureRequest`` that reads no geometries (``Qgis.FeatureRequestFlag`` from QGIS 3.36 on)."""
    from qgis.core import QgsFeatureRequest

    flags = getattr(Qgis, "FeatureRequestFlag", None)
    no_geometry = flags.NoGeometry if flags is not None else QgsFeatureRequest.Flag.NoGeometry
    return QgsFeatureRequest().setFlags(no_geometry)


def task_pool():
    """The thread pool QGIS runs QgsTasks on: the task manager's own where it has one (3.40 here), QGIS 3.22's
    global pool otherwise."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    manager = QgsApplication.taskManager()
    return manager.threadPool() if hasattr(manager, "threadPool") else QThreadPool.globalInstance()
