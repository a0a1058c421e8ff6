"""Machine-written by gatetheory.symbolic.codegen; do not edit."""
MODULES = ('alpha_z_large', 'bias_response', 'dmft', 'dyn_bifurcation', 'fp_bifurcation', 'gates', 'jacobian', 'rmt_lyapunov', 'spectral_curve', 'static_mft')
