"""Imports every scale protocol module so each registers itself in ``base.PROTOCOLS``."""

from devices.scale import adam, and_continuous, cas, mt_continuous, mt_sics, nci, toledo8217, yaohua

__all__ = ["adam", "and_continuous", "cas", "mt_continuous", "mt_sics", "nci", "toledo8217", "yaohua"]
