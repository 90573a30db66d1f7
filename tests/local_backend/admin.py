"""Admin endpoints (unauthenticated; the server only listens on 127.0.0.1): faults, state, reset, jobs."""

from __future__ import annotations

import flask

from tests.local_backend import settings
from tests.local_backend.faults import FaultError, Faults
from tests.local_backend.jobs import LocalBatchJobs
from tests.local_backend.store import Store


def _bad_request(message: str) -> flask.Response:
    resp = flask.jsonify({"id": "admin", "code": "BadRequest", "message": message})
    resp.status_code = 400
    return resp


def build_blueprint(faults: Faults, jobs: LocalBatchJobs, store: Store) -> flask.Blueprint:
    bp = flask.Blueprint("local_admin", __name__, url_prefix="/_admin")

    @bp.route("/faults", methods=["GET", "POST"])
    def set_faults():
        if flask.request.method == "GET":
            return flask.jsonify(faults.snapshot())
        try:
            return flask.jsonify(faults.set(flask.request.get_json(force=True) or {}))
        except (FaultError, TypeError, ValueError) as exc:
            return _bad_request(str(exc))

    @bp.route("/reset", methods=["POST"])
    def reset():
        faults.reset()
        return flask.jsonify({"faults": faults.snapshot()})

    @bp.route("/state", methods=["GET"])
    def state():
        s = settings.get()
        job_rows = store.list_jobs()
        return flask.jsonify({
            "faults": faults.snapshot(),
            "settings": {"port": s.port, "data_dir": str(s.data_dir), "job_duration": s.job_duration,
                         "users": sorted(s.users), "device_pending_polls": s.device_pending_polls},
            "jobs": [{"id": r["id"], "user_id": r["user_id"], "status": r["status"],
                      "process_id": r["process_id"], "duration": r["duration"]} for r in job_rows],
        })

    @bp.route("/jobs/<job_id>", methods=["POST"])
    def job_settings(job_id: str):
        body = flask.request.get_json(force=True) or {}
        if not isinstance(body.get("duration"), (int, float)) or body["duration"] < 0:
            return _bad_request("Give a non-negative number 'duration' (seconds).")
        row = jobs.set_duration(job_id, body["duration"])
        return flask.jsonify({"id": row["id"], "status": row["status"], "duration": row["duration"]})

    @bp.route("/device/approve", methods=["POST"])
    def approve_device():
        body = flask.request.get_json(force=True) or {}
        user = body.get("user") or settings.get().default_user
        if user not in settings.get().users:
            return _bad_request(f"Unknown user {user!r}.")
        if not store.approve_user_code(str(body.get("user_code", "")), user):
            return _bad_request("Unknown or already used user_code.")
        return flask.jsonify({"approved": body["user_code"], "user": user})

    return bp
