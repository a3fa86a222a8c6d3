"""The devices layer's errors, worded for the person at the station: an English template (the
translation key), its named parameters and a code, the shape of ``printing.errors.WordedError``,
so the CLI and the UI word them in the user's language (``app.i18n.word``)."""

from __future__ import annotations


class DeviceError(Exception):
    """A device that cannot be opened, does not answer, answers nonsense or is set up wrong.

    A class of its own, not ``printing.errors.WordedError``: this layer may not import printing.
    ``DeviceError("Cannot open {port}: {reason}", port=p, reason=r)``; ``str()`` is the English text.
    """

    def __init__(self, template: str, /, code: str = "", **params: object) -> None:
        self.template = template
        self.params = params
        self.code = code or type(self).__name__
        self.message = template.format(**params) if params else template
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message
