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
import importlib
import logging
import sys
from collections.abc import Sequence

from app.cli.output import SafeText, failure_message
from app.cli.runtime import Runtime, common_options

# Each module has ``register(sub, common)``; the order is the order of ``--help``.
NOUNS = ["gui", "demo", "db", "screenshot", "worker", "station", "customer", "ticket", "hours", "refunds",
         "assist", "mail", "imports", "printing", "devices", "site", "users",
         "stock", "boxes", "products", "carriers", "video"]


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="packdesk",
        parents=[common],
        description="PackDesk: fulfilment stations and customer service. Without a command, starts the app.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for noun in NOUNS:
        importlib.import_module(f"app.cli.{noun}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
