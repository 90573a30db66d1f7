"""``worldcereal:train_croptype_model``: extractions + season + classes -> a custom crop-type head zip + metrics.

Training runs in the plugin-managed training environment as a subprocess (``custom_models.run_training``);
this algorithm builds the environment on first use (minutes), reports epochs in the log, checks the zip as
the inference side will, and registers the model. Module-level imports stay light (qgis.core only).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.errors import InputError
from .base import WorldCerealAlgorithm
from .param_checks import standalone_label

HEAD_TYPES = ["linear", "mlp"]


class TrainCroptypeAlgorithm(WorldCerealAlgorithm):
    def name(self) -> str:
        return "train_croptype_model"

    def displayName(self) -> str:  # noqa: N802
        return tr("Train a custom crop-type model (WorldCereal)")

    def group(self) -> str:
        return tr("Custom models")

    def groupId(self) -> str:  # noqa: N802
        return "custom_models"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Trains a crop-type head on Presto embeddings of extractions (your own and/or WorldCereal's public "
                "ones within a distance of an area), for one season. Before anything is built, your files are "
                "checked: long or legacy wide format, monthly or dekadal rows (dekads are composited to months "
                "band by band as the official inputs graph does), samples in the season and what the library's "
                "quality filters remove; a bad input is refused in seconds. Each sample then gets 12 months by the "
                "chosen alignment: the processing period of the map job, the library's relaxed rule (centred on "
                "valid_time) or its strict rule; temporal jitter (training split only, seeded) and sensor masking "
                "as the library's notebook; stratified (or spatial) train/val/test split; linear or MLP head with "
                "early stopping. Unselected classes become 'other'. Outputs the model zip (head + config.json "
                "manifest recording alignment, jitter and seed), metrics on the held-out test split, confusion "
                "matrices and a plain-language verdict, and registers the model for the crop-type map algorithm. "
                "The first run installs the training environment (torch CPU, prometheo; about 2 GB, a few "
                "minutes). docs/TRAINING_INPUTS.md has every rule.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "SAMPLES", tr("Your extractions (Parquet/GeoParquet, long format)"), QgsProcessing.SourceType.TypeFile,
            optional=True))
        self.addParameter(QgsProcessingParameterExtent(
            "PUBLIC_AREA", tr("Add WorldCereal's public extractions around this area"), optional=True))
        self.addParameter(standalone_label(QgsProcessingParameterNumber(
            "PUBLIC_BUFFER_KM", tr("…within this distance of the area (km)"), QgsProcessingParameterNumber.Type.Double,
            250.0, minValue=0.0, maxValue=2000.0), tr("Distance around the area for public extractions (km)")))
        self.addParameter(QgsProcessingParameterString(
            "MODEL_NAME", tr("Model name (empty = season, months, classes and today's date)"), optional=True))
        self.addParameter(QgsProcessingParameterString("SEASON_ID", tr("Season id"), "tc-s1"))
        self.addParameter(QgsProcessingParameterString("SEASON_START", tr("Season start (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString("SEASON_END", tr("Season end (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString("CLASSES", tr("Classes to map (comma-separated)")))
        self.addParameter(QgsProcessingParameterFile(
            "CLASS_MAPPINGS", tr("Class mappings file (class_mappings.json; empty = EWOC codes as classes)"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterString("CLASS_MAPPING", tr("Class mapping name"), "CROPTYPE24",
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString("MERGES", tr("Merges (old=new;old2=new2)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean("KEEP_OTHER", tr("Unselected classes become 'other'"), True))
        self.addParameter(QgsProcessingParameterEnum("HEAD_TYPE", tr("Head"), HEAD_TYPES, defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean("SPATIAL_SPLIT", tr("Spatial split (0.25° bins)"), False))
        self._add_alignment_parameters()
        self.addParameter(QgsProcessingParameterString(
            "SEASONAL_MODEL_ZIP", tr("Seasonal model whose encoder is the backbone (URL or zip; empty = the default)"),
            optional=True))
        self.addParameter(standalone_label(QgsProcessingParameterFile(
            "ENCODER", tr("…or a Presto encoder checkpoint (.pt) to use directly"), extension="pt", optional=True),
            tr("Presto encoder checkpoint (.pt)")))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addOutput(QgsProcessingOutputFile("MODEL_ZIP", tr("Model zip")))
        self.addOutput(QgsProcessingOutputFile("METRICS", tr("Metrics (JSON)")))
        self.addOutput(QgsProcessingOutputFile("CONFUSION_MATRIX", tr("Confusion matrix (PNG, normalised)")))
        self.addOutput(QgsProcessingOutputNumber("OVERALL_ACCURACY", tr("Overall accuracy (test split)")))
        self.addOutput(QgsProcessingOutputNumber("MACRO_F1", tr("Macro F1 (test split)")))
        self.addOutput(QgsProcessingOutputString("CLASS_NAMES", tr("Classes (output value order)")))
        self.addOutput(QgsProcessingOutputString("VERDICT", tr("Verdict")))
        self.addOutput(QgsProcessingOutputString("MODEL_ID", tr("Registered model id")))
        self.addOutput(QgsProcessingOutputString("MODEL_NAME", tr("Registered model name")))

    def _add_alignment_parameters(self) -> None:
        """Which months each sample gets, temporal jitter, and the quality-filter override (issues #23, #17)."""
        from ..controllers.training_words import alignment_labels
        from ..core.alignments import ALIGNMENTS, DEFAULT_ALIGNMENT

        labels = [alignment_labels()[code] for code in ALIGNMENTS]
        self.addParameter(QgsProcessingParameterEnum("ALIGNMENT", tr("Months each sample gets"), labels,
                                                     defaultValue=ALIGNMENTS.index(DEFAULT_ALIGNMENT)))
        self.addParameter(QgsProcessingParameterBoolean(
            "JITTER", tr("Temporal jitter on the training split (the library's augmentation)"), True))
        self.addParameter(QgsProcessingParameterNumber("SEED", tr("Random seed (split, masking, jitter)"),
                                                       QgsProcessingParameterNumber.Type.Integer, 42, minValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "KEEP_ZERO_QUALITY", tr("Keep samples whose quality scores are 0 (the library drops them)"), False))

    def _process(self, parameters, context, feedback) -> dict:
        import json

        from ..controllers import custom_models
        from ..core import training_env
        from ..core.head_zip import check_head_zip

        training_env.check_folder(custom_models.env_folder())  # before any download, not minutes later
        job = self._job(parameters, context)
        feedback.pushInfo(tr("Model name: {name}.").format(name=job["model_name"]))
        job = custom_models.check_inputs(job, feedback.pushInfo)  # formats, steps, filters: before any build
        backbone = self._backbone(parameters, context, feedback)
        job.update(checkpoint=str(backbone.checkpoint), fingerprint=backbone.fingerprint)
        feedback.pushInfo(tr("Preparing the training environment (built once; the first time takes minutes)…"))
        python = training_env.ensure_env(custom_models.env_folder(), custom_models.env_spec(),
                                         progress=lambda p: feedback.setProgress(p * 0.1),
                                         is_cancelled=feedback.isCanceled, log=feedback.pushDebugInfo)
        done = custom_models.run_training(python, job, lambda e: _report(e, feedback), feedback.isCanceled)
        info = check_head_zip(Path(done["zip"]), backbone.fingerprint)
        metrics = json.loads(Path(done["metrics"]).read_text(encoding="utf-8"))
        record = _register(info, metrics, job)
        return {"MODEL_ZIP": done["zip"], "METRICS": done["metrics"],
                "CONFUSION_MATRIX": str(Path(done["metrics"]).with_name("CM_norm.png")),
                "OVERALL_ACCURACY": metrics["overall_accuracy"], "MACRO_F1": metrics["macro_f1"],
                "CLASS_NAMES": ",".join(info.class_names), "VERDICT": metrics["verdict"], "MODEL_ID": record.id,
                "MODEL_NAME": record.name}

    def _backbone(self, parameters, context, feedback):
        """The encoder given, else the seasonal model's encoder_only (downloaded once, cached)."""
        from ..controllers import custom_models
        from ..core.backbone import resolve_encoder

        encoder = self.parameterAsFile(parameters, "ENCODER", context)
        source = encoder or (self.parameterAsString(parameters, "SEASONAL_MODEL_ZIP", context).strip()
                             or custom_models.seasonal_model_source())
        backbone = resolve_encoder(source, custom_models.cache_folder() / "models", feedback.isCanceled)
        feedback.pushInfo(tr("Backbone: {name} (fingerprint {fingerprint}…).").format(
            name=backbone.checkpoint.name, fingerprint=backbone.fingerprint[:12]))
        return backbone

    def _job(self, parameters, context) -> dict:
        from ..core.dates import parse_date
        from ..core.reference_io import check_file

        samples = [s for s in self.parameterAsFileList(parameters, "SAMPLES", context) if s]
        for path in samples:  # 0 bytes, not Parquet, cut off: one sentence naming the file, before any build
            if Path(path).is_file():
                check_file(path)
        public = self._public(parameters, context)
        if not samples and public is None:
            raise InputError(tr("Give your own extractions, or an area to take WorldCereal's public extractions "
                                "around."), field="SAMPLES")
        classes = [c.strip() for c in self.parameterAsString(parameters, "CLASSES", context).split(",") if c.strip()]
        start = parse_date(self.parameterAsString(parameters, "SEASON_START", context), field="SEASON_START")
        end = parse_date(self.parameterAsString(parameters, "SEASON_END", context), field="SEASON_END")
        if end < start:
            raise InputError(tr("The season end is before its start."), field="SEASON_END")
        mapping_file = self.parameterAsFile(parameters, "CLASS_MAPPINGS", context)
        if mapping_file:  # a file that is not JSON: one sentence now, not a traceback from the training venv
            from ..core.reference_data import load_class_mappings

            load_class_mappings(mapping_file)
        mapping_name = self.parameterAsString(parameters, "CLASS_MAPPING", context).strip()
        seasonal = self.parameterAsString(parameters, "SEASONAL_MODEL_ZIP", context).strip()
        season_id = self.parameterAsString(parameters, "SEASON_ID", context).strip() or "tc-s1"
        output_dir = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        name = model_name(self.parameterAsString(parameters, "MODEL_NAME", context), season_id, start, end, classes,
                          Path(output_dir))
        return {
            "model_name": name,
            "version": name,  # the zip becomes <head name>_version-<name>.zip: never the zip of an earlier model
            "samples": [str(s) for s in samples],
            "public": public,
            "season": {"start": start.isoformat(), "end": end.isoformat(),
                       "id": season_id},
            "seasonal_model_zip": seasonal or None,
            "class_mapping": {"file": mapping_file, "name": mapping_name} if mapping_file else None,
            "classes": classes,
            "merges": _merges(self.parameterAsString(parameters, "MERGES", context)),
            "keep_other": self.parameterAsBoolean(parameters, "KEEP_OTHER", context),
            "head": {"head_type": HEAD_TYPES[self.parameterAsEnum(parameters, "HEAD_TYPE", context)]},
            "spatial_split": self.parameterAsBoolean(parameters, "SPATIAL_SPLIT", context),
            **self._alignment(parameters, context),
            "output_dir": output_dir,
        }

    def _alignment(self, parameters, context) -> dict:
        from ..core.alignments import ALIGNMENTS

        return {"alignment": ALIGNMENTS[self.parameterAsEnum(parameters, "ALIGNMENT", context)],
                "jitter": self.parameterAsBoolean(parameters, "JITTER", context),
                "seed": self.parameterAsInt(parameters, "SEED", context),
                "keep_zero_quality": self.parameterAsBoolean(parameters, "KEEP_ZERO_QUALITY", context)}

    def _public(self, parameters, context):
        """The public-extractions query for the area (EPSG:4326 bbox), or None without an area."""
        if not parameters.get("PUBLIC_AREA"):
            return None
        from ..adapters.aoi import aoi_from_extent
        from ..controllers import custom_models

        extent = self.parameterAsExtent(parameters, "PUBLIC_AREA", context)
        aoi = aoi_from_extent(extent, self.parameterAsExtentCrs(parameters, "PUBLIC_AREA", context), "public")
        return custom_models.public_query(tuple(aoi.bbox),
                                          self.parameterAsDouble(parameters, "PUBLIC_BUFFER_KM", context))


def tr(text: str) -> str:
    return QCoreApplication.translate("TrainCroptypeAlgorithm", text)


def model_name(given: str, season_id: str, start, end, classes: list, folder: Path) -> str:
    """The given name (made file-safe) or the default; suffixed -2, -3... when a model or zip already has it."""
    from ..controllers.custom_models import model_registry
    from ..core import model_registry as mr

    name = mr.slug(given) or mr.default_model_name(season_id, start, end, classes)
    zips = {z.stem.split("_version-", 1)[1] for z in folder.glob("*_version-*.zip")} if folder.is_dir() else set()
    return mr.unique_model_name(name, model_registry().names() | zips)


def _merges(text: str) -> dict:
    pairs = [p.split("=", 1) for p in text.split(";") if p.strip()]
    if any(len(p) != 2 or not p[0].strip() or not p[1].strip() for p in pairs):
        raise InputError(tr("Merges must look like old=new;old2=new2."), field="MERGES")
    return {old.strip(): new.strip() for old, new in pairs}


def _report(event: dict, feedback) -> None:
    kind = event["event"]
    if kind == "stage":
        feedback.setProgress(10 + 0.9 * float(event.get("progress", 0)))
    elif kind == "epoch":
        feedback.pushInfo(tr("Epoch {epoch}: loss {loss}, validation loss {val_loss}, validation macro F1 "
                             "{val_f1}").format(epoch=event["epoch"], loss=f"{event['loss']:.3f}",
                                                val_loss=f"{event['val_loss']:.3f}", val_f1=f"{event['val_f1']:.3f}"))
    elif kind == "warning":
        feedback.pushWarning(event["message"])
    elif kind == "summary":
        feedback.pushInfo(summary_line(event))
    elif kind == "classes":
        counts = ", ".join(f"{name} ({event['counts'][name]})" for name in event["classes"])
        feedback.pushInfo(tr("Classes (output values in this order) and samples: {counts}").format(counts=counts))
    elif kind == "public":
        text = (tr("Public extractions: {n} dataset file(s) from the cache.") if event.get("cached")
                else tr("Public extractions: {n} dataset file(s)."))
        feedback.pushInfo(text.format(n=event["files"]))
    elif kind == "metrics":
        feedback.pushInfo(tr("Test split: overall accuracy {accuracy} (always guessing the largest class: {chance}), "
                             "macro F1 {f1}.").format(accuracy=f"{event['overall_accuracy']:.3f}",
                                                     chance=f"{event['chance_accuracy']:.3f}",
                                                     f1=f"{event['macro_f1']:.3f}"))
        from ..controllers.training_words import verdict_text

        feedback.pushInfo(verdict_text(event))


def summary_line(event: dict) -> str:
    """``period alignment: 8500 rows read, 6000 used; 500 of 500 samples kept; dropped: none.``"""
    from ..controllers.training_words import alignment_summary

    return alignment_summary(event.get("alignment"), event)


def _register(info, metrics: dict, job: dict):
    """Remember the model (for upload, re-signing and the map algorithm)."""
    from ..controllers.custom_models import model_registry
    from ..core.model_registry import ModelRecord

    summary = {k: metrics[k] for k in ("overall_accuracy", "macro_f1", "chance_accuracy", "verdict")}
    return model_registry().add(ModelRecord(
        name=job["model_name"], zip_path=str(info.path), class_names=list(info.class_names), season_id=info.season_id,
        fingerprint=info.fingerprint, season_window=list(info.season_window or []) or None,
        seasonal_model_zip=job.get("seasonal_model_zip"), metrics=summary))
