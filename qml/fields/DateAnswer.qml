import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A date, shown and typed as dd/mm/yyyy or picked from a calendar; stored as YYYY-MM-DD.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: input
            objectName: "input_" + frame.field.path
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
            placeholderText: qsTr("dd/mm/yyyy")
            text: Codes.date(frame.field.value)
            readOnly: !frame.editable || frame.field.readOnly
            inputMethodHints: Qt.ImhDate
            Accessible.name: frame.field.label
            onEditingFinished: frame.commit()
            onTextEdited: frame.pendingPath = frame.field.path
        }
        ActionButton {
            objectName: "pick_" + frame.field.path
            implicitHeight: Theme.touchTarget
            enabled: frame.editable && !frame.field.readOnly
            text: qsTr("Pick")
            Accessible.name: qsTr("Choose a date")
            onClicked: picker.open()
        }
        ActionButton {
            implicitHeight: Theme.touchTarget
            flat: true
            enabled: frame.editable && !frame.field.readOnly
            text: qsTr("Today")
            Accessible.name: qsTr("Today")
            onClicked: frame.form.setAnswer(frame.field.path, Qt.formatDate(new Date(), "yyyy-MM-dd"))
        }
    }
    property string pendingPath: ""  // where typing not saved yet belongs (see TextAnswer)
    function commit() {
        const path = pendingPath !== "" ? pendingPath : field.path
        pendingPath = ""
        if (Codes.isoDate(input.text) !== (field.value || ""))
            form.setAnswer(path, Codes.isoDate(input.text))
    }
    Component.onDestruction: if (pendingPath !== "") commit()
    DatePicker {
        id: picker
        date: frame.field.value || ""
        onPicked: function(text) { frame.form.setAnswer(frame.field.path, text) }
    }
}
