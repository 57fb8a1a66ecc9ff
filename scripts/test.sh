#!/usr/bin/env bash
# The one test command: installs the dependencies, then `pnpm test` (typecheck, lint, build and
# every test) against real Postgres and Redis. Exits with the test run's exit code.
#
# Postgres and Redis: DATABASE_URL / REDIS_URL when set; else the local services on 127.0.0.1:5432
# and 127.0.0.1:6379 when they answer; else embedded ones, started by `scripts/start.ts
# --infra-only` (data under .data/test-infra) and stopped when the tests end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/start/ensure-tools.sh
. scripts/start/ensure-tools.sh
ensure_node
ensure_pnpm
ensure_chromium

pnpm install --frozen-lockfile

reachable() {
  [[ "${LLMBENCH_SKIP_LOCAL_INFRA:-}" == 1 ]] && return 1 # tests of the embedded path
  # Loopback refuses at once when nothing listens; the timeout only guards a wedged listener.
  if command -v timeout >/dev/null 2>&1; then
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
  else
    bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
  fi
}

if [[ -z "${DATABASE_URL:-}" ]] && reachable 5432; then
  export DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
fi
if [[ -z "${REDIS_URL:-}" ]] && reachable 6379; then
  export REDIS_URL="redis://127.0.0.1:6379"
fi

infra_pid=""
env_file="$(mktemp -u "${TMPDIR:-/tmp}/llmbench-test-infra.XXXXXX")"
# shellcheck disable=SC2317 # called by the EXIT trap
stop_infra() {
  if [[ -n "$infra_pid" ]] && kill -0 "$infra_pid" 2>/dev/null; then
    kill -INT "$infra_pid" 2>/dev/null || true
    wait "$infra_pid" 2>/dev/null || true
  fi
  rm -f "$env_file"
}
trap stop_infra EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${DATABASE_URL:-}" || -z "${REDIS_URL:-}" ]]; then
  echo "test: starting the missing Postgres/Redis with scripts/start.ts --infra-only"
  # Plain node (not `pnpm start`): one process, whose pid gets the signal that stops it.
  LLMBENCH_DATA_DIR=.data/test-infra node --import tsx scripts/start.ts \
    --infra-only --database postgres --write-env "$env_file" &
  infra_pid=$!
  for _ in $(seq 1 240); do
    [[ -s "$env_file" ]] && break
    if ! kill -0 "$infra_pid" 2>/dev/null; then
      wait "$infra_pid" && status=0 || status=$?
      [[ -s "$env_file" ]] && break
      echo "test: could not get Postgres and Redis (exit $status)" >&2
      exit 1
    fi
    sleep 0.5
  done
  if [[ ! -s "$env_file" ]]; then
    echo "test: Postgres/Redis were not ready after 120s" >&2
    exit 1
  fi
  # shellcheck source=/dev/null
  . "$env_file"
fi

echo "test: DATABASE_URL=${DATABASE_URL} REDIS_URL=${REDIS_URL}"
status=0
pnpm test || status=$?
exit "$status"
