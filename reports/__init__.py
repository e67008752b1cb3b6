"""Reports for auditors over the store, as plain data: theme x year, recurrences, turnarounds,
timelines. Rendering them (tables, CSV, XLSX, charts) is pipeline/export.py's job."""
