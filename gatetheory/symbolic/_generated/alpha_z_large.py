"""Machine-written by gatetheory.symbolic.codegen from derivations/alpha_z_large.py; do not edit.

Source: derivations/alpha_z_large.py
SymPy version: 1.14.0
Expression hash: 6d65bcd00ff2764f6dc0f34f17c70d283b9dcb88ded5aa2440f6a0384fa7ddff
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/alpha_z_large.py'
SYMPY_VERSION = '1.14.0'
HASH = '6d65bcd00ff2764f6dc0f34f17c70d283b9dcb88ded5aa2440f6a0384fa7ddff'

def alpha_z_large_density_near_zero__numpy(alpha_z, Delta_z, delta):
    return 1/2 + (1/2)*numpy.sqrt(2)*numpy.log(delta)/(numpy.sqrt(scipy.constants.pi)*numpy.sqrt(Delta_z)*alpha_z)

def alpha_z_large_density_near_zero__mpmath(alpha_z, Delta_z, delta):
    return mpmath.mpf(1)/mpmath.mpf(2) + (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(2)*mpmath.log(delta)/(mpmath.sqrt(mpmath.pi)*mpmath.sqrt(Delta_z)*alpha_z)

def alpha_z_large_leading_edge__numpy(alpha_z, Delta_z, B):
    return numpy.exp(-numpy.sqrt(2)*numpy.sqrt(Delta_z)*alpha_z*scipy.special.erfinv((2 - B)/B))

def alpha_z_large_leading_edge__mpmath(alpha_z, Delta_z, B):
    return mpmath.exp(-mpmath.sqrt(2)*mpmath.sqrt(Delta_z)*alpha_z*mpmath.erfinv((2 - B)/B))

ENTRIES = {'alpha-z-large-density-near-zero': {'args': ('alpha_z', 'Delta_z', 'delta'),
                                     'assumptions': ['fraction of Jacobian eigenvalues with |lambda| < '
                                                     'delta, beta_z = 0, large alpha_z (seed Eq. 7, B5-B8), '
                                                     'form c0 + c1/alpha_z with c0 = 1/2',
                                                     '(G3) a closed unit gives an eigenvalue -sigma_z x '
                                                     'O(1): ln(1/delta) is known up to O(1)'],
                                     'latex': '\\frac{1}{2} + \\frac{\\sqrt{2} \\log{\\left(\\delta '
                                              '\\right)}}{2 \\sqrt{\\pi} \\sqrt{\\Delta_{z}} \\alpha_{z}}',
                                     'mpmath': 'alpha_z_large_density_near_zero__mpmath',
                                     'numpy': 'alpha_z_large_density_near_zero__numpy',
                                     'srepr': 'Add(Rational(1, 2), Mul(Rational(1, 2), Pow(Integer(2), '
                                              'Rational(1, 2)), Pow(pi, Rational(-1, 2)), '
                                              "Pow(Symbol('Delta_z', positive=True), Rational(-1, 2)), "
                                              "Pow(Symbol('alpha_z', positive=True), Integer(-1)), "
                                              "log(Symbol('delta', positive=True))))",
                                     'value_kind': None},
 'alpha-z-large-leading-edge': {'args': ('alpha_z', 'Delta_z', 'B'),
                                'assumptions': ["beta_z = 0; B = <phi'^2>(<sigma_r^2> + <phi^2><sigma_r'^2>) "
                                                '(fp-stability at lambda = 0); valid for 1 < B < 2 (seed Eq. '
                                                '7 context, App. B)',
                                                '(G1) alpha_z sqrt(Delta_z) >> 1',
                                                '(G2) lambda_e << 1; corrections O(1/alpha_z) in the '
                                                'exponent'],
                                'latex': 'e^{- \\sqrt{2} \\sqrt{\\Delta_{z}} \\alpha_{z} '
                                         '\\operatorname{erfinv}{\\left(\\frac{2 - B}{B} \\right)}}',
                                'mpmath': 'alpha_z_large_leading_edge__mpmath',
                                'numpy': 'alpha_z_large_leading_edge__numpy',
                                'srepr': 'exp(Mul(Integer(-1), Pow(Integer(2), Rational(1, 2)), '
                                         "Pow(Symbol('Delta_z', positive=True), Rational(1, 2)), "
                                         "Symbol('alpha_z', positive=True), erfinv(Mul(Pow(Symbol('B', "
                                         'positive=True), Integer(-1)), Add(Integer(2), Mul(Integer(-1), '
                                         "Symbol('B', positive=True)))))))",
                                'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
