"""Subcommands of the ``khabar-extract`` CLI (one module each, see ``cli.py``)."""
