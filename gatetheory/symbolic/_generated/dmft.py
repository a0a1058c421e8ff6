"""Machine-written by gatetheory.symbolic.codegen from derivations/dmft.py; do not edit.

Source: derivations/dmft.py
SymPy version: 1.14.0
Expression hash: 82a90b126ee4e0e17e09bdcdfd112194bf01635c91cda30da1543b7d3d8ba0f3
"""
import mpmath
import numpy
import scipy.special

SOURCE = 'derivations/dmft.py'
SYMPY_VERSION = '1.14.0'
HASH = '82a90b126ee4e0e17e09bdcdfd112194bf01635c91cda30da1543b7d3d8ba0f3'

ENTRIES = {'dmft-lyapunov-operator': {'args': (),
                            'assumptions': ['alpha_z = 0, sigma_z = s constant; two replicas, inter-replica '
                                            'correlations linearised about the diagonal, chi = exp(kappa (t '
                                            "+ t')) psi(t - t') (seed Eqs. 10-11, App. E)",
                                            "(F3) Price's theorem: C_dphi(tau) = <phi'(h(t)) "
                                            "phi'(h(t+tau))>, C_dsigma_r(tau) = <sigma_r'(r(t)) "
                                            "sigma_r'(r(t+tau))>",
                                            'largest kappa with a bounded psi is the DMFT lambda_max'],
                            'latex': '\\left( \\left(\\frac{\\kappa}{s} + 1\\right)^{2} '
                                     '\\psi_{h}{\\left(\\tau \\right)} - \\frac{\\frac{d^{2}}{d \\tau^{2}} '
                                     '\\psi_{h}{\\left(\\tau \\right)}}{s^{2}} = C_{dphi}{\\left(\\tau '
                                     '\\right)} C_{\\sigma r}{\\left(\\tau \\right)} \\psi_{h}{\\left(\\tau '
                                     '\\right)} + C_{dsigma r}{\\left(\\tau \\right)} C_{\\phi}{\\left(\\tau '
                                     '\\right)} \\psi_{r}{\\left(\\tau \\right)}, \\  - \\tau_{r}^{2} '
                                     '\\frac{d^{2}}{d \\tau^{2}} \\psi_{r}{\\left(\\tau \\right)} + '
                                     '\\left(\\kappa \\tau_{r} + 1\\right)^{2} \\psi_{r}{\\left(\\tau '
                                     '\\right)} = C_{dphi}{\\left(\\tau \\right)} \\psi_{h}{\\left(\\tau '
                                     '\\right)}\\right)',
                            'mpmath': None,
                            'numpy': None,
                            'srepr': "Tuple(Equality(Add(Mul(Pow(Add(Mul(Symbol('kappa'), Pow(Symbol('s', "
                                     'positive=True), Integer(-1))), Integer(1)), Integer(2)), '
                                     "Function('psi_h')(Symbol('tau', real=True))), Mul(Integer(-1), "
                                     "Pow(Symbol('s', positive=True), Integer(-2)), "
                                     "Derivative(Function('psi_h')(Symbol('tau', real=True)), "
                                     "Tuple(Symbol('tau', real=True), Integer(2))))), "
                                     "Add(Mul(Function('C_dphi')(Symbol('tau', real=True)), "
                                     "Function('C_sigma_r')(Symbol('tau', real=True)), "
                                     "Function('psi_h')(Symbol('tau', real=True))), "
                                     "Mul(Function('C_dsigma_r')(Symbol('tau', real=True)), "
                                     "Function('C_phi')(Symbol('tau', real=True)), "
                                     "Function('psi_r')(Symbol('tau', real=True))))), "
                                     "Equality(Add(Mul(Integer(-1), Pow(Symbol('tau_r', positive=True), "
                                     "Integer(2)), Derivative(Function('psi_r')(Symbol('tau', real=True)), "
                                     "Tuple(Symbol('tau', real=True), Integer(2)))), "
                                     "Mul(Pow(Add(Mul(Symbol('kappa'), Symbol('tau_r', positive=True)), "
                                     "Integer(1)), Integer(2)), Function('psi_r')(Symbol('tau', "
                                     "real=True)))), Mul(Function('C_dphi')(Symbol('tau', real=True)), "
                                     "Function('psi_h')(Symbol('tau', real=True)))))",
                            'value_kind': None},
 'dmft-moment-equations': {'args': (),
                           'assumptions': ["stationary DMFT correlations, tau = t - t' (seed Eqs. C22-C24)",
                                           '(F1) separation: 1/sigma_z correlations factorise from those of '
                                           'h (exact at alpha_z = 0)',
                                           'C_inv_sigma_z(tau) = <1/sigma_z(z(t)) 1/sigma_z(z(t+tau))>, z '
                                           'Gaussian with correlation C_z',
                                           'C23, C24 exact: z and r are linear filters of Gaussian inputs of '
                                           'correlation C_phi'],
                           'latex': '\\left( C_{h}{\\left(\\tau \\right)} - C_{inv \\sigma z}{\\left(\\tau '
                                    '\\right)} \\frac{d^{2}}{d \\tau^{2}} C_{h}{\\left(\\tau \\right)} = '
                                    'C_{\\phi}{\\left(\\tau \\right)} C_{\\sigma r}{\\left(\\tau \\right)}, '
                                    '\\  - \\tau_{z}^{2} \\frac{d^{2}}{d \\tau^{2}} C_{z}{\\left(\\tau '
                                    '\\right)} + C_{z}{\\left(\\tau \\right)} = C_{\\phi}{\\left(\\tau '
                                    '\\right)}, \\  - \\tau_{r}^{2} \\frac{d^{2}}{d \\tau^{2}} '
                                    'C_{r}{\\left(\\tau \\right)} + C_{r}{\\left(\\tau \\right)} = '
                                    'C_{\\phi}{\\left(\\tau \\right)}\\right)',
                           'mpmath': None,
                           'numpy': None,
                           'srepr': "Tuple(Equality(Add(Function('C_h')(Symbol('tau', real=True)), "
                                    "Mul(Integer(-1), Function('C_inv_sigma_z')(Symbol('tau', real=True)), "
                                    "Derivative(Function('C_h')(Symbol('tau', real=True)), "
                                    "Tuple(Symbol('tau', real=True), Integer(2))))), "
                                    "Mul(Function('C_phi')(Symbol('tau', real=True)), "
                                    "Function('C_sigma_r')(Symbol('tau', real=True)))), "
                                    "Equality(Add(Mul(Integer(-1), Pow(Symbol('tau_z', positive=True), "
                                    "Integer(2)), Derivative(Function('C_z')(Symbol('tau', real=True)), "
                                    "Tuple(Symbol('tau', real=True), Integer(2)))), "
                                    "Function('C_z')(Symbol('tau', real=True))), "
                                    "Function('C_phi')(Symbol('tau', real=True))), "
                                    "Equality(Add(Mul(Integer(-1), Pow(Symbol('tau_r', positive=True), "
                                    "Integer(2)), Derivative(Function('C_r')(Symbol('tau', real=True)), "
                                    "Tuple(Symbol('tau', real=True), Integer(2)))), "
                                    "Function('C_r')(Symbol('tau', real=True))), "
                                    "Function('C_phi')(Symbol('tau', real=True))))",
                           'value_kind': None}}
FUNCTIONS = {n: (globals().get(e['numpy'] or ''), globals().get(e['mpmath'] or '')) for n, e in ENTRIES.items()}
