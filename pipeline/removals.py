"""Files that left the inbox: find them, report them, and act per `removed_files`.

Why the store decides what left and not the inbox's state file: the store is the system of
record of what was ingested from where, so a removal is reported even when the state file was
rewritten by a run that crashed before its summary. Only paths inside the inbox are candidates
(pages kept from the feeds and folders given to `kiemtra ingest` are not the inbox's to lose),
and only when the inbox folder itself is there: an inbox that is missing (an unmounted share)
is a failed source, never a removal of everything it held.

The three actions (`removed_files` in defaults.toml):
- keep: the findings stay searchable; the removal is reported once and noted in the store.
- withdraw: the findings leave the search index, the store keeps them (nothing is lost; the
  file coming back brings them back).
- delete: the document leaves the store and the index, unless another path holds its bytes.
A quarantined file that left is always forgotten: there is nothing left to retry.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from core.errors import ConfigError, printable
from core.settings import Settings
from index.store import Store, Withdrawn
from pipeline.process import open_store
from pipeline.removal_words import ACTIONS, DELETE, DONE, FORGOTTEN, KEEP, WITHDRAW

LOGGER = logging.getLogger(__name__)



@dataclass(frozen=True, slots=True)
class Removal:
    """One file that left the inbox, and what was done about it (as the summary says it)."""

    path: str
    action: str


def check_action(action: str) -> str:
    """The setting's value, or a ConfigError naming the choices (raised before a run starts)."""
    if action not in ACTIONS:
        raise ConfigError(f"removed_files={action!r}: choose one of {', '.join(ACTIONS)}")
    return action


def find_removed(store: Store, inbox: Path) -> list[str]:
    """Stored or quarantined paths inside `inbox` whose file is gone; [] without an inbox folder."""
    folder = inbox.resolve()
    if not folder.is_dir():
        return []
    return [path for path in store.present_paths_under(folder) if not Path(path).is_file()]


def act_on_removed(store: Store, paths: list[str], action: str) -> list[Removal]:
    """Apply `action` to each removed path; quarantine records of removed files are released."""
    check_action(action)
    done: list[Removal] = []
    for path in paths:
        if store.release(path) and not store.has_path(path):
            done.append(Removal(path, FORGOTTEN))
            continue
        {KEEP: store.keep_removed, WITHDRAW: store.withdraw, DELETE: store.delete_path}[action](path)
        done.append(Removal(path, DONE[action]))
        LOGGER.info("%s: removed from the inbox, %s", path, DONE[action])
    return done


def withdrawn_line(withdrawn: list[Withdrawn]) -> str:
    """The operator's count of what is withdrawn from search, or "" when nothing is."""
    if not withdrawn:
        return ""
    findings = sum(w.findings for w in withdrawn)
    return (f"{len(withdrawn)} document{'s' * (len(withdrawn) != 1)} ({findings} findings) withdrawn"
            " from search since their files left the inbox")


def withdrawn_lines(withdrawn: list[Withdrawn]) -> list[str]:
    """Each withdrawn document: its paths, since when, its findings and how to read them."""
    lines: list[str] = []
    for w in withdrawn:
        show = f", `kiemtra show {w.first_finding}`" if w.first_finding else ""
        lines.append(f"{printable(', '.join(w.paths) or w.doc_id)}\n  withdrawn from search since"
                     f" {w.withdrawn_at}, {w.findings} findings{show}")
    return lines


def handle_removed(settings: Settings, inbox: Path | None) -> list[Removal]:
    """The whole step for a run: find what left `inbox` (None: no inbox) and act per the setting."""
    if inbox is None:
        return []
    with open_store(settings) as store:
        return act_on_removed(store, find_removed(store, inbox), settings.removed_files)
