# Sourced by `make test`: point the PostgreSQL tests at the local test database when it answers.
if [ -z "${SAFESLEEP_TEST_PG_URL:-}" ] && command -v psql >/dev/null 2>&1 \
   && psql -d safesleep_test -tAc 'SELECT 1' >/dev/null 2>&1; then
  export SAFESLEEP_TEST_PG_URL="postgresql+psycopg:///safesleep_test?host=/var/run/postgresql"
fi
export FLET_WEB_NO_CDN=1
