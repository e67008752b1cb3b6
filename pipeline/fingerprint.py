"""The extractor's version: by default a fingerprint of everything that decides what is extracted.

Why a fingerprint and not a number: a stored document is current when it was extracted by this
extractor (`Store.is_current`), and a quarantined file is held while it failed under this
extractor (`Store.quarantined`). A hand-bumped `extractor_version` was never bumped, so better
readers and rules never reached the documents already stored nor the files they failed on.
With `extractor_version = "auto"` (the default) the version is computed from the code and data
themselves, so the first run after any change to them re-reads the store once; any other value
is an explicit pin (e.g. to upgrade without re-extracting a huge store now).

What goes in (EXTRACTION_DIRS, EXTRACTION_CORE, EXTRACTION_DISTRIBUTIONS), and why:
- kiemtra's own version (pyproject), for a release that changes nothing hashed here.
- `extractors/` and `nlp/` whole: the readers, their tables (headings), the NLP
  components and their language data (nlp/vi/*) and the trained area model (nlp/models/*).
  Every file of theirs counts (by suffix, `FINGERPRINTED_SUFFIXES`), so new data files count too.
- From `core/`, only what extraction reads: the data model (a Document's text is built there:
  controls stripped, hard-wrapped lines joined; an Extraction's shape), the Vietnamese folding,
  the level table, the table of document kinds, the table of agency names (a document's
  agencies are listed as its units) and the syllable inventory (a reader's text-layer test, the
  findings' test of a text cut off inside a word) and the headline rule (which first line of a
  plain text is its title, and so not a finding) and the inspector frames (core/inspectors.py:
  a unit named as the inspecting body is not among a finding's units). Not `settings.py`/
  `defaults.toml` (changing the schedule must not re-read the store; settings that change
  reading, such as `ocr` or `pdf_layout`, are the operator's choice of the night), nor
  `errors.py` (messages, not what
  is extracted), nor `attribution.py` (search records and reports, computed at read time), nor
  `tables.py` (how a data table is opened; the tables it opens are fingerprinted themselves).
- The versions of the installed packages that read or analyse the text (underthesea, spaCy,
  pdf and docx readers, trafilatura, the gazetteer's vietnamadminunits): constraints.txt pins
  them, and a pin moved there changes what is extracted as surely as our own code.
- Not index/, reports/, pipeline/, web/, flows/: they store, search, compare and show what was
  extracted, and do not change it. Nor the machine's Tesseract (not a Python package).

Stable across machines and checkouts: paths relative to the project root, sorted, with '/'
separators, and the files' bytes; never mtimes or absolute paths. Cheap: about 0.5 MB hashed,
5-9 ms in all (`python -m benchmarks.fingerprint`), computed once per process
(`current_fingerprint` is cached: the installed files do not change under a running process).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from core.settings import Settings

AUTO = "auto"
PACKAGE = "kiemtra"
PROJECT_ROOT = Path(__file__).resolve().parent.parent

EXTRACTION_DIRS = ("extractors", "nlp")
EXTRACTION_CORE = ("core/models.py", "core/normalize.py", "core/wrapping.py", "core/levels.py",
                   "core/doc_kinds.py", "core/doc_kinds.toml", "core/alternation.py", "core/agencies.py",
                   "core/agencies.toml", "core/syllables.py", "core/syllables.toml", "core/headline.py",
                   "core/inspectors.py", "core/inspectors.toml")
# Core modules extraction imports that do not change what is extracted (see the docstring).
NOT_EXTRACTION_CORE = ("core/errors.py", "core/settings.py", "core/attribution.py", "core/tables.py")
EXTRACTION_DISTRIBUTIONS = ("underthesea", "spacy", "pdfplumber", "pypdfium2", "python-docx", "trafilatura",
                            "lxml", "pillow", "pytesseract", "vietnamadminunits")
FINGERPRINTED_SUFFIXES = frozenset({".py", ".toml", ".json", ".cfg", ".txt", ".csv", ".tsv", ".bin"})
HASH_CHARS = 12


def extraction_files(root: Path = PROJECT_ROOT) -> list[Path]:
    """The files that decide extraction under `root`, sorted by their relative path."""
    files = [root / name for name in EXTRACTION_CORE if (root / name).is_file()]
    for folder in EXTRACTION_DIRS:
        files += [p for p in (root / folder).rglob("*")
                  if p.is_file() and p.suffix in FINGERPRINTED_SUFFIXES and "__pycache__" not in p.parts]
    return sorted(files, key=lambda p: p.relative_to(root).as_posix())


def distribution_versions(names: Iterable[str] = EXTRACTION_DISTRIBUTIONS) -> list[str]:
    """`name==version` of each package, `name==absent` where it is not installed."""
    out = []
    for name in names:
        try:
            out.append(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            out.append(f"{name}==absent")
    return out


def package_version() -> str:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"


def fingerprint(root: Path, files: Iterable[Path], *, version: str, distributions: Iterable[str] = ()) -> str:
    """`VERSION+HASH`: the sha256 of each file's relative path and bytes and of the package
    versions, shortened; e.g. "0.1.0+3f2a9c0d41be". Length-prefixed, so no two file lists hash
    alike by moving bytes from one file's end to the next one's path."""
    digest = hashlib.sha256()
    for line in distributions:
        digest.update(f"dist {line}\n".encode())
    for path in files:
        data = path.read_bytes()
        digest.update(f"file {path.relative_to(root).as_posix()} {len(data)}\n".encode())
        digest.update(data)
    return f"{version}+{digest.hexdigest()[:HASH_CHARS]}"


@cache
def current_fingerprint() -> str:
    """This installation's fingerprint, computed once per process."""
    return fingerprint(PROJECT_ROOT, extraction_files(PROJECT_ROOT), version=package_version(),
                       distributions=distribution_versions())


def extractor_version(settings: Settings) -> str:
    """The version stored documents and quarantined files are compared with: the fingerprint
    under "auto" (or ""), else the operator's pin as given."""
    pinned = settings.extractor_version.strip()
    return current_fingerprint() if pinned in ("", AUTO) else pinned


def versions_line(documents_by_version: dict[str, int], current: str) -> str:
    """The extractor version in use and the store's documents by version, the current one first,
    for `kiemtra stats` and `kiemtra runs`: "extractor version 0.1.0+3f2a9c0d41be; documents by
    version: 0.1.0+3f2a9c0d41be 388, 0.1.0+77ab01c2d3e4 12 (the next ingest or nightly re-reads 12)"."""
    ordered = sorted(documents_by_version.items(), key=lambda item: (item[0] != current, -item[1], item[0]))
    stored = ", ".join(f"{version} {count}" for version, count in ordered) or "none"
    behind = sum(count for version, count in documents_by_version.items() if version != current)
    text = f"extractor version {current}; documents by version: {stored}"
    return text + (f" (the next ingest or nightly re-reads {behind})" if behind else "")
