"""Shared symbols and the model equations (seed Sec. II, Eqs. 1-2; docs/conventions.md section 1).

Not a result itself: every derivation in this folder starts from the objects
defined here, so that the model is typed exactly once.

Conventions (docs/conventions.md section 1):
* gates ``sigma(x) = 1 / (1 + exp(-(alpha x + beta)))``: a positive bias opens the gate;
* ``phi(x) = tanh(g_h x + beta_h)``;
* ``Ih`` sits inside the z-gated bracket of the h equation; ``tau_h = 1``.

Only exact numbers (``sp.Rational``) appear, never floats.
"""
from __future__ import annotations

import sympy as sp

# --- parameters --------------------------------------------------------------
g_h = sp.Symbol("g_h", positive=True)
beta_h = sp.Symbol("beta_h", real=True)
alpha_z = sp.Symbol("alpha_z", nonnegative=True)
beta_z = sp.Symbol("beta_z", real=True)
alpha_r = sp.Symbol("alpha_r", nonnegative=True)
beta_r = sp.Symbol("beta_r", real=True)
tau_z = sp.Symbol("tau_z", positive=True)
tau_r = sp.Symbol("tau_r", positive=True)

# generic gate parameters and a real variable
x = sp.Symbol("x", real=True)
alpha = sp.Symbol("alpha", nonnegative=True)
beta = sp.Symbol("beta", real=True)

# variances (fixed-point order parameters) and input variances
Delta_h, Delta_z, Delta_r = sp.symbols("Delta_h Delta_z Delta_r", nonnegative=True)
s_h2, s_z2, s_r2 = sp.symbols("s_h2 s_z2 s_r2", nonnegative=True)

# complex spectral parameter
lam = sp.Symbol("lambda")
lam_re, lam_im = sp.symbols("lambda_re lambda_im", real=True)


# --- the nonlinearities --------------------------------------------------------
def phi(u):
    """Activation phi(u) = tanh(g_h u + beta_h)."""
    return sp.tanh(g_h * u + beta_h)


def sigma(u, a=alpha, b=beta):
    """Gate sigma(u) = 1/(1 + exp(-(a u + b))) (docs/conventions.md sign convention)."""
    return 1 / (1 + sp.exp(-(a * u + b)))


def sigma_z(u):
    return sigma(u, alpha_z, beta_z)


def sigma_r(u):
    return sigma(u, alpha_r, beta_r)


# --- Gaussian averages -------------------------------------------------------
def gauss_avg(f, var, D):
    """<f(sqrt(D) x)>_{x ~ N(0,1)} as an unevaluated SymPy Integral (exact weight)."""
    t = sp.Symbol("t_", real=True)  # a named bound variable (a Dummy would change the hash each run)
    return sp.Integral(sp.exp(-t**2 / 2) / sp.sqrt(2 * sp.pi) * f.subs(var, sp.sqrt(D) * t),
                       (t, -sp.oo, sp.oo))


def gauss_moment(n):
    """E[x^n] for x ~ N(0, 1): (n-1)!! for even n, 0 for odd n (exact)."""
    return sp.Integer(0) if n % 2 else sp.factorial2(n - 1)


def show(label, expr):
    """Print one named step of a derivation."""
    print(f"{label}:\n    {sp.sstr(expr)}\n")


# --- small-variance expansions of Gaussian averages -----------------------------
def taylor(f, var, order):
    """Taylor polynomial of f(var) about 0 up to var**order (exact coefficients)."""
    return sp.series(f, var, 0, order + 1).removeO()


def avg_poly_1pt(poly, var, D):
    """<poly(sqrt(D) x)> for a polynomial in var, x ~ N(0, 1): var^k -> (k-1)!! D^(k/2)."""
    p = sp.Poly(sp.expand(poly), var)
    return sp.expand(sum(c * gauss_moment(k) * D ** sp.Rational(k, 2) for (k,), c in p.terms()))


def avg_poly_2pt(poly_a, poly_b, var, q0, q):
    """<poly_a(a) poly_b(b)> for zero-mean Gaussians a, b with variances q0 and covariance q.

    Uses a = sqrt(q0 - q) xi1 + sqrt(q) eta, b = sqrt(q0 - q) xi2 + sqrt(q) eta (xi1, xi2, eta iid
    N(0,1)), valid for 0 <= q <= q0; only even powers of each survive, so the result is a
    polynomial in q0 and q.
    """
    xi1, xi2, eta = sp.symbols("xi1 xi2 eta", real=True)
    s1, s2 = sp.symbols("s1 s2", nonnegative=True)  # sqrt(q0 - q), sqrt(q)
    expr = sp.expand(poly_a.subs(var, s1 * xi1 + s2 * eta) * poly_b.subs(var, s1 * xi2 + s2 * eta))
    p = sp.Poly(expr, xi1, xi2, eta)
    out = 0
    for (i, j, k), c in p.terms():
        m = gauss_moment(i) * gauss_moment(j) * gauss_moment(k)
        if m:
            out += c * m
    out = sp.expand(out)
    return sp.expand(out.subs({s1: sp.sqrt(q0 - q), s2: sp.sqrt(q)}))
