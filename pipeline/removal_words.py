"""What the nightly run may do with a file that left the inbox, and the words its summary says it in.

Why a module of its own: pipeline/removals.py acts and writes these words into the run's summary,
and the operations page (web/labels.py) translates them; both read them here, which imports
nothing, so the page does not load the ingestion to know them.
"""

from __future__ import annotations

KEEP, WITHDRAW, DELETE = "keep", "withdraw", "delete"
ACTIONS = (KEEP, WITHDRAW, DELETE)
# What was done, as the summary says it (RunSummary.removed's "action").
DONE = {KEEP: "kept: findings still searchable", WITHDRAW: "withdrawn: findings no longer searchable",
        DELETE: "deleted from store and index"}
FORGOTTEN = "was quarantined: record released"
