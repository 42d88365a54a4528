"""A figure typed by hand: the text of a value field read as a number in the column's allowed
range, or refused with one line that names the field and the range (the figure dialog shows it).

Qt-free so the rules are tested on their own; the dialog only shows what this says.
"""
from __future__ import annotations

import math
import re

from evaluator.errors import InputError, shown
from evaluator.model import MAX_MAGNITUDE, Column

# Plain decimal notation, ASCII digits only: float() alone would also take "nan", "inf",
# "1_000" and Arabic-Indic digits, none of which a user means as a figure.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)
_MINUS_SIGNS = ("\u2212", "\u2013")   # a typographic minus or en dash pasted from a document


def allowed_range(column: Column) -> tuple[float, float]:
    """The lowest and highest value the column takes: its own bounds within MAX_MAGNITUDE."""
    lo = -MAX_MAGNITUDE if column.minimum is None else max(float(column.minimum), -MAX_MAGNITUDE)
    hi = MAX_MAGNITUDE if column.maximum is None else min(float(column.maximum), MAX_MAGNITUDE)
    return lo, hi


def describe_range(column: Column) -> str:
    """E.g. "from 0 to 100 %", "0 or more goals/match" (the unit when there is one)."""
    unit = f" {column.unit}" if column.unit else ""
    lo, hi = allowed_range(column)
    if column.minimum is not None and column.maximum is None:
        return f"{lo:g} or more{unit}"
    if column.maximum is not None and column.minimum is None:
        return f"{hi:g} or less{unit}"
    return f"from {lo:g} to {hi:g}{unit}"


def read_value(text: str, column: Column) -> float | None:
    """The number typed (None when the field is empty: the figure is missing), or an InputError
    whose message starts with the column's label and says which numbers it takes."""
    typed = text.strip()
    if not typed:
        return None
    for sign in _MINUS_SIGNS:
        typed = typed.replace(sign, "-")
    if "," in typed and "." not in typed and typed.count(",") == 1:
        typed = typed.replace(",", ".")      # a decimal comma, as typed in much of Europe
    wanted = describe_range(column)
    if not _NUMBER.fullmatch(typed):
        # One line on the dialog: its intro says an empty value marks the figure missing.
        raise InputError(f"{column.label}: {shown(text.strip(), 24)} is not a number; allowed: {wanted}")
    value = float(typed)
    said = f"{value:g}" if math.isfinite(value) else shown(text.strip(), 24)   # "1e999" reads as inf
    lo, hi = allowed_range(column)
    if value < lo or value > hi:
        unbounded = column.maximum is None if value > 0 else column.minimum is None
        why = ("too large to be a figure" if unbounded and abs(value) > MAX_MAGNITUDE
               else "too low" if value < lo else "too high")
        raise InputError(f"{column.label}: {said} is {why}; allowed: {wanted}")
    return value + 0.0        # -0.0 is stored as 0.0: "-0" typed is the figure 0
