"""Processing provider "worldcereal": the same capabilities as the dock, for models and qgis_process."""
