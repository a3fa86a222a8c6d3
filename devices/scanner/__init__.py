"""Barcode scanners: serial framing, keyboard-wedge support (in ui/keyinput) and scan parsing."""
