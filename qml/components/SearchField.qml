import QtQuick
import QtQuick.Controls
import KCField

// Search as you type; diacritics are optional ("tam hoa" finds "Tâm Hòa").
TextField {
    placeholderText: qsTr("Search (accents optional)")
    inputMethodHints: Qt.ImhNoPredictiveText
    selectByMouse: true
    implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
    Accessible.name: placeholderText
    Accessible.role: Accessible.EditableText
}
