"""Every failure kiemtra reports, rooted at one class.

Why typed errors: the CLI and the flows must tell a bad file (quarantine it, go on) from a
broken installation (stop) without parsing messages. Each error names the file and the reason
in one line, because that line is what an operator reads the morning after a nightly run.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.normalize import BIDI_CONTROLS

# C0 and C1 controls, DEL, the Unicode line/paragraph separators and the bidirectional
# embeddings, overrides and isolates: none may reach a terminal raw from a file name or a document
# (ESC sequences rewrite the screen, a newline forges a line, U+202E shows what follows reversed).
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")


def size_said(n: int) -> str:
    """A size in bytes as a person reads it beside the setting it is measured against: "300 MiB",
    "512 KiB", "200 bytes". Why: "314572801 bytes exceeds max_file_bytes=209715200" made the
    operator count digits to learn a file was half again over the limit."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def printable(text: str) -> str:
    """`text` with every control character written as an escape (`\\n`, `\\x1b`), for messages.

    Why one helper: every error line names a file, and file names come from outside (an e-mail
    attachment, a URL). Escaping is idempotent, so a message may pass through it twice.
    """
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class KiemtraError(Exception):
    """Root of kiemtra's errors; `str()` is one printable line: '<path>: <reason>'."""

    def __init__(self, reason: str, *, path: str | Path | None = None) -> None:
        self.reason = printable(" ".join(str(reason).split()))
        self.path = str(path) if path is not None else None
        super().__init__(f"{printable(self.path)}: {self.reason}" if self.path else self.reason)


class ReaderError(KiemtraError):
    """A document could not be read; the file is at fault, not the system (quarantine it)."""


class UnsupportedFormat(ReaderError):
    """The file's bytes are of a kind no reader handles."""


class CorruptDocument(ReaderError):
    """The file claims a format but its bytes are broken, truncated or empty."""


class EncryptedDocument(ReaderError):
    """The file is password-protected."""


class LimitExceeded(ReaderError):
    """The file is larger than a configured limit (bytes, pages, pixels, seconds).

    `setting` and `limit`: the setting whose value the file needed more of, and that value, when
    raising it is what lets the file be read (the time and memory of a child process: a long
    report is no attack). Why kept apart from the reason: the pipeline, which quarantines the file,
    says what to do next from them (pipeline.process.next_step), the reason saying what happened."""

    def __init__(self, reason: str, *, path: str | Path | None = None, setting: str | None = None,
                 limit: float | None = None) -> None:
        super().__init__(reason, path=path)
        self.setting = setting
        self.limit = limit


class OcrUnavailable(KiemtraError):
    """Tesseract or its Vietnamese data is missing: an installation problem, not a bad file."""


class FetchError(KiemtraError):
    """A URL could not be fetched; `status` is the HTTP status when the server answered."""

    def __init__(self, reason: str, *, path: str | Path | None = None, status: int | None = None) -> None:
        super().__init__(reason, path=path)
        self.status = status


class RobotsDisallowed(FetchError):
    """The site's robots.txt forbids this URL to our User-Agent (or could not be read)."""


class ExportError(KiemtraError):
    """A report file could not be written (disk, permissions, a locked workbook)."""


class ExtractionError(KiemtraError):
    """The NLP stage failed on a document."""


class UnexpectedError(ReaderError):
    """An exception nobody anticipated while reading or extracting one document: a bug of ours
    (or of a library) that this file triggers. The file is quarantined and the run goes on."""

    HINT = "an unexpected error; please report it to the kiemtra maintainers with this file"

    @classmethod
    def of(cls, error: BaseException, *, path: str | Path | None = None) -> UnexpectedError:
        return cls(f"{type(error).__name__}: {error} ({cls.HINT})", path=path)


class BackendError(KiemtraError):
    """The store or a search backend failed."""


class ConfigError(KiemtraError):
    """A setting has a bad value or an unknown key."""
