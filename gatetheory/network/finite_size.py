"""Finite-size extrapolation of the simulated maximal Lyapunov exponent to N = infinity.

The DMFT (Sec. V A, Eqs. 10-11) holds at N = infinity; a simulated network sits below it and rises with
N. :func:`lyapunov_finite_size` measures lambda_max on ``seeds`` networks (couplings and initial state
from each seed) at every N and fits ``lambda(N) = lambda_inf + a / N`` by weighted least squares, so a
simulation can be compared with the theory. Why 1/N: it is the order of the corrections to the
disorder-averaged mean-field equations, and the data agree: at three points (N = 200-1600, 4 seeds,
docs/dmft_lambda.md) the 1/N fit has chi^2 2.3-10x below the 1/sqrt(N) fit's, and its lambda_inf agrees
with the DMFT within 2 stderr, while 1/sqrt(N) overshoots it by 12-21 %. The result carries both fits'
chi^2, so each run shows whether the form fits its own data.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .._progress import progress_bar
from ..params import GateParams, ParameterError, check_int, check_multiple, check_positive
from ..results import Result
from .lyapunov import lyapunov_spectrum
from .model import Network

__all__ = ["FiniteSizeLyapunov", "lyapunov_finite_size", "fit_finite_size"]

FORMS = {"1/N": lambda n: 1.0 / n, "1/sqrt(N)": lambda n: 1.0 / np.sqrt(n)}


@dataclass(frozen=True)
class FiniteSizeLyapunov(Result):
    """lambda_max extrapolated to N = infinity, with the data it came from.

    Attributes
    ----------
    lambda_inf : float
        The intercept of the fit ``lambda(N) = lambda_inf + a / N``, units of 1/tau_h.
    stderr : float
        Its standard error from the weighted fit, scaled up by ``sqrt(chi2 / dof)`` when that exceeds 1
        (the points scatter more than their errors say).
    per_n : list of dict
        One per N, ascending: ``n``, ``mean`` (over seeds), ``stderr``, ``n_seeds``, ``values`` (one
        lambda_max per seed). ``stderr = sqrt(max(s^2, mean of the runs' stderr^2) / n_seeds)``, s the
        sample std over seeds: the spread over networks is the error that matters (the DMFT describes
        the disorder average), and the runs' own errors are its floor, so that a few seeds that happen
        to agree do not get a tiny error and dominate the fit.
    fit : dict
        ``form`` ("1/N"), ``a`` and ``a_err`` (the slope), ``chi2``, ``dof`` (number of N minus 2), and
        ``alternative``: the same fit with ``1/sqrt(N)`` (``form``, ``lambda_inf``, ``stderr``, ``chi2``).
    params : GateParams
    t_total, t_transient, dt, t_ons : float
        The run settings of every lambda_max (:func:`gatetheory.network.lyapunov_spectrum`).
    seeds : list of int
    """

    lambda_inf: float
    stderr: float
    per_n: list
    fit: dict
    params: GateParams = None
    t_total: float = None
    t_transient: float = None
    dt: float = None
    t_ons: float = None
    seeds: list = None


def _checked_ns(ns) -> list[int]:
    try:
        values = list(ns)
    except TypeError:
        raise ParameterError(f"ns = {ns!r} is not a sequence; allowed: at least 2 distinct integers >= 2") from None
    out = [check_int("ns", v, 2) for v in values]
    if len(set(out)) != len(out) or len(out) < 2:
        raise ParameterError(f"ns = {values!r} is out of range; allowed: at least 2 distinct integers >= 2")
    return sorted(out)


def _checked_seeds(seeds) -> list[int]:
    if isinstance(seeds, (int, np.integer)) and not isinstance(seeds, bool):
        return list(range(check_int("seeds", seeds, 1)))
    try:
        values = [check_int("seeds", s, 0) for s in seeds]
    except TypeError:
        raise ParameterError(f"seeds = {seeds!r} is out of range; allowed: an integer >= 1 (the number of "
                             f"seeds) or a sequence of distinct integers >= 0") from None
    if not values or len(set(values)) != len(values):
        raise ParameterError(f"seeds = {seeds!r} is out of range; allowed: an integer >= 1 (the number of "
                             f"seeds) or a sequence of distinct integers >= 0")
    return values


def fit_finite_size(ns, means, errs, form: str = "1/N") -> dict:
    """Weighted least squares of ``means = lambda_inf + a x(N)``, x = 1/N or 1/sqrt(N).

    ``errs`` are the standard errors of ``means`` (weights 1/err^2). Returns ``lambda_inf``, ``stderr``,
    ``a``, ``a_err``, ``chi2``, ``dof``, ``form``; the errors are scaled by ``sqrt(chi2 / dof)`` when it
    exceeds 1. With two N (dof = 0) the line goes through both points and chi2 = 0.
    """
    if form not in FORMS:
        raise ParameterError(f"form = {form!r} is out of range; allowed: {', '.join(map(repr, FORMS))}")
    x = FORMS[form](np.asarray(ns, dtype=float))
    y, e = np.asarray(means, dtype=float), np.asarray(errs, dtype=float)
    if not (x.size == y.size == e.size >= 2) or not np.all(np.isfinite(e) & (e > 0)):
        raise ParameterError(f"errs = {e.tolist()!r} is out of range; allowed: finite numbers > 0, one per N "
                             f"(at least 2)")
    w = 1.0 / e ** 2
    X = np.column_stack([np.ones_like(x), x])
    cov = np.linalg.inv(X.T @ (w[:, None] * X))
    coef = cov @ (X.T @ (w * y))
    chi2 = float(np.sum(w * (y - X @ coef) ** 2))
    dof = x.size - 2
    scale = max(1.0, chi2 / dof) if dof > 0 else 1.0
    err = np.sqrt(np.diag(cov) * scale)
    return {"form": form, "lambda_inf": float(coef[0]), "stderr": float(err[0]), "a": float(coef[1]),
            "a_err": float(err[1]), "chi2": chi2, "dof": dof}


def lyapunov_finite_size(params: GateParams, ns=(100, 200, 400), seeds=3, *, t_total: float = 200.0,
                         t_transient: float = 50.0, dt: float = 0.1, t_ons: float = 1.0,
                         progress: bool = False) -> FiniteSizeLyapunov:
    """lambda_max at several N and seeds, extrapolated to N = infinity by ``lambda_inf + a / N``.

    Parameters
    ----------
    params : GateParams
    ns : sequence of int
        Network sizes, at least 2 distinct values >= 2 (3 or more let chi^2 test the form).
    seeds : int or sequence of int
        The number of seeds (then 0, 1, ...), or the seeds themselves (distinct, >= 0). Seed s draws
        the couplings (``Network(params, n, seed=s)``) and the initial state and frame
        (``lyapunov_spectrum(..., seed=s)``, an independent stream).
    t_total, t_transient, dt, t_ons : float
        As in :func:`gatetheory.network.lyapunov_spectrum` (k = 1), units of tau_h; checked before
        any network is built. The finite-time bias (~1/t_total) is not extrapolated away.
    progress : bool
        Progress bar over the runs.

    Cost: ``len(ns) * seeds`` runs of ``(t_transient + t_total) / dt`` RK4 steps, each O(N^2)
    (O(N) tangent dimension 1; the 3N state, or N at alpha_z = alpha_r = 0).
    """
    if not isinstance(params, GateParams):
        raise ParameterError(f"params = {params!r} is not a GateParams")
    ns, seeds = _checked_ns(ns), _checked_seeds(seeds)
    check_positive("t_total", t_total)
    check_multiple("t_ons", t_ons, dt, "dt")
    check_multiple("t_total", t_total, t_ons, "t_ons", minimum=2)  # >= 2 samples: a stderr per run
    check_multiple("t_transient", t_transient, t_ons, "t_ons", minimum=0)
    per_n = []
    with progress_bar(len(ns) * len(seeds), progress, "lyapunov-scaling", unit="run") as bar:
        for n in ns:
            vals, errs = [], []
            for s in seeds:
                spec = lyapunov_spectrum(Network(params, n, seed=s), t_total, k=1, dt=dt, t_ons=t_ons,
                                         t_transient=t_transient, seed=s)
                vals.append(spec.lambda_max)
                errs.append(float(spec.stderr[0]))
                bar.update(1)
            v, e = np.array(vals), np.array(errs)
            var = max(float(np.var(v, ddof=1)) if v.size > 1 else 0.0, float(np.mean(e ** 2)))
            per_n.append({"n": n, "mean": float(v.mean()), "stderr": float(np.sqrt(var / v.size)),
                          "n_seeds": int(v.size), "values": v.tolist()})
    args = ([d["n"] for d in per_n], [d["mean"] for d in per_n], [d["stderr"] for d in per_n])
    fit = fit_finite_size(*args, form="1/N")
    alt = fit_finite_size(*args, form="1/sqrt(N)")
    notes = []
    if fit["dof"] == 0:
        notes.append("two sizes: the fit has no degree of freedom to test the 1/N form (give 3 or more ns)")
    elif fit["chi2"] > alt["chi2"] and fit["chi2"] / fit["dof"] > 2:
        notes.append(f"the 1/N form fits poorly (chi2 = {fit['chi2']:.3g} for {fit['dof']} dof; 1/sqrt(N): "
                     f"{alt['chi2']:.3g}): compare lambda_inf of both in fit")
    if len(seeds) == 1:
        notes.append("one seed: the spread over networks is not measured, the errors are the runs' own")
    lam, err = fit.pop("lambda_inf"), fit.pop("stderr")
    fit["alternative"] = {k: alt[k] for k in ("form", "lambda_inf", "stderr", "chi2")}
    return FiniteSizeLyapunov(lambda_inf=lam, stderr=err, per_n=per_n, fit=fit, params=params,
                              t_total=float(t_total), t_transient=float(t_transient), dt=float(dt),
                              t_ons=float(t_ons), seeds=seeds, message="; ".join(notes))
