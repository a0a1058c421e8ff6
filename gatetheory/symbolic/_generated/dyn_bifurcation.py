"""Machine-written by gatetheory.symbolic.codegen from derivations/dyn_bifurcation.py; do not edit.

Source: derivations/dyn_bifurcation.py
SymPy version: 1.14.0
Expression hash: e057a4a6310164dca6f6d0356e2a9d0b5afd77c1c41b1d699ef577de38f02865
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/dyn_bifurcation.py'
SYMPY_VERSION = '1.14.0'
HASH = 'e057a4a6310164dca6f6d0356e2a9d0b5afd77c1c41b1d699ef577de38f02865'

def dyn_bifurcation_lowest_gh__numpy():
    return (2/3)*numpy.sqrt(6)

def dyn_bifurcation_lowest_gh__mpmath():
    return (mpmath.mpf(2)/mpmath.mpf(3))*mpmath.sqrt(6)

def dyn_bifurcation_lowest_gh_scaling__numpy():
    return ((1/8)*scipy.constants.pi, (4/9)*numpy.sqrt(6)*scipy.constants.pi, -1,)

def dyn_bifurcation_lowest_gh_scaling__mpmath():
    return ((mpmath.mpf(1)/mpmath.mpf(8))*mpmath.pi, (mpmath.mpf(4)/mpmath.mpf(9))*mpmath.sqrt(6)*mpmath.pi, -1,)

def dyn_bifurcation_near_2__numpy():
    return 2*numpy.sqrt(3)

def dyn_bifurcation_near_2__mpmath():
    return 2*mpmath.sqrt(3)

def dyn_bifurcation_near_2_scaling__numpy():
    return ((1/88)*numpy.sqrt(33), 2*numpy.sqrt(11), 1/2,)

def dyn_bifurcation_near_2_scaling__mpmath():
    return ((mpmath.mpf(1)/mpmath.mpf(88))*mpmath.sqrt(33), 2*mpmath.sqrt(11), mpmath.mpf(1)/mpmath.mpf(2),)

def dyn_potential_series__numpy(q_0, g_h, alpha_r):
    x0 = g_h**4
    x1 = g_h**6
    x2 = q_0**2
    x3 = alpha_r**2
    x4 = x1*x2
    return -1/96*alpha_r**4*x4 + (1/8)*g_h**2 + (1/48)*q_0*x0*x3 - 1/4*q_0*x0 + (2/3)*x1*x2 - 1/12*x3*x4 - 1/2

def dyn_potential_series__mpmath(q_0, g_h, alpha_r):
    x0 = g_h**4
    x1 = g_h**6
    x2 = q_0**2
    x3 = alpha_r**2
    x4 = x1*x2
    return -mpmath.mpf(1)/mpmath.mpf(96)*alpha_r**4*x4 + (mpmath.mpf(1)/mpmath.mpf(8))*g_h**2 + (mpmath.mpf(1)/mpmath.mpf(48))*q_0*x0*x3 - mpmath.mpf(1)/mpmath.mpf(4)*q_0*x0 + (mpmath.mpf(2)/mpmath.mpf(3))*x1*x2 - mpmath.mpf(1)/mpmath.mpf(12)*x3*x4 + mpmath.mpf(-1)/mpmath.mpf(2)

def variance_above_2__numpy(alpha_r):
    return -3/(2*alpha_r**2 - 24)

def variance_above_2__mpmath(alpha_r):
    return -3/(2*alpha_r**2 - 24)

ENTRIES = {'dyn-bifurcation-lowest-gh': {'args': (),
                               'assumptions': ['beta_h = beta_r = 0, no inputs',
                                               '(D1) alpha_z = 0',
                                               '(D2) tau_r << 1: C_r = C_phi (closure of App. G2)',
                                               "(D3) energy conservation: C_h'(0) = 0, C_h(infinity) = 0",
                                               'lowest g_h of the dynamical bifurcation, reached as alpha_r '
                                               '-> infinity (seed Eq. G15)',
                                               '(D5) sigma_r a step: <Theta Theta> = 1/4 + asin(rho)/(2 pi)'],
                               'latex': '\\frac{2 \\sqrt{6}}{3}',
                               'mpmath': 'dyn_bifurcation_lowest_gh__mpmath',
                               'numpy': 'dyn_bifurcation_lowest_gh__numpy',
                               'srepr': 'Mul(Rational(2, 3), Pow(Integer(6), Rational(1, 2)))',
                               'value_kind': None},
 'dyn-bifurcation-lowest-gh-scaling': {'args': (),
                                       'assumptions': ['(d_1, e_1, exponent): for large alpha_r at the '
                                                       'bifurcation C_h(0) = d_1/alpha_r and g_h^dyn = '
                                                       'sqrt(8/3) + e_1/alpha_r',
                                                       'finite-alpha_r correction of the gate correlation to '
                                                       'O(alpha_r^-2): -pi rho/(6 alpha_r^2 R0 sqrt(1 - '
                                                       'rho^2))'],
                                       'latex': '\\left( \\frac{\\pi}{8}, \\  \\frac{4 \\sqrt{6} \\pi}{9}, '
                                                '\\  -1\\right)',
                                       'mpmath': 'dyn_bifurcation_lowest_gh_scaling__mpmath',
                                       'numpy': 'dyn_bifurcation_lowest_gh_scaling__numpy',
                                       'srepr': 'Tuple(Mul(Rational(1, 8), pi), Mul(Rational(4, 9), '
                                                'Pow(Integer(6), Rational(1, 2)), pi), Integer(-1))',
                                       'value_kind': None},
 'dyn-bifurcation-near-2': {'args': (),
                            'assumptions': ['beta_h = beta_r = 0, no inputs',
                                            '(D1) alpha_z = 0',
                                            '(D2) tau_r << 1: C_r = C_phi (closure of App. G2)',
                                            "(D3) energy conservation: C_h'(0) = 0, C_h(infinity) = 0",
                                            'limit of alpha_r^dyn(g_h) as g_h -> 2- (seed Eq. G18)',
                                            '(D4) C_h(0) small: E/q0^2 expanded to O(q0^2)'],
                            'latex': '2 \\sqrt{3}',
                            'mpmath': 'dyn_bifurcation_near_2__mpmath',
                            'numpy': 'dyn_bifurcation_near_2__numpy',
                            'srepr': 'Mul(Integer(2), Pow(Integer(3), Rational(1, 2)))',
                            'value_kind': None},
 'dyn-bifurcation-near-2-scaling': {'args': (),
                                    'assumptions': ['(c_0, c_1, exponent): at g_h = 2 - eps, C_h(0) = c_0 '
                                                    'eps^(1/2), alpha_r^dyn - 2 sqrt(3) = c_1 eps^(1/2) '
                                                    '(seed Eqs. G16-G17)'],
                                    'latex': '\\left( \\frac{\\sqrt{33}}{88}, \\  2 \\sqrt{11}, \\  '
                                             '\\frac{1}{2}\\right)',
                                    'mpmath': 'dyn_bifurcation_near_2_scaling__mpmath',
                                    'numpy': 'dyn_bifurcation_near_2_scaling__numpy',
                                    'srepr': 'Tuple(Mul(Rational(1, 88), Pow(Integer(33), Rational(1, 2))), '
                                             'Mul(Integer(2), Pow(Integer(11), Rational(1, 2))), Rational(1, '
                                             '2))',
                                    'value_kind': None},
 'dyn-potential-series': {'args': ('q_0', 'g_h', 'alpha_r'),
                          'assumptions': ['beta_h = beta_r = 0, no inputs',
                                          '(D1) alpha_z = 0',
                                          '(D2) tau_r << 1: C_r = C_phi (closure of App. G2)',
                                          "(D3) energy conservation: C_h'(0) = 0, C_h(infinity) = 0",
                                          'E(q0)/q0^2 to O(q0^2), q0 = C_h(0)'],
                          'latex': '- \\frac{\\alpha_{r}^{4} g_{h}^{6} q_{0}^{2}}{96} - '
                                   '\\frac{\\alpha_{r}^{2} g_{h}^{6} q_{0}^{2}}{12} + \\frac{\\alpha_{r}^{2} '
                                   'g_{h}^{4} q_{0}}{48} + \\frac{2 g_{h}^{6} q_{0}^{2}}{3} - '
                                   '\\frac{g_{h}^{4} q_{0}}{4} + \\frac{g_{h}^{2}}{8} - \\frac{1}{2}',
                          'mpmath': 'dyn_potential_series__mpmath',
                          'numpy': 'dyn_potential_series__numpy',
                          'srepr': "Add(Mul(Integer(-1), Rational(1, 96), Pow(Symbol('alpha_r', "
                                   "nonnegative=True), Integer(4)), Pow(Symbol('g_h', positive=True), "
                                   "Integer(6)), Pow(Symbol('q_0', positive=True), Integer(2))), "
                                   "Mul(Integer(-1), Rational(1, 12), Pow(Symbol('alpha_r', "
                                   "nonnegative=True), Integer(2)), Pow(Symbol('g_h', positive=True), "
                                   "Integer(6)), Pow(Symbol('q_0', positive=True), Integer(2))), "
                                   "Mul(Rational(1, 48), Pow(Symbol('alpha_r', nonnegative=True), "
                                   "Integer(2)), Pow(Symbol('g_h', positive=True), Integer(4)), "
                                   "Symbol('q_0', positive=True)), Mul(Rational(2, 3), Pow(Symbol('g_h', "
                                   "positive=True), Integer(6)), Pow(Symbol('q_0', positive=True), "
                                   "Integer(2))), Mul(Integer(-1), Rational(1, 4), Pow(Symbol('g_h', "
                                   "positive=True), Integer(4)), Symbol('q_0', positive=True)), "
                                   "Mul(Rational(1, 8), Pow(Symbol('g_h', positive=True), Integer(2))), "
                                   'Rational(-1, 2))',
                          'value_kind': None},
 'variance-above-2': {'args': ('alpha_r',),
                      'assumptions': ['beta_h = beta_r = 0, no inputs',
                                      '(D1) alpha_z = 0',
                                      '(D2) tau_r << 1: C_r = C_phi (closure of App. G2)',
                                      "(D3) energy conservation: C_h'(0) = 0, C_h(infinity) = 0",
                                      'C_h(0) = (this) * (g_h - 2) to leading order just above g_h = 2, for '
                                      'alpha_r < 2 sqrt(3) (seed Eqs. I29-I46)',
                                      'near g_h = 2 the relaxation time diverges, so C_r = C_phi also '
                                      'without tau_r << 1 (the argument of App. I3); alpha_z enters only '
                                      'through time scales under (D1)'],
                      'latex': '- \\frac{3}{2 \\alpha_{r}^{2} - 24}',
                      'mpmath': 'variance_above_2__mpmath',
                      'numpy': 'variance_above_2__numpy',
                      'srepr': "Mul(Integer(-1), Integer(3), Pow(Add(Mul(Integer(2), Pow(Symbol('alpha_r', "
                               'nonnegative=True), Integer(2))), Integer(-24)), Integer(-1)))',
                      'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
