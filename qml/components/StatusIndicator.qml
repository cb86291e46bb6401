import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A coloured dot with a label: the one-glance answer to "does it work?".
RowLayout {
    id: root
    property color color: Theme.neutral
    property string text: ""
    property bool busy: false

    spacing: 12
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Rectangle {
        Layout.preferredWidth: 20
        Layout.preferredHeight: 20
        radius: 10
        color: root.color
        visible: !root.busy
    }
    BusyIndicator {
        Layout.preferredWidth: 28
        Layout.preferredHeight: 28
        running: root.busy
        visible: root.busy
    }
    Label {
        Layout.fillWidth: true
        text: root.text
        font.pixelSize: 20
        font.bold: true
        wrapMode: Text.Wrap
    }
}
