"""Benchmarks of the signal model (issue 5): `python -m benchmarks` prints one table of medians and ratios."""
