import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField

// A repeat's title, how many entries it has, and "Add".
ColumnLayout {
    id: header
    required property var field
    required property var form
    property bool editable: true
    visible: field.relevant !== false
    Accessible.name: field.label
    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 (%2)").arg(header.field.label).arg(header.field.count || 0)
            font.bold: true
            font.pixelSize: Theme.titleFont
            wrapMode: Text.Wrap
        }
        ActionButton {
            objectName: "add_" + header.field.path
            visible: header.editable
            implicitHeight: Theme.touchTarget
            text: qsTr("Add")
            Accessible.name: qsTr("Add to %1").arg(header.field.label)
            onClicked: header.form.addEntry(header.field.path)
        }
    }
    Label {
        Layout.fillWidth: true
        visible: !!header.field.message
        text: header.field.message || ""
        color: Theme.error
        wrapMode: Text.Wrap
    }
}
