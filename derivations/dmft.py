"""DMFT equations for the correlation functions and the linearised two-replica problem for
lambda_max (seed App. C, Eqs. C19-C25, C22-C24; Sec. V A, Eqs. 10-11; App. E).

Results
-------
dmft-moment-equations (stationary, tau = t - t'):
    C_eta_h(tau) = C_h(tau) - C_{1/sigma_z}(tau) C_h''(tau)     (C22, separation assumption F1)
    C_eta_h(tau) = C_phi(tau) C_sigma_r(tau)
    (1 - tau_z^2 d^2/dtau^2) C_z(tau) = C_phi(tau)            (C23, exact)
    (1 - tau_r^2 d^2/dtau^2) C_r(tau) = C_phi(tau)            (C24, exact)
  where C_{1/sigma_z}(tau) = <sigma_z(z(t))^-1 sigma_z(z(t+tau))^-1> over the Gaussian z process.
dmft-lyapunov-operator: with two replicas on the same couplings, the inter-replica correlations
  linearised about the diagonal, chi(t, t') = exp(kappa (t + t')) psi(t - t'), give
    [(1 + kappa/s)^2 - d^2/dtau^2 / s^2] psi_h = C_phi'(tau) C_sigma_r(tau) psi_h + C_phi(tau) C_sigma_r'(tau) psi_r
    [(1 + kappa tau_r)^2 - tau_r^2 d^2/dtau^2] psi_r = C_phi'(tau) psi_h
  (alpha_z = 0: sigma_z = s constant), where C_f'(tau) = <f'(x(t)) f'(x(t+tau))>; the largest kappa
  is lambda_max (Eqs. 10-11). Check: at the zero fixed point it is s (g_h sigma_r(0) - 1), the leading
  edge of the Jacobian spectrum.

Assumptions, used where marked:
(F1) separation (App. C, before C22): correlations of 1/sigma_z(z) factorise from those of h and
     its derivative; exact for alpha_z = 0. Cross terms <h(t) h'(t')/sigma_z(t')> then cancel in the
     stationary state.
(F2) stationarity: correlations depend on tau = t - t' only (one replica) or on (T, tau) (two).
(F3) Price's theorem for Gaussian fields (alpha_z = 0 or small, App. E): the variation of
     C_phi^{12} with C_h^{12} is C_phi'(tau) = <phi'(h) phi'(h')>, likewise for sigma_r.
"""
import sympy as sp

from common import show, tau_r, tau_z

t, tp, tau, T, w = sp.symbols("t t' tau T omega", real=True)
kappa = sp.Symbol("kappa")
s = sp.Symbol("s", positive=True)  # constant sigma_z (alpha_z = 0) in the replica problem

# --- one replica -----------------------------------------------------------------------
# Step 1: tau dz/dt = -z + eta is a linear filter: z(omega) = eta(omega)/(1 + i omega tau_z), so the
# spectra obey S_z (1 + omega^2 tau_z^2) = S_eta; omega^2 <-> -d^2/dtau^2 gives (C23), likewise (C24).
S_eta = sp.Symbol("S_eta", positive=True)
S_z = S_eta / sp.Abs(1 + sp.I * w * tau_z) ** 2
assert sp.simplify(S_z * (1 + w**2 * tau_z**2) - S_eta) == 0
C_z, C_r, C_h, C_phi, C_sr, C_isz = (sp.Function(n) for n in
                                     ("C_z", "C_r", "C_h", "C_phi", "C_sigma_r", "C_inv_sigma_z"))
eq_z = sp.Eq(C_z(tau) - tau_z**2 * sp.diff(C_z(tau), tau, 2), C_phi(tau))
eq_r = sp.Eq(C_r(tau) - tau_r**2 * sp.diff(C_r(tau), tau, 2), C_phi(tau))
# Step 2: eta_h = h + h'/sigma_z (the h equation solved for its input). Its correlation,
# with (F1): <h h> + <1/sigma_z 1/sigma_z'> <h' h'> + cross terms; stationary: <h'(t) h'(t')> = -C_h''.
h_t, h_tp = sp.Function("h")(t), sp.Function("h")(tp)
Ch2 = sp.Function("C_h2")(t, tp)  # two-time C_h(t, t')
cross = sp.diff(Ch2, tp) + sp.diff(Ch2, t)  # <h(t) h'(t')> + <h'(t) h(t')>, times <1/sigma_z>
stationary = {Ch2: C_h(t - tp)}
assert sp.simplify(cross.subs(stationary).doit()) == 0  # (F2): the cross terms cancel
hh_dot = sp.diff(Ch2, t, tp).subs(stationary).doit()  # <h'(t) h'(t')> = -C_h''(t - t')
C_eta_h = C_h(tau) + C_isz(tau) * sp.simplify(hh_dot.subs(t, tp + tau)).subs(tp, 0)
eq_h = sp.Eq(C_eta_h, C_phi(tau) * C_sr(tau))

# --- two replicas, linearised ---------------------------------------------------------------
# Step 3: with alpha_z = 0, (d_t/s + 1)(d_t'/s + 1) C_h^12(t, t') = C_phi^12 C_sigma_r^12 and
# (tau_r d_t + 1)(tau_r d_t' + 1) C_r^12 = C_phi^12. Perturb C^12 = C + chi, (F3) linearises the rhs.
psi_h, psi_r = sp.Function("psi_h"), sp.Function("psi_r")
Cdphi, Cdsr = sp.Function("C_dphi"), sp.Function("C_dsigma_r")
chi_h = sp.exp(kappa * (t + tp)) * psi_h(t - tp)  # a perturbation growing as e^(kappa t) in each replica
chi_r = sp.exp(kappa * (t + tp)) * psi_r(t - tp)


def op(f, a):
    """(a d_t + 1)(a d_t' + 1) f(t, t')."""
    g = a * sp.diff(f, tp) + f
    return a * sp.diff(g, t) + g


lhs_h = sp.simplify(op(chi_h, 1 / s) * sp.exp(-kappa * (t + tp)))
lhs_r = sp.simplify(op(chi_r, tau_r) * sp.exp(-kappa * (t + tp)))
# Step 4: rewrite in tau = t - t' and compare with the claimed operators.


def claimed(psi, a):
    return (1 + kappa * a) ** 2 * psi(tau) - a**2 * sp.diff(psi(tau), tau, 2)


for lhs, psi, a in ((lhs_h, psi_h, 1 / s), (lhs_r, psi_r, tau_r)):
    expr = lhs.subs(t, tp + tau).doit()
    expr = sp.simplify(expr.subs(tp, 0))
    assert sp.simplify(expr - claimed(psi, a)) == 0
eq_lyap_h = sp.Eq(claimed(psi_h, 1 / s),
                  Cdphi(tau) * C_sr(tau) * psi_h(tau) + C_phi(tau) * Cdsr(tau) * psi_r(tau))
eq_lyap_r = sp.Eq(claimed(psi_r, tau_r), Cdphi(tau) * psi_h(tau))

# Step 5 (consistency): at the zero fixed point (beta_h = 0) the correlations are constants,
# C_phi = 0, C_phi' = g_h^2, C_sigma_r = sigma_r(0)^2, and psi constant gives the largest kappa;
# it equals the leading edge s (g_h sigma_r(0) - 1) of the Jacobian spectrum (spectral_curve.py, Eq. H1).
g, s0 = sp.symbols("g_h sigma_r0", positive=True)
kappa_zero_fp = [k for k in sp.solve(sp.Eq((1 + kappa / s) ** 2, g**2 * s0**2), kappa)
                 if sp.simplify(k.subs({g: 3, s0: 1, s: 1})) > 0][0]
assert sp.simplify(kappa_zero_fp - s * (g * s0 - 1)) == 0

RESULTS = {
    "dmft-moment-equations": dict(
        expr=sp.Tuple(eq_h, eq_z, eq_r), args=(), numeric=False,
        assumptions=["stationary DMFT correlations, tau = t - t' (seed Eqs. C22-C24)",
                     "(F1) separation: 1/sigma_z correlations factorise from those of h (exact at alpha_z = 0)",
                     "C_inv_sigma_z(tau) = <1/sigma_z(z(t)) 1/sigma_z(z(t+tau))>, z Gaussian with correlation C_z",
                     "C23, C24 exact: z and r are linear filters of Gaussian inputs of correlation C_phi"]),
    "dmft-lyapunov-operator": dict(
        expr=sp.Tuple(eq_lyap_h, eq_lyap_r), args=(), numeric=False,
        assumptions=["alpha_z = 0, sigma_z = s constant; two replicas, inter-replica correlations linearised about "
                     "the diagonal, chi = exp(kappa (t + t')) psi(t - t') (seed Eqs. 10-11, App. E)",
                     "(F3) Price's theorem: C_dphi(tau) = <phi'(h(t)) phi'(h(t+tau))>, "
                     "C_dsigma_r(tau) = <sigma_r'(r(t)) sigma_r'(r(t+tau))>",
                     "largest kappa with a bounded psi is the DMFT lambda_max"]),
}

if __name__ == "__main__":
    show("C22 (F1)", eq_h)
    show("C23", eq_z)
    show("C24", eq_r)
    show("replica operator on psi_h", eq_lyap_h)
    show("replica operator on psi_r", eq_lyap_r)
    show("largest kappa at the zero fixed point", kappa_zero_fp)
