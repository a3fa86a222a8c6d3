"""Simulated devices on real ptys, speaking the real protocol bytes (demo and tests)."""
