"""Time QGIS start-up gains from loading the plugin (classFactory + initGui), cold, in fresh interpreters.

Target (issue #3): < 150 ms. Reports the median of 5 runs of each mode and their difference.
"""

from __future__ import annotations

import statistics

from tests.qgis.test_startup_cost import probe

RUNS = 5


def test_startup_cost():
    plugin = [probe("plugin")["seconds"] for _ in range(RUNS)]
    baseline = [probe("baseline")["seconds"] for _ in range(RUNS)]
    added_ms = (statistics.median(plugin) - statistics.median(baseline)) * 1000
    print(f"\nplugin load (classFactory + initGui): median {statistics.median(plugin) * 1000:.1f} ms "
          f"(min {min(plugin) * 1000:.1f}, max {max(plugin) * 1000:.1f}); added to start-up: {added_ms:.1f} ms "
          f"(target < 150 ms)")
    assert added_ms < 150
