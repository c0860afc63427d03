"""Small statistical tools shared by hotspots, hot times and trends: false-discovery control and
tail probabilities that also work for scaled (non-whole) counts."""

from __future__ import annotations

import numpy as np
from scipy import special


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """q-values of Benjamini & Hochberg (1995): q_(i) = min over j ≥ i of p_(j) · m / j.

    Calling every test with q ≤ α a discovery keeps the expected share of false discoveries
    among them at or below α, for independent tests and for positively dependent ones (such as
    overlapping neighbourhoods of grid cells; Benjamini & Yekutieli 2001). NaN p-values are
    left out of m and get q = NaN.
    """
    p = np.asarray(p, dtype=np.float64)
    q = np.full(p.shape, np.nan)
    valid = np.flatnonzero(~np.isnan(p.ravel()))
    m = valid.size
    if m == 0:
        return q
    order = valid[np.argsort(p.ravel()[valid], kind="stable")]
    ranked = p.ravel()[order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    flat = q.ravel()
    flat[order] = np.minimum(ranked, 1.0)
    return flat.reshape(p.shape)


def binomial_tails(k: np.ndarray, n: np.ndarray, prob: np.ndarray) -> tuple[np.ndarray, ...]:
    """P(X ≥ k) and P(X ≤ k) for X ~ Binomial(n, prob), through the regularised incomplete beta
    function so that k and n may be scaled counts (k / φ, n / φ) rather than whole numbers."""
    k, n, prob = (np.asarray(a, dtype=np.float64) for a in np.broadcast_arrays(k, n, prob))
    upper = np.where(k <= 0, 1.0, special.betainc(np.maximum(k, 1e-12), n - k + 1, prob))
    lower = np.where(k >= n, 1.0, special.betainc(np.maximum(n - k, 1e-12), k + 1, 1 - prob))
    return upper, lower


def poisson_upper(k: np.ndarray, mean: np.ndarray) -> np.ndarray:
    """P(X ≥ k) for X ~ Poisson(mean); 1 where k ≤ 0."""
    k, mean = np.broadcast_arrays(np.asarray(k, np.float64), np.asarray(mean, np.float64))
    return np.where(k <= 0, 1.0, special.gammainc(np.maximum(k, 1e-12), mean))
