"""Machine-written by gatetheory.symbolic.codegen from derivations/bias_response.py; do not edit.

Source: derivations/bias_response.py
SymPy version: 1.14.0
Expression hash: a9f50e749cdb0615290b6a28a9613db7184dc4d6797e66c81b4ccb3f9621bed0
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/bias_response.py'
SYMPY_VERSION = '1.14.0'
HASH = 'a9f50e749cdb0615290b6a28a9613db7184dc4d6797e66c81b4ccb3f9621bed0'

def bias_linear_response__numpy(epsilon, beta_h, alpha_r, beta_r):
    x0 = numpy.exp(beta_r)
    x1 = alpha_r**2
    x2 = 2*beta_r
    x3 = -x0*x1 - 4*x0 + 2*x1 - 2*numpy.exp(x2) - 2
    return (-epsilon - numpy.sqrt(-beta_h**2*x3*numpy.exp(-x2) + epsilon**2))*scipy.special.expit(-beta_r)*numpy.exp(3*beta_r)/x3

def bias_linear_response__mpmath(epsilon, beta_h, alpha_r, beta_r):
    x0 = mpmath.exp(beta_r)
    x1 = alpha_r**2
    x2 = 2*beta_r
    x3 = -x0*x1 - 4*x0 + 2*x1 - 2*mpmath.exp(x2) - 2
    return (-epsilon - mpmath.sqrt(-beta_h**2*x3*mpmath.exp(-x2) + epsilon**2))*mpmath.exp(3*beta_r)/(x3*(x0 + 1))

def bias_linear_response_a2__numpy(alpha_r, beta_r):
    x0 = 2*beta_r
    x1 = numpy.exp(beta_r)
    x2 = alpha_r**2
    return (-x1*x2 - 4*x1 + 2*x2 - 2*numpy.exp(x0) - 2)*numpy.exp(-x0)

def bias_linear_response_a2__mpmath(alpha_r, beta_r):
    x0 = 2*beta_r
    x1 = mpmath.exp(beta_r)
    x2 = alpha_r**2
    return (-x1*x2 - 4*x1 + 2*x2 - 2*mpmath.exp(x0) - 2)*mpmath.exp(-x0)

def bias_linear_response_slope__numpy(alpha_r, beta_r):
    x0 = numpy.exp(2*beta_r)
    x1 = numpy.exp(beta_r)
    x2 = alpha_r**2
    return x0*scipy.special.expit(-beta_r)/numpy.sqrt(2*x0 + x1*x2 + 4*x1 - 2*x2 + 2)

def bias_linear_response_slope__mpmath(alpha_r, beta_r):
    x0 = mpmath.exp(2*beta_r)
    x1 = mpmath.exp(beta_r)
    x2 = alpha_r**2
    return x0/((x1 + 1)*mpmath.sqrt(2*x0 + x1*x2 + 4*x1 - 2*x2 + 2))

ENTRIES = {'bias-linear-response': {'args': ('epsilon', 'beta_h', 'alpha_r', 'beta_r'),
                          'assumptions': ['leading-order fixed-point variance Delta_h near g_c = '
                                          '1/sigma(beta_r), eps = g_h - g_c, no inputs (seed Eqs. H2-H3, '
                                          'I17-I23)',
                                          '(E1) Delta_h ~ eps ~ |beta_h| small (ansatz I18 with delta = 1)',
                                          'valid while a2 < 0 (see bias-linear-response-a2); at beta_r = 0: '
                                          'alpha_r < 2*sqrt(2)'],
                          'latex': '\\frac{\\left(- \\epsilon - \\sqrt{- \\beta_{h}^{2} \\left(- '
                                   '\\alpha_{r}^{2} e^{\\beta_{r}} + 2 \\alpha_{r}^{2} - 2 e^{2 \\beta_{r}} '
                                   '- 4 e^{\\beta_{r}} - 2\\right) e^{- 2 \\beta_{r}} + '
                                   '\\epsilon^{2}}\\right) e^{3 \\beta_{r}}}{\\left(e^{\\beta_{r}} + '
                                   '1\\right) \\left(- \\alpha_{r}^{2} e^{\\beta_{r}} + 2 \\alpha_{r}^{2} - '
                                   '2 e^{2 \\beta_{r}} - 4 e^{\\beta_{r}} - 2\\right)}',
                          'mpmath': 'bias_linear_response__mpmath',
                          'numpy': 'bias_linear_response__numpy',
                          'srepr': "Mul(Add(Mul(Integer(-1), Symbol('epsilon', real=True)), Mul(Integer(-1), "
                                   "Pow(Add(Mul(Integer(-1), Pow(Symbol('beta_h', real=True), Integer(2)), "
                                   "Add(Mul(Integer(-1), Pow(Symbol('alpha_r', nonnegative=True), "
                                   "Integer(2)), exp(Symbol('beta_r', real=True))), Mul(Integer(2), "
                                   "Pow(Symbol('alpha_r', nonnegative=True), Integer(2))), Mul(Integer(-1), "
                                   "Integer(2), exp(Mul(Integer(2), Symbol('beta_r', real=True)))), "
                                   "Mul(Integer(-1), Integer(4), exp(Symbol('beta_r', real=True))), "
                                   "Integer(-2)), exp(Mul(Integer(-1), Integer(2), Symbol('beta_r', "
                                   "real=True)))), Pow(Symbol('epsilon', real=True), Integer(2))), "
                                   "Rational(1, 2)))), Pow(Add(exp(Symbol('beta_r', real=True)), "
                                   'Integer(1)), Integer(-1)), Pow(Add(Mul(Integer(-1), '
                                   "Pow(Symbol('alpha_r', nonnegative=True), Integer(2)), "
                                   "exp(Symbol('beta_r', real=True))), Mul(Integer(2), Pow(Symbol('alpha_r', "
                                   'nonnegative=True), Integer(2))), Mul(Integer(-1), Integer(2), '
                                   "exp(Mul(Integer(2), Symbol('beta_r', real=True)))), Mul(Integer(-1), "
                                   "Integer(4), exp(Symbol('beta_r', real=True))), Integer(-2)), "
                                   "Integer(-1)), exp(Mul(Integer(3), Symbol('beta_r', real=True))))",
                          'value_kind': None},
 'bias-linear-response-a2': {'args': ('alpha_r', 'beta_r'),
                             'assumptions': ['coefficient of Delta_h^2 in a2 Delta_h^2 + 2 s0 eps Delta_h + '
                                             's0^2 beta_h^2 = 0'],
                             'latex': '\\left(- \\alpha_{r}^{2} e^{\\beta_{r}} + 2 \\alpha_{r}^{2} - 2 e^{2 '
                                      '\\beta_{r}} - 4 e^{\\beta_{r}} - 2\\right) e^{- 2 \\beta_{r}}',
                             'mpmath': 'bias_linear_response_a2__mpmath',
                             'numpy': 'bias_linear_response_a2__numpy',
                             'srepr': "Mul(Add(Mul(Integer(-1), Pow(Symbol('alpha_r', nonnegative=True), "
                                      "Integer(2)), exp(Symbol('beta_r', real=True))), Mul(Integer(2), "
                                      "Pow(Symbol('alpha_r', nonnegative=True), Integer(2))), "
                                      "Mul(Integer(-1), Integer(2), exp(Mul(Integer(2), Symbol('beta_r', "
                                      "real=True)))), Mul(Integer(-1), Integer(4), exp(Symbol('beta_r', "
                                      'real=True))), Integer(-2)), exp(Mul(Integer(-1), Integer(2), '
                                      "Symbol('beta_r', real=True))))",
                             'value_kind': None},
 'bias-linear-response-slope': {'args': ('alpha_r', 'beta_r'),
                                'assumptions': ['Delta_h/|beta_h| at g_h = g_c to leading order (a2 < 0)'],
                                'latex': '\\frac{e^{2 \\beta_{r}}}{\\left(e^{\\beta_{r}} + 1\\right) '
                                         '\\sqrt{\\alpha_{r}^{2} e^{\\beta_{r}} - 2 \\alpha_{r}^{2} + 2 e^{2 '
                                         '\\beta_{r}} + 4 e^{\\beta_{r}} + 2}}',
                                'mpmath': 'bias_linear_response_slope__mpmath',
                                'numpy': 'bias_linear_response_slope__numpy',
                                'srepr': "Mul(Pow(Add(exp(Symbol('beta_r', real=True)), Integer(1)), "
                                         "Integer(-1)), Pow(Add(Mul(Pow(Symbol('alpha_r', nonnegative=True), "
                                         "Integer(2)), exp(Symbol('beta_r', real=True))), Mul(Integer(-1), "
                                         "Integer(2), Pow(Symbol('alpha_r', nonnegative=True), Integer(2))), "
                                         "Mul(Integer(2), exp(Mul(Integer(2), Symbol('beta_r', "
                                         "real=True)))), Mul(Integer(4), exp(Symbol('beta_r', real=True))), "
                                         'Integer(2)), Rational(-1, 2)), exp(Mul(Integer(2), '
                                         "Symbol('beta_r', real=True))))",
                                'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
