import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// The sections of the app, with who is signed in at the top.
ListView {
    id: list
    required property var shell
    objectName: "navigation"
    clip: true
    model: shell.sections
    header: Pane {
        width: list.width
        Column {
            width: parent.width
            Label {
                width: parent.width
                text: list.shell.session.displayName || list.shell.session.username
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                width: parent.width
                text: Codes.role(list.shell.session.role)
                font.pixelSize: Theme.smallFont
                elide: Text.ElideRight
            }
        }
    }
    delegate: ItemDelegate {
        required property var modelData
        objectName: "nav_" + modelData.key
        width: list.width
        height: Math.max(Theme.touchTarget, implicitHeight)
        text: modelData.title
        highlighted: list.shell.section === modelData.key
        Accessible.name: modelData.title
        onClicked: list.shell.show(modelData.key)
    }
}
