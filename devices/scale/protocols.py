"""Imports every scale protocol module so each registers itself in ``base.PROTOCOLS``."""
