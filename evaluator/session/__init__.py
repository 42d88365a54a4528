"""The session: one source of truth for everything a user can change, with what changed.

The only part of ``evaluator`` that joins the data layer (files, tables) to the decision layer
(scoring); the window talks to this and never to ``evaluator.data`` directly.
"""
from evaluator.model import MAX_WEIGHT
from evaluator.session.session import Session
from evaluator.session.state import Change, Edit, State

__all__ = ["MAX_WEIGHT", "Change", "Edit", "Session", "State"]
