import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A note or a calculated value: shown, not typed.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    Label {
        objectName: "value_" + frame.field.path
        Layout.fillWidth: true
        visible: frame.field.type !== "note"
        wrapMode: Text.Wrap
        font.pixelSize: Theme.titleFont
        text: frame.field.value === undefined || frame.field.value === null ? "—"
              : frame.field.type === "money" || (frame.field.type === "calculate" && frame.field.appearance === "money")
                ? Codes.dong(frame.field.value)
              : typeof frame.field.value === "number" ? Codes.decimal(frame.field.value)
              : frame.field.type === "date" ? Codes.date(frame.field.value) : String(frame.field.value)
    }
}
