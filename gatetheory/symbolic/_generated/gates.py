"""Machine-written by gatetheory.symbolic.codegen from derivations/gates.py; do not edit.

Source: derivations/gates.py
SymPy version: 1.14.0
Expression hash: 3746d98ea93d9d2c45cf304513c441b696a65f2719f0f84ea77a5cfd1bb0f769
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/gates.py'
SYMPY_VERSION = '1.14.0'
HASH = '3746d98ea93d9d2c45cf304513c441b696a65f2719f0f84ea77a5cfd1bb0f769'

def dphi__numpy(x, g_h, beta_h):
    return g_h*(1 - numpy.tanh(beta_h + g_h*x)**2)

def dphi__mpmath(x, g_h, beta_h):
    return g_h*(1 - mpmath.tanh(beta_h + g_h*x)**2)

def dsigma__numpy(x, alpha, beta):
    x0 = alpha*x + beta
    return alpha*scipy.special.expit(-x0)*scipy.special.expit(x0)

def dsigma__mpmath(x, alpha, beta):
    x0 = alpha*x + beta
    return alpha/((1 + mpmath.exp(-x0))*(mpmath.exp(x0) + 1))

def phi__numpy(x, g_h, beta_h):
    return numpy.tanh(beta_h + g_h*x)

def phi__mpmath(x, g_h, beta_h):
    return mpmath.tanh(beta_h + g_h*x)

def sigma__numpy(x, alpha, beta):
    return scipy.special.expit(alpha*x + beta)

def sigma__mpmath(x, alpha, beta):
    return 1/(mpmath.exp(-alpha*x - beta) + 1)

ENTRIES = {'dphi': {'args': ('x', 'g_h', 'beta_h'),
          'assumptions': ['derivative of phi with respect to x'],
          'latex': 'g_{h} \\left(1 - \\tanh^{2}{\\left(\\beta_{h} + g_{h} x \\right)}\\right)',
          'mpmath': 'dphi__mpmath',
          'numpy': 'dphi__numpy',
          'srepr': "Mul(Symbol('g_h', positive=True), Add(Integer(1), Mul(Integer(-1), "
                   "Pow(tanh(Add(Symbol('beta_h', real=True), Mul(Symbol('g_h', positive=True), Symbol('x', "
                   'real=True)))), Integer(2)))))',
          'value_kind': None},
 'dsigma': {'args': ('x', 'alpha', 'beta'),
            'assumptions': ['derivative of sigma with respect to x'],
            'latex': '\\frac{\\alpha}{\\left(e^{- \\alpha x - \\beta} + 1\\right) \\left(e^{\\alpha x + '
                     '\\beta} + 1\\right)}',
            'mpmath': 'dsigma__mpmath',
            'numpy': 'dsigma__numpy',
            'srepr': "Mul(Symbol('alpha', nonnegative=True), Pow(Add(exp(Add(Mul(Integer(-1), "
                     "Symbol('alpha', nonnegative=True), Symbol('x', real=True)), Mul(Integer(-1), "
                     "Symbol('beta', real=True)))), Integer(1)), Integer(-1)), "
                     "Pow(Add(exp(Add(Mul(Symbol('alpha', nonnegative=True), Symbol('x', real=True)), "
                     "Symbol('beta', real=True))), Integer(1)), Integer(-1)))",
            'value_kind': None},
 'phi': {'args': ('x', 'g_h', 'beta_h'),
         'assumptions': ['phi(x) = tanh(g_h x + beta_h) (seed Eq. 2)'],
         'latex': '\\tanh{\\left(\\beta_{h} + g_{h} x \\right)}',
         'mpmath': 'phi__mpmath',
         'numpy': 'phi__numpy',
         'srepr': "tanh(Add(Symbol('beta_h', real=True), Mul(Symbol('g_h', positive=True), Symbol('x', "
                  'real=True))))',
         'value_kind': None},
 'sigma': {'args': ('x', 'alpha', 'beta'),
           'assumptions': ['gate sigma(x) = 1/(1+exp(-(alpha x + beta))): positive beta opens the gate '
                           '(docs/conventions.md sec. 1; the seed prints exp(-alpha x + beta))',
                           'use (alpha_z, beta_z) for sigma_z and (alpha_r, beta_r) for sigma_r'],
           'latex': '\\frac{1}{e^{- \\alpha x - \\beta} + 1}',
           'mpmath': 'sigma__mpmath',
           'numpy': 'sigma__numpy',
           'srepr': "Pow(Add(exp(Add(Mul(Integer(-1), Symbol('alpha', nonnegative=True), Symbol('x', "
                    "real=True)), Mul(Integer(-1), Symbol('beta', real=True)))), Integer(1)), Integer(-1))",
           'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
