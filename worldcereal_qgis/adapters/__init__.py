"""QGIS <-> core: AOIs from layers and the canvas, result layers and styling, the tile layer, secrets, compat."""
