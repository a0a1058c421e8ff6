"""Eigenvalues of the network Jacobian (seed Sec. III, Fig. 1)."""
from __future__ import annotations

import numpy as np
import scipy.linalg

from .jacobian import jacobian
from .model import Network

__all__ = ["jacobian_eigenvalues", "leading_eigenvalue"]


def jacobian_eigenvalues(net: Network, x: np.ndarray, t: float = 0.0) -> np.ndarray:
    """All 3N eigenvalues of the Jacobian at state x, shape (3N,) complex, sorted by decreasing real part."""
    ev = scipy.linalg.eigvals(jacobian(net, x, t), overwrite_a=True, check_finite=True)
    return ev[np.argsort(-ev.real)]


def leading_eigenvalue(net: Network, x: np.ndarray, t: float = 0.0) -> complex:
    """The eigenvalue with the largest real part (the leading edge of the spectrum)."""
    return complex(jacobian_eigenvalues(net, x, t)[0])
