"""A device profile as the station settings file holds it (``[devices.scale]``, ...): option name
to a TOML scalar. Protocols and drivers read the options they know and ignore the rest."""

from __future__ import annotations

Profile = dict[str, str | int | float | bool]
