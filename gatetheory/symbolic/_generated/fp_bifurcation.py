"""Machine-written by gatetheory.symbolic.codegen from derivations/fp_bifurcation.py; do not edit.

Source: derivations/fp_bifurcation.py
SymPy version: 1.14.0
Expression hash: 71c0f946d67b2a7bc40447c417ea0ad6f3664884d308a5953636dcc47e60fd6b
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/fp_bifurcation.py'
SYMPY_VERSION = '1.14.0'
HASH = '71c0f946d67b2a7bc40447c417ea0ad6f3664884d308a5953636dcc47e60fd6b'

def fp_bifurcation_lowest_gh__numpy():
    return numpy.sqrt(2)

def fp_bifurcation_lowest_gh__mpmath():
    return mpmath.sqrt(2)

def fp_bifurcation_lowest_gh_scaling__numpy():
    x0 = scipy.constants.pi**(-1/3)
    return ((1/4)*x0, (3/2)*numpy.sqrt(2)*x0, -2/3,)

def fp_bifurcation_lowest_gh_scaling__mpmath():
    x0 = mpmath.pi**(mpmath.mpf(-1)/mpmath.mpf(3))
    return ((mpmath.mpf(1)/mpmath.mpf(4))*x0, (mpmath.mpf(3)/mpmath.mpf(2))*mpmath.sqrt(2)*x0, mpmath.mpf(-2)/mpmath.mpf(3),)

def fp_bifurcation_near_2__numpy():
    return 2*numpy.sqrt(2)

def fp_bifurcation_near_2__mpmath():
    return 2*mpmath.sqrt(2)

def fp_bifurcation_near_2_scaling__numpy():
    return ((1/124)*numpy.sqrt(93), (1/3)*numpy.sqrt(186), 1/2,)

def fp_bifurcation_near_2_scaling__mpmath():
    return ((mpmath.mpf(1)/mpmath.mpf(124))*mpmath.sqrt(93), (mpmath.mpf(1)/mpmath.mpf(3))*mpmath.sqrt(186), mpmath.mpf(1)/mpmath.mpf(2),)

ENTRIES = {'fp-bifurcation-lowest-gh': {'args': (),
                              'assumptions': ['beta_h = beta_r = 0, no inputs; lowest g_h of the fixed-point '
                                              'bifurcation, reached as alpha_r -> infinity (seed App. I2, '
                                              'Eq. I27)',
                                              '(C2) sigma_r a step up to O(1/(alpha_r sqrt(Delta_r))): '
                                              '<sigma_r^2> = 1/2 - 1/(sqrt(2 pi) alpha_r sqrt(Delta_r))'],
                              'latex': '\\sqrt{2}',
                              'mpmath': 'fp_bifurcation_lowest_gh__mpmath',
                              'numpy': 'fp_bifurcation_lowest_gh__numpy',
                              'srepr': 'Pow(Integer(2), Rational(1, 2))',
                              'value_kind': None},
 'fp-bifurcation-lowest-gh-scaling': {'args': (),
                                      'assumptions': ['(d_1, e_1, exponent): at the bifurcation for large '
                                                      'alpha_r, Delta_h = d_1 alpha_r^(-2/3), g_h^FP = '
                                                      'sqrt(2) + e_1 alpha_r^(-2/3) (seed Eqs. G2, I28)'],
                                      'latex': '\\left( \\frac{1}{4 \\sqrt[3]{\\pi}}, \\  \\frac{3 '
                                               '\\sqrt{2}}{2 \\sqrt[3]{\\pi}}, \\  - \\frac{2}{3}\\right)',
                                      'mpmath': 'fp_bifurcation_lowest_gh_scaling__mpmath',
                                      'numpy': 'fp_bifurcation_lowest_gh_scaling__numpy',
                                      'srepr': 'Tuple(Mul(Rational(1, 4), Pow(pi, Rational(-1, 3))), '
                                               'Mul(Rational(3, 2), Pow(Integer(2), Rational(1, 2)), Pow(pi, '
                                               'Rational(-1, 3))), Rational(-2, 3))',
                                      'value_kind': None},
 'fp-bifurcation-near-2': {'args': (),
                           'assumptions': ['beta_h = beta_r = 0, no inputs, alpha_z irrelevant (fixed '
                                           'points)',
                                           'limit of alpha_r^FP(g_h) as g_h -> 2- (seed App. I2, Eq. I26)',
                                           '(C1) Delta_h small near the end point: G expanded to '
                                           'O(Delta_h^2)'],
                           'latex': '2 \\sqrt{2}',
                           'mpmath': 'fp_bifurcation_near_2__mpmath',
                           'numpy': 'fp_bifurcation_near_2__numpy',
                           'srepr': 'Mul(Integer(2), Pow(Integer(2), Rational(1, 2)))',
                           'value_kind': None},
 'fp-bifurcation-near-2-scaling': {'args': (),
                                   'assumptions': ['(xi_0, xi_1, exponent): at g_h = 2 - eps, Delta_h = xi_0 '
                                                   'eps^(1/2) and alpha_r^FP - 2 sqrt(2) = xi_1 eps^(1/2) at '
                                                   'leading order (seed Eq. G1)'],
                                   'latex': '\\left( \\frac{\\sqrt{93}}{124}, \\  \\frac{\\sqrt{186}}{3}, '
                                            '\\  \\frac{1}{2}\\right)',
                                   'mpmath': 'fp_bifurcation_near_2_scaling__mpmath',
                                   'numpy': 'fp_bifurcation_near_2_scaling__numpy',
                                   'srepr': 'Tuple(Mul(Rational(1, 124), Pow(Integer(93), Rational(1, 2))), '
                                            'Mul(Rational(1, 3), Pow(Integer(186), Rational(1, 2))), '
                                            'Rational(1, 2))',
                                   'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
