import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Text, integer and decimal answers. Saved a moment after typing stops, when the field loses
// focus, and before the widget goes away (a page change, a reload): nothing typed is dropped.
// A decimal is shown and typed with a comma (12,5); `multiline` text wraps over several lines.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property bool multiline: field.type === "text" && String(field.appearance || "").indexOf("multiline") >= 0
    // Where the typing that is not saved yet belongs (kept apart from `field`, which a reload
    // may already have moved on).
    property string pendingPath: ""
    readonly property string shown: field.value === undefined || field.value === null ? ""
                                    : field.type === "decimal" ? Codes.decimal(field.value) : String(field.value)
    readonly property Item input: multiline ? area : line
    TextField {
        id: line
        visible: !frame.multiline
        objectName: frame.multiline ? "" : "input_" + frame.field.path
        Layout.fillWidth: true
        implicitHeight: Math.max(Theme.touchTarget, contentHeight + topPadding + bottomPadding)
        text: frame.shown
        readOnly: !frame.editable || frame.field.readOnly
        inputMethodHints: frame.field.type === "integer" ? Qt.ImhDigitsOnly
                          : frame.field.type === "decimal" ? Qt.ImhFormattedNumbersOnly : Qt.ImhNone
        Accessible.name: frame.field.label
        onTextEdited: frame.edited()
        onEditingFinished: frame.flush()
    }
    TextArea {
        id: area
        objectName: frame.multiline ? "input_" + frame.field.path : ""
        visible: frame.multiline
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget * 2
        wrapMode: TextEdit.Wrap
        text: frame.shown
        readOnly: !frame.editable || frame.field.readOnly
        Accessible.name: frame.field.label
        // TextArea has no textEdited: a change that is not the shown value is the person's.
        onTextChanged: if (activeFocus && text !== frame.shown) frame.edited()
        onActiveFocusChanged: if (!activeFocus) frame.flush()
    }
    Timer {
        id: save
        interval: 500
        onTriggered: frame.commit()
    }
    function edited() {
        pendingPath = field.path
        save.restart()
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
        let value = input.text
        if (field.type === "integer" && /^-?\d+$/.test(value.trim()))
            value = parseInt(value.trim())
        else if (field.type === "decimal" && /^-?\d+([.,]\d+)?$/.test(value.trim()))
            value = parseFloat(value.trim().replace(",", "."))
        form.setAnswer(path, value)
    }
}
