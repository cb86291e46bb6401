import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Money in whole đồng, with "." between thousands as you type (1.250.000).
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    property string pendingPath: ""  // where the typing not saved yet belongs (see TextAnswer)
    function grouped(digits) {
        return Codes.groupDigits(digits.replace(/^0+(?=\d)/, ""))
    }
    RowLayout {
        Layout.fillWidth: true
        TextField {
            id: input
            objectName: "input_" + frame.field.path
            Layout.fillWidth: true
            implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
            text: frame.field.value !== undefined && frame.field.value !== null ? frame.grouped(String(frame.field.value)) : ""
            readOnly: !frame.editable || frame.field.readOnly
            inputMethodHints: Qt.ImhDigitsOnly
            Accessible.name: frame.field.label
            onTextEdited: {
                // Keep the cursor after the same digit while dots come and go.
                const digitsBefore = text.slice(0, cursorPosition).replace(/\D/g, "").length
                const formatted = frame.grouped(text.replace(/\D/g, ""))
                if (formatted !== text) {
                    text = formatted
                    let pos = 0, seen = 0
                    while (pos < text.length && seen < digitsBefore) {
                        if (/\d/.test(text[pos])) ++seen
                        ++pos
                    }
                    cursorPosition = pos
                }
                frame.pendingPath = frame.field.path
                save.restart()
            }
            onEditingFinished: frame.flush()
        }
        Label { text: "đ" }
    }
    Timer {
        id: save
        interval: 500
        onTriggered: frame.commit()
    }
    function flush() {
        if (pendingPath !== "") {
            save.stop()
            commit()
        }
    }
    Component.onDestruction: flush()
    function commit() {
        const path = pendingPath !== "" ? pendingPath : field.path
        pendingPath = ""
        const digits = input.text.replace(/\D/g, "")
        form.setAnswer(path, digits === "" ? "" : Number(digits))
    }
}
