"""Run benchmarks: ``python -m tests.bench [NAME ...] [--json]``.

Every ``tests/bench/bench_*.py`` module is imported so its ``@benchmark`` functions register.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys

from tests.bench import harness


def _load_all() -> None:
    import tests.bench as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name.startswith("bench_"):
            importlib.import_module(f"tests.bench.{mod.name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--list", action="store_true", help="list benchmark names")
    args = parser.parse_args(argv)
    _load_all()
    if args.list:
        print("\n".join(sorted(harness.REGISTRY)))
        return 0
    unknown = [n for n in args.names if n not in harness.REGISTRY]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; try --list", file=sys.stderr)
        return 2
    for name in args.names or sorted(harness.REGISTRY):
        result = harness.REGISTRY[name]()
        print(json.dumps(result.as_dict(), ensure_ascii=False) if args.json else result.line(),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
