"""Prefect flows: thin compositions of the plain stage functions (pipeline/batch.py, process.py).

Only `kiemtra nightly` (pipeline/commands/nightly.py) imports flows/, lazily, to serve them.
"""
