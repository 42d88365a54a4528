"""One criterion's sentence in the report's "method in plain words", and the rule that keeps a
criterion's description honest when its direction is flipped.

A case author's description explains the direction they chose ("a younger back line has more
need of a veteran leader" for "lower is better"). Flipped in the window, that reason would read
as the opposite of what is scored, so the description then says which direction it was written
for; flipped back, the note goes again.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from evaluator.model import Criterion, Direction

if TYPE_CHECKING:
    from evaluator.decision.value_functions import Shape

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


def target_words(c: Criterion, shape: Shape | None, decimals: int, unit: str) -> str:
    """The "scored …" phrase of a target criterion: its value function and what its scale does.
    ``shape``: the value function's parameters on the clubs' figures (None: no club has one)."""
    t = c.target_value()
    f = lambda x: f"{x:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{x:.0f}"  # noqa: E731
    if shape is None:
        return f"by its distance from {f(t)}{unit}, but no club has this figure"
    kind = {"reference": "reference", "fixed": "fixed", "own": "own"}[c.scale.mode]
    span = f"{f(shape.lo)} to {f(shape.hi)}{unit}"
    if c.tolerance is not None:
        tol = float(c.tolerance)
        scale = ("the candidates' own range" if kind == "own" else f"a {kind} scale") + f" ({span})"
        return (f"by its distance from {f(t)}{unit}: 1 at {f(t)}, falling in a straight line to 0 at "
                f"{f(t - tol)} and {f(t + tol)}{unit} (the tolerance, ± {f(tol)}{unit}); further away scores 0. "
                f"The criterion's scale, {scale}, only frames its plot: a club's value depends on its own figure alone")
    if shape.flat or shape.dmax - shape.dmin <= 1e-12 * max(1.0, shape.dmax):
        return (f"by its distance from {f(t)}{unit}, but every club is equally far from it, so every club gets "
                "0.5 and the criterion cannot change the order")
    if c.scale.fixed:
        return (f"by its distance from {f(t)}{unit} on a {kind} scale from {span}: 1 at {f(t)}, falling in a "
                f"straight line to 0 at ± {f(shape.dmax)}{unit} (the scale's farther end)")
    return (f"by its distance from {f(t)}{unit} among the candidates: the nearest club ({f(shape.dmin)}{unit} "
            f"away) gets 1 and the farthest ({f(shape.dmax)}{unit} away) 0, in proportion to the distance; "
            "no tolerance is set, so this depends on which clubs are compared")
