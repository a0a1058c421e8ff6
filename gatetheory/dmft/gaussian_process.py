"""Stationary Gaussian processes on a uniform grid, sampled by circulant embedding.

Given a correlation function ``C(tau)`` on ``tau = 0, dt, 2 dt, ...``, paths of
length L are drawn exactly (up to clipping of small negative eigenvalues of
the embedding) by one FFT per batch of paths: Dietrich & Newsam, SIAM J. Sci.
Comput. 18, 1088 (1997).
"""
from __future__ import annotations

import numpy as np

__all__ = ["sample_stationary", "autocorrelation"]


def sample_stationary(C: np.ndarray, length: int, n_paths: int, rng: np.random.Generator) -> tuple[np.ndarray, float]:
    """Draw ``n_paths`` zero-mean stationary paths of ``length`` grid points with correlation C.

    Parameters
    ----------
    C : ndarray, shape (m,)
        ``C[j] = <x(t) x(t + j dt)>``; extended by its last value beyond m
        (a constant tail is a random per-path offset, e.g. ``<phi>^2`` with a bias).
    length : int
        Points per path.
    n_paths : int
    rng : numpy.random.Generator

    Returns
    -------
    paths : ndarray, shape (n_paths, length)
    clipped : float
        Fraction of the embedding's spectral weight removed by clipping
        negative eigenvalues (0 for a valid embedding); a diagnostic.
    """
    P = 2 * length
    lags = np.minimum(np.arange(P // 2 + 1), len(C) - 1)
    c = C[lags]
    row = np.concatenate([c, c[-2:0:-1]])  # symmetric circulant of size P
    lam = np.fft.rfft(row).real
    neg = lam < 0
    clipped = float(-lam[neg].sum() / np.abs(lam).sum()) if np.any(neg) else 0.0
    lam = np.clip(lam, 0.0, None)
    # real-valued circulant sampling: white noise filtered by sqrt of the spectrum
    w = rng.standard_normal((n_paths, P))
    x = np.fft.irfft(np.fft.rfft(w, axis=1) * np.sqrt(lam)[None, :], n=P, axis=1)
    return x[:, :length], clipped


def autocorrelation(x: np.ndarray, y: np.ndarray | None = None, max_lag: int | None = None) -> np.ndarray:
    """Time- and path-averaged (non-centred) correlation ``<x(t) y(t + j dt)>`` for lags 0..max_lag.

    x, y : ndarray, shape (n_paths, length). Each lag j averages the
    ``length - j`` available pairs (unbiased in the window).
    """
    y = x if y is None else y
    n, L = x.shape
    max_lag = L - 1 if max_lag is None else min(max_lag, L - 1)
    P = 1 << int(np.ceil(np.log2(2 * L)))
    fx, fy = np.fft.rfft(x, n=P, axis=1), np.fft.rfft(y, n=P, axis=1)
    s = np.fft.irfft(np.conj(fx) * fy, n=P, axis=1)[:, : max_lag + 1].mean(axis=0)
    return s / (L - np.arange(max_lag + 1))
