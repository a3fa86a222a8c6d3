#!/usr/bin/env bash
# System packages and services PackDesk's full test suite uses (Debian/Ubuntu, as root):
# CJK fonts, Qt runtime libraries, PostgreSQL (multi-station tests), CUPS with a PDF queue.
# Idempotent: run it again and it only starts what is not running.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  python3-venv fonts-wqy-microhei \
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libpulse0 \
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 xvfb \
  postgresql cups cups-bsd printer-driver-cups-pdf poppler-utils >/dev/null

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# PostgreSQL: a local server with a role the tests use.
PG_VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)
$SUDO pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  as_postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 1
done
as_postgres psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname='packdesk'" | grep -q 1 ||
  as_postgres psql -qc "CREATE ROLE packdesk LOGIN SUPERUSER PASSWORD 'packdesk'"

# CUPS with a cups-pdf queue named PDF (the system-printer tests print to it).
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
  $SUDO /usr/sbin/cupsd
  for _ in $(seq 1 30); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.5; done
fi
lpstat -p PDF >/dev/null 2>&1 ||
  $SUDO lpadmin -p PDF -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
echo "system ready: PostgreSQL $PG_VERSION, CUPS queue PDF, CJK fonts"
