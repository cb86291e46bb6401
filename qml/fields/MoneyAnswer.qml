import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Money in whole đồng, with "." between thousands as you type (1.250.000).
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
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
                save.restart()
            }
            onEditingFinished: if (save.running) { save.stop(); frame.commit() }
        }
        Label { text: "đ" }
    }
    Timer {
        id: save
        interval: 500
        onTriggered: frame.commit()
    }
    function commit() {
        const digits = input.text.replace(/\D/g, "")
        form.setAnswer(field.path, digits === "" ? "" : Number(digits))
    }
}
