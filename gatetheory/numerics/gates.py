"""The model's gate functions and their derivatives in cancellation-free forms.

These are model definitions (docs/conventions.md section 1), written here for speed and
precision rather than derived:

    phi(y)   = tanh(g_h y + beta_h)
    sigma(y) = 1 / (1 + exp(-(alpha y + beta)))

Every derivative is written without ``1 - tanh^2`` or ``1 - sigma`` when the
argument is large: ``sech^2 u = 4 e^{-2|u|} / (1 + e^{-2|u|})^2`` and
``sigma' = alpha s(u) s(-u)``, so the derivatives keep full relative precision
at large ``alpha`` (no catastrophic cancellation). Each function exists as a
NumPy version (``np_*``, broadcasting) and an mpmath version (``mp_*``, one
``mpf`` at the current working precision).
"""
from __future__ import annotations

import mpmath
import numpy as np
from scipy.special import expit

__all__ = ["np_phi_family", "np_sigma_family", "mp_phi_family", "mp_sigma_family", "mp_phi2_derivatives",
           "mp_sigma2_derivatives"]


def np_phi_family(y, g_h, beta_h):
    """``(phi, phi', phi'')`` at y; ``phi' = g sech^2``, ``phi'' = -2 g phi phi'``."""
    u = g_h * y + beta_h
    t = np.tanh(u)
    e = np.exp(-2.0 * np.abs(u))
    sech2 = 4.0 * e / (1.0 + e) ** 2
    d1 = g_h * sech2
    return t, d1, -2.0 * g_h * t * d1


def np_sigma_family(y, alpha, beta):
    """``(sigma, sigma', sigma'', d sigma / d alpha)`` at y, all without cancellation."""
    u = alpha * y + beta
    s, sm = expit(u), expit(-u)
    ss = s * sm
    return s, alpha * ss, -alpha * alpha * ss * np.tanh(0.5 * u), y * ss


def mp_phi_family(y, g_h, beta_h):
    """mpmath ``(phi, phi', phi'')`` at one point (one exponential)."""
    u = g_h * y + beta_h
    e = mpmath.exp(-2 * abs(u))
    t = (1 - e) / (1 + e)
    if u < 0:
        t = -t
    d1 = g_h * 4 * e / (1 + e) ** 2
    return t, d1, -2 * g_h * t * d1


def mp_sigma_family(y, alpha, beta):
    """mpmath ``(sigma, sigma', sigma'', d sigma / d alpha)`` at one point (one exponential)."""
    u = alpha * y + beta
    e = mpmath.exp(-abs(u))
    a, b = 1 / (1 + e), e / (1 + e)  # sigma(|u|), sigma(-|u|)
    s, sm = (a, b) if u >= 0 else (b, a)
    ss = a * b
    # tanh(u/2) = sigma(u) - sigma(-u); here a - b = (1 - e)/(1 + e) carries full relative precision
    th = (1 - e) / (1 + e)
    if u < 0:
        th = -th
    return s, alpha * ss, -alpha * alpha * ss * th, y * ss


# Higher derivatives for the fold Newton (Price's theorem needs d^4/dy^4 of phi^2 and sigma^2).
# With t = tanh(u): d/dy P(t) = g (1 - t^2) P'(t), so (t^2)^(k) = g^k sech^2(u) R_k(t) with
# R_1 = 2t, R_{k+1} = -2t R_k + (1 - t^2) R_k'. With s = sigma(u): d/dy P(s) = alpha s(1-s) P'(s),
# so (s^2)^(k) = alpha^k s(1-s) Q_k(s) with Q_1 = 2s, Q_{k+1} = (1 - 2s) Q_k + s(1-s) Q_k'.
# The factor sech^2 or s(1-s) is kept exact (no cancellation); the polynomial carries only
# absolute rounding errors.

def _poly_chain(first, a_coef, b_coef, kmax):
    """Coefficient lists (lowest first) of the recursion P_{k+1} = a P_k + b P_k'."""
    import numpy.polynomial.polynomial as P
    out = [np.array(first, dtype=object)]
    for _ in range(kmax - 1):
        p = out[-1]
        dp = P.polyder(p.astype(float)).astype(object) if len(p) > 1 else np.array([0], dtype=object)
        nxt = P.polyadd(P.polymul(a_coef, p), P.polymul(b_coef, dp))
        out.append(np.array([int(round(c)) for c in nxt], dtype=object))
    return out


_R = _poly_chain([0, 2], [0, -2], [1, 0, -1], 4)      # tanh chain: R_1..R_4
_Q = _poly_chain([0, 2], [1, -2], [0, 1, -1], 4)      # logistic chain: Q_1..Q_4


def _horner(coefs, x):
    acc = 0
    for c in reversed(list(coefs)):
        acc = acc * x + int(c)
    return acc


def mp_phi2_derivatives(y, g_h, beta_h):
    """mpmath ``(phi^2, (phi^2)'', (phi^2)'''')`` at one point."""
    u = g_h * y + beta_h
    e = mpmath.exp(-2 * abs(u))
    t = (1 - e) / (1 + e)
    if u < 0:
        t = -t
    sech2 = 4 * e / (1 + e) ** 2
    return t * t, g_h ** 2 * sech2 * _horner(_R[1], t), g_h ** 4 * sech2 * _horner(_R[3], t)


def mp_sigma2_derivatives(y, alpha, beta):
    """mpmath ``(s^2, (s^2)'', (s^2)'''', d(s^2)/dalpha, d(s^2)''/dalpha)`` at one point, s = sigma(alpha y + beta)."""
    u = alpha * y + beta
    e = mpmath.exp(-abs(u))
    a, b = 1 / (1 + e), e / (1 + e)
    s = a if u >= 0 else b
    ss = a * b
    q2, q3, q4 = _horner(_Q[1], s), _horner(_Q[2], s), _horner(_Q[3], s)
    d2 = alpha ** 2 * ss * q2
    return (s * s, d2, alpha ** 4 * ss * q4, 2 * s * y * ss,
            2 * alpha * ss * q2 + alpha ** 2 * y * ss * q3)
