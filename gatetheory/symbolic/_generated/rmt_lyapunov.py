"""Machine-written by gatetheory.symbolic.codegen from derivations/rmt_lyapunov.py; do not edit.

Source: derivations/rmt_lyapunov.py
SymPy version: 1.14.0
Expression hash: ea8dd08210583e2a04ad29b54ecc397f58bf487a0a2b2805357d2df28cd5dbd3
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/rmt_lyapunov.py'
SYMPY_VERSION = '1.14.0'
HASH = 'ea8dd08210583e2a04ad29b54ecc397f58bf487a0a2b2805357d2df28cd5dbd3'

def rmt_lyapunov_limit__numpy(s, A_inf, Q_inf, P_inf):
    return -s + numpy.sqrt((1/2)*A_inf + (1/2)*numpy.sqrt(A_inf**2 + 4*P_inf*Q_inf))

def rmt_lyapunov_limit__mpmath(s, A_inf, Q_inf, P_inf):
    return -s + mpmath.sqrt((mpmath.mpf(1)/mpmath.mpf(2))*A_inf + (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(A_inf**2 + 4*P_inf*Q_inf))

def rmt_lyapunov_relaxation__numpy(A_inf, Q_inf, P_inf, tau_A, tau_Q, tau_P, Delta_A, Delta_Q, Delta_P):
    x0 = numpy.sqrt(A_inf**2 + 4*P_inf*Q_inf)
    x1 = (1/2)*Delta_A*tau_A
    return numpy.sqrt(2)*(A_inf*x1 + Delta_P*Q_inf*tau_P + Delta_Q*P_inf*tau_Q + x0*x1)/(x0*numpy.sqrt(A_inf + x0))

def rmt_lyapunov_relaxation__mpmath(A_inf, Q_inf, P_inf, tau_A, tau_Q, tau_P, Delta_A, Delta_Q, Delta_P):
    x0 = mpmath.sqrt(A_inf**2 + 4*P_inf*Q_inf)
    x1 = (mpmath.mpf(1)/mpmath.mpf(2))*Delta_A*tau_A
    return mpmath.sqrt(2)*(A_inf*x1 + Delta_P*Q_inf*tau_P + Delta_Q*P_inf*tau_Q + x0*x1)/(x0*mpmath.sqrt(A_inf + x0))

def rmt_rainbow_resummation__numpy(m):
    return scipy.special.iv(0, 2*numpy.sqrt(m))

def rmt_rainbow_resummation__mpmath(m):
    return mpmath.besseli(0, 2*mpmath.sqrt(m))

def rmt_transfer_eigenvalues__numpy(g_A, g_Q, g_P):
    x0 = (1/2)*g_A
    x1 = (1/2)*numpy.sqrt(g_A**2 + 4*g_P*g_Q)
    return (x0 + x1, x0 - x1,)

def rmt_transfer_eigenvalues__mpmath(g_A, g_Q, g_P):
    x0 = (mpmath.mpf(1)/mpmath.mpf(2))*g_A
    x1 = (mpmath.mpf(1)/mpmath.mpf(2))*mpmath.sqrt(g_A**2 + 4*g_P*g_Q)
    return (x0 + x1, x0 - x1,)

def rmt_variational_energy__numpy(epsilon, C_inf, Delta_C, tau_c):
    x0 = 2*epsilon*tau_c
    x1 = x0 + 1
    return (-Delta_C*x0 + x1*(-C_inf + epsilon**2 + 1))/x1

def rmt_variational_energy__mpmath(epsilon, C_inf, Delta_C, tau_c):
    x0 = 2*epsilon*tau_c
    x1 = x0 + 1
    return (-Delta_C*x0 + x1*(-C_inf + epsilon**2 + 1))/x1

ENTRIES = {'rmt-lyapunov-limit': {'args': ('s', 'A_inf', 'Q_inf', 'P_inf'),
                        'assumptions': ['t -> inf limit of lambda(t) = (1/2t) log[exp(-2 s t) a(t)] '
                                        '(F39-F40, F11)',
                                        'X_inf = C_X(tau -> inf) = <X>^2 for X in {A, Q, P}; s = sigma_z '
                                        '(alpha_z = 0)',
                                        'short-time (commuting) approximation; exponent read from the h '
                                        'block (exact splitting only when s tau_r = 1)',
                                        "vanilla (Q = 0): -1 + sqrt(C_phi'(inf)) = -1 + <phi'>, a lower "
                                        'bound on the DMFT lambda_max by the variational theorem (step 5)'],
                        'latex': '- s + \\sqrt{\\frac{A_{inf}}{2} + \\frac{\\sqrt{A_{inf}^{2} + 4 P_{inf} '
                                 'Q_{inf}}}{2}}',
                        'mpmath': 'rmt_lyapunov_limit__mpmath',
                        'numpy': 'rmt_lyapunov_limit__numpy',
                        'srepr': "Add(Mul(Integer(-1), Symbol('s', positive=True)), Pow(Add(Mul(Rational(1, "
                                 "2), Symbol('A_inf', positive=True)), Mul(Rational(1, 2), "
                                 "Pow(Add(Pow(Symbol('A_inf', positive=True), Integer(2)), Mul(Integer(4), "
                                 "Symbol('P_inf', positive=True), Symbol('Q_inf', positive=True))), "
                                 'Rational(1, 2)))), Rational(1, 2)))',
                        'value_kind': None},
 'rmt-lyapunov-relaxation': {'args': ('A_inf',
                                      'Q_inf',
                                      'P_inf',
                                      'tau_A',
                                      'tau_Q',
                                      'tau_P',
                                      'Delta_A',
                                      'Delta_Q',
                                      'Delta_P'),
                             'assumptions': ['coefficient of 1/t in lambda(t) - lambda_inf contributed by '
                                             'the relaxation times (the Hankel term -log(4 pi sqrt(mu_inf) '
                                             't)/(4 t) and the weight term come beside it)',
                                             'tau_X = int_0^inf [C_X - C_X(inf)] / [C_X(0) - C_X(inf)] (F9, '
                                             'F41-F43), Delta_X = C_X(0) - C_X(inf)'],
                             'latex': '\\frac{\\sqrt{2} \\left(\\frac{A_{inf} \\Delta_{A} \\tau_{A}}{2} + '
                                      '\\frac{\\Delta_{A} \\tau_{A} \\sqrt{A_{inf}^{2} + 4 P_{inf} '
                                      'Q_{inf}}}{2} + \\Delta_{P} Q_{inf} \\tau_{P} + \\Delta_{Q} P_{inf} '
                                      '\\tau_{Q}\\right)}{\\sqrt{A_{inf} + \\sqrt{A_{inf}^{2} + 4 P_{inf} '
                                      'Q_{inf}}} \\sqrt{A_{inf}^{2} + 4 P_{inf} Q_{inf}}}',
                             'mpmath': 'rmt_lyapunov_relaxation__mpmath',
                             'numpy': 'rmt_lyapunov_relaxation__numpy',
                             'srepr': "Mul(Pow(Integer(2), Rational(1, 2)), Pow(Add(Symbol('A_inf', "
                                      "positive=True), Pow(Add(Pow(Symbol('A_inf', positive=True), "
                                      "Integer(2)), Mul(Integer(4), Symbol('P_inf', positive=True), "
                                      "Symbol('Q_inf', positive=True))), Rational(1, 2))), Rational(-1, 2)), "
                                      "Pow(Add(Pow(Symbol('A_inf', positive=True), Integer(2)), "
                                      "Mul(Integer(4), Symbol('P_inf', positive=True), Symbol('Q_inf', "
                                      'positive=True))), Rational(-1, 2)), Add(Mul(Rational(1, 2), '
                                      "Symbol('A_inf', positive=True), Symbol('Delta_A', positive=True), "
                                      "Symbol('tau_A', positive=True)), Mul(Rational(1, 2), "
                                      "Symbol('Delta_A', positive=True), Symbol('tau_A', positive=True), "
                                      "Pow(Add(Pow(Symbol('A_inf', positive=True), Integer(2)), "
                                      "Mul(Integer(4), Symbol('P_inf', positive=True), Symbol('Q_inf', "
                                      "positive=True))), Rational(1, 2))), Mul(Symbol('Delta_P', "
                                      "positive=True), Symbol('Q_inf', positive=True), Symbol('tau_P', "
                                      "positive=True)), Mul(Symbol('Delta_Q', positive=True), "
                                      "Symbol('P_inf', positive=True), Symbol('tau_Q', positive=True))))",
                             'value_kind': None},
 'rmt-moment-h': {'args': ('g_A', 'g_Q', 'g_P'),
                  'assumptions': ['(1/N) tr of the h block of E[exp(Jhat Shat) exp(Jhat Shat)^T], rainbow '
                                  'diagrams, leading order in N, a_0 = b_0 = 1 (F33-F36)',
                                  'I_0(2 sqrt(mu)) of a negative mu is J_0(2 sqrt(-mu)) (the series sum '
                                  'mu^n/(n!)^2 is entire)'],
                  'latex': '\\frac{- g_{Q} I_{0}\\left(2 \\sqrt{\\frac{g_{A}}{2} - \\frac{\\sqrt{g_{A}^{2} + '
                           '4 g_{P} g_{Q}}}{2}}\\right) + g_{Q} I_{0}\\left(2 \\sqrt{\\frac{g_{A}}{2} + '
                           '\\frac{\\sqrt{g_{A}^{2} + 4 g_{P} g_{Q}}}{2}}\\right)}{\\sqrt{g_{A}^{2} + 4 '
                           'g_{P} g_{Q}}} + \\frac{- \\left(\\frac{g_{A}}{2} - \\frac{\\sqrt{g_{A}^{2} + 4 '
                           'g_{P} g_{Q}}}{2}\\right) I_{0}\\left(2 \\sqrt{\\frac{g_{A}}{2} - '
                           '\\frac{\\sqrt{g_{A}^{2} + 4 g_{P} g_{Q}}}{2}}\\right) + \\left(\\frac{g_{A}}{2} '
                           '+ \\frac{\\sqrt{g_{A}^{2} + 4 g_{P} g_{Q}}}{2}\\right) I_{0}\\left(2 '
                           '\\sqrt{\\frac{g_{A}}{2} + \\frac{\\sqrt{g_{A}^{2} + 4 g_{P} '
                           'g_{Q}}}{2}}\\right)}{\\sqrt{g_{A}^{2} + 4 g_{P} g_{Q}}}',
                  'mpmath': None,
                  'numpy': None,
                  'srepr': "Add(Mul(Pow(Add(Pow(Symbol('g_A', nonnegative=True), Integer(2)), "
                           "Mul(Integer(4), Symbol('g_P', nonnegative=True), Symbol('g_Q', "
                           "nonnegative=True))), Rational(-1, 2)), Add(Mul(Integer(-1), Symbol('g_Q', "
                           'nonnegative=True), besseli(Integer(0), Mul(Integer(2), Pow(Add(Mul(Rational(1, '
                           "2), Symbol('g_A', nonnegative=True)), Mul(Integer(-1), Rational(1, 2), "
                           "Pow(Add(Pow(Symbol('g_A', nonnegative=True), Integer(2)), Mul(Integer(4), "
                           "Symbol('g_P', nonnegative=True), Symbol('g_Q', nonnegative=True))), Rational(1, "
                           "2)))), Rational(1, 2))))), Mul(Symbol('g_Q', nonnegative=True), "
                           "besseli(Integer(0), Mul(Integer(2), Pow(Add(Mul(Rational(1, 2), Symbol('g_A', "
                           "nonnegative=True)), Mul(Rational(1, 2), Pow(Add(Pow(Symbol('g_A', "
                           "nonnegative=True), Integer(2)), Mul(Integer(4), Symbol('g_P', nonnegative=True), "
                           "Symbol('g_Q', nonnegative=True))), Rational(1, 2)))), Rational(1, 2))))))), "
                           "Mul(Pow(Add(Pow(Symbol('g_A', nonnegative=True), Integer(2)), Mul(Integer(4), "
                           "Symbol('g_P', nonnegative=True), Symbol('g_Q', nonnegative=True))), Rational(-1, "
                           "2)), Add(Mul(Integer(-1), Add(Mul(Rational(1, 2), Symbol('g_A', "
                           "nonnegative=True)), Mul(Integer(-1), Rational(1, 2), Pow(Add(Pow(Symbol('g_A', "
                           "nonnegative=True), Integer(2)), Mul(Integer(4), Symbol('g_P', nonnegative=True), "
                           "Symbol('g_Q', nonnegative=True))), Rational(1, 2)))), besseli(Integer(0), "
                           "Mul(Integer(2), Pow(Add(Mul(Rational(1, 2), Symbol('g_A', nonnegative=True)), "
                           "Mul(Integer(-1), Rational(1, 2), Pow(Add(Pow(Symbol('g_A', nonnegative=True), "
                           "Integer(2)), Mul(Integer(4), Symbol('g_P', nonnegative=True), Symbol('g_Q', "
                           'nonnegative=True))), Rational(1, 2)))), Rational(1, 2))))), '
                           "Mul(Add(Mul(Rational(1, 2), Symbol('g_A', nonnegative=True)), Mul(Rational(1, "
                           "2), Pow(Add(Pow(Symbol('g_A', nonnegative=True), Integer(2)), Mul(Integer(4), "
                           "Symbol('g_P', nonnegative=True), Symbol('g_Q', nonnegative=True))), Rational(1, "
                           '2)))), besseli(Integer(0), Mul(Integer(2), Pow(Add(Mul(Rational(1, 2), '
                           "Symbol('g_A', nonnegative=True)), Mul(Rational(1, 2), Pow(Add(Pow(Symbol('g_A', "
                           "nonnegative=True), Integer(2)), Mul(Integer(4), Symbol('g_P', nonnegative=True), "
                           "Symbol('g_Q', nonnegative=True))), Rational(1, 2)))), Rational(1, 2))))))))",
                  'value_kind': None},
 'rmt-rainbow-resummation': {'args': ('m',),
                             'assumptions': ['sum_k m^k/(k!)^2: the rainbow (nested) Wick contractions of '
                                             '(1/N) tr E[exp(J R) exp(J R)^T] for a fixed diagonal R, J iid '
                                             'variance 1/N, leading order in N (seed Eqs. F4-F5)',
                                             "m = (1/N) tr R^2; in the DMFT m(t) = int_0^t int_0^t C_phi'(t1 "
                                             '- t2) (F6-F8)',
                                             "reconstruction: the seed's displayed equations are lost"],
                             'latex': 'I_{0}\\left(2 \\sqrt{m}\\right)',
                             'mpmath': 'rmt_rainbow_resummation__mpmath',
                             'numpy': 'rmt_rainbow_resummation__numpy',
                             'srepr': "besseli(Integer(0), Mul(Integer(2), Pow(Symbol('m', positive=True), "
                                      'Rational(1, 2))))',
                             'value_kind': None},
 'rmt-transfer-eigenvalues': {'args': ('g_A', 'g_Q', 'g_P'),
                              'assumptions': ['eigenvalues (mu+, mu-) of the rainbow transfer matrix [[g_A, '
                                              'g_Q], [g_P, 0]] (F29-F31)',
                                              "g_X = int int <X X>, A = s sigma_r phi', Q = s phi sigma_r', "
                                              "P = phi'/tau_r (sigma_z = s)",
                                              'real because g_Q g_P >= 0'],
                              'latex': '\\left( \\frac{g_{A}}{2} + \\frac{\\sqrt{g_{A}^{2} + 4 g_{P} '
                                       'g_{Q}}}{2}, \\  \\frac{g_{A}}{2} - \\frac{\\sqrt{g_{A}^{2} + 4 g_{P} '
                                       'g_{Q}}}{2}\\right)',
                              'mpmath': 'rmt_transfer_eigenvalues__mpmath',
                              'numpy': 'rmt_transfer_eigenvalues__numpy',
                              'srepr': "Tuple(Add(Mul(Rational(1, 2), Symbol('g_A', nonnegative=True)), "
                                       "Mul(Rational(1, 2), Pow(Add(Pow(Symbol('g_A', nonnegative=True), "
                                       "Integer(2)), Mul(Integer(4), Symbol('g_P', nonnegative=True), "
                                       "Symbol('g_Q', nonnegative=True))), Rational(1, 2)))), "
                                       "Add(Mul(Rational(1, 2), Symbol('g_A', nonnegative=True)), "
                                       "Mul(Integer(-1), Rational(1, 2), Pow(Add(Pow(Symbol('g_A', "
                                       "nonnegative=True), Integer(2)), Mul(Integer(4), Symbol('g_P', "
                                       "nonnegative=True), Symbol('g_Q', nonnegative=True))), Rational(1, "
                                       '2)))))',
                              'value_kind': None},
 'rmt-variational-energy': {'args': ('epsilon', 'C_inf', 'Delta_C', 'tau_c'),
                            'assumptions': ["SCS problem -psi'' + (1 - C_phi') psi = E psi with C_phi' = "
                                            'C_inf + Delta_C exp(-|tau|/tau_c)',
                                            'trial psi = sqrt(epsilon) exp(-epsilon |tau|); E0 <= E(epsilon) '
                                            'for every epsilon > 0',
                                            'epsilon -> 0: E0 <= 1 - C_inf, so lambda_DMFT >= -1 + '
                                            'sqrt(C_inf)'],
                            'latex': '\\frac{- 2 \\Delta_{C} \\epsilon \\tau_{c} + \\left(2 \\epsilon '
                                     '\\tau_{c} + 1\\right) \\left(- C_{inf} + \\epsilon^{2} + 1\\right)}{2 '
                                     '\\epsilon \\tau_{c} + 1}',
                            'mpmath': 'rmt_variational_energy__mpmath',
                            'numpy': 'rmt_variational_energy__numpy',
                            'srepr': "Mul(Pow(Add(Mul(Integer(2), Symbol('epsilon', positive=True), "
                                     "Symbol('tau_c', positive=True)), Integer(1)), Integer(-1)), "
                                     "Add(Mul(Integer(-1), Integer(2), Symbol('Delta_C', positive=True), "
                                     "Symbol('epsilon', positive=True), Symbol('tau_c', positive=True)), "
                                     "Mul(Add(Mul(Integer(2), Symbol('epsilon', positive=True), "
                                     "Symbol('tau_c', positive=True)), Integer(1)), Add(Mul(Integer(-1), "
                                     "Symbol('C_inf', positive=True)), Pow(Symbol('epsilon', positive=True), "
                                     'Integer(2)), Integer(1)))))',
                            'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
