"""The random-matrix (RMT) estimate of lambda_max from relaxation times (seed App. F, Eqs. F1-F43).

A RECONSTRUCTION: the displayed equations of App. F were lost in extraction; only the prose
survives. Each step below follows that prose; the formulas are re-derived here, not copied.

Results
-------
rmt-rainbow-resummation  sum_k m^k/(k!)^2 = I_0(2 sqrt(m))                       (F5, F10, F36)
rmt-transfer-eigenvalues mu_pm = (g_A +- sqrt(g_A^2 + 4 g_Q g_P))/2 of T = [[g_A, g_Q], [g_P, 0]]  (F29-F31)
rmt-moment-h             the h block a(t) = (1/N) tr [exp(J S) exp(J S)^T]_hh as Bessel functions (F33-F36)
rmt-lyapunov-limit       lambda_inf = -s + sqrt(mu_inf),  mu_inf = (A + sqrt(A^2 + 4 Q P))/2 at the
                         plateaus A = C_A(inf), Q = C_Q(inf), P = C_P(inf)       (F11, F39-F40)
rmt-lyapunov-relaxation  nu / sqrt(mu_inf): the coefficient of 1/t that the relaxation times add to
                         the finite-time estimate lambda(t)                       (F12, F40-F43)
rmt-variational-energy   E(eps) of the trial psi = sqrt(eps) exp(-eps |tau|) in the SCS problem,
                         for an exponential C(tau) (the bound's direction)

Set-up (docs/conventions.md section 1, alpha_z = 0 so sigma_z = s is a constant; App. F has s = 1).
On the (h, r) sector the instantaneous Jacobian is D(t) = -Lambda + Jhat S(t) with
Lambda = diag(s, 1/tau_r) (x identity), Jhat = diag(Jh, Jr) and the per-unit blocks

    S = [[A, Q], [P, 0]],   A = s sigma_r phi',  Q = s phi sigma_r',  P = phi'/tau_r   (F13-F15)

(phi' = dphi/dh contains g_h; sigma_r' = dsigma_r/dr contains alpha_r). The vanilla network is
s = sigma_r = 1, Q = 0, A = phi' (F3).

Steps and assumptions
---------------------
(1) Oseledets (F1-F2): lambda_max = lim_t (1/2t) log M(t), M(t) = (1/N) tr chi chi^T (h block),
    chi(t) = T exp(int_0^t D).
(A1) short-time / commuting approximation (F4): chi(t) ~ exp(-Lambda t) exp(Jhat Shat(t)),
    Shat(t) = int_0^t S. Exact if the D(t') commute; the splitting of Lambda is exact only when
    Lambda is a multiple of the identity, s tau_r = 1. Otherwise it is kept as an approximation and
    the exponent is read from the h block, where exp(-Lambda t) contributes exactly exp(-2 s t)
    (left multiplication by a diagonal matrix); at alpha_r = 0 this gives the exact block-triangular
    structure (r is driven by h, never feeds back).
(A2) Shat independent of J (the disorder average treats the local factors as given, as DMFT does).
(2) Leading order in N only the rainbow (nested, non-crossing) contractions of each J with a J^T
    survive: (1/N) tr E[(J R)^k (R J^T)^k] = m^k, m = (1/N) tr R^2, hence step rainbow-resummation.
(A3) DMFT + stationarity (F6-F8, F37): (1/N) tr Xhat(t)^2 -> g_X(t) = int_0^t int_0^t C_X(t1 - t2)
    = 2 int_0^t (t - tau) C_X(tau) dtau, with C_X(tau) = <X(t) X(t + tau)>.
(3) C_X does not decay to zero: C_X(inf) = <X>^2. With the relaxation time
    tau_X = int_0^inf [C_X(tau) - C_X(inf)] dtau / [C_X(0) - C_X(inf)]      (F9, F41-F43)
    one has g_X(t) = C_X(inf) t^2 + 2 t tau_X [C_X(0) - C_X(inf)] + O(1).
(4) The plateau fixes the t -> inf limit; the relaxation times enter at order 1/t.
(5) Variational remark (vanilla, SCS): -psi'' + V psi = E psi, V = 1 - C_phi', lambda = sqrt(1 - E0) - 1.
    Any normalised trial gives E0 <= E(trial); the spread-out trial gives E0 <= V(inf), hence
    lambda_DMFT >= -1 + sqrt(C_phi'(inf)) = the RMT t -> inf limit: a LOWER bound on the DMFT value.
"""
import sympy as sp

from common import alpha_r, phi, show, sigma_r, tau_r

t, tau, t1, t2 = sp.symbols("t tau t1 t2", positive=True)
k = sp.Symbol("k", integer=True, nonnegative=True)
m = sp.Symbol("m", positive=True)
s = sp.Symbol("s", positive=True)                      # constant update gate sigma_z (alpha_z = 0)
u = sp.Symbol("u", positive=True)                      # 1/t, for large-t expansions
eps = sp.Symbol("epsilon", positive=True)

# --- step 2: rainbow diagrams and their resummation (F4-F5) ---------------------------------------
# For a fixed diagonal R, E[J Y J^T]_ij = delta_ij (1/N) tr Y (J_ij iid, variance 1/N); nesting the
# innermost pair first, E[(J R)^k (R J^T)^k] = m^k 1 with m = (1/N) tr R^2 (each level one factor m).
# Crossing contractions and J-J pairings cost 1/N (J is not symmetric).
rainbow_sum = sp.summation(m**k / sp.factorial(k) ** 2, (k, 0, sp.oo))
assert sp.simplify(rainbow_sum - sp.besseli(0, 2 * sp.sqrt(m))) == 0
# Independent check of the closed form by its Taylor coefficients.
assert sp.expand(sp.series(sp.besseli(0, 2 * sp.sqrt(m)), m, 0, 6).removeO()
                 - sum(m**j / sp.factorial(j) ** 2 for j in range(6))) == 0

# --- step (A3)/(3): the double time integral of a stationary correlation ---------------------------
# g(t) = int_0^t int_0^t C(t1 - t2) = 2 int_0^t (t - tau) C(tau) dtau  (C even). Checked on the
# exponential model C = C_inf + dC exp(-tau/tc), integrating the two triangles t1 > t2, t1 < t2.
C_inf, dC, tc = sp.symbols("C_inf Delta_C tau_c", positive=True)
C_model = C_inf + dC * sp.exp(-tau / tc)
double = 2 * sp.integrate(sp.integrate(C_model.subs(tau, t1 - t2), (t2, 0, t1)), (t1, 0, t))
single = 2 * sp.integrate((t - tau) * C_model, (tau, 0, t))
assert sp.simplify(double - single) == 0
tau_R_model = sp.integrate(C_model - C_inf, (tau, 0, sp.oo)) / dC     # (F9): = tau_c for this model
assert sp.simplify(tau_R_model - tc) == 0
# g(t) - C_inf t^2 - 2 t tau_R dC is bounded in t (it tends to -2 int tau (C - C_inf) = -2 dC tc^2):
remainder = sp.simplify(single - C_inf * t**2 - 2 * t * tau_R_model * dC)
assert sp.limit(remainder, t, sp.oo) == -2 * dC * tc**2

# --- step 4: vanilla, t -> inf (F10-F12) ------------------------------------------------------------
# lambda(t) = -s + (1/2t) log I_0(2 sqrt(m(t))), m(t) = C_inf t^2 + 2 t tau_R dC + O(1).
# log I_0(z) = z - log(2 pi z)/2 + O(1/z) (Hankel), so with sqrt(m) = sqrt(C_inf) t + tau_R dC/sqrt(C_inf) + O(1/t):
tau_R = sp.Symbol("tau_R", positive=True)
m_t = C_inf * t**2 + 2 * t * tau_R * dC
sqrt_m = sp.series(sp.sqrt(m_t.subs(t, 1 / u)), u, 0, 1).removeO().subs(u, 1 / t)
assert sp.simplify(sqrt_m - (sp.sqrt(C_inf) * t + tau_R * dC / sp.sqrt(C_inf))) == 0
z = sp.Symbol("z", positive=True)
hankel = z - sp.log(2 * sp.pi * z) / 2
# the Hankel form against SymPy's asymptotic series of I_0 at z -> oo (ratio -> 1):
# (exp(hankel) = exp(z)/sqrt(2 pi z), so the ratio is the bracket of the Hankel series: 1 - 1/(8z) + ...)
ratio_I0 = sp.expand(sp.simplify(sp.besseli(0, z).series(z, sp.oo, 3) * sp.sqrt(2 * sp.pi * z) * sp.exp(-z)))
assert sp.limit(ratio_I0.removeO(), z, sp.oo) == 1
lam_t_vanilla = -s + hankel.subs(z, 2 * sqrt_m) / (2 * t)
lam_inf_vanilla = sp.limit(lam_t_vanilla, t, sp.oo)
assert sp.simplify(lam_inf_vanilla - (-s + sp.sqrt(C_inf))) == 0
# 1/t term: the relaxation part tau_R dC/sqrt(C_inf) and the Hankel part -log(4 pi sqrt(C_inf) t)/4.
one_over_t = sp.expand(sp.simplify((lam_t_vanilla - lam_inf_vanilla) * t))
assert sp.simplify(sp.expand_log(one_over_t - tau_R * dC / sp.sqrt(C_inf)
                                 + sp.log(4 * sp.pi * (sp.sqrt(C_inf) * t + tau_R * dC / sp.sqrt(C_inf))) / 4,
                                 force=True)) == 0

# --- step 5: variational direction (SCS Schrodinger problem) ---------------------------------------
# Trial psi_eps(tau) = sqrt(eps) exp(-eps |tau|): normalised, kinetic energy eps^2, and
# <V> = 1 - C_inf - 2 eps int_0^inf (C - C_inf) exp(-2 eps tau). For the exponential model:
psi = sp.sqrt(eps) * sp.exp(-eps * tau)                                 # on tau > 0, mirrored
assert sp.simplify(2 * sp.integrate(psi**2, (tau, 0, sp.oo)) - 1) == 0
kinetic = 2 * sp.integrate(sp.diff(psi, tau) ** 2, (tau, 0, sp.oo))
potential = 2 * sp.integrate((1 - C_model) * psi**2, (tau, 0, sp.oo))
E_trial = sp.simplify(kinetic + potential)
assert sp.simplify(E_trial - (eps**2 + 1 - C_inf - 2 * eps * dC * tc / (1 + 2 * eps * tc))) == 0
# eps -> 0 (spread out): E0 <= V(inf) = 1 - C_inf; the slope at 0 is -2 tau_R dC < 0, so E0 < 1 - C_inf
# strictly, i.e. lambda_DMFT = sqrt(1 - E0) - 1 > sqrt(C_inf) - 1: the RMT limit is a LOWER bound.
assert sp.limit(E_trial, eps, 0) == 1 - C_inf
assert sp.simplify(sp.diff(E_trial, eps).subs(eps, 0) + 2 * tau_R_model * dC) == 0
# Optimising the small-eps expansion E ~ 1 - C_inf - 2 eps tau_R dC + eps^2 at eps = tau_R dC gives
# the relaxation-time improved (second-order) bound lambda >~ sqrt(C_inf + (tau_R dC)^2) - 1.
E_small = 1 - C_inf - 2 * eps * tau_R * dC + eps**2
eps_opt = sp.solve(sp.diff(E_small, eps), eps)[0]
assert sp.simplify(E_small.subs(eps, eps_opt) - (1 - C_inf - (tau_R * dC) ** 2)) == 0

# --- step 6: the (h, r) Jacobian with sigma_z = s (F13-F15) -----------------------------------------
# Two units with symbolic couplings: D = -Lambda + Jhat S with S = [[A, Q], [P, 0]] per unit.
n = 2
hh = sp.symbols(f"h0:{n}", real=True)
rr = sp.symbols(f"r0:{n}", real=True)
Jh = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"Jh_{i}{j}", real=True))
Jr = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"Jr_{i}{j}", real=True))
f_h = [s * (-hh[i] + sum(Jh[i, j] * sigma_r(rr[j]) * phi(hh[j]) for j in range(n))) for i in range(n)]
f_r = [(-rr[i] + sum(Jr[i, j] * phi(hh[j]) for j in range(n))) / tau_r for i in range(n)]
D = sp.Matrix(f_h + f_r).jacobian(list(hh) + list(rr))
x_ = sp.Symbol("x", real=True)


def dphi(v):
    return sp.diff(phi(x_), x_).subs(x_, v)


def dsig(v):
    return sp.diff(sigma_r(x_), x_).subs(x_, v)


A_u = [s * sigma_r(rr[j]) * dphi(hh[j]) for j in range(n)]
Q_u = [s * phi(hh[j]) * dsig(rr[j]) for j in range(n)]
P_u = [dphi(hh[j]) / tau_r for j in range(n)]
Jhat = sp.diag(Jh, Jr)
S = sp.Matrix(sp.BlockMatrix([[sp.diag(*A_u), sp.diag(*Q_u)], [sp.diag(*P_u), sp.zeros(n)]]))
Lam = sp.diag(*([s] * n + [1 / tau_r] * n))
assert sp.simplify(D - (-Lam + Jhat * S)) == sp.zeros(2 * n)

# --- step 7: rainbow recursion for the gated moment (F19-F28) ----------------------------------------
# c_n = E[(Jhat Shat)^n (Shat^T Jhat^T)^n] = diag(a_n 1, b_n 1) (isotropy); the outermost rainbow pair
# gives c_{n+1} = E[Jhat (Shat c_n Shat^T) Jhat^T]; Jh and Jr are independent, so each diagonal block is
# (1/N) tr of the matching block of Shat c_n Shat^T. With per-unit entries (Ah, Qh, Ph) of Shat:
Ah, Qh, Ph, a_n, b_n = sp.symbols("Ahat Qhat Phat a_n b_n", real=True)
Sh1 = sp.Matrix([[Ah, Qh], [Ph, 0]])
inner = Sh1 * sp.diag(a_n, b_n) * Sh1.T
assert sp.expand(inner[0, 0] - (Ah**2 * a_n + Qh**2 * b_n)) == 0 and sp.expand(inner[1, 1] - Ph**2 * a_n) == 0
# (1/N) tr over units turns Ah^2, Qh^2, Ph^2 into g_A, g_Q, g_P (step A3): a_{n+1} = g_A a_n + g_Q b_n,
# b_{n+1} = g_P a_n; a_0 = b_0 = 1 (c_0 = identity).
g_A, g_Q, g_P = sp.symbols("g_A g_Q g_P", nonnegative=True)
T = sp.Matrix([[g_A, g_Q], [g_P, 0]])
disc = g_A**2 + 4 * g_Q * g_P                          # >= 0: the eigenvalues are real
mu_p, mu_m = (g_A + sp.sqrt(disc)) / 2, (g_A - sp.sqrt(disc)) / 2
assert set(sp.simplify(e - x) for e in T.eigenvals() for x in (mu_p, mu_m)) >= {0}
assert sp.simplify((mu_p + mu_m) - T.trace()) == 0 and sp.simplify(mu_p * mu_m - T.det()) == 0

# --- step 8: resummation (F33-F36) -------------------------------------------------------------------
# f(T) = sum_n T^n/(n!)^2 = [f(mu+)(T - mu- 1) - f(mu-)(T - mu+ 1)]/(mu+ - mu-), f(mu) = I_0(2 sqrt(mu))
# (= J_0(2 sqrt(-mu)) for mu < 0: the series is entire). Moments a = (1, 0) f(T) (1, 1)^T, b = (0, 1) f(T) (1, 1)^T.
F = sp.Function("f")
l_vec = sp.Matrix([1, 1])
fT = (F(mu_p) * (T - mu_m * sp.eye(2)) - F(mu_m) * (T - mu_p * sp.eye(2))) / (mu_p - mu_m)
a_gen, b_gen = (fT * l_vec)[0], (fT * l_vec)[1]
bessel = {F(mu_p): sp.besseli(0, 2 * sp.sqrt(mu_p)), F(mu_m): sp.besseli(0, 2 * sp.sqrt(mu_m))}
moment_h = a_gen.subs(bessel)
# check against the series sum_n T^n/(n!)^2 (1,1)^T to order 4, with T scaled by a small parameter eps:
series_h = sum((T**j * l_vec)[0] * eps**j / sp.factorial(j) ** 2 for j in range(5))
Tsc = {g_A: eps * g_A, g_Q: eps * g_Q, g_P: eps * g_P}
spectral_h = a_gen.subs(Tsc).subs({F: sp.Lambda(z, sum(z**j / sp.factorial(j) ** 2 for j in range(5)))})
assert sp.simplify(sp.series(sp.simplify(spectral_h), eps, 0, 5).removeO() - sp.expand(series_h)) == 0
# vanilla limit (g_Q = 0): a = I_0(2 sqrt(g_A)), the scalar result of step 2
assert sp.simplify(moment_h.subs(g_Q, 0) - sp.besseli(0, 2 * sp.sqrt(g_A))) == 0

# --- step 9: late times (F37-F43) --------------------------------------------------------------------
# g_X(t) = X t^2 + 2 t tau_X dX + O(1) with X = C_X(inf), dX = C_X(0) - C_X(inf) (step 3). Then
# mu+(t) = mu_inf t^2 + 2 nu t + O(1) and sqrt(mu+) = sqrt(mu_inf) t + nu/sqrt(mu_inf) + O(1/t);
# a(t) ~ w I_0(2 sqrt(mu+)) with an O(1) weight w, so lambda(t) = -s + sqrt(mu_inf)
# + [nu/sqrt(mu_inf) - log(4 pi sqrt(mu_inf) t)/4 + log(w)/2]/t + o(1/t).
Ai, Qi, Pi = sp.symbols("A_inf Q_inf P_inf", positive=True)
tA, tQ, tP = sp.symbols("tau_A tau_Q tau_P", positive=True)
dA, dQ, dP = sp.symbols("Delta_A Delta_Q Delta_P", positive=True)
mu_plus_t = mu_p.subs({g_A: Ai / u**2 + 2 * tA * dA / u, g_Q: Qi / u**2 + 2 * tQ * dQ / u,
                       g_P: Pi / u**2 + 2 * tP * dP / u})
ser = sp.series(mu_plus_t * u**2, u, 0, 2).removeO()
mu_inf = sp.simplify(ser.coeff(u, 0))
nu = sp.simplify(ser.coeff(u, 1) / 2)
assert sp.simplify(mu_inf - (Ai + sp.sqrt(Ai**2 + 4 * Qi * Pi)) / 2) == 0
grad = [sp.diff(mu_p, v).subs({g_A: Ai, g_Q: Qi, g_P: Pi}) for v in (g_A, g_Q, g_P)]
assert sp.simplify(nu - (grad[0] * tA * dA + grad[1] * tQ * dQ + grad[2] * tP * dP)) == 0
lam_limit = -s + sp.sqrt(mu_inf)
relax_coeff = sp.simplify(nu / sp.sqrt(mu_inf))
# The vanilla case (Q = 0) is step 4's result: limit -s + sqrt(A), relaxation term tau_A dA / sqrt(A).
assert sp.simplify(lam_limit.subs(Qi, 0) - (-s + sp.sqrt(Ai))) == 0
assert sp.simplify(relax_coeff.subs({Qi: 0, dQ: 0}) - tA * dA / sp.sqrt(Ai)) == 0
# Without biases phi is odd and h, r are independent at equal times, so Q_inf = <phi>^2 <sigma_r'>^2 = 0:
# the limit is -s + sqrt(A_inf) = -s + s <sigma_r><phi'>, and tau_Q (not tau_P) enters at order 1/t
# through g_Q g_P / g_A: coefficient [tau_A Delta_A + tau_Q Delta_Q P_inf / A_inf] / sqrt(A_inf).
gated_limit_no_bias = lam_limit.subs(Qi, 0)
gated_relax_no_bias = sp.simplify(relax_coeff.subs(Qi, 0))
assert sp.simplify(gated_relax_no_bias - (tA * dA + tQ * dQ * Pi / Ai) / sp.sqrt(Ai)) == 0
# the gate derivative used in Q: alpha_r sigma_r (1 - sigma_r) (sigma_r' carries alpha_r)
assert sp.simplify(sp.diff(sigma_r(x_), x_) - alpha_r * sigma_r(x_) * (1 - sigma_r(x_))) == 0

RESULTS = {
    "rmt-rainbow-resummation": dict(
        expr=rainbow_sum, args=("m",),
        assumptions=["sum_k m^k/(k!)^2: the rainbow (nested) Wick contractions of (1/N) tr E[exp(J R) exp(J R)^T] "
                     "for a fixed diagonal R, J iid variance 1/N, leading order in N (seed Eqs. F4-F5)",
                     "m = (1/N) tr R^2; in the DMFT m(t) = int_0^t int_0^t C_phi'(t1 - t2) (F6-F8)",
                     "reconstruction: the seed's displayed equations are lost"]),
    "rmt-transfer-eigenvalues": dict(
        expr=sp.Tuple(mu_p, mu_m), args=("g_A", "g_Q", "g_P"),
        assumptions=["eigenvalues (mu+, mu-) of the rainbow transfer matrix [[g_A, g_Q], [g_P, 0]] (F29-F31)",
                     "g_X = int int <X X>, A = s sigma_r phi', Q = s phi sigma_r', P = phi'/tau_r (sigma_z = s)",
                     "real because g_Q g_P >= 0"]),
    "rmt-moment-h": dict(
        expr=moment_h, args=("g_A", "g_Q", "g_P"), numeric=False,
        assumptions=["(1/N) tr of the h block of E[exp(Jhat Shat) exp(Jhat Shat)^T], rainbow diagrams, leading "
                     "order in N, a_0 = b_0 = 1 (F33-F36)",
                     "I_0(2 sqrt(mu)) of a negative mu is J_0(2 sqrt(-mu)) (the series sum mu^n/(n!)^2 is entire)"]),
    "rmt-lyapunov-limit": dict(
        expr=lam_limit, args=("s", "A_inf", "Q_inf", "P_inf"),
        assumptions=["t -> inf limit of lambda(t) = (1/2t) log[exp(-2 s t) a(t)] (F39-F40, F11)",
                     "X_inf = C_X(tau -> inf) = <X>^2 for X in {A, Q, P}; s = sigma_z (alpha_z = 0)",
                     "short-time (commuting) approximation; exponent read from the h block (exact splitting "
                     "only when s tau_r = 1)",
                     "vanilla (Q = 0): -1 + sqrt(C_phi'(inf)) = -1 + <phi'>, a lower bound on the DMFT lambda_max "
                     "by the variational theorem (step 5)"]),
    "rmt-lyapunov-relaxation": dict(
        expr=relax_coeff, args=("A_inf", "Q_inf", "P_inf", "tau_A", "tau_Q", "tau_P",
                                "Delta_A", "Delta_Q", "Delta_P"),
        assumptions=["coefficient of 1/t in lambda(t) - lambda_inf contributed by the relaxation times "
                     "(the Hankel term -log(4 pi sqrt(mu_inf) t)/(4 t) and the weight term come beside it)",
                     "tau_X = int_0^inf [C_X - C_X(inf)] / [C_X(0) - C_X(inf)] (F9, F41-F43), "
                     "Delta_X = C_X(0) - C_X(inf)"]),
    "rmt-variational-energy": dict(
        expr=E_trial, args=("epsilon", "C_inf", "Delta_C", "tau_c"),
        assumptions=["SCS problem -psi'' + (1 - C_phi') psi = E psi with C_phi' = C_inf + Delta_C exp(-|tau|/tau_c)",
                     "trial psi = sqrt(epsilon) exp(-epsilon |tau|); E0 <= E(epsilon) for every epsilon > 0",
                     "epsilon -> 0: E0 <= 1 - C_inf, so lambda_DMFT >= -1 + sqrt(C_inf)"]),
}

if __name__ == "__main__":
    show("rainbow resummation (F5)", sp.Eq(sp.Sum(m**k / sp.factorial(k) ** 2, (k, 0, sp.oo)), rainbow_sum))
    show("double integral of a stationary correlation", sp.Eq(sp.Symbol("g(t)"), single))
    show("relaxation time of the exponential model (F9)", tau_R_model)
    show("vanilla lambda(t) at large t", lam_t_vanilla)
    show("vanilla limit (F11)", lam_inf_vanilla)
    show("variational energy of the spread-out trial", E_trial)
    show("(h, r) Jacobian = -Lambda + Jhat S  (S per unit)", sp.Matrix([[sp.Symbol("A"), sp.Symbol("Q")],
                                                                     [sp.Symbol("P"), 0]]))
    show("rainbow recursion: (a, b)_{n+1} = T (a, b)_n, T", T)
    show("transfer-matrix eigenvalues (F31)", (mu_p, mu_m))
    show("h-block moment (F36)", moment_h)
    show("late-time limit (F40)", lam_limit)
    show("relaxation-time coefficient of 1/t (F40-F43)", relax_coeff)
    show("limit without biases (Q_inf = 0)", gated_limit_no_bias)
    show("relaxation coefficient without biases (Q_inf = 0)", gated_relax_no_bias)
