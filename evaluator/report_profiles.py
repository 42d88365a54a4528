"""Weight profiles side by side, as plain text: the window's Profiles tab and the report's
"Weight profiles" section read the same cells and sentences (``ui/panels/profiles_panel.py``,
``ui/report_html.py``)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evaluator.decision.profiles import HULL_MAX_CLUBS, HULL_SAMPLES, HULL_SEED, ProfileComparison, compare
from evaluator.decision.scoring import Prepared
from evaluator.formatting import NO_SCORE, format_share, join_names
from evaluator.model import Profile

CONSENSUS = "Consensus"
HULL = "First in hull (%)"


@dataclass(frozen=True)
class ProfileLine:
    name: str
    weights: str            # "League standing 60.0%, Defensive record 40.0%, Squad age 0.0%"
    ranking: str            # "1. AS Roma, 2. Olympique de Marseille, 3. Bayer 04 Leverkusen"


@dataclass(frozen=True)
class ProfilesSection:
    summary: str                        # who comes first under whom, the consensus and the hull
    explanation: str                    # what consensus and hull mean, samples, seed, error bound
    headers: tuple[str, ...]            # "Club", one per profile, CONSENSUS, HULL
    rows: tuple[tuple[str, ...], ...]   # one per club, consensus order: name, ranks..., share
    differs: tuple[bool, ...]           # per row: the club's rank is not the same under every profile
    profiles: tuple[ProfileLine, ...]   # the profiles compared, then the consensus
    notes: tuple[str, ...] = ()         # profiles left out (no weight on any criterion of the scenario)
    club_ids: tuple[str, ...] = ()      # per row, for views that select a club
    hull_shares: tuple[float, ...] = () # per row, 0..1


def profiles_section(prepared: Prepared, profiles: tuple[Profile, ...], samples: int = HULL_SAMPLES,
                     seed: int = HULL_SEED) -> ProfilesSection | None:
    """None without profiles (the report then has no such section)."""
    if not profiles:
        return None
    c = compare(prepared, profiles, samples, seed)
    s = prepared.scenario
    clubs = s.clubs
    n = len(clubs)
    order = [int(i) for i in np.lexsort((np.arange(n), np.where(c.consensus_ranks > 0, c.consensus_ranks, n + 1)))]
    rows = tuple((clubs[i].name, *(_rank(r[i]) for r in c.ranks), _rank(c.consensus_ranks[i]),
                  f"{100 * c.hull_first[i]:.1f}" if c.samples else NO_SCORE) for i in order)
    lines = tuple(ProfileLine(name, _weights(s.criteria, w), _ranking(clubs, ranks))
                  for name, w, ranks in zip(c.names, c.weights, c.ranks))
    if c.names:
        lines += (ProfileLine(CONSENSUS, _weights(s.criteria, c.consensus_weights), _ranking(clubs, c.consensus_ranks)),)
    notes = tuple(f"{name} gives every criterion of this scenario weight 0, so it ranks nothing and is left out."
                  for name in c.skipped)
    return ProfilesSection(
        summary=_summary(c, [x.name for x in clubs]),
        explanation=(f"Each profile's weights are divided by their sum, so every stakeholder counts the same. "
                     f"{CONSENSUS}: the ranking under the average of those weight shares. {HULL}: the share of "
                     f"{c.samples:,} weightings drawn uniformly between the profiles (random mixtures of their "
                     f"weight shares, seed {seed}) in which the club ranks first, ties shared; a missing figure is "
                     f"drawn anywhere on its scale. Each share is within ±{100 * c.max_se:.1f} points (one "
                     "standard error)." if c.samples else
                     f"Each profile's weights are divided by their sum, so every stakeholder counts the same. "
                     f"{CONSENSUS}: the ranking under the average of those weight shares. {HULL}: left out above "
                     f"{HULL_MAX_CLUBS} clubs (the cost grows with clubs × weightings)." if c.names else
                     "No profile gives weight to a criterion of this scenario, so nothing can be compared."),
        headers=("Club", *c.names, CONSENSUS, HULL), rows=rows,
        differs=tuple(bool(c.differs[i]) for i in order), profiles=lines, notes=notes,
        club_ids=tuple(clubs[i].id for i in order), hull_shares=tuple(float(c.hull_first[i]) for i in order))


def _rank(r: int) -> str:
    return str(int(r)) if r > 0 else NO_SCORE


def _weights(criteria: tuple, w: np.ndarray) -> str:
    return ", ".join(f"{cr.label} {format_share(float(x))}" for cr, x in zip(criteria, w))


def _ranking(clubs: tuple, ranks: np.ndarray) -> str:
    ranked = sorted((int(r), i) for i, r in enumerate(ranks) if r > 0)
    return ", ".join(f"{r}. {clubs[i].name}" for r, i in ranked) or "nothing ranked"


def _summary(c: ProfileComparison, clubs: list[str]) -> str:
    if not c.names:
        return "No profile can rank the clubs."
    firsts: dict[str, list[str]] = {}
    for name, ranks in zip(c.names, c.ranks):
        for i in np.flatnonzero(ranks == 1):
            firsts.setdefault(clubs[int(i)], []).append(name)
    if len(firsts) == 1:
        club = next(iter(firsts))
        every = "the only profile" if len(c.names) == 1 else f"every profile ({len(c.names)})"
        out = f"{club} ranks first under {every}."
    else:
        out = "First place depends on whose weights are right: " + "; ".join(
            f"{club} under {join_names(names)}" for club, names in firsts.items()) + "."
    top = [clubs[int(i)] for i in np.flatnonzero(c.consensus_ranks == 1)]
    if top and len(c.names) > 1:
        out += f" The consensus puts {join_names(top)} first."
    shares = sorted(((float(x), clubs[i]) for i, x in enumerate(c.hull_first) if x >= 0.0005), reverse=True)
    if shares and len(c.names) > 1:
        out += " Between the profiles, " + ", ".join(f"{club} comes first in {100 * x:.1f}%" for x, club in shares) \
               + " of weightings."
    return out
