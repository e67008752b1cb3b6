"""kiemtra's composition layer: the plain `process()`, sources, fetching, export, runs and the CLI."""

__version__ = "0.1.0"
