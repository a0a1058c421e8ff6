"""ks_entropy: Pesin's sum of the positive Lyapunov exponents, against hand computations."""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.network import Network, ks_entropy, lyapunov_spectrum


def test_known_array_by_hand():
    """0.3 + 0.1 = 0.4 (zero and negatives excluded); error sqrt(0.03^2 + 0.04^2) = 0.05."""
    lam = [0.1, -0.5, 0.3, 0.0, -2.0]
    assert ks_entropy(lam) == pytest.approx(0.4, abs=1e-15)
    h, err = ks_entropy(lam, stderr=[0.04, 0.2, 0.03, 0.1, 0.3])
    assert h == pytest.approx(0.4, abs=1e-15) and err == pytest.approx(0.05, abs=1e-15)
    assert ks_entropy([-1.0, -0.2]) == 0.0
    assert ks_entropy([-1.0, -0.2], stderr=[0.1, 0.1]) == (0.0, 0.0)


def test_on_a_spectrum_equals_the_largest_partial_sum():
    """Independent route: for exponents sorted decreasing, the sum of the positive ones is the largest
    partial sum (it grows while terms are positive, then falls). Checked on a chaotic network."""
    # the classical limit (gates open, docs/conventions.md): two positive exponents at this size and seed
    net = Network(GateParams(g_h=5.0, beta_z=20.0, beta_r=20.0), 40, seed=1)
    spec = lyapunov_spectrum(net, 40.0, dt=0.1, t_transient=10.0, seed=2)
    assert np.sum(spec.exponents > 0) >= 2
    partial = np.cumsum(spec.exponents)
    h, err = ks_entropy(spec.exponents, spec.stderr)
    assert h == pytest.approx(partial.max(), rel=1e-12)
    assert err == pytest.approx(np.sqrt(np.sum(spec.stderr[spec.exponents > 0] ** 2)), rel=1e-12)
    assert err > 0


@pytest.mark.parametrize("bad", [[], [0.1, np.nan], [np.inf]])
def test_bad_exponents_raise(bad):
    with pytest.raises(ParameterError, match="exponents"):
        ks_entropy(bad)


def test_bad_stderr_raises():
    with pytest.raises(ParameterError, match="stderr"):
        ks_entropy([0.1, -0.2], stderr=[0.1])
    with pytest.raises(ParameterError, match="stderr"):
        ks_entropy([0.1, -0.2], stderr=[-0.1, 0.0])
