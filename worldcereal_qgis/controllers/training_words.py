"""The training's codes (alignment modes, reasons a sample was dropped) as whole sentences in the user's language.

The training runs in its own venv without Qt and writes codes into its events and metrics.json: the alignment
("relaxed", "period", "strict") and, per dropped sample, a short English reason that is a key, not a sentence
for the user. Both front ends (the training dialog and ``worldcereal:train_croptype_model``) say them through
these tables of ``tr()`` literals, so every language words each whole sentence its own way and a data value
(metrics.json) never changes with the language.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("TrainingWords", text)


def alignment_labels() -> dict[str, str]:
    """Alignment code -> the choice as the Processing list shows it."""
    return {
        "relaxed": tr("Library relaxed: 12 months centred on each sample's valid_time (default)"),
        "period": tr("Processing period of the map job (12 months ending with the season)"),
        "strict": tr("Library strict: valid_time moved to month 6 of the processing period"),
    }


def _dropped_phrases() -> dict[str, str]:
    """training/samples.py and training/run.py reason keys -> '{n} …' phrases (one per reason)."""
    return {
        "no readable valid_time": tr("{n} without a readable valid_time"),
        "valid_time outside the season": tr("{n} with valid_time outside the season"),
        "valid_time outside its extracted months": tr("{n} with valid_time outside their extracted months"),
        "fewer than 12 months extracted": tr("{n} with fewer than 12 months extracted"),
        "extraction does not cover the processing period in any year":
            tr("{n} whose extraction does not cover the processing period in any year"),
        "not all 12 months of the processing period extracted":
            tr("{n} without all 12 months of the processing period extracted"),
        "no season month in its 12-month window": tr("{n} with no season month in their 12-month window"),
        "quality scores 0": tr("{n} with quality scores 0"),
    }


def dropped_text(dropped: dict) -> str:
    """'12 with valid_time outside the season; 3 with quality scores 0' (or 'none')."""
    phrases = _dropped_phrases()
    parts = [phrases[reason].format(n=n) if reason in phrases
             else tr("{n} for another reason ({code})").format(n=n, code=reason)  # a newer training's code
             for reason, n in (dropped or {}).items()]
    return "; ".join(parts) or tr("none")


def samples_sentence(counts: dict) -> str:
    """``8500 rows read, 6000 used; 500 of 500 samples kept; dropped: none.`` (the training's ``summary``)."""
    return tr("{read} rows read, {used} used; {kept} of {total} samples kept; dropped: {dropped}.").format(
        read=counts.get("rows_read"), used=counts.get("rows_used"), kept=counts.get("samples_kept"),
        total=counts.get("samples_read"), dropped=dropped_text(counts.get("dropped")))


def alignment_summary(alignment: str, counts: dict) -> str:
    """The training's ``summary`` event: which alignment, then what was read, used and dropped."""
    texts = {"relaxed": tr("Relaxed alignment: {counts}"),
             "period": tr("Processing-period alignment: {counts}"),
             "strict": tr("Strict alignment: {counts}")}
    text = texts.get(alignment, tr("Alignment {code}: {counts}"))
    return text.format(counts=samples_sentence(counts), code=alignment)


def months_sentence(alignment: str, jitter: bool, seed) -> str:
    """How each sample's 12 months were chosen, as the results dialog says it."""
    with_jitter = {
        "relaxed": tr("Months per sample: relaxed alignment, with temporal jitter (seed {seed})."),
        "period": tr("Months per sample: processing-period alignment, with temporal jitter (seed {seed})."),
        "strict": tr("Months per sample: strict alignment, with temporal jitter (seed {seed})."),
    }
    without = {
        "relaxed": tr("Months per sample: relaxed alignment, without temporal jitter (seed {seed})."),
        "period": tr("Months per sample: processing-period alignment, without temporal jitter (seed {seed})."),
        "strict": tr("Months per sample: strict alignment, without temporal jitter (seed {seed})."),
    }
    texts = with_jitter if jitter else without
    return texts.get(alignment, tr("Months per sample: alignment {code} (seed {seed}).")).format(
        seed=seed, code=alignment)


def verdict_text(metrics: dict) -> str:
    """The training's plain-language verdict from its ``verdict_facts``; its English ``verdict`` for a model
    trained before the facts were written."""
    facts = metrics.get("verdict_facts")
    if not isinstance(facts, dict):
        return metrics.get("verdict", "")
    if not facts.get("confused"):
        return tr("Every test sample was classified correctly.")
    n, true, mapped = facts["confused"]
    parts = [tr("Most confusion: {n} test samples of {true} were mapped as {mapped}.").format(
        n=n, true=true, mapped=mapped)]
    if facts.get("weak"):
        parts.append(tr("Less than half of the test samples were found for: {classes}.").format(
            classes=", ".join(facts["weak"])))
    return " ".join(parts)
