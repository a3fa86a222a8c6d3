"""Weighing scales: one pure parser module per protocol, registered by name in ``base``."""
