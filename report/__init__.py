"""Charts, export formats and view tables: what the command line and the dashboard both show."""
