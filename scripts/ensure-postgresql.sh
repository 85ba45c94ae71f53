#!/usr/bin/env bash
# Makes sure Debian's PostgreSQL server programs are present for the store's PostgreSQL tests
# (tests/test_store_postgres.py starts a throwaway cluster of its own; no service is used).
# Installs them through apt when missing and we are root; otherwise says so loudly and goes on
# (those tests then skip, unless CI=true, where they fail).
set -u
for initdb in /usr/lib/postgresql/*/bin/initdb; do
  if [ -x "$initdb" ]; then
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "PostgreSQL is missing: installing Debian's postgresql through apt ..."
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; then
    echo "PostgreSQL installed: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
    exit 0
  fi
  echo "WARNING: apt could not install postgresql." >&2
else
  echo "WARNING: PostgreSQL is missing and cannot be installed here (needs root and apt-get)." >&2
fi
echo "WARNING: the store's PostgreSQL tests will skip (they fail under CI=true)." >&2
exit 0
