"""pyproj in consecutive QgsTasks on one Qt pool thread (pyproj 3.7 crashed there: worker_threads.py).

Run in a child process: without the work-around QGIS dies with a segmentation fault, which would end the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.conftest import REPO_ROOT

SCRIPT = textwrap.dedent("""
    import time
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QThreadPool

    app = QgsApplication([], False)
    app.initQgis()
    QThreadPool.globalInstance().setMaxThreadCount(1)  # every task on the same pool thread
    from worldcereal_qgis.adapters.tasks import CoreTask

    def work(task):
        from pyproj import CRS, Transformer
        x, _y = Transformer.from_crs(CRS.from_user_input("EPSG:4326"), 32631, always_xy=True).transform(3.0, 47.0)
        return round(x)

    results = []
    for _ in range(4):
        task = CoreTask("pyproj", work, lambda result, error: results.append((result, error)))
        QgsApplication.taskManager().addTask(task)
        deadline = time.monotonic() + 30
        while len(results) < _ + 1 and time.monotonic() < deadline:
            QgsApplication.processEvents()
            time.sleep(0.01)
    print(results)
    app.exitQgis()
""")


def test_pyproj_in_consecutive_tasks_on_one_pool_thread():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120, env=env,
                          cwd=REPO_ROOT)
    assert proc.returncode == 0, f"exit {proc.returncode} (pyproj#1509 if -11)\n{proc.stderr[-2000:]}"
    assert proc.stdout.strip().splitlines()[-1] == str([(500000, None)] * 4)
