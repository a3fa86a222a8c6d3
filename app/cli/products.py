"""``packdesk products``: a product's label (SKU, names, its EAN-13 or Code128) through the print queue."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.labels import add_printer_option
from app.cli.output import positive

if TYPE_CHECKING:
    from app.cli.runtime import Runtime


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("products", help="products: labels").add_subparsers(
        dest="products_command", metavar="ACTION", required=True)
    label = p.add_parser("label", parents=[common], help="print a product's label")
    label.add_argument("sku", help="its SKU or one of its barcodes")
    label.add_argument("--copies", type=positive, default=1)
    add_printer_option(label)
    label.set_defaults(func=cmd_label)


def cmd_label(rt: Runtime) -> int:
    from app.cli.labels import print_labels

    return print_labels(rt, "product", rt.args.sku, "stock.receive", copies=rt.args.copies)
