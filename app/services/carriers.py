"""Carrier waybill numbers and sorting codes.

Numbers come from each carrier's number range (a real integration books them through the
carrier's API; the range here is the pool the carrier hands a warehouse) and have the shape
the carrier's scanners and ours recognise. One number per shipment id keeps them unique.
"""

from __future__ import annotations

import zlib

NAMES = {
    "SF": "顺丰速运",
    "YTO": "圆通速递",
    "ZTO": "中通快递",
    "JD": "京东物流",
    "EMS": "中国邮政 EMS",
}
_RANGES = {
    "SF": ("SF", 1_400_000_000_000),
    "YTO": ("YT", 7_500_000_000_000),
    "ZTO": ("", 780_000_000_000),
    "JD": ("JDX", 100_000_000_000),
    "EMS": ("", 1_100_000_000_000),
}
DEFAULT_CARRIER = "SF"


def tracking_number(carrier: str, shipment_id: int) -> str:
    prefix, base = _RANGES.get(carrier, _RANGES[DEFAULT_CARRIER])
    return f"{prefix}{base + shipment_id}"


def sort_code(province: str, city: str, district: str) -> str:
    """A three-segment sorting code (hub-route-station) as printed on Chinese waybills; the same
    destination always gets the same code, as a carrier's routing table would give it."""
    h = zlib.crc32(f"{province}|{city}|{district}".encode())
    return f"{100 + h % 900}-{100 + (h >> 10) % 900}-{(h >> 20) % 100:02d} {(h >> 7) % 1000:03d}"
