"""The shipped generated code against a fresh derivation (staleness), the registry API and the CLI.

Oracle for staleness: the derivation files themselves, re-run now; the shipped callables must agree
with freshly lambdified ones by value at random points (not by text: printers change between SymPy
versions), and the shipped expression hash must match. Skipped only if derivations/ is absent.
"""
import json
from pathlib import Path

import mpmath
import numpy as np
import pytest

from gatetheory.cli import main
from gatetheory.symbolic import get, names, registry

ROOT = Path(__file__).resolve().parents[1]
DERIVATIONS = ROOT / "derivations"
ASYMPTOTIC = ["fp-bifurcation-near-2", "fp-bifurcation-lowest-gh", "dyn-bifurcation-near-2",
              "dyn-bifurcation-lowest-gh", "bias-linear-response", "variance-above-2"]


@pytest.fixture(scope="module")
def fresh():
    if not DERIVATIONS.is_dir():
        pytest.skip("derivations/ not present (installed package without the repository)")
    from gatetheory.symbolic import codegen
    return {p.stem: (p, codegen.load_results(p)) for p in codegen.derivation_files(DERIVATIONS)}


def _same(a, b, rtol):
    a = np.atleast_1d(np.asarray(a, dtype=complex))
    b = np.atleast_1d(np.asarray(b, dtype=complex))
    return np.allclose(a, b, rtol=rtol, atol=1e-300, equal_nan=True)


def test_shipped_code_is_current(fresh):
    """Hash of every derivation's expressions equals the shipped one; shipped numpy and mpmath
    callables equal fresh lambdify output at 3 random points (rtol 1e-12 float64, 1e-25 at 30 digits:
    both evaluate the same exact expression, so they differ by rounding only)."""
    import importlib

    import sympy as sp

    from gatetheory.symbolic import codegen
    shipped_modules = importlib.import_module("gatetheory.symbolic._generated").MODULES
    assert sorted(shipped_modules) == sorted(fresh), "derivation files added or removed: rerun codegen"
    rng = np.random.default_rng(0)
    for stem, (path, results) in fresh.items():
        mod = importlib.import_module(f"gatetheory.symbolic._generated.{stem}")
        assert mod.HASH == codegen.expression_hash(results), f"{stem}: stale, run python -m gatetheory.symbolic.codegen"
        assert sorted(mod.ENTRIES) == sorted(results)
        for name, r in results.items():
            d = get(name)
            assert d.args == tuple(r["args"])
            if d.numpy is None and d.mpmath is None:
                continue
            expr = sp.sympify(r["expr"])
            syms = codegen._symbols_for(expr, d.args)
            target = tuple(expr) if isinstance(expr, sp.Tuple) else expr
            n_points = 1 if expr.has(sp.Integral) else 3
            for _ in range(n_points):
                x = rng.uniform(0.1, 1.0, size=len(d.args))
                if d.numpy is not None:
                    f = sp.lambdify(syms, target, modules=["scipy", "numpy"])
                    with np.errstate(all="ignore"):
                        assert _same(d.numpy(*x), f(*x), 1e-12), name
                with mpmath.workdps(30):
                    f = sp.lambdify(syms, target, modules="mpmath")
                    xm = [mpmath.mpf(v) for v in x]
                    try:
                        b = f(*xm)
                    except ValueError:  # outside the domain (e.g. erfinv): the shipped one must refuse too
                        with pytest.raises(ValueError):
                            d.mpmath(*xm)
                        continue
                    a = d.mpmath(*xm)
                    a, b = (a, b) if isinstance(a, tuple) else ((a,), (b,))
                    for u, v in zip(a, b):
                        assert mpmath.almosteq(mpmath.mpc(u), mpmath.mpc(v), rel_eps=mpmath.mpf("1e-25")), name


def test_registry_api():
    """names() lists every entry; get() of an unknown name raises KeyError naming the allowed ones;
    an entry with arguments refuses value()."""
    assert set(ASYMPTOTIC) <= set(names())
    with pytest.raises(KeyError, match="allowed: "):
        get("no-such-result")
    with pytest.raises(ValueError, match="takes arguments"):
        get("phi").value()
    assert isinstance(registry.get("fp-variance").expression.args, tuple)


def _run(argv, capsys):
    rc = main(argv)
    return rc, capsys.readouterr()


@pytest.mark.parametrize("name", ASYMPTOTIC)
def test_cli_json(name, capsys):
    """`derive NAME --json` prints the documented keys; a numeric value has >= 30 significant digits
    and agrees with mpmath evaluation of the registry expression at 50 digits."""
    rc, out = _run(["derive", name, "--json"], capsys)
    assert rc == 0
    rec = json.loads(out.out)
    assert {"name", "expression", "latex", "assumptions"} <= set(rec) and rec["name"] == name
    assert isinstance(rec["assumptions"], list) and rec["assumptions"]
    if not get(name).args:
        digits = rec["value"].replace("-", "").replace(".", "").lstrip("0")
        assert len(digits) >= 30
        with mpmath.workdps(50):
            ref = mpmath.mpf(str(get(name).expression.evalf(50)))
            assert abs(mpmath.mpf(rec["value"]) - ref) < mpmath.mpf(10) ** -29 * abs(ref)
    else:
        assert "value" not in rec


def test_cli_list_and_errors(capsys):
    """--list prints every name; an unknown name returns exit status 2 with a message."""
    rc, out = _run(["derive", "--list"], capsys)
    assert rc == 0 and all(n in out.out for n in names())
    rc, out = _run(["derive", "nope"], capsys)
    assert rc == 2 and "no derived result" in out.err


def test_staleness_is_detected(fresh):
    """The staleness check can fail: changing one derived expression (times 2) changes the hash,
    and the shipped callable then differs from the fresh one by value."""
    import importlib

    import sympy as sp

    from gatetheory.symbolic import codegen
    path, results = fresh["static_mft"]
    changed = {**results, "fp-variance": {**results["fp-variance"], "expr": 2 * sp.sympify(results["fp-variance"]["expr"][0])}}
    shipped = importlib.import_module("gatetheory.symbolic._generated.static_mft")
    assert codegen.expression_hash(changed) != shipped.HASH
    d = get("fp-variance")
    syms = codegen._symbols_for(changed["fp-variance"]["expr"], d.args)
    f = sp.lambdify(syms, changed["fp-variance"]["expr"], modules="numpy")
    x = [0.3, 0.4, 0.1, 0.2, 0.05]
    assert not _same(d.numpy(*x)[0], f(*x), 1e-12)
