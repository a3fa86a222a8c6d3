#!/usr/bin/env bash
# Runs ruff, the import-linter layer contracts, mypy over app/, devices/ and printing/ (all three
# configured in pyproject.toml) and the whole test suite offscreen. PostgreSQL tests run against
# the local server that scripts/setup-system.sh starts (or PACKDESK_TEST_PG_URL); CUPS tests
# against its PDF queue; mail tests against postfix and dovecot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
export QT_QPA_PLATFORM=offscreen
export PACKDESK_TEST_PG_URL="${PACKDESK_TEST_PG_URL:-postgresql://packdesk:packdesk@127.0.0.1/postgres}"
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
.venv/bin/mypy
exec .venv/bin/python -m pytest -q "$@"
