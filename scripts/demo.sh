#!/usr/bin/env bash
# Sets PackDesk up and starts it on fresh demo data with simulated scanner and scale.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/venv.sh
DB="${PACKDESK_DEMO_DB:-$PWD/demo.sqlite}"
rm -f "$DB" "$DB-wal" "$DB-shm"
exec .venv/bin/packdesk demo --db "sqlite:///$DB" "$@"
