"""Build, save and load the spaCy pipeline from nlp/pipeline.cfg.

Why through spaCy's config: the same file says which components run, in what order and with
which settings, and a saved pipeline (`nlp.to_disk(dir)`) reloads with `load_saved(dir)`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy import util
from spacy.language import Language

from nlp.factories import register_factories

PIPELINE_CONFIG = Path(__file__).with_name("pipeline.cfg")


def load_pipeline(config: Path = PIPELINE_CONFIG, overrides: dict[str, Any] | None = None) -> Language:
    """A fresh pipeline built from the config file, with single keys overridable."""
    register_factories()
    cfg = util.load_config(config, overrides=overrides or {}, interpolate=False)
    nlp = util.load_model_from_config(cfg, auto_fill=True, validate=True)
    # underthesea loads its segmentation model lazily into a module global, without a lock:
    # two threads tokenizing first at once crash. Load it here, while only one thread runs.
    nlp.make_doc("Khởi động mô hình tách từ.")
    return nlp


def load_saved(path: Path) -> Language:
    """A pipeline saved with `Language.to_disk`."""
    register_factories()
    return util.load_model_from_path(path)


@lru_cache(maxsize=1)
def default_pipeline() -> Language:
    """The pipeline of nlp/pipeline.cfg, built once per process (it loads models and a gazetteer).

    Read-only after construction, so threads of one process may share it.
    """
    return load_pipeline()
