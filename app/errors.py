"""Errors the domain raises. Each carries a code, an English template and its parameters, so the
CLI and the UI can word it in the user's language (``resources/translations/errors_zh_CN.ts``,
context ``errors``); ``str(exc)`` is the English text. The shape is ``printing.errors.WordedError``,
shared with printing's errors (printing may not import ``app``).
"""

from __future__ import annotations

from printing.errors import WordedError


class DomainError(WordedError):
    """A refusal or failure a user can understand and act on.

    ``DomainError("No such order {number}.", number=n)``: the template is the translation key and
    the parameters fill it; ``code`` names the failure for programs (default: the class name).
    """


class NotFound(DomainError):
    """The thing asked for does not exist."""


class Conflict(DomainError):
    """Someone else holds or changed the thing (another station, a stale view)."""


class PermissionDenied(DomainError):
    """The signed-in user's role may not do this."""


class ConfigError(DomainError):
    """A setting, URL or file is unusable."""
