#!/usr/bin/env bash
# Installs the Debian packages KCField needs. Idempotent and fast when all are present.
# Usage: scripts/setup.sh [--server-only | --fuzz]
#   --server-only  no Qt (a server machine)
#   --fuzz         also clang and its libFuzzer runtime, for ./kc fuzz
set -euo pipefail

server_packages=(
  build-essential cmake ninja-build ccache pkg-config git curl python3
  libboost1.81-dev libsqlite3-dev sqlite3 libicu-dev libsodium-dev libssl-dev
  libqrencode-dev libpng-dev catch2 openssl
  libzip-dev libexpat1-dev libxlsxwriter-dev zlib1g-dev  # workbooks: XLSForm in, registers in, exports out
  python3-openpyxl  # the tests read and write workbooks with a second, independent library
  libpq-dev postgresql-15  # the PostgreSQL store (libpq) and the tests' throwaway cluster
)
app_packages=(
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins libgl-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qttest qml6-module-qtqml qml6-module-qtqml-models qt6-positioning-dev qml6-module-qtpositioning
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qtcore qml6-module-qt-labs-settings
  qt6-multimedia-dev qml6-module-qtmultimedia libzxing-dev qml6-module-qtcharts
  libexif-dev  # a photo's time and place, kept in its record when its metadata is dropped
  qt6-image-formats-plugins  # WebP: photos leave the phone as WebP (docs/app.md, "Capture")
  tesseract-ocr  # bench_photo_encoding reads the nameplate of each candidate photo back
  poppler-utils  # pdftotext: the report test reads the saved PDF back
  chromium  # the web console's browser tests (Playwright drives Debian's Chromium)
)

fuzz_packages=(clang libclang-rt-14-dev)

wanted=("${server_packages[@]}")
case "${1:-}" in
  --server-only) ;;
  --fuzz) wanted+=("${fuzz_packages[@]}") ;;
  *) wanted+=("${app_packages[@]}") ;;
esac

# The web console is built with Node.js 20 and npm (web/package.json); Debian 12's own nodejs
# is 18, too old for Vite, so a machine without Node.js gets it and is told if it is too old.
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  wanted+=(nodejs npm)
fi

missing=()
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if ((major < 20)); then
    echo "setup: the web console needs Node.js 20 or newer (found $(node --version 2>/dev/null || echo none));" >&2
    echo "setup: install it, or build without the console: cmake -DKC_BUILD_WEB=OFF" >&2
    exit 1
  fi
}

if ((${#missing[@]} == 0)); then
  check_node
  exit 0
fi

echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done"
check_node
