"""Old binary Word files (.doc, Word 97–2003) converted to DOCX by LibreOffice, then read as DOCX.

Why LibreOffice and not a Python parser: the binary format's text can sit in fragmented piece
tables with legacy code pages; LibreOffice reads it faithfully, keeps run fonts (which the
TCVN3/VNI detection needs) and is what offices already use. It is large, so it is optional: where
it is not installed a .doc fails with one line naming the program to install, and the run goes on.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from core.errors import CorruptDocument, LimitExceeded, UnsupportedFormat
from core.settings import Settings

LOGGER = logging.getLogger(__name__)

PROGRAMS = ("soffice", "libreoffice")
INSTALL_HINT = "install LibreOffice (apt-get install libreoffice-writer-nogui) or save the file as .docx"


def find_soffice(path: Path) -> str:
    """The LibreOffice executable on PATH, or UnsupportedFormat naming what is missing."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise UnsupportedFormat(
        f"legacy binary Word file (.doc) needs LibreOffice, but neither 'soffice' nor 'libreoffice' "
        f"is on PATH; {INSTALL_HINT}", path=path)


def doc_to_docx(path: Path, settings: Settings) -> bytes:
    """The DOCX bytes LibreOffice makes of `path`, within settings.parse_timeout_s.

    Each conversion gets its own temporary LibreOffice profile: two conversions sharing the
    user's profile block on its lock, and a nightly run must not touch a person's settings.
    """
    program = find_soffice(path)
    with tempfile.TemporaryDirectory(prefix="kiemtra-doc-") as tmp:
        work = Path(tmp)
        source = work / "input.doc"  # a plain name: LibreOffice mangles some Unicode file names
        shutil.copyfile(path, source)
        command = [program, "--headless", "--norestore", "--nolockcheck",
                   f"-env:UserInstallation={(work / 'profile').as_uri()}",
                   "--convert-to", "docx", "--outdir", str(work), str(source)]
        _run(command, path, settings.parse_timeout_s)
        converted = work / "input.docx"
        if not converted.is_file():
            raise CorruptDocument("LibreOffice could not convert this .doc to .docx", path=path)
        return converted.read_bytes()


def _run(command: list[str], path: Path, timeout_s: float) -> None:
    """Run LibreOffice in its own session so a timeout kills its helper processes too."""
    LOGGER.debug("converting %s: %s", path, " ".join(command))
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True) as process:
        try:
            _, stderr = process.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise LimitExceeded(f"LibreOffice took longer than parse_timeout_s={timeout_s}s",
                                path=path, setting="parse_timeout_s", limit=timeout_s) from None
    if process.returncode != 0:
        tail = " ".join(stderr.decode("utf-8", errors="replace").split())[-200:]
        raise CorruptDocument(f"LibreOffice failed (exit code {process.returncode}): {tail}", path=path)
