#!/usr/bin/env bash
# Fails when an interface string has no Vietnamese translation: runs lupdate over the sources
# into a copy of app/i18n/kcfield_vi.ts (the file itself is left alone) and counts what is
# unfinished. Run scripts/update-translations.sh, then translate, to fix it.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
[[ -x $lupdate ]] || lupdate=$(command -v lupdate)
copy=$(mktemp --suffix=.ts)
trap 'rm -f "$copy"' EXIT
cp app/i18n/kcfield_vi.ts "$copy"
"$lupdate" -silent -locations none -no-obsolete app/src qml -ts "$copy"
unfinished=$(grep -c 'type="unfinished"' "$copy" || true)
if ((unfinished > 0)); then
  echo "app/i18n/kcfield_vi.ts: ${unfinished} string(s) without a Vietnamese translation:" >&2
  grep -B3 'type="unfinished"' "$copy" | grep '<source>' | sed 's/ *<source>\(.*\)<\/source>/  \1/' >&2
  exit 1
fi
echo "app/i18n/kcfield_vi.ts: every interface string is translated"
