"""Large but finite alpha_z: pinching of the leading edge and the eigenvalue density near zero
(seed Sec. IV A, Eq. 7; App. B, Eqs. B5-B8).

Results (beta_z = 0; z Gaussian with variance Delta_z, in a fixed point or a time-varying state):
    leading edge  lambda_e = exp(-alpha_z sqrt(2 Delta_z) erfinv(2/B - 1))   (pinched exponentially),
        -> exp(-alpha_z sqrt(2 pi Delta_z) (1/B - 1/2)) as B -> 2,
        B = <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>), valid for 1 < B < 2 = 1/<sigma_z>
        (marginally stable as alpha_z -> infinity, Eq. 8); for B < 1 the edge stays negative;
    fraction of eigenvalues within delta of 0:  1/2 - ln(1/delta)/(alpha_z sqrt(2 pi Delta_z)) + O(1/alpha_z)
        (the form c0 + c1/alpha_z of Eq. 7, c0 = 1/2 = 1 - <sigma_z>; the O(1/alpha_z) remainder does not
        grow with ln(1/delta)).

Starting point: the spectral-curve function of ``spectral_curve.py`` on the real axis near 0,
    A(lambda) B(lambda) = 1,  A = <sigma_z^2/(lambda + sigma_z)^2>,
with B(lambda) -> B as lambda -> 0.
Assumptions: (G1) beta_z = 0 and alpha_z sqrt(Delta_z) >> 1, so sigma_z(z) = exp(alpha_z z) for z < 0
up to corrections of relative size exp(-alpha_z |z|); (G2) 0 < lambda << 1, so that in A the closed
units (sigma_z << lambda) contribute nothing and the others contribute 1, with a crossover region
|ln sigma_z - ln lambda| = O(1) of weight O(1/alpha_z); (G3) for the density, a unit with sigma_z << 1
gives an eigenvalue -sigma_z times an O(1) factor, so the count is P(sigma_z < delta) up to a shift of
ln(1/delta) by O(1).
"""
import sympy as sp

from common import show

alpha_z, Delta_z, lam, delta, B = sp.symbols("alpha_z Delta_z lambda delta B", positive=True)
z = sp.Symbol("z", real=True)
Lz = sp.Symbol("L", positive=True)  # ln(1/lambda)

# Step 1 (G1, G2): A(lambda) = P(z > 0) + P(sigma_z > lambda, z < 0) + O(1/alpha_z)
#   = 1/2 + P(-ln(1/lambda)/alpha_z < z < 0).
p_z = sp.exp(-z**2 / (2 * Delta_z)) / sp.sqrt(2 * sp.pi * Delta_z)
band = sp.integrate(p_z, (z, -Lz / alpha_z, 0))
# for ln(1/lambda)/alpha_z << sqrt(Delta_z) the band is p(0) ln(1/lambda)/alpha_z:
band_lead = sp.series(band.subs(Lz, alpha_z * sp.Symbol("y", positive=True)), sp.Symbol("y", positive=True),
                      0, 2).removeO().subs(sp.Symbol("y", positive=True), Lz / alpha_z)
A_small_lam = sp.Rational(1, 2) + sp.simplify(band)  # band kept exact: L/alpha_z need not be << sqrt(Delta_z)
# Step 2: the edge solves A B = 1 (B(lambda) -> B as lambda -> 0).
L_edge = sp.solve(sp.Eq(A_small_lam * B, 1), Lz)[0]
lambda_edge = sp.exp(-sp.simplify(L_edge))
# Step 2b: near the end of the marginal window (B -> 2) the exponent is linear in 2 - B:
eta = sp.Symbol("eta", positive=True)  # 2/B - 1
L_near = sp.series(sp.simplify(L_edge).subs(B, 2 / (1 + eta)), eta, 0, 2).removeO()
L_near = sp.simplify(L_near.subs(eta, 2 / B - 1))
assert sp.simplify(L_near - alpha_z * sp.sqrt(2 * sp.pi * Delta_z) * (1 / B - sp.Rational(1, 2))) == 0
# Step 3 (G3): density within delta: P(sigma_z < delta) = P(z < -ln(1/delta)/alpha_z) for beta_z = 0.
frac = sp.Rational(1, 2) - sp.simplify(band_lead.subs(Lz, sp.log(1 / delta)))

RESULTS = {
    "alpha-z-large-leading-edge": dict(
        expr=lambda_edge, args=("alpha_z", "Delta_z", "B"),
        assumptions=["beta_z = 0; B = <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) (fp-stability at lambda = 0); "
                     "valid for 1 < B < 2 (seed Eq. 7 context, App. B)",
                     "(G1) alpha_z sqrt(Delta_z) >> 1", "(G2) lambda_e << 1; corrections O(1/alpha_z) in the exponent"]),
    "alpha-z-large-density-near-zero": dict(
        expr=frac, args=("alpha_z", "Delta_z", "delta"),
        assumptions=["fraction of Jacobian eigenvalues with |lambda| < delta, beta_z = 0, large alpha_z (seed Eq. 7, "
                     "B5-B8), form c0 + c1/alpha_z with c0 = 1/2",
                     "(G3) a closed unit gives an eigenvalue -sigma_z x O(1): ln(1/delta) is known up to O(1)"]),
}

if __name__ == "__main__":
    show("A(lambda) for small lambda", A_small_lam)
    show("leading edge", lambda_edge)
    show("its exponent near B = 2", L_near)
    show("fraction within delta", frac)
