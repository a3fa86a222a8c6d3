"""Errors worded for a user, for every layer: ``WordedError`` carries an English template (the
translation key), its named parameters and a code, so the CLI and the UI can word it in the user's
language. It lives here because printing may not import ``app``, while ``app.errors.DomainError``
may build on it; printing's own errors follow."""

from __future__ import annotations


class WordedError(Exception):
    """A refusal or failure a user can understand and act on.

    ``WordedError("No printer {name}.", name=n)``: the template is the translation key and the
    parameters fill it; ``code`` names the failure for programs (default: the class name).
    """

    def __init__(self, template: str, /, code: str = "", **params: object) -> None:
        self.template = template
        self.params = params
        self.code = code or type(self).__name__
        self.message = template.format(**params) if params else template
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class PrintingError(WordedError):
    """A document that cannot be drawn or a printer that cannot be used."""


class PrinterError(PrintingError):
    """Sending failed. ``retryable``: nothing reached the printer, so sending again cannot print
    twice; otherwise the printer refused the job for good."""

    def __init__(self, template: str, /, retryable: bool, code: str = "", **params: object) -> None:
        super().__init__(template, code=code, **params)
        self.retryable = retryable


class PrintOutcomeUnknown(PrinterError):
    """Bytes reached the printer but it never confirmed the job: part or all of it may have printed,
    so only a person who looked at the printer may reprint it or mark it printed."""

    def __init__(self, template: str, /, code: str = "", **params: object) -> None:
        super().__init__(template, retryable=False, code=code, **params)


class PrinterConfigError(PrintingError):
    """A printer URI or setting that cannot name a usable printer."""
