"""The gate functions and their derivatives (seed Sec. II, Eqs. 1-2).

Result: phi(x) = tanh(g_h x + beta_h), its derivative, the gate
sigma(x) = 1/(1 + exp(-(alpha x + beta))) and its derivative, written as
expressions of x and their parameters. These are the integrands from which
every Gaussian average of the theory is built.

Assumption used: the sign convention of the gate bias of docs/conventions.md section 1
(a positive beta opens the gate), stated on ``common.sigma``.
"""
import sympy as sp

from common import alpha, beta, g_h, phi, show, sigma, x

# Step 1: the activation, as written in the model.
phi_expr = phi(x)
# Step 2: its derivative; d tanh(u)/du = 1 - tanh(u)^2 (chain rule gives the factor g_h).
dphi_expr = sp.diff(phi_expr, x)
dphi_expr = dphi_expr.rewrite(sp.tanh) if dphi_expr.has(sp.cosh) else dphi_expr
# Step 3: the gate; a logistic function of alpha x + beta.
sigma_expr = sigma(x)
# Step 4: its derivative; d/du (1 + e^-u)^-1 = e^-u/(1 + e^-u)^2 = sigma(u) sigma(-u), written in
# that product form (no cancellation in 1 - sigma, no overflow of cosh for a switch-like gate).
_u = alpha * x + beta
dsigma_raw = sp.diff(sigma_expr, x)
dsigma_expr = alpha / (1 + sp.exp(-_u)) / (1 + sp.exp(_u))
assert sp.simplify((dsigma_raw - dsigma_expr).rewrite(sp.exp)) == 0

ARGS_PHI = ("x", "g_h", "beta_h")
ARGS_SIGMA = ("x", "alpha", "beta")
RESULTS = {
    "phi": dict(expr=phi_expr, args=ARGS_PHI,
                assumptions=["phi(x) = tanh(g_h x + beta_h) (seed Eq. 2)"]),
    "dphi": dict(expr=dphi_expr, args=ARGS_PHI,
                 assumptions=["derivative of phi with respect to x"]),
    "sigma": dict(expr=sigma_expr, args=ARGS_SIGMA,
                  assumptions=["gate sigma(x) = 1/(1+exp(-(alpha x + beta))): positive beta opens the gate "
                               "(docs/conventions.md sec. 1; the seed prints exp(-alpha x + beta))",
                               "use (alpha_z, beta_z) for sigma_z and (alpha_r, beta_r) for sigma_r"]),
    "dsigma": dict(expr=dsigma_expr, args=ARGS_SIGMA,
                   assumptions=["derivative of sigma with respect to x"]),
}

if __name__ == "__main__":
    for name, r in RESULTS.items():
        show(name, r["expr"])
    # check the derivative identities symbolically (not numerics: an identity in SymPy)
    show("dsigma - alpha sigma (1 - sigma)", sp.simplify((dsigma_expr - alpha * sigma_expr * (1 - sigma_expr)).rewrite(sp.exp)))
    show("dphi - g_h (1 - phi^2)", sp.simplify(dphi_expr - g_h * (1 - phi_expr**2)))
