"""How far a group agrees on an ordered rating: van der Eijk's agreement A and Tastle–Wierman consensus.

Both take category counts on an ordered scale (strongly disagree .. strongly agree).
- Agreement A (van der Eijk, Quality & Quantity 35, 2001): +1 when everyone picks one category,
  0 when answers are spread evenly, -1 when the group splits into the two extremes.
- Consensus (Tastle & Wierman, International Journal of Approximate Reasoning 45(3), 2007): 1 when
  everyone agrees, 0 when the group splits into the two extremes; it weighs distance between
  categories through entropy.
"""

from __future__ import annotations

import math
from itertools import combinations


def _pattern_agreement(pattern: list[int]) -> float:
    """Agreement of a 0/1 layer: unimodality U times (1 - (S - 1) / (K - 1))."""
    k = len(pattern)
    s = sum(pattern)
    unimodal = bimodal = 0
    for i, j, m in combinations(range(k), 3):
        triple = (pattern[i], pattern[j], pattern[m])
        if triple in ((1, 1, 0), (0, 1, 1)):
            unimodal += 1
        elif triple == (1, 0, 1):
            bimodal += 1
    if unimodal + bimodal == 0:
        return 1 - (s - 1) / (k - 1)
    u = ((k - 2) * unimodal - (k - 1) * bimodal) / ((k - 2) * (unimodal + bimodal))
    return u * (1 - (s - 1) / (k - 1))


def agreement_a(counts: list[int]) -> float | None:
    """Van der Eijk's A, built layer by layer from the distribution (None without answers)."""
    if len(counts) < 3:
        raise ValueError("agreement A needs at least three ordered categories")
    remaining = [max(0, int(c)) for c in counts]
    total = sum(remaining)
    if total == 0:
        return None
    result = 0.0
    while sum(remaining) > 0:
        smallest = min(c for c in remaining if c > 0)
        pattern = [1 if c > 0 else 0 for c in remaining]
        weight = smallest * sum(pattern) / total
        result += weight * _pattern_agreement(pattern)
        remaining = [c - smallest if c > 0 else 0 for c in remaining]
    return result


def consensus(counts: list[int]) -> float | None:
    """Tastle–Wierman consensus: 1 + sum p_i log2(1 - |i - mean| / width)."""
    total = sum(counts)
    if total == 0:
        return None
    positions = range(1, len(counts) + 1)
    width = len(counts) - 1
    mean = sum(i * c for i, c in zip(positions, counts, strict=True)) / total
    value = 1.0
    for i, c in zip(positions, counts, strict=True):
        if c:
            value += (c / total) * math.log2(1 - abs(i - mean) / width)
    return value


def mean_and_spread(counts: list[int]) -> tuple[float | None, float | None]:
    """Mean category (1..K) and population standard deviation."""
    total = sum(counts)
    if total == 0:
        return None, None
    mean = sum(i * c for i, c in enumerate(counts, start=1)) / total
    variance = sum(c * (i - mean) ** 2 for i, c in enumerate(counts, start=1)) / total
    return mean, math.sqrt(variance)
