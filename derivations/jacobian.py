"""The 3N x 3N instantaneous Jacobian and its reduction at a fixed point
(seed Sec. III, Eqs. 3-4; App. A; docs/conventions.md section 2).

Result: with b = -h + Jh (sigma_r(r) phi(h)) + Ih (the bracket) and D[v] = diag(v),

    d(dh/dt)/dh = D[-sigma_z] + D[sigma_z] Jh D[sigma_r phi']      d(dh/dt)/dz = D[sigma_z' b]
    d(dh/dt)/dr = D[sigma_z] Jh D[sigma_r' phi]                    d(dz/dt)/dh = D[1/tau_z] Jz D[phi']
    d(dz/dt)/dz = D[-1/tau_z]                                       d(dr/dt)/dh = D[1/tau_r] Jr D[phi']
    d(dr/dt)/dr = D[-1/tau_r],                                      the other two blocks vanish.

Each block is (diagonal) + (left diagonal) J (right diagonal); the registry entry
"jacobian-blocks" returns those per-unit vectors.

At a fixed point b = 0 (assumption A1 of static_mft: sigma_z > 0), so d(dh/dt)/dz = 0: the
z columns then hold only d(dz/dt)/dz, the z sector decouples with N eigenvalues -1/tau_z,
and eliminating r from the (h, r) eigenproblem gives the N x N nonlinear eigenproblem

    [ D[sigma_z] (-1 + Jh (D[sigma_r phi'] + D[sigma_r' phi] Jr D[phi'] / (1 + lambda tau_r))) ] v = lambda v.

Derivation: differentiate the model of ``common`` for an explicit small network (n = 3
units, symbolic couplings) and read off the block structure; the reduction uses
non-commuting block symbols.
"""
import sympy as sp

from common import alpha_r, alpha_z, beta_r, beta_z, lam, phi, show, sigma_r, sigma_z, tau_r, tau_z

n = 3  # explicit size; every block found below is of the stated form entry by entry
h = sp.symbols(f"h0:{n}", real=True)
z = sp.symbols(f"z0:{n}", real=True)
r = sp.symbols(f"r0:{n}", real=True)
Ih = sp.symbols(f"Ih0:{n}", real=True)
Iz = sp.symbols(f"Iz0:{n}", real=True)
Ir = sp.symbols(f"Ir0:{n}", real=True)
Jh = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"Jh_{i}{j}", real=True))
Jz = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"Jz_{i}{j}", real=True))
Jr = sp.Matrix(n, n, lambda i, j: sp.Symbol(f"Jr_{i}{j}", real=True))

# Step 1: the right-hand side of seed Eqs. 1-2 for n units (Ih inside the z-gated bracket).
bracket = [-h[i] + sum(Jh[i, j] * sigma_r(r[j]) * phi(h[j]) for j in range(n)) + Ih[i] for i in range(n)]
f_h = [sigma_z(z[i]) * bracket[i] for i in range(n)]
f_z = [(-z[i] + sum(Jz[i, j] * phi(h[j]) for j in range(n)) + Iz[i]) / tau_z for i in range(n)]
f_r = [(-r[i] + sum(Jr[i, j] * phi(h[j]) for j in range(n)) + Ir[i]) / tau_r for i in range(n)]
state = list(h) + list(z) + list(r)
rhs = sp.Matrix(f_h + f_z + f_r)

# Step 2: the full Jacobian by differentiation.
D = rhs.jacobian(state)

# Step 3: per-unit symbols to express the blocks with.
hs, zs, rs, bs = sp.symbols("h z r b", real=True)
u = sp.Symbol("u", real=True)
dphi = sp.diff(phi(u), u).subs(u, hs)


def stable_dsigma(a, b, v):
    """a sigma(w) sigma(-w), w = a v + b: the derivative of the gate in a form that neither
    overflows nor cancels for a switch-like gate (checked equal to the plain derivative)."""
    w = a * v + b
    return a / ((1 + sp.exp(-w)) * (1 + sp.exp(w)))


dsig_z = stable_dsigma(alpha_z, beta_z, zs)
dsig_r = stable_dsigma(alpha_r, beta_r, rs)
assert sp.simplify((sp.diff(sigma_z(u), u).subs(u, zs) - dsig_z).rewrite(sp.exp)) == 0
assert sp.simplify((sp.diff(sigma_r(u), u).subs(u, rs) - dsig_r).rewrite(sp.exp)) == 0
S_z, S_r, Ph = sigma_z(zs), sigma_r(rs), phi(hs)


def unit(expr, i):
    """Evaluate a per-unit expression at unit i."""
    return expr.subs({hs: h[i], zs: z[i], rs: r[i], bs: bracket[i]})


# Step 4: the claimed block form: (diag, left, coupling, right) per block (row sector, column sector).
blocks = {
    ("h", "h"): (-S_z, S_z, Jh, S_r * dphi),
    ("h", "z"): (dsig_z * bs, 0, None, 0),
    ("h", "r"): (0, S_z, Jh, dsig_r * Ph),
    ("z", "h"): (0, 1 / tau_z, Jz, dphi),
    ("z", "z"): (-1 / tau_z, 0, None, 0),
    ("z", "r"): (0, 0, None, 0),
    ("r", "h"): (0, 1 / tau_r, Jr, dphi),
    ("r", "z"): (0, 0, None, 0),
    ("r", "r"): (-1 / tau_r, 0, None, 0),
}
# Step 5: verify the form entry by entry against the differentiated rhs (exact, symbolic).
off = {"h": 0, "z": n, "r": 2 * n}
for (a, c), (dg, left, J, right) in blocks.items():
    for i in range(n):
        for j in range(n):
            claimed = (dg if i == j else 0)
            claimed = unit(sp.sympify(claimed), i) if i == j else sp.Integer(0)
            if J is not None:
                claimed += unit(sp.sympify(left), i) * J[i, j] * unit(sp.sympify(right), j)
            assert sp.simplify((D[off[a] + i, off[c] + j] - claimed).rewrite(sp.exp)) == 0, (a, c, i, j)

# Step 6: at a fixed point the bracket vanishes (sigma_z > 0), hence d(dh/dt)/dz = 0 and the
# z sector decouples: the Jacobian is block lower-triangular in z with D_zz = -1/tau_z.
dhdz_at_fp = blocks[("h", "z")][0].subs(bs, 0)
assert dhdz_at_fp == 0

# Step 7: eliminate r. Non-commuting blocks A = D_hh, B = D_hr, C = D_rh; D_rr = -1/tau_r.
A, B, C = sp.symbols("A B C", commutative=False)
vh, vr = sp.symbols("v_h v_r", commutative=False)
# (D_rr - lambda) v_r + C v_h = 0  =>  v_r = C v_h / (lambda + 1/tau_r)
v_r_elim = C * vh / (lam + 1 / tau_r)
reduced_operator = sp.expand(A * vh + B * v_r_elim)  # acting on v_h; eigenvalue lambda
# Insert the blocks: A = S_z(-1 + Jh S_r phi'), B = S_z Jh S_r' phi, C = Jr phi' / tau_r.
Sz_, Jh_, Jr_, W1, W2, W3 = sp.symbols("S_z J_h J_r W_1 W_2 W_3", commutative=False)
# W1 = D[sigma_r phi'], W2 = D[sigma_r' phi], W3 = D[phi']
reduced = sp.expand(reduced_operator.subs({A: Sz_ * (-1 + Jh_ * W1), B: Sz_ * Jh_ * W2, C: Jr_ * W3 / tau_r}))
# Step 8: the stated factorised form equals the eliminated operator (exact check).
reduced_form = Sz_ * (-1 + Jh_ * (W1 + W2 * Jr_ * W3 / (1 + lam * tau_r))) * vh
assert sp.simplify(sp.expand(reduced - reduced_form)) == 0
reduced = reduced_form

# Per-unit vectors of the blocks, in a fixed order (registry "jacobian-blocks").
block_vectors = sp.Tuple(-S_z, S_z, S_r * dphi,          # D_hh = diag(.) + diag(.) Jh diag(.)
                         dsig_z * bs,                       # D_hz = diag(.)
                         S_z, dsig_r * Ph,                  # D_hr = diag(.) Jh diag(.)
                         dphi / tau_z, -1 / tau_z,          # D_zh = Jz diag(.)/..., D_zz = diag(.)
                         dphi / tau_r, -1 / tau_r)          # D_rh, D_rr

RESULTS = {
    "jacobian-blocks": dict(
        expr=block_vectors,
        args=("h", "z", "r", "b", "g_h", "beta_h", "alpha_z", "beta_z", "alpha_r", "beta_r", "tau_z", "tau_r"),
        assumptions=["per-unit vectors, elementwise in (h, z, r, b), b = -h + Jh(sigma_r phi) + Ih the bracket",
                     "order: (hh_diag, hh_left, hh_right, hz_diag, hr_left, hr_right, zh_right, zz_diag, rh_right, "
                     "rr_diag); D_hh = D[hh_diag] + D[hh_left] Jh D[hh_right], D_hz = D[hz_diag], "
                     "D_hr = D[hr_left] Jh D[hr_right], D_zh = Jz D[zh_right], D_zz = D[zz_diag], "
                     "D_rh = Jr D[rh_right], D_rr = D[rr_diag], D_zr = D_rz = 0",
                     "state layout x = (h, z, r) as in gatetheory.network.model"]),
    "jacobian-fp-reduced": dict(
        expr=reduced, args=(), numeric=False,
        assumptions=["fixed point: bracket b = 0 (sigma_z > 0), so D_hz = 0 and the z sector decouples "
                     "(N eigenvalues -1/tau_z)",
                     "non-commuting symbols: S_z = D[sigma_z], W_1 = D[sigma_r phi'], W_2 = D[sigma_r' phi], "
                     "W_3 = D[phi']; acting on v_h, eigenvalue lambda"]),
}

if __name__ == "__main__":
    show("full Jacobian, entry (h0, h1)", D[0, 1])
    show("full Jacobian, entry (h0, z0)", D[0, n])
    print("block form verified entry by entry for n = %d\n" % n)
    show("d(dh/dt)/dz at a fixed point", dhdz_at_fp)
    show("r eliminated: operator on v_h", reduced_operator)
    show("reduced N x N operator with blocks inserted", reduced)
