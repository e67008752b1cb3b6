"""A file that passed a time limit says what to do next: the setting to raise and the command
that reads it now (`kiemtra quarantine retry`), and that command, as printed, reads it.

Found by ux23's sweep: an 18 MB text failed with "took longer than nlp_timeout_s=600.0s" and
nothing more; quarantined, it stayed unread night after night.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from cli_helpers import REPORT, kiemtra

from core.errors import LimitExceeded
from pipeline.process import next_step


def test_a_timeout_names_the_setting_and_the_retry_that_reads_the_file(tmp_path: Path) -> None:
    report, db = tmp_path / "bao cao.txt", tmp_path / "k.db"  # a space: the command quotes the path
    report.write_text(REPORT, encoding="utf-8")
    short = kiemtra(db, "--set", "nlp_timeout_s=0.001", "ingest", "--no-progress", str(report))
    assert short.exit_code == 1
    said = ("took longer than nlp_timeout_s=0.001s; to read it, give it more: kiemtra --set"
            f" nlp_timeout_s=0.002 quarantine retry '{report.resolve()}' (KIEMTRA_NLP_TIMEOUT_S=0.002 raises"
            " it for every run)")
    assert said in short.stderr
    listed = kiemtra(db, "quarantine", "list")
    assert said in listed.stdout  # the quarantine keeps what to do with the reason
    command = shlex.split(said.split("give it more: ", 1)[1].split(" (", 1)[0])
    assert command[:2] == ["kiemtra", "--set"]
    command[2] = "nlp_timeout_s=600"  # the advice's own command, with time enough for this machine
    retried = kiemtra(db, *command[1:])
    assert retried.exit_code == 0, retried.output
    assert kiemtra(db, "quarantine", "list").stdout.startswith("nothing quarantined")


def test_only_a_limit_more_of_which_reads_the_file_has_a_next_step() -> None:
    assert next_step(LimitExceeded("20 pages exceeds max_pages=10"), "/x.pdf") == ""
    memory = LimitExceeded("the memory limit was hit", setting="nlp_memory_mb", limit=3072)
    assert "kiemtra --set nlp_memory_mb=6144 quarantine retry /x.pdf" in next_step(memory, "/x.pdf")
