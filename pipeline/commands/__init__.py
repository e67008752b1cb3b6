"""Larger CLI commands, one module each (`compare`, `nightly`, `runs` ...).

Each module defines a click command named `command`; pipeline/cli.py lists the modules in
`COMMAND_MODULES` and adds them to the `kiemtra` group, so a new command touches one line there.
"""
