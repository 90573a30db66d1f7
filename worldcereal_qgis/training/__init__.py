"""Custom crop-type training: scripts that run INSIDE the plugin-managed training environment.

Nothing here is imported by QGIS's own Python: these modules need torch, prometheo (numpy >= 2), pandas and
scikit-learn, which cannot live in QGIS's interpreter. QGIS starts ``python -m worldcereal_qgis.training``
in the training venv (see ``core/training_env.py``) and reads one JSON object per stdout line
(``protocol.py``). Formats follow WorldCereal's official code (worldcereal-classification 2.7.0,
``src/worldcereal/train/``, ``notebooks/notebook_utils/classifier.py``), re-implemented here.
"""
