import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField

// One entry of a repeat: its number and a summary of its answers, and "Remove".
Rectangle {
    id: header
    required property var field
    required property var form
    property bool editable: true
    visible: field.relevant !== false
    implicitHeight: row.implicitHeight + 8
    color: Qt.rgba(Material.accent.r, Material.accent.g, Material.accent.b, 0.12)
    radius: 4
    Accessible.name: field.label + " " + (field.index + 1)
    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 8
        Label {
            Layout.fillWidth: true
            text: header.field.label + " " + (header.field.index + 1) + (header.field.summary ? ": " + header.field.summary : "")
            font.bold: true
            elide: Text.ElideRight
        }
        ActionButton {
            objectName: "remove_" + header.field.path
            visible: header.editable
            flat: true
            implicitHeight: Theme.touchTarget
            text: qsTr("Remove")
            Accessible.name: qsTr("Remove %1 %2").arg(header.field.label).arg(header.field.index + 1)
            onClicked: header.form.removeEntry(header.field.repeat, header.field.index)
        }
    }
}
