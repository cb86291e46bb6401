import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A serial number: scanned from its barcode, or typed when the label is worn or missing.
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
            text: frame.field.value || ""
            readOnly: !frame.editable || frame.field.readOnly
            placeholderText: qsTr("Scan or type")
            inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
            Accessible.name: frame.field.label
            onEditingFinished: frame.form.setAnswer(frame.field.path, text.trim())
        }
        ActionButton {
            implicitHeight: Theme.touchTarget
            enabled: frame.editable
            text: qsTr("Scan")
            Accessible.name: qsTr("Scan the barcode")
            onClicked: scanner.open()
        }
    }
    ScannerPopup {
        id: scanner
        title: frame.field.label
        onScanned: function(text) { frame.form.setAnswer(frame.field.path, text) }
    }
}
