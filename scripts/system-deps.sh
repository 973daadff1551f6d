#!/usr/bin/env bash
# Install and start what the tests need outside Python: Chromium, poppler (pdftoppm),
# and a local PostgreSQL 15 with a test database. Idempotent; needs root for the installs.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing system packages: ${need[*]} (run: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}"
fi

# PostgreSQL: start the machine's cluster and make a test database for this user.
if command -v pg_ctlcluster >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -z "$version" ]; then
    echo "no PostgreSQL cluster found under /etc/postgresql" >&2
    exit 1
  fi
  pg_ctlcluster "$version" main start 2>/dev/null || true
  for _ in $(seq 1 30); do
    runuser -u postgres -- pg_isready -q && break
    sleep 0.5
  done
  runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='$(id -un)'" | grep -q 1 \
    || runuser -u postgres -- createuser -s "$(id -un)"
  psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='safesleep_test'" | grep -q 1 \
    || createdb safesleep_test
fi
