"""`kiemtra -v nightly --once` as an operator runs it, on a machine that cannot reach the internet.

A separate process with its own Prefect home, no Prefect server configured (so Prefect starts
its temporary one, as it does in production) and every outside address unreachable (a proxy
on a closed loopback port; only 127.0.0.1 is direct). A clean run must log no ERROR line (the
server's telemetry heartbeat used to log one every run), `-v` must not print one line per
HTTP request to Prefect's server, progress must come as lines (stderr is a pipe), and the
closing report must give Prefect's start-up and the flow's own time as two figures.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

from benchmarks.nightly import write_reports

ROOT = Path(__file__).resolve().parents[2]
TIMING = re.compile(
    r"^([\d.]+) s in all: Prefect start-up \(import, temporary server, flow run\) ([\d.]+) s, "
    r"then the flow took ([\d.]+) s\.$",
    re.MULTILINE,
)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _offline_environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PREFECT_", "KIEMTRA_")) and k not in ("DO_NOT_TRACK", "CI")}
    proxy = f"http://127.0.0.1:{_closed_port()}"
    return {**env, "PREFECT_HOME": str(tmp / "prefect"), "HTTP_PROXY": proxy, "HTTPS_PROXY": proxy,
            "http_proxy": proxy, "https_proxy": proxy, "NO_PROXY": "127.0.0.1,localhost",
            "no_proxy": "127.0.0.1,localhost", "OMP_THREAD_LIMIT": "1"}


def test_a_clean_offline_run_logs_no_error_and_reports_startup_apart(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    write_reports(inbox, 3, seed=21)
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "-v", "--db", str(tmp_path / "k.db"),
         "--set", f"fetch_dir={tmp_path / 'fetched'}", "--set", "progress_every_s=0",
         "nightly", "--once", "--inbox", str(inbox)],
        cwd=ROOT, env=_offline_environment(tmp_path), capture_output=True, text=True, timeout=400)
    output = result.stdout + result.stderr

    assert result.returncode == 0, output
    assert result.stdout.splitlines()[-1] == "3 new, 0 changed, 0 skipped, 0 failed"
    assert [line for line in output.splitlines() if "ERROR" in line] == [], output
    assert "HTTP Request:" not in output  # -v shows kiemtra's progress, not Prefect's traffic
    assert "INFO pipeline.sources: collected 3 items" in output  # ... and -v still shows ours
    assert re.search(r"^ingest 3/3 \(100 %\), [\d.]+ docs/s, done in ", result.stderr, re.MULTILINE), output
    timing = TIMING.search(result.stdout)
    assert timing, result.stdout
    total, startup, flow = map(float, timing.groups())
    assert startup > 0 and flow > 0 and abs(total - startup - flow) < 0.15
    print(f"\nPrefect start-up {startup} s, flow {flow} s")  # the measurement, for `pytest -s`
