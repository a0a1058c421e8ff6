"""Machine-written by gatetheory.symbolic.codegen from derivations/jacobian.py; do not edit.

Source: derivations/jacobian.py
SymPy version: 1.14.0
Expression hash: f7ae13d9c843f0ab16eda8d27b5011bb443cda615a0f5f6339a1c6ab9fe8e4f7
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/jacobian.py'
SYMPY_VERSION = '1.14.0'
HASH = 'f7ae13d9c843f0ab16eda8d27b5011bb443cda615a0f5f6339a1c6ab9fe8e4f7'

def jacobian_blocks__numpy(h, z, r, b, g_h, beta_h, alpha_z, beta_z, alpha_r, beta_r, tau_z, tau_r):
    x0 = alpha_z*z + beta_z
    x1 = scipy.special.expit(x0)
    x2 = alpha_r*r + beta_r
    x3 = scipy.special.expit(x2)
    x4 = numpy.tanh(beta_h + g_h*h)
    x5 = g_h*(1 - x4**2)
    x6 = tau_z**(-1.0)
    x7 = tau_r**(-1.0)
    return (-x1, x1, x3*x5, alpha_z*b*x1*scipy.special.expit(-x0), x1, alpha_r*x3*x4*scipy.special.expit(-x2), x5*x6, -x6, x5*x7, -x7,)

def jacobian_blocks__mpmath(h, z, r, b, g_h, beta_h, alpha_z, beta_z, alpha_r, beta_r, tau_z, tau_r):
    x0 = alpha_z*z + beta_z
    x1 = 1/(1 + mpmath.exp(-x0))
    x2 = alpha_r*r + beta_r
    x3 = 1/(1 + mpmath.exp(-x2))
    x4 = mpmath.tanh(beta_h + g_h*h)
    x5 = g_h*(1 - x4**2)
    x6 = 1/tau_z
    x7 = 1/tau_r
    return (-x1, x1, x3*x5, alpha_z*b*x1/(mpmath.exp(x0) + 1), x1, alpha_r*x3*x4/(mpmath.exp(x2) + 1), x5*x6, -x6, x5*x7, -x7,)

ENTRIES = {'jacobian-blocks': {'args': ('h',
                              'z',
                              'r',
                              'b',
                              'g_h',
                              'beta_h',
                              'alpha_z',
                              'beta_z',
                              'alpha_r',
                              'beta_r',
                              'tau_z',
                              'tau_r'),
                     'assumptions': ['per-unit vectors, elementwise in (h, z, r, b), b = -h + Jh(sigma_r '
                                     'phi) + Ih the bracket',
                                     'order: (hh_diag, hh_left, hh_right, hz_diag, hr_left, hr_right, '
                                     'zh_right, zz_diag, rh_right, rr_diag); D_hh = D[hh_diag] + D[hh_left] '
                                     'Jh D[hh_right], D_hz = D[hz_diag], D_hr = D[hr_left] Jh D[hr_right], '
                                     'D_zh = Jz D[zh_right], D_zz = D[zz_diag], D_rh = Jr D[rh_right], D_rr '
                                     '= D[rr_diag], D_zr = D_rz = 0',
                                     'state layout x = (h, z, r) as in gatetheory.network.model'],
                     'latex': '\\left( - \\frac{1}{e^{- \\alpha_{z} z - \\beta_{z}} + 1}, \\  \\frac{1}{e^{- '
                              '\\alpha_{z} z - \\beta_{z}} + 1}, \\  \\frac{g_{h} \\left(1 - '
                              '\\tanh^{2}{\\left(\\beta_{h} + g_{h} h \\right)}\\right)}{e^{- \\alpha_{r} r '
                              '- \\beta_{r}} + 1}, \\  \\frac{\\alpha_{z} b}{\\left(e^{- \\alpha_{z} z - '
                              '\\beta_{z}} + 1\\right) \\left(e^{\\alpha_{z} z + \\beta_{z}} + 1\\right)}, '
                              '\\  \\frac{1}{e^{- \\alpha_{z} z - \\beta_{z}} + 1}, \\  \\frac{\\alpha_{r} '
                              '\\tanh{\\left(\\beta_{h} + g_{h} h \\right)}}{\\left(e^{- \\alpha_{r} r - '
                              '\\beta_{r}} + 1\\right) \\left(e^{\\alpha_{r} r + \\beta_{r}} + 1\\right)}, '
                              '\\  \\frac{g_{h} \\left(1 - \\tanh^{2}{\\left(\\beta_{h} + g_{h} h '
                              '\\right)}\\right)}{\\tau_{z}}, \\  - \\frac{1}{\\tau_{z}}, \\  \\frac{g_{h} '
                              '\\left(1 - \\tanh^{2}{\\left(\\beta_{h} + g_{h} h '
                              '\\right)}\\right)}{\\tau_{r}}, \\  - \\frac{1}{\\tau_{r}}\\right)',
                     'mpmath': 'jacobian_blocks__mpmath',
                     'numpy': 'jacobian_blocks__numpy',
                     'srepr': "Tuple(Mul(Integer(-1), Pow(Add(exp(Add(Mul(Integer(-1), Symbol('alpha_z', "
                              "nonnegative=True), Symbol('z', real=True)), Mul(Integer(-1), Symbol('beta_z', "
                              'real=True)))), Integer(1)), Integer(-1))), Pow(Add(exp(Add(Mul(Integer(-1), '
                              "Symbol('alpha_z', nonnegative=True), Symbol('z', real=True)), "
                              "Mul(Integer(-1), Symbol('beta_z', real=True)))), Integer(1)), Integer(-1)), "
                              "Mul(Symbol('g_h', positive=True), Add(Integer(1), Mul(Integer(-1), "
                              "Pow(tanh(Add(Symbol('beta_h', real=True), Mul(Symbol('g_h', positive=True), "
                              "Symbol('h', real=True)))), Integer(2)))), Pow(Add(exp(Add(Mul(Integer(-1), "
                              "Symbol('alpha_r', nonnegative=True), Symbol('r', real=True)), "
                              "Mul(Integer(-1), Symbol('beta_r', real=True)))), Integer(1)), Integer(-1))), "
                              "Mul(Symbol('alpha_z', nonnegative=True), Symbol('b', real=True), "
                              "Pow(Add(exp(Add(Mul(Integer(-1), Symbol('alpha_z', nonnegative=True), "
                              "Symbol('z', real=True)), Mul(Integer(-1), Symbol('beta_z', real=True)))), "
                              "Integer(1)), Integer(-1)), Pow(Add(exp(Add(Mul(Symbol('alpha_z', "
                              "nonnegative=True), Symbol('z', real=True)), Symbol('beta_z', real=True))), "
                              'Integer(1)), Integer(-1))), Pow(Add(exp(Add(Mul(Integer(-1), '
                              "Symbol('alpha_z', nonnegative=True), Symbol('z', real=True)), "
                              "Mul(Integer(-1), Symbol('beta_z', real=True)))), Integer(1)), Integer(-1)), "
                              "Mul(Symbol('alpha_r', nonnegative=True), Pow(Add(exp(Add(Mul(Integer(-1), "
                              "Symbol('alpha_r', nonnegative=True), Symbol('r', real=True)), "
                              "Mul(Integer(-1), Symbol('beta_r', real=True)))), Integer(1)), Integer(-1)), "
                              "Pow(Add(exp(Add(Mul(Symbol('alpha_r', nonnegative=True), Symbol('r', "
                              "real=True)), Symbol('beta_r', real=True))), Integer(1)), Integer(-1)), "
                              "tanh(Add(Symbol('beta_h', real=True), Mul(Symbol('g_h', positive=True), "
                              "Symbol('h', real=True))))), Mul(Symbol('g_h', positive=True), "
                              "Pow(Symbol('tau_z', positive=True), Integer(-1)), Add(Integer(1), "
                              "Mul(Integer(-1), Pow(tanh(Add(Symbol('beta_h', real=True), Mul(Symbol('g_h', "
                              "positive=True), Symbol('h', real=True)))), Integer(2))))), Mul(Integer(-1), "
                              "Pow(Symbol('tau_z', positive=True), Integer(-1))), Mul(Symbol('g_h', "
                              "positive=True), Pow(Symbol('tau_r', positive=True), Integer(-1)), "
                              "Add(Integer(1), Mul(Integer(-1), Pow(tanh(Add(Symbol('beta_h', real=True), "
                              "Mul(Symbol('g_h', positive=True), Symbol('h', real=True)))), Integer(2))))), "
                              "Mul(Integer(-1), Pow(Symbol('tau_r', positive=True), Integer(-1))))",
                     'value_kind': None},
 'jacobian-fp-reduced': {'args': (),
                         'assumptions': ['fixed point: bracket b = 0 (sigma_z > 0), so D_hz = 0 and the z '
                                         'sector decouples (N eigenvalues -1/tau_z)',
                                         "non-commuting symbols: S_z = D[sigma_z], W_1 = D[sigma_r phi'], "
                                         "W_2 = D[sigma_r' phi], W_3 = D[phi']; acting on v_h, eigenvalue "
                                         'lambda'],
                         'latex': 'S_{z} \\left(-1 + J_{h} \\left(W_{1} + \\frac{W_{2} J_{r} W_{3}}{\\lambda '
                                  '\\tau_{r} + 1}\\right)\\right) v_{h}',
                         'mpmath': None,
                         'numpy': None,
                         'srepr': "Mul(Symbol('S_z', commutative=False), Add(Integer(-1), Mul(Symbol('J_h', "
                                  "commutative=False), Add(Symbol('W_1', commutative=False), "
                                  "Mul(Pow(Add(Mul(Symbol('lambda'), Symbol('tau_r', positive=True)), "
                                  "Integer(1)), Integer(-1)), Symbol('W_2', commutative=False), "
                                  "Symbol('J_r', commutative=False), Symbol('W_3', commutative=False))))), "
                                  "Symbol('v_h', commutative=False))",
                         'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
