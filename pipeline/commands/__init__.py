"""Larger CLI commands, one module each (`compare`, `nightly`, `runs` ...).

Each module defines a click command named `command`; pipeline/cli.py lists the modules in
`COMMAND_MODULES`; the `kiemtra` group imports one when it is named (or `--help` lists them all),
so a new command touches one line there and a search imports none of them.
"""
