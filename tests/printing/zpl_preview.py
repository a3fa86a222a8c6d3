"""What a Zebra would print for our ZPL, as a PIL image: the ^GFA graphics placed at their ^FO,
the ^BC Code128, ^BE EAN-13 and ^BQ QR drawn in whole dots (python-barcode and segno encode them), so the
label can be looked at and its barcodes decoded with zxing-cpp."""

from __future__ import annotations

import re

import segno
from barcode import EAN13, Code128
from PIL import Image, ImageDraw


def render(zpl: str) -> Image.Image:
    width = int(re.search(r"\^PW(\d+)", zpl)[1])
    height = int(re.search(r"\^LL(\d+)", zpl)[1])
    label = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(label)
    module = 2
    for field in re.finditer(r"\^FO(\d+),(\d+)(.*?)\^FS", zpl, re.S):
        x, y, body = int(field[1]), int(field[2]), field[3]
        if by := re.search(r"\^BY(\d+)", body):
            module = int(by[1])
        if gfa := re.match(r"\^GFA,(\d+),\d+,(\d+),([0-9A-F]+)", body):
            total, row = int(gfa[1]), int(gfa[2])
            raw = bytes(b ^ 0xFF for b in bytes.fromhex(gfa[3]))
            label.paste(Image.frombytes("1", (row * 8, total // row), raw), (x, y))
        elif (bc := re.search(r"\^BCN,(\d+),.*?\^FD(.*)", body, re.S)) or (
            be := re.search(r"\^BEN,(\d+),.*?\^FD(.*)", body, re.S)
        ):
            if bc:
                data = bc[2]
                if "^FH_" in body:
                    data = re.sub(r"_([0-9A-F]{2})", lambda h: chr(int(h[1], 16)), data)
                bars = Code128(data.replace("><", ">")).build()[0]
            else:
                bc, bars = be, EAN13(be[2]).build()[0]
            for i, bit in enumerate(bars):
                if bit == "1":
                    draw.rectangle((x + i * module, y, x + (i + 1) * module - 1, y + int(bc[1]) - 1), fill=0)
        elif qr := re.search(r"\^BQN,2,(\d+)\^FD..,(.*)", body, re.S):
            mag = int(qr[1])
            matrix = segno.make_qr(qr[2], error="m", boost_error=False).matrix
            for r, cells in enumerate(matrix):
                for c, dark in enumerate(cells):
                    if dark:
                        draw.rectangle(
                            (x + c * mag, y + r * mag, x + (c + 1) * mag - 1, y + (r + 1) * mag - 1), fill=0
                        )
    return label
