#!/usr/bin/env bash
# Refreshes app/i18n/*.ts from every qsTr()/tr() in app/ and qml/, then reports what is
# left to translate. Translate with Qt Linguist (linguist6) or any .ts editor.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
[[ -x $lupdate ]] || lupdate=$(command -v lupdate)
"$lupdate" -silent -locations relative -no-obsolete app/src qml -ts app/i18n/kcfield_vi.ts
unfinished=$(grep -c 'type="unfinished"' app/i18n/kcfield_vi.ts || true)
echo "app/i18n/kcfield_vi.ts: ${unfinished} unfinished translation(s)"
