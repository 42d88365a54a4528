"""Weight profiles in the session: named sets of raw weights ("Player: title race") saved,
applied, renamed and removed, each one undo step.

Pure functions build the new ``State`` (or raise an ``InputError`` naming the field, so nothing
changes); ``ProfileEdits`` gives ``Session`` its thin methods over them.
"""
from __future__ import annotations

from dataclasses import replace

from evaluator.errors import InputError, shown
from evaluator.fields import profile_name
from evaluator.model import Profile
from evaluator.session.state import State


class ProfileExists(InputError):
    """A profile of that name exists: the window asks "Replace?" and saves again with replace=True."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"profile {shown(name)}: a profile of that name exists already; replace it or choose another name")


class UnknownProfile(InputError):
    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name, self.known = name, known
        listed = ", ".join(shown(k) for k in known) if known else "none saved"
        super().__init__(f"profile {shown(name)}: no profile of that name (profiles: {listed})")


def find(state: State, name: str) -> int:
    """The index of the profile called ``name`` (case and surrounding spaces ignored)."""
    key = name.strip().casefold()
    for i, p in enumerate(state.profiles):
        if p.name.casefold() == key:
            return i
    raise UnknownProfile(name, names(state))


def names(state: State) -> tuple[str, ...]:
    return tuple(p.name for p in state.profiles)


def saved(state: State, name: str, replace_existing: bool = False) -> tuple[str, str, State]:
    """(edit label, merge key, new state) with the current weights saved as ``name``; an existing
    name raises ``ProfileExists`` unless ``replace_existing``. All-zero weights are refused: such
    a profile could rank nothing."""
    name = profile_name(name, "profile name")
    if not sum(state.weights) > 0:
        raise InputError(f"profile {shown(name)}: all weights are zero; give a criterion a weight above zero first")
    profile = Profile(name, state.weight_dict())
    try:
        i = find(state, name)
    except UnknownProfile:
        return f"save profile {name}", "", replace(state, profiles=(*state.profiles, profile))
    if not replace_existing:
        raise ProfileExists(state.profiles[i].name)
    profiles = state.profiles[:i] + (profile,) + state.profiles[i + 1:]
    return f"replace profile {name}", "", replace(state, profiles=profiles)


def applied(state: State, name: str) -> tuple[str, str, State]:
    """The profile's weights in force: a weight for a criterion the scenario no longer has is
    ignored, a criterion the profile has no weight for gets 0."""
    profile = state.profiles[find(state, name)]
    weights = profile.weights_for(state.scenario.criteria)
    if not sum(weights) > 0:
        raise InputError(f"profile {shown(profile.name)}: it gives every criterion of this scenario weight 0, "
                         "so it cannot rank the clubs")
    return f"apply profile {profile.name}", "", replace(state, weights=weights)


def removed(state: State, name: str) -> tuple[str, str, State]:
    i = find(state, name)
    return (f"remove profile {state.profiles[i].name}", "",
            replace(state, profiles=state.profiles[:i] + state.profiles[i + 1:]))


def renamed(state: State, name: str, new_name: str) -> tuple[str, str, State]:
    i = find(state, name)
    new = profile_name(new_name, "new profile name")
    other = next((p for j, p in enumerate(state.profiles) if j != i and p.name.casefold() == new.casefold()), None)
    if other is not None:
        raise ProfileExists(other.name)
    old = state.profiles[i]
    profiles = state.profiles[:i] + (replace(old, name=new),) + state.profiles[i + 1:]
    return f"rename profile {old.name} to {new}", "", replace(state, profiles=profiles)


def matching(state: State) -> tuple[str, ...]:
    """The profiles whose weights are the current ones (same shares), e.g. to mark them in a list."""
    total = sum(state.weights)
    out = []
    for p in state.profiles:
        w = p.weights_for(state.scenario.criteria)
        t = sum(w)
        if total > 0 and t > 0 and all(abs(a / total - b / t) <= 1e-9 for a, b in zip(state.weights, w)):
            out.append(p.name)
    return tuple(out)


class ProfileEdits:
    """The session's profile edits, one undo step each (mixed into ``Session``)."""

    _state: State

    def _edit(self, label: str, key: str, after: State) -> None:  # pragma: no cover - Session's
        raise NotImplementedError

    @property
    def profiles(self) -> tuple[Profile, ...]:
        return self._state.profiles

    def save_profile(self, name: str, replace: bool = False) -> None:
        """Save the current weights as ``name``; an existing name raises ``ProfileExists``
        unless ``replace``."""
        self._edit(*saved(self._state, name, replace))

    def apply_profile(self, name: str) -> None:
        self._edit(*applied(self._state, name))

    def remove_profile(self, name: str) -> None:
        self._edit(*removed(self._state, name))

    def rename_profile(self, name: str, new_name: str) -> None:
        self._edit(*renamed(self._state, name, new_name))
