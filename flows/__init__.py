"""Prefect flows: thin compositions of the plain stage functions (pipeline/batch.py, process.py).

Only `kiemtra nightly` (pipeline/commands/nightly.py) imports flows/, lazily, to serve them.

Prefect's analytics are turned off here, before any flow module imports Prefect. Why: the
temporary server Prefect starts sends a telemetry heartbeat and, on a machine without
internet (where kiemtra runs), logs "ERROR | prefect.server.services.telemetry - Failed to
send telemetry" on every run, which teaches an operator to ignore ERROR lines. Why the
environment and not `temporary_settings`: the client's analytics read DO_NOT_TRACK when Prefect
is imported, and the server is a subprocess that reads its settings from the environment it
inherits. `setdefault`, so an operator who wants them on can still say so.
"""

import os

PREFECT_OFFLINE_ENVIRONMENT = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",  # the server's telemetry heartbeat
    "DO_NOT_TRACK": "1",  # the client SDK's analytics (prefect._internal.analytics)
}

for _name, _value in PREFECT_OFFLINE_ENVIRONMENT.items():
    os.environ.setdefault(_name, _value)
