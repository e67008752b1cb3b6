"""kiemtra's core: the data model, settings, errors, the plain `process()` and the CLI."""

__version__ = "0.1.0"
