"""Precision-aware numerical building blocks (float64 NumPy and mpmath at any precision)."""
