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

# The browser tests drive Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium).
ensure_chromium() {
  local path="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [[ -x "$path" ]]; then
    return
  fi
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Chromium not found at $path; installing Debian's chromium for the browser tests"
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      return
    fi
  fi
  echo "error: the browser tests need Chromium: apt-get install chromium (or set CHROMIUM_PATH)" >&2
  exit 1
}
