"""Machine-written by gatetheory.symbolic.codegen from derivations/static_mft.py; do not edit.

Source: derivations/static_mft.py
SymPy version: 1.14.0
Expression hash: d4d4b3fe896542b94d76cbf3165734899e73a86c0ddc52d6c04d637b77f2c681
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/static_mft.py'
SYMPY_VERSION = '1.14.0'
HASH = 'd4d4b3fe896542b94d76cbf3165734899e73a86c0ddc52d6c04d637b77f2c681'

def fp_residual__numpy(Delta_h, Delta_r, g_h, beta_h, alpha_r, beta_r, s_h2, s_r2):
    return (Delta_h - s_h2 - scipy.integrate.quad(lambda t_: (1/2)*numpy.sqrt(2)*numpy.exp(-1/2*t_**2)*numpy.tanh(numpy.sqrt(Delta_h)*g_h*t_ + beta_h)**2/numpy.sqrt(scipy.constants.pi), -numpy.inf, numpy.inf)[0]*scipy.integrate.quad(lambda t_: (1/2)*numpy.sqrt(2)*numpy.exp(-1/2*t_**2)*scipy.special.expit(numpy.sqrt(Delta_r)*alpha_r*t_ + beta_r)**2/numpy.sqrt(scipy.constants.pi), -numpy.inf, numpy.inf)[0], Delta_r - s_r2 - scipy.integrate.quad(lambda t_: (1/2)*numpy.sqrt(2)*numpy.exp(-1/2*t_**2)*numpy.tanh(numpy.sqrt(Delta_h)*g_h*t_ + beta_h)**2/numpy.sqrt(scipy.constants.pi), -numpy.inf, numpy.inf)[0],)

def fp_residual__mpmath(Delta_h, Delta_r, g_h, beta_h, alpha_r, beta_r, s_h2, s_r2):
    return (Delta_h - s_h2 - mpmath.quad(lambda t_: (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(2)*mpmath.exp(-mpmath.mpf(1)/mpmath.mpf(2)*t_**2)/(mpmath.sqrt(mpmath.pi)*(mpmath.exp(-mpmath.sqrt(Delta_r)*alpha_r*t_ - beta_r) + 1)**2), (mpmath.ninf, mpmath.inf))*mpmath.quad(lambda t_: (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(2)*mpmath.exp(-mpmath.mpf(1)/mpmath.mpf(2)*t_**2)*mpmath.tanh(mpmath.sqrt(Delta_h)*g_h*t_ + beta_h)**2/mpmath.sqrt(mpmath.pi), (mpmath.ninf, mpmath.inf)), Delta_r - s_r2 - mpmath.quad(lambda t_: (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(2)*mpmath.exp(-mpmath.mpf(1)/mpmath.mpf(2)*t_**2)*mpmath.tanh(mpmath.sqrt(Delta_h)*g_h*t_ + beta_h)**2/mpmath.sqrt(mpmath.pi), (mpmath.ninf, mpmath.inf)),)

def fp_variance__numpy(avg_phi2, avg_sigma_r2, s_h2, s_z2, s_r2):
    return (avg_phi2*avg_sigma_r2 + s_h2, avg_phi2 + s_z2, avg_phi2 + s_r2,)

def fp_variance__mpmath(avg_phi2, avg_sigma_r2, s_h2, s_z2, s_r2):
    return (avg_phi2*avg_sigma_r2 + s_h2, avg_phi2 + s_z2, avg_phi2 + s_r2,)

def fp_variance_integrands__numpy(x, Delta_h, Delta_r, g_h, beta_h, alpha_r, beta_r):
    return (numpy.tanh(numpy.sqrt(Delta_h)*g_h*x + beta_h)**2, scipy.special.expit(numpy.sqrt(Delta_r)*alpha_r*x + beta_r)**2,)

def fp_variance_integrands__mpmath(x, Delta_h, Delta_r, g_h, beta_h, alpha_r, beta_r):
    return (mpmath.tanh(mpmath.sqrt(Delta_h)*g_h*x + beta_h)**2, (mpmath.exp(-mpmath.sqrt(Delta_r)*alpha_r*x - beta_r) + 1)**(-2),)

ENTRIES = {'fp-residual': {'args': ('Delta_h', 'Delta_r', 'g_h', 'beta_h', 'alpha_r', 'beta_r', 's_h2', 's_r2'),
                 'assumptions': ['returns (Delta_h - <phi^2>_{Delta_h} <sigma_r^2>_{Delta_r} - s_h2, Delta_r '
                                 '- <phi^2>_{Delta_h} - s_r2) with the Gaussian integrals unevaluated '
                                 '(mpmath only); both zero at a mean-field fixed point',
                                 '(A1)-(A4) as for fp-variance'],
                 'latex': '\\left( \\Delta_{h} - s_{h2} - \\left(\\int\\limits_{-\\infty}^{\\infty} '
                          '\\frac{\\sqrt{2} e^{- \\frac{t_{}^{2}}{2}}}{2 \\sqrt{\\pi} \\left(e^{- '
                          '\\sqrt{\\Delta_{r}} \\alpha_{r} t_{} - \\beta_{r}} + 1\\right)^{2}}\\, '
                          'dt_{}\\right) \\int\\limits_{-\\infty}^{\\infty} \\frac{\\sqrt{2} e^{- '
                          '\\frac{t_{}^{2}}{2}} \\tanh^{2}{\\left(\\sqrt{\\Delta_{h}} g_{h} t_{} + '
                          '\\beta_{h} \\right)}}{2 \\sqrt{\\pi}}\\, dt_{}, \\  \\Delta_{r} - s_{r2} - '
                          '\\int\\limits_{-\\infty}^{\\infty} \\frac{\\sqrt{2} e^{- \\frac{t_{}^{2}}{2}} '
                          '\\tanh^{2}{\\left(\\sqrt{\\Delta_{h}} g_{h} t_{} + \\beta_{h} \\right)}}{2 '
                          '\\sqrt{\\pi}}\\, dt_{}\\right)',
                 'mpmath': 'fp_residual__mpmath',
                 'numpy': 'fp_residual__numpy',
                 'srepr': "Tuple(Add(Symbol('Delta_h', nonnegative=True), Mul(Integer(-1), Symbol('s_h2', "
                          'nonnegative=True)), Mul(Integer(-1), Integral(Mul(Rational(1, 2), Pow(Integer(2), '
                          'Rational(1, 2)), Pow(pi, Rational(-1, 2)), Pow(Add(exp(Add(Mul(Integer(-1), '
                          "Pow(Symbol('Delta_r', nonnegative=True), Rational(1, 2)), Symbol('alpha_r', "
                          "nonnegative=True), Symbol('t_', real=True)), Mul(Integer(-1), Symbol('beta_r', "
                          'real=True)))), Integer(1)), Integer(-2)), exp(Mul(Integer(-1), Rational(1, 2), '
                          "Pow(Symbol('t_', real=True), Integer(2))))), Tuple(Symbol('t_', real=True), -oo, "
                          'oo)), Integral(Mul(Rational(1, 2), Pow(Integer(2), Rational(1, 2)), Pow(pi, '
                          "Rational(-1, 2)), exp(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('t_', "
                          "real=True), Integer(2)))), Pow(tanh(Add(Mul(Pow(Symbol('Delta_h', "
                          "nonnegative=True), Rational(1, 2)), Symbol('g_h', positive=True), Symbol('t_', "
                          "real=True)), Symbol('beta_h', real=True))), Integer(2))), Tuple(Symbol('t_', "
                          "real=True), -oo, oo)))), Add(Symbol('Delta_r', nonnegative=True), "
                          "Mul(Integer(-1), Symbol('s_r2', nonnegative=True)), Mul(Integer(-1), "
                          'Integral(Mul(Rational(1, 2), Pow(Integer(2), Rational(1, 2)), Pow(pi, '
                          "Rational(-1, 2)), exp(Mul(Integer(-1), Rational(1, 2), Pow(Symbol('t_', "
                          "real=True), Integer(2)))), Pow(tanh(Add(Mul(Pow(Symbol('Delta_h', "
                          "nonnegative=True), Rational(1, 2)), Symbol('g_h', positive=True), Symbol('t_', "
                          "real=True)), Symbol('beta_h', real=True))), Integer(2))), Tuple(Symbol('t_', "
                          'real=True), -oo, oo)))))',
                 'value_kind': None},
 'fp-variance': {'args': ('avg_phi2', 'avg_sigma_r2', 's_h2', 's_z2', 's_r2'),
                 'assumptions': ['returns (Delta_h, Delta_z, Delta_r)',
                                 'avg_phi2 = <tanh(g_h sqrt(Delta_h) x + beta_h)^2>, avg_sigma_r2 = '
                                 '<sigma_r(sqrt(Delta_r) x)^2>, x ~ N(0,1); integrands in '
                                 "'fp-variance-integrands'",
                                 '(A1) sigma_z > 0, so alpha_z, beta_z do not enter',
                                 '(A2) mean field: local fields Gaussian, zero mean, variance <y^2>',
                                 '(A3) static inputs iid zero-mean Gaussian with variances s_h2, s_z2, s_r2',
                                 '(A4) h and r independent at a fixed point'],
                 'latex': '\\left( avg_{phi2} avg_{\\sigma r2} + s_{h2}, \\  avg_{phi2} + s_{z2}, \\  '
                          'avg_{phi2} + s_{r2}\\right)',
                 'mpmath': 'fp_variance__mpmath',
                 'numpy': 'fp_variance__numpy',
                 'srepr': "Tuple(Add(Mul(Symbol('avg_phi2', nonnegative=True), Symbol('avg_sigma_r2', "
                          "nonnegative=True)), Symbol('s_h2', nonnegative=True)), Add(Symbol('avg_phi2', "
                          "nonnegative=True), Symbol('s_z2', nonnegative=True)), Add(Symbol('avg_phi2', "
                          "nonnegative=True), Symbol('s_r2', nonnegative=True)))",
                 'value_kind': None},
 'fp-variance-integrands': {'args': ('x', 'Delta_h', 'Delta_r', 'g_h', 'beta_h', 'alpha_r', 'beta_r'),
                            'assumptions': ['returns (phi(sqrt(Delta_h) x)^2, sigma_r(sqrt(Delta_r) x)^2); '
                                            'average each against the standard normal weight '
                                            'exp(-x^2/2)/sqrt(2 pi) to get avg_phi2, avg_sigma_r2'],
                            'latex': '\\left( \\tanh^{2}{\\left(\\sqrt{\\Delta_{h}} g_{h} x + \\beta_{h} '
                                     '\\right)}, \\  \\frac{1}{\\left(e^{- \\sqrt{\\Delta_{r}} \\alpha_{r} x '
                                     '- \\beta_{r}} + 1\\right)^{2}}\\right)',
                            'mpmath': 'fp_variance_integrands__mpmath',
                            'numpy': 'fp_variance_integrands__numpy',
                            'srepr': "Tuple(Pow(tanh(Add(Mul(Pow(Symbol('Delta_h', nonnegative=True), "
                                     "Rational(1, 2)), Symbol('g_h', positive=True), Symbol('x', "
                                     "real=True)), Symbol('beta_h', real=True))), Integer(2)), "
                                     "Pow(Add(exp(Add(Mul(Integer(-1), Pow(Symbol('Delta_r', "
                                     "nonnegative=True), Rational(1, 2)), Symbol('alpha_r', "
                                     "nonnegative=True), Symbol('x', real=True)), Mul(Integer(-1), "
                                     "Symbol('beta_r', real=True)))), Integer(1)), Integer(-2)))",
                            'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
