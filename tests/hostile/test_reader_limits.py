"""Item 4: HTML cleaning is linear, and reading every format and the NLP run under time and
memory limits in a child process (before: only PDFs and images did).

Before the fix a page of form controls took minutes in-process (1 MB: 50 s), and a TXT, HTML
or DOCX reader or the NLP could hang or exhaust the machine, taking the run down with it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from core.errors import LimitExceeded
from core.settings import load_settings
from extractors import read
from extractors.html import read_html
from pipeline.process import process

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from hostile_html import form_page  # noqa: E402

SETTINGS = load_settings({"parse_timeout_s": 30}, environ={})


def test_form_controls_are_cleaned_in_linear_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The text the cleaner reads grows with the page, not with the page times its controls.

    Counted, not timed (timings belong in benchmarks/hostile_html.py): before the fix every
    control re-read the text of its ancestors (5.6 million characters for a 0.1 MB form).
    """
    import lxml.html

    read_chars = [0]
    original = lxml.html.HtmlElement.text_content

    def counting(element: lxml.html.HtmlElement) -> str:
        text = original(element)
        read_chars[0] += len(text)
        return text

    monkeypatch.setattr(lxml.html.HtmlElement, "text_content", counting)
    for megabytes in (0.1, 0.5):
        read_chars[0] = 0
        path = tmp_path / f"form-{megabytes}.html"
        path.write_text(form_page(megabytes), encoding="utf-8")
        document = read_html(path, settings=SETTINGS)
        assert "niêm yết công khai" in document.text  # the article survives the cleaning
        page_text = lxml.html.fromstring(path.read_text(encoding="utf-8")).text_content()
        assert read_chars[0] <= 4 * len(page_text), megabytes  # before the fix: 500 times


def test_a_reader_past_its_time_limit_costs_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader runs in a child the parent waits on no longer than the limit, then kills.

    Counted, not timed: every wait the parent makes is bounded by the limit (a wait for the
    child's answer with no bound is the defect: a hanging reader would hang the run), and the
    child is gone when the error is raised (not left reading in the background).
    """
    import multiprocessing
    import signal

    from extractors import sandbox

    waits: list[float | None] = []
    children: list[Any] = []
    real_wait, real_context = sandbox.wait, multiprocessing.get_context

    def recorded(connections: list[Any], timeout: float | None = None) -> list[Any]:
        waits.append(timeout)
        return real_wait(connections, timeout=timeout)

    class _Noted:
        """The sandbox's context, noting each child it makes."""

        def __init__(self, method: str | None = None) -> None:
            self._real: Any = real_context(method)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._real, name)

        def Process(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - multiprocessing's naming
            children.append(self._real.Process(*args, **kwargs))
            return children[-1]

    monkeypatch.setattr(sandbox, "wait", recorded)
    monkeypatch.setattr(sandbox.multiprocessing, "get_context", _Noted)
    path = tmp_path / "form.html"
    path.write_text(form_page(2.0), encoding="utf-8")  # well over 0.05 s to read, even linear
    with pytest.raises(LimitExceeded, match="parse_timeout_s=0.05"):
        read(path, settings=SETTINGS.replace(parse_timeout_s=0.05))
    assert waits and all(w is not None and w <= 0.05 for w in waits), waits
    assert [child.exitcode for child in children] == [-signal.SIGKILL]


def test_a_text_reader_past_its_memory_limit_costs_one_file(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    path.write_text("Ủy ban nhân dân xã niêm yết thủ tục hành chính đầy đủ.\n" * 400_000, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="parse_memory_mb"):
        # the limit sits above what a worker needs to start and below what 22 MB of text takes
        read(path, settings=SETTINGS.replace(parse_memory_mb=_start_size_mb() + 60))


def test_extraction_runs_under_its_own_limits(tmp_path: Path) -> None:
    path = tmp_path / "bao_cao.txt"
    finding = "Tuy nhiên, việc giải quyết hồ sơ tại bộ phận một cửa còn trễ hạn.\n\n"
    path.write_text(finding * 4000, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="nlp_timeout_s=0.05"):
        process(path, settings=SETTINGS.replace(nlp_timeout_s=0.05))
    document, extraction = process(path, settings=SETTINGS)  # with room, the same file goes through
    assert extraction.findings and document.text.startswith("Tuy nhiên")


def _start_size_mb() -> int:
    """The address space a worker starts with (it is forked from a server holding the pipeline)."""
    from extractors.sandbox import _address_space, run_limited

    return int(run_limited(_address_space, (), path=Path("probe"), timeout_s=60, memory_mb=8192)) >> 20
