#!/usr/bin/env bash
# Creates .venv (once) and installs PackDesk with its test, PostgreSQL and video extras into it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,postgres,video]'
