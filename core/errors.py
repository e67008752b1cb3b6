"""Every failure kiemtra reports, rooted at one class.

Why typed errors: the CLI and the flows must tell a bad file (quarantine it, go on) from a
broken installation (stop) without parsing messages. Each error names the file and the reason
in one line, because that line is what an operator reads the morning after a nightly run.
"""

from __future__ import annotations

from pathlib import Path


class KiemtraError(Exception):
    """Root of kiemtra's errors; `str()` is one line: '<path>: <reason>'."""

    def __init__(self, reason: str, *, path: str | Path | None = None) -> None:
        self.reason = " ".join(str(reason).split())
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {self.reason}" if self.path else self.reason)


class ReaderError(KiemtraError):
    """A document could not be read; the file is at fault, not the system (quarantine it)."""


class UnsupportedFormat(ReaderError):
    """The file's bytes are of a kind no reader handles."""


class CorruptDocument(ReaderError):
    """The file claims a format but its bytes are broken, truncated or empty."""


class EncryptedDocument(ReaderError):
    """The file is password-protected."""


class LimitExceeded(ReaderError):
    """The file is larger than a configured limit (bytes, pages, pixels, seconds)."""


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


class BackendError(KiemtraError):
    """The store or a search backend failed."""


class ConfigError(KiemtraError):
    """A setting has a bad value or an unknown key."""
