import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import KCField

// A full-height (48 px) button that also draws under Qt's software renderer, where
// Material's shadow (a shader effect) cannot be drawn and would hide the whole background.
Button {
    id: control
    readonly property bool softwareRendering: GraphicsInfo.api === GraphicsInfo.Software

    implicitHeight: Theme.touchTarget
    Accessible.name: text

    Binding {
        target: control.background ? control.background.layer : null
        property: "enabled"
        value: false
        when: control.softwareRendering
    }
}
