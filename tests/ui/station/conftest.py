"""The station world the station screens are tested in (the pack station PACK-01, packer1)."""

from tests.support.station_world import station

__all__ = ["station"]
