"""Prefect flows: thin compositions of the plain stage functions; nothing imports flows/."""
