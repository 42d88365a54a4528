"""Stakeholders side by side: the ranking under each weight profile, a consensus, and how often
each club comes first when the weights may lie anywhere between the profiles.

- Each profile's raw weights are taken per criterion of the scenario (a criterion the profile
  does not name counts 0; a name the scenario lacks is ignored) and normalised to sum 1. A
  profile that gives every criterion 0 cannot rank anything and is left out (``skipped``).
- Consensus: the ranking under the average of the normalised profile vectors, so every
  stakeholder counts the same whatever scale they typed their weights on.
- Hull shares: SMAA (``smaa.SMAARun``) over weightings drawn uniformly from the convex hull of
  the normalised profile vectors: each sample mixes the profiles with Dirichlet(1, ..., 1)
  coefficients. Missing figures are drawn uniformly over their scale per sample, as in
  ``smaa``; ties share first place. A fixed seed: the same inputs always give the same shares.

Ranks under a profile and the consensus are ``scoring.score``'s, missing figures in the middle
of the scale, exactly as the main ranking.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from evaluator.decision.scoring import Prepared, score
from evaluator.decision.smaa import SMAARun
from evaluator.model import Profile

HULL_SAMPLES = 2_000   # ~ms at a few clubs; the share's standard error is at most 0.5/sqrt(N) = 1.1 points
HULL_SEED = 0
# Above this many clubs the hull shares are left out (samples 0, shares NaN), as the report leaves
# out its SMAA: they are computed on the GUI thread, and cost grows with clubs x samples.
HULL_MAX_CLUBS = 200


@dataclass(frozen=True)
class ProfileComparison:
    names: tuple[str, ...]          # the profiles compared (those with some weight), saved order
    weights: np.ndarray             # (profiles, K) normalised weights
    ranks: np.ndarray               # (profiles, clubs) competition ranks, 0 = not ranked
    consensus_weights: np.ndarray   # (K,) mean of the rows of ``weights``
    consensus_ranks: np.ndarray     # (clubs,)
    hull_first: np.ndarray          # (clubs,) share of hull weightings with the club first (ties split)
    samples: int
    seed: int
    skipped: tuple[str, ...] = ()   # profiles with weight 0 on every criterion of the scenario

    @property
    def differs(self) -> np.ndarray:
        """(clubs,) bool: the club's rank is not the same under every profile."""
        if self.ranks.shape[0] < 2:
            return np.zeros(self.ranks.shape[1], dtype=bool)
        return (self.ranks != self.ranks[0]).any(axis=0)

    @property
    def max_se(self) -> float:
        """Bound on the hull shares' Monte Carlo standard error."""
        return 0.5 / np.sqrt(self.samples) if self.samples else float("nan")


def normalised(profiles: tuple[Profile, ...], prepared: Prepared) -> tuple[tuple[str, ...], np.ndarray, tuple[str, ...]]:
    """(names kept, (profiles, K) weights summing to 1 per row, names skipped for all-zero weights)."""
    kept, rows, skipped = [], [], []
    for p in profiles:
        w = np.array(p.weights_for(prepared.scenario.criteria), dtype=float)
        if w.sum() > 0:
            kept.append(p.name)
            rows.append(w / w.sum())
        else:
            skipped.append(p.name)
    k = len(prepared.scenario.criteria)
    return tuple(kept), np.array(rows, dtype=float).reshape(len(rows), k), tuple(skipped)


def hull_weights(vertices: np.ndarray, samples: int, seed: int) -> np.ndarray:
    """(samples, K) weightings uniform in the mixing coefficients over the profiles' hull."""
    p = vertices.shape[0]
    mix = np.random.default_rng(seed).dirichlet(np.ones(p), samples) if p > 1 else np.ones((samples, 1))
    return mix @ vertices


def compare(prepared: Prepared, profiles: tuple[Profile, ...], samples: int = HULL_SAMPLES,
            seed: int = HULL_SEED) -> ProfileComparison:
    names, vertices, skipped = normalised(profiles, prepared)
    n = len(prepared.scenario.clubs)
    if not names:
        k = vertices.shape[1]
        return ProfileComparison((), vertices, np.zeros((0, n), dtype=int), np.zeros(k), np.zeros(n, dtype=int),
                                 np.zeros(n), 0, seed, skipped)
    ranks = np.array([score(prepared, w).ranks for w in vertices], dtype=int).reshape(len(names), n)
    mean = vertices.mean(axis=0)
    consensus = np.asarray(score(prepared, mean).ranks, dtype=int)
    if n > HULL_MAX_CLUBS or samples <= 0:
        return ProfileComparison(names, vertices, ranks, mean, consensus, np.full(n, np.nan), 0, seed, skipped)
    run = SMAARun.of_weights(prepared.utilities, hull_weights(vertices, samples, seed), seed,
                             missing=prepared.missing)
    while not run.step():
        pass
    first = run.outcome().first_rank
    return ProfileComparison(names, vertices, ranks, mean, consensus, np.asarray(first, dtype=float), samples, seed,
                             skipped)
