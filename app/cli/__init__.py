"""The ``packdesk`` command, the composition root: the GUI by default, and one module per noun
(``db``, ``demo``, ``devices``, ``print``, ``customer``, ...) adding its subcommands.

Modules import only the standard library at the top, and what a command needs inside it, so
``packdesk devices read-scan`` loads neither Qt nor reportlab nor SQLAlchemy. Every error reaches
the user as one line ``packdesk: error: ...`` and exit status 1; control characters in any
output (a customer's name carrying an escape sequence) are shown escaped, never sent to the
terminal.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import logging
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from app.cli.output import SafeText, failure_message
from app.cli.runtime import Runtime, common_options

# Each module has ``register(sub, common)``; the order is the order of ``--help``.
NOUNS = ["gui", "demo", "db", "screenshot", "worker", "station", "customer", "ticket", "hours", "refunds",
         "assist", "mail", "imports", "printing", "devices", "site", "users",
         "stock", "boxes", "products", "carriers", "video", "session"]


# The command words each module registers, so that a command imports its own module only (every
# module's parsers cost ~0.1 s at start, the GUI's first window included); tests check the map.
COMMANDS = {
    "gui": "gui", "demo": "demo", "db": "db", "screenshot": "screenshot", "worker": "worker",
    "station": "station", "customer": "customer", "ticket": "ticket", "hours": "hours", "calendar": "hours",
    "refunds": "refunds", "assist": "assist", "mail": "mail", "import": "imports", "print": "printing",
    "printers": "printing", "print-jobs": "printing", "devices": "devices", "init": "site", "users": "users",
    "warehouses": "stock", "bins": "stock", "totes": "stock", "stock": "stock", "boxes": "boxes",
    "products": "products", "carriers": "carriers", "video": "video", "login": "session", "logout": "session",
}
_VALUED = ("--db", "--user")  # the common options that take a value
# Start-up makes tens of thousands of objects that live as long as the process (SQLAlchemy, the
# models, Qt's wrappers): collecting them again and again cost ``customer find`` ~40 ms.
START_UP_S = 1.0


def _command_word(argv: Sequence[str]) -> str | None:
    words = iter(argv)
    for word in words:
        if word in _VALUED:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with a known command, only its module is imported; with none (the
    GUI) no module; for --help or an unknown word, every module (argparse lists them all)."""
    argv = sys.argv[1:] if argv is None else argv
    word = _command_word(argv)
    if word in COMMANDS:
        nouns = [COMMANDS[word]]
    elif word is None and not {"-h", "--help"} & set(argv):
        nouns = []
    else:
        nouns = NOUNS
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="packdesk",
        parents=[common],
        description="PackDesk: fulfilment stations and customer service. Without a command, starts the app.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for noun in nouns:
        importlib.import_module(f"app.cli.{noun}").register(sub, common)
    return parser


@contextmanager
def collecting_after_start_up(delay_s: float = START_UP_S) -> Iterator[None]:
    """No garbage collection for the first ``delay_s`` (a quick command ends before), then as usual;
    the collector is left as it was found (commands run in-process by tests and scripts)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    timer = threading.Timer(delay_s, gc.enable)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        gc.enable()


def _exit_without_collecting() -> None:
    """At exit the interpreter collects garbage over every object, several times (~0.1 s after a
    quick command): the memory goes with the process, so objects left are not collected. Qt tears
    its objects down through the collector: a process that loaded it collects as usual."""
    if "shiboken6" not in sys.modules:
        gc.freeze()


def main(argv: Sequence[str] | None = None) -> int:
    atexit.unregister(_exit_without_collecting)  # once, however often main runs in a process
    atexit.register(_exit_without_collecting)
    with collecting_after_start_up():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser(argv).parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    if not hasattr(args, "func"):
        from app.cli.gui import cmd_gui

        args.func = cmd_gui
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeText(out), SafeText(err)
    rt = Runtime(args)
    try:
        return int(args.func(rt) or 0)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        message = failure_message(exc, rt.language)
        if message is None:
            raise  # a bug: the traceback is what a developer needs
        print(f"packdesk: error: {message}", file=sys.stderr)
        return 1
    finally:
        rt.close()
        sys.stdout, sys.stderr = out, err


if __name__ == "__main__":
    sys.exit(main())
