import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A question's label, hint, required mark and message around its input. Hidden while the
// question is not relevant; the message appears as soon as the answer is touched.
ColumnLayout {
    id: frame
    required property var field
    property bool flagged: false // named by the reviewer
    default property alias content: slot.data
    visible: field.relevant !== false
    spacing: 4
    Accessible.name: field.label

    Label {
        Layout.fillWidth: true
        text: frame.field.label + (frame.field.required ? " *" : "")
        font.bold: true
        wrapMode: Text.Wrap
        color: frame.flagged ? Theme.error : palette.windowText
    }
    Label {
        Layout.fillWidth: true
        visible: !!frame.field.hint
        text: frame.field.hint || ""
        font.pixelSize: Theme.smallFont
        color: Theme.neutral
        wrapMode: Text.Wrap
    }
    ColumnLayout {
        id: slot
        Layout.fillWidth: true
    }
    Label {
        objectName: "fieldMessage"
        Layout.fillWidth: true
        visible: text !== ""
        text: frame.field.message || ""
        color: Theme.error
        font.pixelSize: Theme.smallFont
        wrapMode: Text.Wrap
    }
}
