"""Mean-field theory of the gated RNN: static fixed points, their stability, critical lines, phase diagram."""
