"""One criterion's sentence in the report's "method in plain words", and the rule that keeps a
criterion's description honest when its direction is flipped.

A case author's description explains the direction they chose ("a younger back line has more
need of a veteran leader" for "lower is better"). Flipped in the window, that reason would read
as the opposite of what is scored, so the description then says which direction it was written
for; flipped back, the note goes again.
"""
from __future__ import annotations

import re

from evaluator.model import Criterion, Direction

_WRITTEN_FOR = re.compile(r"^\(Written for “([^”]+)”\.\) ")


def direction_words(c: Criterion) -> str:
    if c.direction is Direction.HIGHER:
        return "higher is better"
    if c.direction is Direction.LOWER:
        return "lower is better"
    return f"closest to {c.target:g}{f' {c.unit}' if c.unit else ''} is best"


def description_after_flip(before: Criterion, after: Criterion) -> str:
    """``after``'s description once its direction changed from ``before``'s."""
    text = before.description
    if not text or before.direction is after.direction and before.target == after.target:
        return text
    match = _WRITTEN_FOR.match(text)
    if match is None:
        return f"(Written for “{direction_words(before)}”.) {text}"
    if match.group(1) == direction_words(after):
        return text[match.end():]   # back to the direction it was written for
    return text


def criterion_sentence(c: Criterion, column_label: str, scale: str) -> str:
    """"Defensive record — goals conceded per match, lower is better — is scored on …." — one
    verb whatever the labels (a label may hold its own brackets); ``scale`` is the "on …" phrase."""
    what = "" if c.label.lower() == column_label.lower() else f"{column_label[:1].lower()}{column_label[1:]}, "
    sentence = f"{c.label} — {what}{direction_words(c)} — is scored {scale}."
    return sentence + (f" {c.description}" if c.description else "")
