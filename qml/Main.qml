import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import KCField

ApplicationWindow {
    id: window
    required property url serverUrl

    width: 400
    height: 720
    visible: true
    title: qsTr("KCField — Industrial extension")
    Material.theme: Material.System
    Material.accent: Material.Teal
    Material.primary: Material.Teal

    header: ToolBar {
        // Material's toolbar shadow is a shader effect the software renderer cannot draw.
        Material.elevation: GraphicsInfo.api === GraphicsInfo.Software ? 0 : 4
        Label {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            text: qsTr("KCField — Industrial extension")
            font.pixelSize: 18
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
    }

    ServerStatusPage {
        anchors.fill: parent
        serverUrl: window.serverUrl
    }
}
