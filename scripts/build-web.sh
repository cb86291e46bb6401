#!/usr/bin/env bash
# Builds the web console (web/) and writes it as C++ for kcfield-server to embed.
# Usage: scripts/build-web.sh OUT_DIR   (CMake runs it; OUT_DIR gets dist/ and ConsoleAssetsData.cpp)
# npm packages come from the registry into web/node_modules, exactly as web/package-lock.json
# names them; they are installed again only when the lockfile changes.
set -euo pipefail
out=$(mkdir -p "$1" && cd "$1" && pwd)
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
  echo "build-web: npm is missing; run scripts/setup.sh (Node.js 20 and npm)" >&2
  exit 1
fi
stamp=node_modules/.kcfield-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "build-web: installing the console's npm packages (npm ci)"
  # Several build trees may build at once: one installs, the others wait for it.
  exec 9>.npm-install.lock
  flock 9
  if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
  flock -u 9
fi
npx --no-install vue-tsc --noEmit -p tsconfig.json
npx --no-install vite build --logLevel warn --outDir "$out/dist" --emptyOutDir
node scripts/embed.mjs "$out/dist" "$out/ConsoleAssetsData.cpp"
