"""The result contract (gatetheory.results): strict JSON, status, message.

Oracle: the JSON standard itself -- ``json.loads`` with a hook that rejects the
non-standard constants NaN/Infinity must accept every ``dumps`` output, and values
must round-trip (floats exactly, mpf to the requested digits, checked by mpmath).
"""
import json
from dataclasses import dataclass, field

import mpmath
import numpy as np
import pytest

from gatetheory import GateParams
from gatetheory.results import Result, dumps, jsonable, mp_string


@dataclass(frozen=True)
class _Point(Result):
    value: object
    digits: int
    curve: np.ndarray
    params: GateParams
    samples: np.ndarray = field(default=None, metadata={"serialize": False})


def _strict_loads(text):
    def bad(name):
        raise AssertionError(f"non-standard JSON constant {name}")
    return json.loads(text, parse_constant=bad)


def test_to_dict_is_strict_json_and_round_trips():
    with mpmath.workdps(40):
        v = mpmath.pi * 2
        p = _Point(v, 30, np.array([1.0, np.nan, np.inf, 0.25]), GateParams(g_h=3.0),
                   samples=np.zeros(10), status="not-converged", message="curve has missing values")
    d = _strict_loads(dumps(p))
    assert d["status"] == "not-converged" and d["message"]
    assert d["curve"] == [1.0, None, None, 0.25]
    assert "samples" not in d
    assert d["params"]["g_h"] == 3.0
    with mpmath.workdps(40):
        assert abs(mpmath.mpf(d["value"]) - 2 * mpmath.pi) < mpmath.mpf(10) ** -29
    assert len(d["value"].replace(".", "")) == 30


def test_status_is_checked_and_keyword_only():
    with pytest.raises(ValueError, match="status"):
        _Point(1.0, 1, np.zeros(1), GateParams(), status="fine")
    with pytest.raises(TypeError):
        _Point(1.0, 1, np.zeros(1), GateParams(), None, "ok")  # noqa: too many positionals


def test_jsonable_types():
    assert jsonable(np.float32(0.5)) == 0.5 and jsonable(np.int64(3)) == 3 and jsonable(np.bool_(True)) is True
    assert jsonable(float("nan")) is None and jsonable(-np.inf) is None
    assert jsonable(np.array([[1.0, np.nan]])) == [[1.0, None]]
    assert jsonable(1 + 2j) == {"re": 1.0, "im": 2.0}
    with mpmath.workdps(50):
        s = mp_string(mpmath.mpf(1) / 3)
    assert 49 <= len(s) - 2 <= 51
    assert mp_string(mpmath.mpf("inf")) is None
    with pytest.raises(ValueError):
        json.dumps(float("nan"), allow_nan=False)  # the guard dumps relies on


@dataclass(frozen=True)
class _Spectrum(Result):
    exponents: np.ndarray

    derived = ("top", "dimension")

    @property
    def top(self):
        return float(self.exponents[0])

    @property
    def dimension(self):
        raise ValueError("the exponents sum to 0.4 >= 0; compute more exponents")


def test_derived_properties_and_null_notes():
    """`derived` properties join to_dict(); one that raises is null with its reason in the message; a
    non-finite field the message does not mention gets a note (every null says why)."""
    d = _strict_loads(dumps(_Spectrum(np.array([0.3, np.inf]))))
    assert d["top"] == 0.3 and d["dimension"] is None and d["exponents"] == [0.3, None]
    assert "dimension: the exponents sum to 0.4 >= 0; compute more exponents" in d["message"]
    assert "exponents: null where not finite" in d["message"]
    d = _Spectrum(np.array([0.1, -1.0]), message="settled").to_dict()
    assert d["message"] == "settled; dimension: the exponents sum to 0.4 >= 0; compute more exponents"
    quiet = _Spectrum(np.array([np.nan]), status="failed", message="exponents lost: the run diverged").to_dict()
    assert quiet["message"].startswith("exponents lost") and "exponents: null" not in quiet["message"]
    assert "top: null where not finite" in quiet["message"]  # a derived NaN is noted too
