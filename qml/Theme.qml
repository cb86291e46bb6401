pragma Singleton
import QtQuick

// Sizes and colours shared by every screen. Touch targets never go under 48 px; text sizes
// follow the system font (Qt.application.font), so a larger system text makes them larger.
QtObject {
    readonly property int touchTarget: 48
    readonly property int spacing: 16
    readonly property int narrowWidth: 600   // one column below this width
    readonly property int widePaneWidth: 900 // list + detail from this width
    readonly property int listPaneWidth: 360

    // The application's font: a FontMetrics starts with it.
    readonly property FontMetrics defaultMetrics: FontMetrics {}
    readonly property font appFont: defaultMetrics.font
    readonly property real baseFont: appFont.pixelSize > 0 ? appFont.pixelSize : appFont.pointSize * 4 / 3
    readonly property real smallFont: Math.round(baseFont * 0.875)
    readonly property real titleFont: Math.round(baseFont * 1.25)
    readonly property real headlineFont: Math.round(baseFont * 1.5)

    readonly property color ok: "#2e7d32"
    readonly property color warning: "#f9a825"
    readonly property color error: "#c62828"
    readonly property color neutral: "#757575"
}
