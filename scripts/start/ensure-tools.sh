# shellcheck shell=bash
# Shared by scripts/start.sh and scripts/test.sh: make sure Node.js 20.11+ and pnpm 9 are there.

ensure_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "error: Node.js 20.11 or newer is required: install it from https://nodejs.org (or nvm install 20)" >&2
    exit 1
  fi
  local version major minor
  version="$(node -p 'process.versions.node')"
  major="${version%%.*}"
  minor="$(echo "$version" | cut -d. -f2)"
  if ((major < 20 || (major == 20 && minor < 11))); then
    echo "error: Node.js $version is too old; install Node.js 20.11 or newer (e.g. nvm install 20)" >&2
    exit 1
  fi
}

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1; then
    return
  fi
  echo "pnpm not found; enabling it through corepack (the version is pinned in package.json)"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  if command -v corepack >/dev/null 2>&1 && corepack enable pnpm 2>/dev/null && pnpm --version >/dev/null 2>&1; then
    return
  fi
  echo "corepack unavailable; installing pnpm 9 with npm"
  if npm install --global pnpm@9 >/dev/null && command -v pnpm >/dev/null 2>&1; then
    return
  fi
  echo "error: could not install pnpm; run: npm install --global pnpm@9 (with sudo if needed)" >&2
  exit 1
}
