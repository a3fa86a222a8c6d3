"""The station and service worlds the service tests stand in (kept in tests/support so UI and
integration tests can build the same data)."""

from tests.support.service_world import agent_ctx, super_ctx, world
from tests.support.station_world import station

__all__ = ["agent_ctx", "station", "super_ctx", "world"]
