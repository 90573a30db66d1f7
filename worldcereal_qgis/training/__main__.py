"""``python -m worldcereal_qgis.training JOB.json``: one training run; exit 0 ok, 2 bad input, 1 crash."""

from __future__ import annotations

import json
import sys
import traceback


def main(argv: list) -> int:
    from .protocol import TrainingInputError, emit

    if len(argv) != 1:
        emit("error", kind="usage", message="Usage: python -m worldcereal_qgis.training JOB.json")
        return 2
    try:
        with open(argv[0], encoding="utf-8") as handle:
            job = json.load(handle)
        from .run import run

        run(job)
        return 0
    except TrainingInputError as exc:
        emit("error", kind="input", message=str(exc))
        return 2
    except Exception as exc:  # the subprocess boundary: report, never hang
        emit("error", kind="crash", message=f"Training failed: {exc}.", details=traceback.format_exc())
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
