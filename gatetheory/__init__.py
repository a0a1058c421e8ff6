"""gatetheory: theory of gated recurrent neural networks.

Layout follows the flow derivation -> numerics -> solvers -> simulator -> validation:
``derivations/`` (SymPy, outside the package), ``gatetheory.symbolic`` (registry and
generated code), ``gatetheory.numerics`` and ``gatetheory.meanfield`` (solvers),
``gatetheory.network`` (the simulator, an independent oracle), ``gatetheory.validate``.
"""
from .params import GateParams, ParameterError

__version__ = "0.1.0"
__all__ = ["GateParams", "ParameterError", "__version__"]
