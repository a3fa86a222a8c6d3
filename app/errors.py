"""Errors the domain raises: each carries a message fit to show a user as it is."""


class DomainError(Exception):
    """A refusal or failure a user can understand and act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The thing asked for does not exist."""


class Conflict(DomainError):
    """Someone else holds or changed the thing (another station, a stale view)."""


class PermissionDenied(DomainError):
    """The signed-in user's role may not do this."""


class ConfigError(DomainError):
    """A setting, URL or file is unusable."""
