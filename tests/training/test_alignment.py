"""Which 12 months each sample gets under each alignment (issue #23), pinned on the real Corsica extraction.

The real file: 500 samples, valid_time 2022-06-01, monthly rows Sep 2021 .. Jan 2023 (17 months). The
expected windows below are derived by hand from the library's rules (training/alignment.py cites them):

* relaxed: the label month Jun 2022 is index 9 of 17; centre clip(9, 6, 11) = 9 -> indices 3..14 = Dec 2021..Nov 2022.
* strict, season Mar-Aug 2022: processing period Sep 2021..Aug 2022, month index 5 = Feb; Jun moves back 4
  months to Feb 2022; Feb-6 = Aug 2021 is before the first extracted month -> Sep 2021..Aug 2022.
* strict, season May-Oct 2022: period Nov 2021..Oct 2022, index 5 = Apr; Jun moves back 2 to Apr 2022; Apr-6 =
  Oct 2021 is extracted -> Oct 2021..Sep 2022, one month BEFORE the processing period.
* period: the 12 months ending with the season's last month: Sep 2021..Aug 2022 and Nov 2021..Oct 2022.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from worldcereal_qgis.training import alignment, samples
from worldcereal_qgis.training.protocol import TrainingInputError

MAR_AUG = (date(2022, 3, 1), date(2022, 8, 31))
MAY_OCT = (date(2022, 5, 1), date(2022, 10, 31))


@pytest.fixture(scope="module")
def frame(extractions) -> pd.DataFrame:
    return samples.read_extractions([str(extractions)])


def _windows(aligned: samples.AlignedSamples, starts=None) -> set:
    """The distinct (first month, last month) windows as ((year, month), (year, month))."""
    months = aligned.window(np.arange(len(aligned.meta)), starts)[1]
    return {((int(m[0, 2]), int(m[0, 1])), (int(m[-1, 2]), int(m[-1, 1]))) for m in months}


@pytest.mark.parametrize("mode, season, window", [
    ("relaxed", MAR_AUG, ((2021, 12), (2022, 11))),
    ("relaxed", MAY_OCT, ((2021, 12), (2022, 11))),
    ("strict", MAR_AUG, ((2021, 9), (2022, 8))),
    ("strict", MAY_OCT, ((2021, 10), (2022, 9))),
    ("period", MAR_AUG, ((2021, 9), (2022, 8))),
    ("period", MAY_OCT, ((2021, 11), (2022, 10))),
])
def test_month_selection_of_each_alignment(frame, mode, season, window):
    aligned = samples.align(frame, *season, mode=mode)
    assert len(aligned.meta) == 500
    assert _windows(aligned) == {window}
    assert aligned.counts["samples_kept"] == 500 and aligned.counts["dropped"] == {}


def test_season_mask_marks_the_season_months_inside_each_window(frame):
    relaxed = samples.align(frame, *MAR_AUG, mode="relaxed")
    mask = relaxed.window(np.arange(3))[2]
    assert mask.tolist() == [[False] * 3 + [True] * 6 + [False] * 3] * 3  # Dec..Nov: Mar..Aug are 3..8
    period = samples.align(frame, *MAR_AUG, mode="period")
    assert period.window(np.arange(1))[2].tolist() == [[False] * 6 + [True] * 6]


def test_relaxed_centres_on_the_nearest_month_start(frame):
    """valid_time 2022-06-20 is 11 days from Jul 1 and 19 from Jun 1: the library centres on July."""
    late = frame.assign(valid_time="2022-06-20")
    assert _windows(samples.align(late, *MAR_AUG, mode="relaxed")) == {((2022, 1), (2022, 12))}
    assert _windows(samples.align(late, *MAR_AUG, mode="strict")) == {((2021, 9), (2022, 8))}


def test_short_extractions_are_dropped_with_their_reason(frame):
    short = frame[pd.to_datetime(frame["timestamp"]) >= "2022-01-01"]  # Jan 2022 .. Jan 2023: 13 months
    relaxed = samples.align(short, *MAR_AUG, mode="relaxed")  # vp 5 of 13: centre clip(5, 6, 7) = 6 -> Jan..Dec
    assert _windows(relaxed) == {((2022, 1), (2022, 12))}
    for mode, reason in (("strict", "extraction does not cover the processing period in any year"),
                         ("period", "not all 12 months of the processing period extracted")):
        with pytest.raises(TrainingInputError) as err:
            samples.align(short, *MAR_AUG, mode=mode)
        assert f"500 sample(s): {reason}" in str(err.value)


def test_out_of_season_labels_are_counted(frame):
    ids = frame["sample_id"].unique()[:100]
    moved = frame.assign(valid_time=np.where(frame["sample_id"].isin(ids), "2022-11-01", frame["valid_time"]))
    aligned = samples.align(moved, *MAR_AUG, mode="relaxed")
    assert aligned.counts["samples_kept"] == 400
    assert aligned.counts["dropped"] == {"valid_time outside the season": 100}
    assert aligned.counts["rows_read"] == 8500 and aligned.counts["rows_used"] == 400 * 12


def test_jitter_draws_the_library_range_seeded(frame):
    aligned = samples.align(frame, *MAR_AUG, mode="relaxed")
    rows = np.arange(len(aligned.meta))
    draws = [aligned.jitter_starts(rows, np.random.default_rng(seed)) for seed in (1, 1, 2)]
    assert np.array_equal(draws[0], draws[1]) and not np.array_equal(draws[0], draws[2])
    # vp 9 of 17: centre uniform in [max(6, 9 - 4), min(11, 9 + 4)] = [6, 11] -> first index 0..5 (Sep..Feb)
    assert set(np.concatenate(draws).tolist()) == {0, 1, 2, 3, 4, 5}
    strict = samples.align(frame, *MAR_AUG, mode="strict")
    assert np.array_equal(strict.jitter_starts(rows, np.random.default_rng(1)), strict.start)


def test_jitter_never_moves_a_sample_with_exactly_12_months():
    avail, vp = np.array([12, 12, 17]), np.array([5, 9, 9])
    starts = alignment.jitter_starts(avail, vp, np.random.default_rng(0))
    assert starts[:2].tolist() == alignment.relaxed_starts(avail[:2], vp[:2]).tolist() == [0, 0]


def test_unreadable_valid_time_is_its_own_reason(frame):
    ids = frame["sample_id"].unique()[:3]
    blank = frame.assign(valid_time=np.where(frame["sample_id"].isin(ids), None, frame["valid_time"]))
    for mode in alignment.MODES:
        aligned = samples.align(blank, *MAR_AUG, mode=mode)
        assert aligned.counts["dropped"] == {"no readable valid_time": 3} and aligned.counts["samples_kept"] == 497
