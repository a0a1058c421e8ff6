"""GateParams and Network reject bad input with the parameter's name, value and range."""
import numpy as np
import pytest

from gatetheory import GateParams, ParameterError
from gatetheory.network import Network


@pytest.mark.parametrize("field,value,fragment", [
    ("g_h", float("nan"), "g_h = nan is not finite"),
    ("alpha_z", float("inf"), "alpha_z = inf is not finite"),
    ("tau_z", 0.0, "tau_z = 0.0 is out of range; allowed: tau_z > 0"),
    ("tau_r", -1.0, "tau_r = -1.0 is out of range"),
    ("beta_r", "abc", "beta_r = 'abc' is not a number"),
])
def test_bad_params_named(field, value, fragment):
    with pytest.raises(ParameterError, match=fragment.replace("(", r"\(")):
        GateParams(**{field: value})


def test_params_frozen_and_replace():
    p = GateParams(g_h=2.5)
    with pytest.raises(Exception):
        p.g_h = 3.0
    q = p.replace(alpha_r=4)
    assert q.alpha_r == 4.0 and q.g_h == 2.5 and p.alpha_r == 0.0


@pytest.mark.parametrize("n", [0, -3, 2.5])
def test_bad_n(n):
    with pytest.raises(ParameterError, match="n = "):
        Network(GateParams(), n)


def test_bad_input_shape():
    with pytest.raises(ParameterError, match=r"Ih has shape \(3,\)"):
        Network(GateParams(), 5, Ih=np.ones(3))


def test_couplings_reproducible_and_scaled():
    """Same seed, same couplings; entries have variance 1/N (checked to 5 sigma of the sample variance)."""
    a, b = Network(GateParams(), 300, seed=7), Network(GateParams(), 300, seed=7)
    assert np.array_equal(a.J, b.J)
    assert not np.array_equal(a.J, Network(GateParams(), 300, seed=8).J)
    var = a.J.var() * 300
    assert abs(var - 1) < 5 * np.sqrt(2 / a.J.size)
    assert a.J.flags.c_contiguous and a.Jzr.flags.c_contiguous
