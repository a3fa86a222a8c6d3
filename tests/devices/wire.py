"""What a serial line does to bytes, for tests that feed parsers as a misconfigured port would."""

from __future__ import annotations


def even_parity(data: bytes) -> bytes:
    """What a port opened 8N1 receives from a 7E1 sender: the parity bit as bit 7."""
    return bytes(b | 0x80 if bin(b).count("1") % 2 else b for b in data)
