"""The `summit-outlook` command line; it uses the core, extraction, store and report, never the dashboard."""

from summit_outlook.cli.main import build_parser, main

__all__ = ["build_parser", "main"]
