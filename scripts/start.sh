#!/usr/bin/env bash
# The one start command: installs the dependencies, then `pnpm start` (build, Postgres and Redis,
# every service, demo data). Flags are passed on, e.g. `bash scripts/start.sh --no-demo`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/start/ensure-tools.sh
. scripts/start/ensure-tools.sh
ensure_node
ensure_pnpm

if ! pnpm install --frozen-lockfile; then
  echo "pnpm-lock.yaml does not match package.json; running a plain pnpm install"
  pnpm install --no-frozen-lockfile
fi

exec pnpm start "$@"
