import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Text, integer and decimal answers. Saved a moment after typing stops, and when leaving.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    TextField {
        id: input
        objectName: "input_" + frame.field.path
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
        text: frame.field.value !== undefined && frame.field.value !== null ? String(frame.field.value) : ""
        readOnly: !frame.editable || frame.field.readOnly
        inputMethodHints: frame.field.type === "integer" ? Qt.ImhDigitsOnly
                          : frame.field.type === "decimal" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
        Accessible.name: frame.field.label
        onTextEdited: save.restart()
        onEditingFinished: if (save.running) { save.stop(); frame.commit() }
    }
    Timer {
        id: save
        interval: 500
        onTriggered: frame.commit()
    }
    function commit() {
        let value = input.text
        if (field.type === "integer" && /^-?\d+$/.test(value.trim()))
            value = parseInt(value.trim())
        else if (field.type === "decimal" && /^-?\d+([.,]\d+)?$/.test(value.trim()))
            value = parseFloat(value.trim().replace(",", "."))
        form.setAnswer(field.path, value)
    }
}
