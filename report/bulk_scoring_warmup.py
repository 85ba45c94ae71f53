"""Imported by the fork server of bulk-scoring workers (report/bulk_scoring.py), and only there:
scores the bundled statements with the bundled rules, so that what the scorer builds on first use
(its compiled patterns) is built once, before the workers are forked from it and share it."""

from summit_outlook.model.explain import score_texts
from summit_outlook.model.rules import default_rules
from summit_outlook.model.scoring import Weights
from summit_outlook.model.statements import bundled_statements_path, read_statements_csv

_rules = default_rules()
score_texts(
    [statement.text for statement in read_statements_csv(bundled_statements_path())],
    _rules,
    Weights.defaults(_rules),
)
