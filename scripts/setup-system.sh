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

# Mail: postfix (SMTP on 127.0.0.1:25) and dovecot (IMAP on 127.0.0.1:143) delivering to
# ~/Maildir, with the users the mail tests and the bench sign in as. Unknown recipients are
# accepted and bounced afterwards (smtpd_reject_unlisted_recipient = no), so tests see real DSNs;
# user+token@localhost reaches user (each mail test reads only its own token's messages).
$SUDO apt-get install -y -qq --no-install-recommends dovecot-imapd postfix >/dev/null
[ -s /etc/mailname ] || echo localhost | $SUDO tee /etc/mailname >/dev/null
$SUDO postconf -e "home_mailbox = Maildir/" "inet_interfaces = loopback-only" \
  "mydestination = localhost, packdesk.test" "inet_protocols = ipv4" \
  "smtpd_reject_unlisted_recipient = no" "mailbox_size_limit = 0" "recipient_delimiter = +"
$SUDO tee /etc/dovecot/conf.d/99-packdesk.conf >/dev/null <<'CONF'
mail_location = maildir:~/Maildir
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
CONF
# dovecot refuses to start while the default certificate named there is missing
$SUDO sed -i -E 's/^(ssl_(cert|key) = )/#\1/' /etc/dovecot/conf.d/10-ssl.conf
for who in shop customer bench; do
  id "pd$who" >/dev/null 2>&1 || $SUDO useradd -m -s /usr/sbin/nologin "pd$who"
  echo "pd$who:packdesk-$who" | $SUDO chpasswd
done
# daemons keep the caller's stdout open: without the redirections this script never returns
if $SUDO postfix status >/dev/null 2>&1; then $SUDO postfix reload >/dev/null 2>&1; else $SUDO postfix start >/dev/null 2>&1; fi
if pgrep -x dovecot >/dev/null; then $SUDO doveadm reload >/dev/null 2>&1; else $SUDO dovecot >/dev/null 2>&1; fi
for _ in $(seq 1 30); do
  (exec 3<>/dev/tcp/127.0.0.1/143) 2>/dev/null && (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null && break
  sleep 0.5
done
echo "mail ready: SMTP 127.0.0.1:25, IMAP 127.0.0.1:143, users pdshop pdcustomer pdbench (password packdesk-<who>)"
