"""Machine-written by gatetheory.symbolic.codegen from derivations/spectral_curve.py; do not edit.

Source: derivations/spectral_curve.py
SymPy version: 1.14.0
Expression hash: 04e53d6ec94a4cbf376eaf7dc43d00a636491b364e56ad72a517f67d2261696e
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/spectral_curve.py'
SYMPY_VERSION = '1.14.0'
HASH = '04e53d6ec94a4cbf376eaf7dc43d00a636491b364e56ad72a517f67d2261696e'

def alpha_z_inf_disk_radius__numpy(avg_sigma_z, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2):
    return numpy.sqrt(avg_dphi2)*numpy.sqrt(avg_sigma_z)*numpy.sqrt(avg_dsigma_r2*avg_phi2 + avg_sigma_r2)

def alpha_z_inf_disk_radius__mpmath(avg_sigma_z, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2):
    return mpmath.sqrt(avg_dphi2)*mpmath.sqrt(avg_sigma_z)*mpmath.sqrt(avg_dsigma_r2*avg_phi2 + avg_sigma_r2)

def alpha_z_inf_spectral_curve__numpy(lambda_re, lambda_im, avg_sigma_z, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2, tau_r):
    x0 = lambda_im**2
    return avg_dphi2*avg_sigma_z*(avg_dsigma_r2*avg_phi2/(tau_r**2*x0 + (lambda_re*tau_r + 1)**2) + avg_sigma_r2)/(x0 + (lambda_re + 1)**2) - 1

def alpha_z_inf_spectral_curve__mpmath(lambda_re, lambda_im, avg_sigma_z, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2, tau_r):
    x0 = lambda_im**2
    return avg_dphi2*avg_sigma_z*(avg_dsigma_r2*avg_phi2/(tau_r**2*x0 + (lambda_re*tau_r + 1)**2) + avg_sigma_r2)/(x0 + (lambda_re + 1)**2) - 1

def alpha_z_inf_zero_mode_fraction__numpy(avg_sigma_z):
    return 1 - avg_sigma_z

def alpha_z_inf_zero_mode_fraction__mpmath(avg_sigma_z):
    return 1 - avg_sigma_z

def fp_stability__numpy(avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2):
    return avg_dphi2*(avg_dsigma_r2*avg_phi2 + avg_sigma_r2)

def fp_stability__mpmath(avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2):
    return avg_dphi2*(avg_dsigma_r2*avg_phi2 + avg_sigma_r2)

def spectral_curve__numpy(lambda_re, lambda_im, avg_A, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2, tau_r):
    return avg_A*avg_dphi2*(avg_dsigma_r2*avg_phi2/(lambda_im**2*tau_r**2 + (lambda_re*tau_r + 1)**2) + avg_sigma_r2) - 1

def spectral_curve__mpmath(lambda_re, lambda_im, avg_A, avg_dphi2, avg_sigma_r2, avg_phi2, avg_dsigma_r2, tau_r):
    return avg_A*avg_dphi2*(avg_dsigma_r2*avg_phi2/(lambda_im**2*tau_r**2 + (lambda_re*tau_r + 1)**2) + avg_sigma_r2) - 1

def spectral_curve_integrands__numpy(x, lambda_re, lambda_im, Delta_h, Delta_z, Delta_r, g_h, beta_h, alpha_z, beta_z, alpha_r, beta_r):
    # numpy.select evaluates discarded branches too; their 0/0 is not in the result
    with numpy.errstate(divide="ignore", invalid="ignore"):
        x0 = scipy.special.expit(numpy.sqrt(Delta_z)*alpha_z*x + beta_z)
        x1 = numpy.tanh(numpy.sqrt(Delta_h)*g_h*x + beta_h)**2
        x2 = numpy.sqrt(Delta_r)*alpha_r*x + beta_r
        x3 = scipy.special.expit(x2)**2
        return (numpy.select([numpy.logical_and.reduce((numpy.equal(lambda_im, 0),numpy.equal(lambda_re, 0))),True], [1,x0**2/(lambda_im**2 + (lambda_re + x0)**2)], default=numpy.nan), g_h**2*(1 - x1)**2, x3, x1, alpha_r**2*x3*scipy.special.expit(-x2)**2,)

def spectral_curve_integrands__mpmath(x, lambda_re, lambda_im, Delta_h, Delta_z, Delta_r, g_h, beta_h, alpha_z, beta_z, alpha_r, beta_r):
    x0 = mpmath.exp(-mpmath.sqrt(Delta_z)*alpha_z*x - beta_z) + 1
    x1 = mpmath.tanh(mpmath.sqrt(Delta_h)*g_h*x + beta_h)**2
    x2 = mpmath.sqrt(Delta_r)*alpha_r*x + beta_r
    x3 = (1 + mpmath.exp(-x2))**(-2)
    return (((1) if (lambda_im == 0) and (lambda_re == 0) else (1/(x0**2*(lambda_im**2 + (lambda_re + 1/x0)**2)))), g_h**2*(1 - x1)**2, x3, x1, alpha_r**2*x3/(mpmath.exp(x2) + 1)**2,)

def zero_fp_stability__numpy(g_h, beta_r):
    return g_h*scipy.special.expit(beta_r)

def zero_fp_stability__mpmath(g_h, beta_r):
    return g_h/(1 + mpmath.exp(-beta_r))

ENTRIES = {'alpha-z-inf-disk-radius': {'args': ('avg_sigma_z',
                                      'avg_dphi2',
                                      'avg_sigma_r2',
                                      'avg_phi2',
                                      'avg_dsigma_r2'),
                             'assumptions': ['alpha_z -> infinity, radius of the disk about -1 holding the '
                                             'nonzero eigenvalues; exact disk when tau_r -> 0 or alpha_r = 0 '
                                             '(seed Eq. 8)',
                                             'marginally stable while < 1, i.e. fp-stability < 1/<sigma_z>',
                                             '(B1) local chaos hypothesis: state independent of Jh, Jr',
                                             '(B2) outer radius of A Jh W = sqrt(tr AA*/N tr WW*/N) (Ginibre '
                                             'Jh; self-consistent Born, App. A)',
                                             '(B3) h, z, r independent zero-mean Gaussians at a fixed point '
                                             '(variances from fp-variance)',
                                             "avg_dphi2 = <phi'^2>_{Delta_h}, avg_sigma_r2 = "
                                             '<sigma_r^2>_{Delta_r}, avg_phi2 = <phi^2>_{Delta_h}, '
                                             "avg_dsigma_r2 = <sigma_r'^2>_{Delta_r}; integrands in "
                                             "'spectral-curve-integrands'"],
                             'latex': '\\sqrt{avg_{dphi2}} \\sqrt{avg_{\\sigma z}} \\sqrt{avg_{dsigma r2} '
                                      'avg_{phi2} + avg_{\\sigma r2}}',
                             'mpmath': 'alpha_z_inf_disk_radius__mpmath',
                             'numpy': 'alpha_z_inf_disk_radius__numpy',
                             'srepr': "Mul(Pow(Symbol('avg_dphi2', nonnegative=True), Rational(1, 2)), "
                                      "Pow(Symbol('avg_sigma_z', positive=True), Rational(1, 2)), "
                                      "Pow(Add(Mul(Symbol('avg_dsigma_r2', nonnegative=True), "
                                      "Symbol('avg_phi2', nonnegative=True)), Symbol('avg_sigma_r2', "
                                      'nonnegative=True)), Rational(1, 2)))',
                             'value_kind': None},
 'alpha-z-inf-spectral-curve': {'args': ('lambda_re',
                                         'lambda_im',
                                         'avg_sigma_z',
                                         'avg_dphi2',
                                         'avg_sigma_r2',
                                         'avg_phi2',
                                         'avg_dsigma_r2',
                                         'tau_r'),
                                'assumptions': ['alpha_z -> infinity; zero on the boundary of the nonzero '
                                                'eigenvalues',
                                                '(B1) local chaos hypothesis: state independent of Jh, Jr',
                                                '(B2) outer radius of A Jh W = sqrt(tr AA*/N tr WW*/N) '
                                                '(Ginibre Jh; self-consistent Born, App. A)',
                                                '(B3) h, z, r independent zero-mean Gaussians at a fixed '
                                                'point (variances from fp-variance)',
                                                "avg_dphi2 = <phi'^2>_{Delta_h}, avg_sigma_r2 = "
                                                '<sigma_r^2>_{Delta_r}, avg_phi2 = <phi^2>_{Delta_h}, '
                                                "avg_dsigma_r2 = <sigma_r'^2>_{Delta_r}; integrands in "
                                                "'spectral-curve-integrands'"],
                                'latex': '\\frac{avg_{dphi2} avg_{\\sigma z} \\left(\\frac{avg_{dsigma r2} '
                                         'avg_{phi2}}{\\lambda_{im}^{2} \\tau_{r}^{2} + \\left(\\lambda_{re} '
                                         '\\tau_{r} + 1\\right)^{2}} + avg_{\\sigma '
                                         'r2}\\right)}{\\lambda_{im}^{2} + \\left(\\lambda_{re} + '
                                         '1\\right)^{2}} - 1',
                                'mpmath': 'alpha_z_inf_spectral_curve__mpmath',
                                'numpy': 'alpha_z_inf_spectral_curve__numpy',
                                'srepr': "Add(Mul(Symbol('avg_dphi2', nonnegative=True), "
                                         "Symbol('avg_sigma_z', positive=True), "
                                         "Pow(Add(Pow(Symbol('lambda_im', real=True), Integer(2)), "
                                         "Pow(Add(Symbol('lambda_re', real=True), Integer(1)), Integer(2))), "
                                         "Integer(-1)), Add(Mul(Symbol('avg_dsigma_r2', nonnegative=True), "
                                         "Symbol('avg_phi2', nonnegative=True), "
                                         "Pow(Add(Mul(Pow(Symbol('lambda_im', real=True), Integer(2)), "
                                         "Pow(Symbol('tau_r', positive=True), Integer(2))), "
                                         "Pow(Add(Mul(Symbol('lambda_re', real=True), Symbol('tau_r', "
                                         'positive=True)), Integer(1)), Integer(2))), Integer(-1))), '
                                         "Symbol('avg_sigma_r2', nonnegative=True))), Integer(-1))",
                                'value_kind': None},
 'alpha-z-inf-zero-mode-fraction': {'args': ('avg_sigma_z',),
                                    'assumptions': ['alpha_z -> infinity: sigma_z -> step; fraction of '
                                                    'Jacobian eigenvalues at 0 (seed App. B)',
                                                    'avg_sigma_z = <sigma_z> = P(z > -beta_z/alpha_z) -> 1/2 '
                                                    'at beta_z = 0'],
                                    'latex': '1 - avg_{\\sigma z}',
                                    'mpmath': 'alpha_z_inf_zero_mode_fraction__mpmath',
                                    'numpy': 'alpha_z_inf_zero_mode_fraction__numpy',
                                    'srepr': "Add(Integer(1), Mul(Integer(-1), Symbol('avg_sigma_z', "
                                             'positive=True)))',
                                    'value_kind': None},
 'fp-stability': {'args': ('avg_dphi2', 'avg_sigma_r2', 'avg_phi2', 'avg_dsigma_r2'),
                  'assumptions': ['a fixed point is stable while this is < 1 (seed Eq. 6): the leading edge '
                                  'crosses 0 at 1',
                                  '(B1) local chaos hypothesis: state independent of Jh, Jr',
                                  '(B2) outer radius of A Jh W = sqrt(tr AA*/N tr WW*/N) (Ginibre Jh; '
                                  'self-consistent Born, App. A)',
                                  '(B3) h, z, r independent zero-mean Gaussians at a fixed point (variances '
                                  'from fp-variance)',
                                  "avg_dphi2 = <phi'^2>_{Delta_h}, avg_sigma_r2 = <sigma_r^2>_{Delta_r}, "
                                  "avg_phi2 = <phi^2>_{Delta_h}, avg_dsigma_r2 = <sigma_r'^2>_{Delta_r}; "
                                  "integrands in 'spectral-curve-integrands'"],
                  'latex': 'avg_{dphi2} \\left(avg_{dsigma r2} avg_{phi2} + avg_{\\sigma r2}\\right)',
                  'mpmath': 'fp_stability__mpmath',
                  'numpy': 'fp_stability__numpy',
                  'srepr': "Mul(Symbol('avg_dphi2', nonnegative=True), Add(Mul(Symbol('avg_dsigma_r2', "
                           "nonnegative=True), Symbol('avg_phi2', nonnegative=True)), Symbol('avg_sigma_r2', "
                           'nonnegative=True)))',
                  'value_kind': None},
 'spectral-curve': {'args': ('lambda_re',
                             'lambda_im',
                             'avg_A',
                             'avg_dphi2',
                             'avg_sigma_r2',
                             'avg_phi2',
                             'avg_dsigma_r2',
                             'tau_r'),
                    'assumptions': ['zero on the boundary of the Jacobian spectrum at a fixed point (seed '
                                    'Eq. 5/A36); > 0 inside the support',
                                    'avg_A = <sigma_z^2/|lambda + sigma_z|^2>_{Delta_z}',
                                    '(B1) local chaos hypothesis: state independent of Jh, Jr',
                                    '(B2) outer radius of A Jh W = sqrt(tr AA*/N tr WW*/N) (Ginibre Jh; '
                                    'self-consistent Born, App. A)',
                                    '(B3) h, z, r independent zero-mean Gaussians at a fixed point '
                                    '(variances from fp-variance)',
                                    "avg_dphi2 = <phi'^2>_{Delta_h}, avg_sigma_r2 = <sigma_r^2>_{Delta_r}, "
                                    "avg_phi2 = <phi^2>_{Delta_h}, avg_dsigma_r2 = <sigma_r'^2>_{Delta_r}; "
                                    "integrands in 'spectral-curve-integrands'"],
                    'latex': 'avg_{A} avg_{dphi2} \\left(\\frac{avg_{dsigma r2} '
                             'avg_{phi2}}{\\lambda_{im}^{2} \\tau_{r}^{2} + \\left(\\lambda_{re} \\tau_{r} + '
                             '1\\right)^{2}} + avg_{\\sigma r2}\\right) - 1',
                    'mpmath': 'spectral_curve__mpmath',
                    'numpy': 'spectral_curve__numpy',
                    'srepr': "Add(Mul(Symbol('avg_A', nonnegative=True), Symbol('avg_dphi2', "
                             "nonnegative=True), Add(Mul(Symbol('avg_dsigma_r2', nonnegative=True), "
                             "Symbol('avg_phi2', nonnegative=True), Pow(Add(Mul(Pow(Symbol('lambda_im', "
                             "real=True), Integer(2)), Pow(Symbol('tau_r', positive=True), Integer(2))), "
                             "Pow(Add(Mul(Symbol('lambda_re', real=True), Symbol('tau_r', positive=True)), "
                             "Integer(1)), Integer(2))), Integer(-1))), Symbol('avg_sigma_r2', "
                             'nonnegative=True))), Integer(-1))',
                    'value_kind': None},
 'spectral-curve-integrands': {'args': ('x',
                                        'lambda_re',
                                        'lambda_im',
                                        'Delta_h',
                                        'Delta_z',
                                        'Delta_r',
                                        'g_h',
                                        'beta_h',
                                        'alpha_z',
                                        'beta_z',
                                        'alpha_r',
                                        'beta_r'),
                               'assumptions': ['returns the integrands of (avg_A, avg_dphi2, avg_sigma_r2, '
                                               'avg_phi2, avg_dsigma_r2), each to be averaged against '
                                               'exp(-x^2/2)/sqrt(2 pi)'],
                               'latex': '\\left( \\begin{cases} 1 & \\text{for}\\: \\lambda_{im} = 0 \\wedge '
                                        '\\lambda_{re} = 0 \\\\\\frac{1}{\\left(\\lambda_{im}^{2} + '
                                        '\\left(\\lambda_{re} + \\frac{1}{e^{- \\sqrt{\\Delta_{z}} '
                                        '\\alpha_{z} x - \\beta_{z}} + 1}\\right)^{2}\\right) \\left(e^{- '
                                        '\\sqrt{\\Delta_{z}} \\alpha_{z} x - \\beta_{z}} + 1\\right)^{2}} & '
                                        '\\text{otherwise} \\end{cases}, \\  g_{h}^{2} \\left(1 - '
                                        '\\tanh^{2}{\\left(\\sqrt{\\Delta_{h}} g_{h} x + \\beta_{h} '
                                        '\\right)}\\right)^{2}, \\  \\frac{1}{\\left(e^{- '
                                        '\\sqrt{\\Delta_{r}} \\alpha_{r} x - \\beta_{r}} + 1\\right)^{2}}, '
                                        '\\  \\tanh^{2}{\\left(\\sqrt{\\Delta_{h}} g_{h} x + \\beta_{h} '
                                        '\\right)}, \\  \\frac{\\alpha_{r}^{2}}{\\left(e^{- '
                                        '\\sqrt{\\Delta_{r}} \\alpha_{r} x - \\beta_{r}} + 1\\right)^{2} '
                                        '\\left(e^{\\sqrt{\\Delta_{r}} \\alpha_{r} x + \\beta_{r}} + '
                                        '1\\right)^{2}}\\right)',
                               'mpmath': 'spectral_curve_integrands__mpmath',
                               'numpy': 'spectral_curve_integrands__numpy',
                               'srepr': 'Tuple(Piecewise(ExprCondPair(Integer(1), '
                                        "And(Equality(Symbol('lambda_im', real=True), Integer(0)), "
                                        "Equality(Symbol('lambda_re', real=True), Integer(0)))), "
                                        "ExprCondPair(Mul(Pow(Add(Pow(Symbol('lambda_im', real=True), "
                                        "Integer(2)), Pow(Add(Symbol('lambda_re', real=True), "
                                        "Pow(Add(exp(Add(Mul(Integer(-1), Pow(Symbol('Delta_z', "
                                        "nonnegative=True), Rational(1, 2)), Symbol('alpha_z', "
                                        "nonnegative=True), Symbol('x', real=True)), Mul(Integer(-1), "
                                        "Symbol('beta_z', real=True)))), Integer(1)), Integer(-1))), "
                                        'Integer(2))), Integer(-1)), Pow(Add(exp(Add(Mul(Integer(-1), '
                                        "Pow(Symbol('Delta_z', nonnegative=True), Rational(1, 2)), "
                                        "Symbol('alpha_z', nonnegative=True), Symbol('x', real=True)), "
                                        "Mul(Integer(-1), Symbol('beta_z', real=True)))), Integer(1)), "
                                        "Integer(-2))), true)), Mul(Pow(Symbol('g_h', positive=True), "
                                        'Integer(2)), Pow(Add(Integer(1), Mul(Integer(-1), '
                                        "Pow(tanh(Add(Mul(Pow(Symbol('Delta_h', nonnegative=True), "
                                        "Rational(1, 2)), Symbol('g_h', positive=True), Symbol('x', "
                                        "real=True)), Symbol('beta_h', real=True))), Integer(2)))), "
                                        'Integer(2))), Pow(Add(exp(Add(Mul(Integer(-1), '
                                        "Pow(Symbol('Delta_r', nonnegative=True), Rational(1, 2)), "
                                        "Symbol('alpha_r', nonnegative=True), Symbol('x', real=True)), "
                                        "Mul(Integer(-1), Symbol('beta_r', real=True)))), Integer(1)), "
                                        "Integer(-2)), Pow(tanh(Add(Mul(Pow(Symbol('Delta_h', "
                                        "nonnegative=True), Rational(1, 2)), Symbol('g_h', positive=True), "
                                        "Symbol('x', real=True)), Symbol('beta_h', real=True))), "
                                        "Integer(2)), Mul(Pow(Symbol('alpha_r', nonnegative=True), "
                                        "Integer(2)), Pow(Add(exp(Add(Mul(Integer(-1), Pow(Symbol('Delta_r', "
                                        "nonnegative=True), Rational(1, 2)), Symbol('alpha_r', "
                                        "nonnegative=True), Symbol('x', real=True)), Mul(Integer(-1), "
                                        "Symbol('beta_r', real=True)))), Integer(1)), Integer(-2)), "
                                        "Pow(Add(exp(Add(Mul(Pow(Symbol('Delta_r', nonnegative=True), "
                                        "Rational(1, 2)), Symbol('alpha_r', nonnegative=True), Symbol('x', "
                                        "real=True)), Symbol('beta_r', real=True))), Integer(1)), "
                                        'Integer(-2))))',
                               'value_kind': None},
 'zero-fp-stability': {'args': ('g_h', 'beta_r'),
                       'assumptions': ['zero fixed point, beta_h = 0, no input: stable while < 1 (seed Eq. '
                                       'H1); without biases the threshold is g_h = 2'],
                       'latex': '\\frac{g_{h}}{1 + e^{- \\beta_{r}}}',
                       'mpmath': 'zero_fp_stability__mpmath',
                       'numpy': 'zero_fp_stability__numpy',
                       'srepr': "Mul(Symbol('g_h', positive=True), Pow(Add(Integer(1), exp(Mul(Integer(-1), "
                                "Symbol('beta_r', real=True)))), Integer(-1)))",
                       'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
