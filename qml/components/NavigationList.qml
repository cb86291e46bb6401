import QtQuick
import QtQuick.Controls
import KCField
import KCField.Core

// The sections of the app, with who is signed in at the top.
ListView {
    id: list
    required property var sections  // [{key, title}]
    required property string section
    required property Session session
    signal chosen(string key)
    objectName: "navigation"
    clip: true
    model: sections
    header: Pane {
        width: list.width
        Column {
            width: parent.width
            Label {
                width: parent.width
                text: list.session.displayName || list.session.username
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                width: parent.width
                text: Codes.role(list.session.role)
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
        highlighted: list.section === modelData.key
        Accessible.name: modelData.title
        onClicked: list.chosen(modelData.key)
    }
}
