"""Machine-written by gatetheory.symbolic.codegen from derivations/bias_response.py; do not edit.

Source: derivations/bias_response.py
SymPy version: 1.14.0
Expression hash: 90477f39f043e5c355e7290b7fafc399352389ec20ee0d1cda2a61da2c2e6688
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/bias_response.py'
SYMPY_VERSION = '1.14.0'
HASH = '90477f39f043e5c355e7290b7fafc399352389ec20ee0d1cda2a61da2c2e6688'

def bias_linear_response__numpy(epsilon, beta_h, alpha_r, beta_r):
    x0 = scipy.special.expit(beta_r)
    x1 = alpha_r**2*x0*(3*x0 - 5) + (alpha_r + 1)*(2*alpha_r - 2)
    return -x0**3*(epsilon + numpy.sqrt(-beta_h**2*x1*(1 + numpy.exp(-beta_r))**2 + epsilon**2))/x1

def bias_linear_response__mpmath(epsilon, beta_h, alpha_r, beta_r):
    x0 = 1 + mpmath.exp(-beta_r)
    x1 = 1/x0
    x2 = alpha_r**2*x1*(3*x1 - 5) + (alpha_r + 1)*(2*alpha_r - 2)
    return -(epsilon + mpmath.sqrt(-beta_h**2*x0**2*x2 + epsilon**2))/(x0**3*x2)

def bias_linear_response_a2__numpy(alpha_r, beta_r):
    x0 = scipy.special.expit(beta_r)
    return (1 + numpy.exp(-beta_r))**2*(alpha_r**2*x0*(3*x0 - 5) + (alpha_r + 1)*(2*alpha_r - 2))

def bias_linear_response_a2__mpmath(alpha_r, beta_r):
    x0 = 1 + mpmath.exp(-beta_r)
    x1 = 1/x0
    return x0**2*(alpha_r**2*x1*(3*x1 - 5) + (alpha_r + 1)*(2*alpha_r - 2))

def bias_linear_response_slope__numpy(alpha_r, beta_r):
    x0 = scipy.special.expit(beta_r)
    return x0**2/numpy.sqrt(-alpha_r**2*x0*(3*x0 - 5) - (alpha_r + 1)*(2*alpha_r - 2))

def bias_linear_response_slope__mpmath(alpha_r, beta_r):
    x0 = 1 + mpmath.exp(-beta_r)
    x1 = 1/x0
    return 1/(x0**2*mpmath.sqrt(-alpha_r**2*x1*(3*x1 - 5) - (alpha_r + 1)*(2*alpha_r - 2)))

ENTRIES = {'bias-linear-response': {'args': ('epsilon', 'beta_h', 'alpha_r', 'beta_r'),
                          'assumptions': ['leading-order fixed-point variance Delta_h near g_c = '
                                          '1/sigma(beta_r), eps = g_h - g_c, no inputs (seed Eqs. H2-H3, '
                                          'I17-I23)',
                                          '(E1) Delta_h ~ eps ~ |beta_h| small (ansatz I18 with delta = 1)',
                                          'valid while a2 < 0 (see bias-linear-response-a2); at beta_r = 0: '
                                          'alpha_r < 2*sqrt(2)'],
                          'latex': '- \\frac{\\epsilon + \\sqrt{- \\beta_{h}^{2} \\left(1 + e^{- '
                                   '\\beta_{r}}\\right)^{2} \\left(\\frac{\\alpha_{r}^{2} \\left(-5 + '
                                   '\\frac{3}{1 + e^{- \\beta_{r}}}\\right)}{1 + e^{- \\beta_{r}}} + '
                                   '\\left(\\alpha_{r} + 1\\right) \\left(2 \\alpha_{r} - 2\\right)\\right) '
                                   '+ \\epsilon^{2}}}{\\left(1 + e^{- \\beta_{r}}\\right)^{3} '
                                   '\\left(\\frac{\\alpha_{r}^{2} \\left(-5 + \\frac{3}{1 + e^{- '
                                   '\\beta_{r}}}\\right)}{1 + e^{- \\beta_{r}}} + \\left(\\alpha_{r} + '
                                   '1\\right) \\left(2 \\alpha_{r} - 2\\right)\\right)}',
                          'mpmath': 'bias_linear_response__mpmath',
                          'numpy': 'bias_linear_response__numpy',
                          'srepr': 'Mul(Integer(-1), Pow(Add(Integer(1), exp(Mul(Integer(-1), '
                                   "Symbol('beta_r', real=True)))), Integer(-3)), Add(Symbol('epsilon', "
                                   "real=True), Pow(Add(Mul(Integer(-1), Pow(Symbol('beta_h', real=True), "
                                   "Integer(2)), Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', "
                                   "real=True)))), Integer(2)), Add(Mul(Pow(Symbol('alpha_r', "
                                   'nonnegative=True), Integer(2)), Add(Integer(-5), Mul(Integer(3), '
                                   "Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', real=True)))), "
                                   'Integer(-1)))), Pow(Add(Integer(1), exp(Mul(Integer(-1), '
                                   "Symbol('beta_r', real=True)))), Integer(-1))), Mul(Add(Symbol('alpha_r', "
                                   "nonnegative=True), Integer(1)), Add(Mul(Integer(2), Symbol('alpha_r', "
                                   "nonnegative=True)), Integer(-2))))), Pow(Symbol('epsilon', real=True), "
                                   "Integer(2))), Rational(1, 2))), Pow(Add(Mul(Pow(Symbol('alpha_r', "
                                   'nonnegative=True), Integer(2)), Add(Integer(-5), Mul(Integer(3), '
                                   "Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', real=True)))), "
                                   'Integer(-1)))), Pow(Add(Integer(1), exp(Mul(Integer(-1), '
                                   "Symbol('beta_r', real=True)))), Integer(-1))), Mul(Add(Symbol('alpha_r', "
                                   "nonnegative=True), Integer(1)), Add(Mul(Integer(2), Symbol('alpha_r', "
                                   'nonnegative=True)), Integer(-2)))), Integer(-1)))',
                          'value_kind': None},
 'bias-linear-response-a2': {'args': ('alpha_r', 'beta_r'),
                             'assumptions': ['coefficient of Delta_h^2 in a2 Delta_h^2 + 2 s0 eps Delta_h + '
                                             's0^2 beta_h^2 = 0'],
                             'latex': '\\left(1 + e^{- \\beta_{r}}\\right)^{2} \\left(\\frac{\\alpha_{r}^{2} '
                                      '\\left(-5 + \\frac{3}{1 + e^{- \\beta_{r}}}\\right)}{1 + e^{- '
                                      '\\beta_{r}}} + \\left(\\alpha_{r} + 1\\right) \\left(2 \\alpha_{r} - '
                                      '2\\right)\\right)',
                             'mpmath': 'bias_linear_response_a2__mpmath',
                             'numpy': 'bias_linear_response_a2__numpy',
                             'srepr': "Mul(Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', "
                                      "real=True)))), Integer(2)), Add(Mul(Pow(Symbol('alpha_r', "
                                      'nonnegative=True), Integer(2)), Add(Integer(-5), Mul(Integer(3), '
                                      "Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', "
                                      'real=True)))), Integer(-1)))), Pow(Add(Integer(1), '
                                      "exp(Mul(Integer(-1), Symbol('beta_r', real=True)))), Integer(-1))), "
                                      "Mul(Add(Symbol('alpha_r', nonnegative=True), Integer(1)), "
                                      "Add(Mul(Integer(2), Symbol('alpha_r', nonnegative=True)), "
                                      'Integer(-2)))))',
                             'value_kind': None},
 'bias-linear-response-slope': {'args': ('alpha_r', 'beta_r'),
                                'assumptions': ['Delta_h/|beta_h| at g_h = g_c to leading order (a2 < 0)'],
                                'latex': '\\frac{1}{\\left(1 + e^{- \\beta_{r}}\\right)^{2} \\sqrt{- '
                                         '\\frac{\\alpha_{r}^{2} \\left(-5 + \\frac{3}{1 + e^{- '
                                         '\\beta_{r}}}\\right)}{1 + e^{- \\beta_{r}}} - \\left(\\alpha_{r} + '
                                         '1\\right) \\left(2 \\alpha_{r} - 2\\right)}}',
                                'mpmath': 'bias_linear_response_slope__mpmath',
                                'numpy': 'bias_linear_response_slope__numpy',
                                'srepr': "Mul(Pow(Add(Integer(1), exp(Mul(Integer(-1), Symbol('beta_r', "
                                         'real=True)))), Integer(-2)), Pow(Add(Mul(Integer(-1), '
                                         "Pow(Symbol('alpha_r', nonnegative=True), Integer(2)), "
                                         'Add(Integer(-5), Mul(Integer(3), Pow(Add(Integer(1), '
                                         "exp(Mul(Integer(-1), Symbol('beta_r', real=True)))), "
                                         'Integer(-1)))), Pow(Add(Integer(1), exp(Mul(Integer(-1), '
                                         "Symbol('beta_r', real=True)))), Integer(-1))), Mul(Integer(-1), "
                                         "Add(Symbol('alpha_r', nonnegative=True), Integer(1)), "
                                         "Add(Mul(Integer(2), Symbol('alpha_r', nonnegative=True)), "
                                         'Integer(-2)))), Rational(-1, 2)))',
                                'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
