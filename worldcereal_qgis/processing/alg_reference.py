"""Processing algorithms for private reference data: validate it, and extract its satellite time series.

Same core as the dock's reference panel (core.reference_data, core.extraction, core.extraction_post);
heavy imports (pandas, shapely, pyproj, openeo, pyarrow) happen when an algorithm runs.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.compat import field
from ..core import udp
from .base import WorldCerealAlgorithm, backend_parameters, job_help, tr

SELECTION_MODES = ["extract", "all", "h3_cap"]


def selection_choices() -> list[str]:
    """The SELECTION list as people read it, in SELECTION_MODES' order (the modes stay in the code)."""
    return [tr("extract flag (the RDM's representative subset)"), tr("all samples"),
            tr("cap per H3 level-3 cell and class")]
ORBIT_CHOICES = list(udp.ORBIT_MODES)  # the map algorithms' order; "auto" = per extraction job, as WorldCereal
def _source():
    """adapters/reference_source (and the core reader behind it), imported when an algorithm checks or runs, not
    when QGIS starts and registers the provider (#21)."""
    from ..adapters import reference_source

    return reference_source


INT_FIELDS = ("ewoc_code", "irrigation_status", "quality_score_lc", "quality_score_ct", "extract")


# -- QGIS layer <-> core --------------------------------------------------------------------------------------------


def report_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (("row", "int"), ("sample_id", "string"), ("column", "string"), ("severity", "string"),
                       ("problem", "string")):
        fields.append(field(name, kind))
    return fields


def sample_fields(extra: tuple[str, ...] = ()) -> QgsFields:
    from ..core.reference_data import LABEL_COLUMNS

    fields = QgsFields()
    for name in (*LABEL_COLUMNS, "row", *extra):
        kind = "int64" if name in INT_FIELDS else "string"
        kind = "int" if name == "row" else kind
        fields.append(field(name, kind))
    return fields


def sample_feature(fields: QgsFields, record: dict) -> QgsFeature:
    feature = QgsFeature(fields)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(record["lon"]), float(record["lat"]))))
    feature.setAttributes([_attr(record.get(f.name())) for f in fields])
    return feature


def _attr(value):
    return value.item() if hasattr(value, "item") else value


class _Base(WorldCerealAlgorithm):
    def group(self) -> str:
        return tr("Reference data")

    def groupId(self) -> str:  # noqa: N802
        return "reference"

    def _add_input(self) -> None:
        # Optional only to QGIS: checkParameterValues requires it, so a (Geo)Parquet file that this QGIS cannot
        # open as a layer reaches the pyarrow reader instead of failing as "not found".
        param = QgsProcessingParameterFeatureSource(
            "INPUT", tr("Reference data (points or polygons; a layer or a GeoParquet file)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
        self.addParameter(param)

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """INPUT is checked here (required, and files QGIS cannot open are checked by core), the rest by QGIS."""
        value = parameters.get("INPUT")
        problem = _source().input_problem(value)
        if problem:
            return False, problem
        if _source().core_reads(value) is not None:
            parameters = {k: v for k, v in parameters.items() if k != "INPUT"}
        return super().checkParameterValues(parameters, context)

    def _raw(self, parameters, context):
        """The rows of the layer or file given as INPUT."""
        path = _source().core_reads(parameters.get("INPUT"))
        if path is not None:
            return _source().raw_from_file(path)
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(tr("Choose a reference data layer or file."))
        return _source().raw_from_source(source, _source().layer_title(source.sourceName() or "layer"))

    def _validated(self, parameters, context, feedback):
        """Read the layer (mapping it onto the harmonised format if asked) and validate it."""
        from ..core import reference_data as rd

        raw = self._raw(parameters, context)
        mappings = self._class_mappings(parameters, context)
        label = self.parameterAsString(parameters, "LABEL_FIELD", context) if "LABEL_FIELD" in parameters else ""
        if label:
            raw = self._mapped(raw, label, parameters, context, feedback, mappings)
        result = rd.validate(raw, legend=rd.legend_codes(mappings) if mappings else None,
                             land=_source().land_grid())
        for note in result.notes:
            feedback.pushInfo(note)
        if result.unknown_codes:
            feedback.pushWarning(result.legend_warning())
        feedback.pushInfo(result.summary())
        return result

    def _class_mappings(self, parameters, context):
        from ..core import reference_data as rd

        path = self.parameterAsFile(parameters, "CLASS_MAPPINGS", context) if "CLASS_MAPPINGS" in parameters else ""
        return rd.load_class_mappings(path) if path else {}

    def _mapped(self, raw, label, parameters, context, feedback, mappings):
        from ..core import reference_data as rd

        mapping = rd.FieldMapping(
            label=label,
            ref_id=self.parameterAsString(parameters, "REF_ID", context).strip(),
            date=self.parameterAsString(parameters, "DATE_FIELD", context) or None,
            fixed_date=self.parameterAsString(parameters, "FIXED_DATE", context).strip() or None,
            sample_id=self.parameterAsString(parameters, "ID_FIELD", context) or None,
        )
        raw, unmapped = rd.apply_field_mapping(raw, mapping, mappings)
        for value, count in sorted(unmapped.items()):
            feedback.pushWarning(tr("Label '{label}' ({count} rows) has no EWOC code in the class mappings.").format(
                label=value, count=count))
        return raw


class ValidateReferenceAlgorithm(_Base):
    def name(self) -> str:
        return "validate_reference_data"

    def displayName(self) -> str:  # noqa: N802
        return tr("Validate reference data (WorldCereal)")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr("Checks a reference data layer against WorldCereal's harmonised format (sample_id, 10-digit "
                "ewoc_code, valid_time, quality scores 0–100, extract, h3_l3_cell, ref_id starting with the year). "
                "Reprojects to EPSG:4326 and turns polygons into their centroids (computed in EPSG:3857, as the "
                "library does; polygons whose centroid falls outside are dropped). Writes a report table (one row "
                "per problem: row, column, why) and the clean samples as points. For data that is not harmonised, "
                "choose the label column, the date and a ref_id: labels are mapped to EWOC codes with the class "
                "mappings file.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add_input()
        for key, label in (("LABEL_FIELD", tr("Not harmonised: crop label column")),
                           ("DATE_FIELD", tr("Not harmonised: date column")),
                           ("ID_FIELD", tr("Not harmonised: sample id column"))):
            self.addParameter(QgsProcessingParameterField(key, label, parentLayerParameterName="INPUT",
                                                          optional=True))
        self.addParameter(QgsProcessingParameterString(
            "FIXED_DATE", tr("Not harmonised: one date for all samples (YYYY-MM-DD)"), optional=True))
        self.addParameter(QgsProcessingParameterString("REF_ID", tr("Not harmonised: data set id (YYYY_...)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterFile("CLASS_MAPPINGS", tr("Class mappings (class_mappings.json)"),
                                                     extension="json", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("REPORT", tr("Validation report"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Clean samples"),
                                                            QgsProcessing.SourceType.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("VALID", tr("Valid samples")))
        self.addOutput(QgsProcessingOutputNumber("ERRORS", tr("Errors")))
        self.addOutput(QgsProcessingOutputNumber("DROPPED", tr("Dropped polygons")))

    def _process(self, parameters, context, feedback):
        from qgis.core import QgsCoordinateReferenceSystem

        result = self._validated(parameters, context, feedback)
        fields = report_fields()
        sink, report_id = self.parameterAsSink(parameters, "REPORT", context, fields, QgsWkbTypes.Type.NoGeometry,
                                               QgsCoordinateReferenceSystem())
        for problem in result.problems:
            feature = QgsFeature(fields)
            feature.setAttributes([problem.row, problem.sample_id, problem.column, problem.severity, problem.message])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        fields = sample_fields()
        points, points_id = self.parameterAsSink(parameters, "OUTPUT", context, fields, QgsWkbTypes.Type.Point,
                                                 QgsCoordinateReferenceSystem("EPSG:4326"))
        for record in result.samples.to_dict("records"):
            points.addFeature(sample_feature(fields, record), QgsFeatureSink.Flag.FastInsert)
        for problem in result.errors[:20]:
            feedback.reportError(tr("Row {row}, {column}: {problem}").format(row=problem.row, column=problem.column,
                                                                             problem=problem.message))
        return {"REPORT": report_id, "OUTPUT": points_id, "VALID": len(result.samples),
                "ERRORS": len(result.errors), "DROPPED": len(result.dropped)}


class ExtractReferenceAlgorithm(_Base):
    def name(self) -> str:
        return "extract_reference_data"

    def displayName(self) -> str:  # noqa: N802
        return tr("Extract time series for reference data (WorldCereal)")

    def shortHelpString(self) -> str:  # noqa: N802
        return job_help(tr(
            "Runs WorldCereal point-extraction jobs on openEO for a harmonised reference data layer: monthly "
            "Sentinel-2, Sentinel-1, AgERA5 and DEM values per sample. Jobs are split by year of valid_time, "
            "then by Sentinel-2 tile, at most 500 samples each; at most 2 run at once and failed jobs are "
            "retried. Results are post-processed into WorldCereal's long format and merged into "
            "worldcereal_merged_extractions.parquet (one folder per ref_id); samples already extracted there "
            "are skipped. A data set with validation errors is never sent. About 30 credits per job."),
            area=False, period=False)

    def initAlgorithm(self, config=None):  # noqa: N802
        self._add_input()
        self.addParameter(QgsProcessingParameterEnum("SELECTION", tr("Samples to extract"), selection_choices(),
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("EXTRACT_VALUE", tr("Extract flag at least"),
                                                       QgsProcessingParameterNumber.Type.Integer, 1, minValue=1))
        self.addParameter(QgsProcessingParameterNumber("CAP", tr("Cap: samples per H3 cell and class"),
                                                       QgsProcessingParameterNumber.Type.Integer, 50, minValue=1))
        self.addParameter(QgsProcessingParameterEnum("ORBIT", tr("Sentinel-1 orbit"), ORBIT_CHOICES,
                                                     defaultValue=ORBIT_CHOICES.index(udp.ORBIT_AUTO)))
        for parameter in backend_parameters():
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterBoolean("PLAN_ONLY", tr("Only plan the jobs (send nothing)"), False))
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder")))
        self.addParameter(QgsProcessingParameterFeatureSink("SAMPLES", tr("Extracted samples"),
                                                            QgsProcessing.SourceType.TypeVectorPoint, optional=True))
        self.addOutput(QgsProcessingOutputString("OUTPUT", tr("Merged extractions (Parquet folder)")))
        self.addOutput(QgsProcessingOutputNumber("EXTRACTED", tr("Samples written")))
        self.addOutput(QgsProcessingOutputNumber("JOBS", tr("Jobs")))
        self.addOutput(QgsProcessingOutputNumber("CREDITS", tr("Credits (estimate when planning, used when run)")))

    def _selected(self, parameters, context, feedback, root: Path):
        from ..core import extraction_post as ep
        from ..core import reference_data as rd

        result = self._validated(parameters, context, feedback)
        result.require_ok()
        mode = SELECTION_MODES[self.parameterAsEnum(parameters, "SELECTION", context)]
        samples = rd.select_samples(result.samples, mode,
                                    extract_value=self.parameterAsInt(parameters, "EXTRACT_VALUE", context),
                                    cap=self.parameterAsInt(parameters, "CAP", context))
        if len(samples) == 0:  # said as such: "already extracted, nothing to do" would be wrong here
            choice = selection_choices()[SELECTION_MODES.index(mode)]
            raise QgsProcessingException(tr(
                "None of the {n} valid samples is selected by '{choice}'; choose another selection or a lower "
                "extract flag.").format(n=len(result.samples), choice=choice))
        done = set()
        for ref_id in sorted(set(samples["ref_id"])):
            done |= ep.already_extracted(root, ref_id)
        if done:
            before = len(samples)
            samples = samples[~samples["sample_id"].isin(done)].reset_index(drop=True)
            feedback.pushInfo(tr("{n} samples were extracted before and are skipped.").format(n=before - len(samples)))
        return samples

    def _process(self, parameters, context, feedback):
        from ..core import extraction as ex
        from ..core import extraction_post as ep

        root = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        samples = self._selected(parameters, context, feedback, root)
        if len(samples) == 0:
            feedback.pushInfo(tr("Every selected sample is already extracted; nothing to do."))
            return self._outputs(parameters, context, root, 0, 0, 0.0)
        from .. import settings

        plan = ex.plan_jobs(samples, rates=settings.credit_rates())
        feedback.pushInfo(_source().plan_summary(plan))
        for tile, count in sorted(plan.points_per_tile().items()):
            feedback.pushInfo(tr("  tile {tile}: {count} samples").format(tile=tile, count=count))
        for warning in plan.warnings:
            feedback.pushWarning(warning)
        if self.parameterAsBool(parameters, "PLAN_ONLY", context):
            return self._outputs(parameters, context, root, 0, len(plan.jobs), plan.credits)
        state, written = self._run(plan, parameters, context, feedback, root)
        feedback.setProgress(100.0)
        return self._outputs(parameters, context, root, written, len(plan.jobs), state.credits,
                             merged=ep.merged_dir(root))

    def _run(self, plan, parameters, context, feedback, root: Path):
        from ..adapters import connections
        from ..core import extraction_run as ex
        from ..core.extraction import AUTOMATIC_ORBIT
        from ..core.preflight import extraction_preflight

        profile = self.backend_profile(parameters, context)
        extraction_preflight(len(plan.jobs), root)
        runner = connections.processing_runner(root, profile)
        choice = ORBIT_CHOICES[self.parameterAsEnum(parameters, "ORBIT", context)]
        orbit = AUTOMATIC_ORBIT if choice == udp.ORBIT_AUTO else choice
        extractor = ex.ExtractionRunner(runner, profile, root, orbit_state=orbit,
                                        orbit_chooser=connections.select_orbit)
        state = extractor.run(plan, progress=feedback.setProgress, is_cancelled=feedback.isCanceled,
                              log=feedback.pushInfo)
        for error in state.errors:
            feedback.reportError(error)
        merged = extractor.merge(ex.run_id_for(plan.jobs[0].ref_id, root), log=feedback.pushInfo)
        written = sum(count for _path, count in merged.values())
        feedback.pushInfo(tr("{done} of {total} jobs finished; {written} samples written to {path} ({credits} credits "
                             "used).").format(done=state.done, total=state.total, written=written,
                                              path=root / "worldcereal_merged_extractions.parquet",
                                              credits=f"{state.credits:.1f}"))
        if state.done == 0:
            raise QgsProcessingException(tr("No extraction job finished; see the errors above."))
        return state, written

    def _outputs(self, parameters, context, root: Path, written: int, jobs: int, credits: float, merged=None):
        outputs = {"OUTPUT": str(merged or ""), "EXTRACTED": written, "JOBS": jobs, "CREDITS": credits}
        if parameters.get("SAMPLES") and merged is not None:
            outputs["SAMPLES"] = self._samples_layer(parameters, context, merged)
        return outputs

    def _samples_layer(self, parameters, context, merged: Path):
        """One point per extracted sample (labels + tile), for loading the result on the map."""
        import pyarrow.parquet as pq
        from qgis.core import QgsCoordinateReferenceSystem

        frame = pq.read_table(merged).to_pandas()
        first = frame.drop_duplicates("sample_id").copy()
        first["ref_id"] = first["ref_id"].astype(str)
        first["row"] = range(1, len(first) + 1)
        fields = sample_fields(("tile",))
        sink, dest = self.parameterAsSink(parameters, "SAMPLES", context, fields, QgsWkbTypes.Type.Point,
                                          QgsCoordinateReferenceSystem("EPSG:4326"))
        for record in first.to_dict("records"):
            sink.addFeature(sample_feature(fields, record), QgsFeatureSink.Flag.FastInsert)
        return dest
