pragma Singleton
import QtQuick

// Sizes and colours shared by every screen. Touch targets never go under 48 px.
QtObject {
    readonly property int touchTarget: 48
    readonly property int spacing: 16
    readonly property int narrowWidth: 600   // one column below this width
    readonly property int widePaneWidth: 900 // list + detail from this width

    readonly property color ok: "#2e7d32"
    readonly property color warning: "#f9a825"
    readonly property color error: "#c62828"
    readonly property color neutral: "#757575"
}
