import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// "Label: value" in a detail screen; hidden when there is no value.
ColumnLayout {
    property string label
    property string value
    visible: value !== ""
    spacing: 0
    Label {
        Layout.fillWidth: true
        text: parent.label
        font.pixelSize: Theme.smallFont
        color: Theme.neutral
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: parent.value
        wrapMode: Text.Wrap
    }
}
