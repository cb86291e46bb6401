import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// The position from the device's GPS with its accuracy, or typed by hand when there is no
// fix (kept marked as typed).
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property var point: field.value && typeof field.value === "object" ? field.value : null
    LocationSource {
        id: location
        onPositionChanged: if (location.hasFix && frame.editable) frame.form.setAnswer(frame.field.path, location.answer())
    }
    Label {
        objectName: "position_" + frame.field.path
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        text: !frame.point ? qsTr("No position yet.")
              : frame.point.manual ? qsTr("%1, %2 (typed by hand)").arg(frame.point.lat).arg(frame.point.lon)
              : qsTr("%1, %2 (±%3 m)").arg(Number(frame.point.lat).toFixed(6)).arg(Number(frame.point.lon).toFixed(6)).arg(Math.round(frame.point.accuracy || 0))
    }
    ActionButton {
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        visible: frame.editable
        enabled: location.available
        text: location.active ? qsTr("Finding the position…") : qsTr("Use the GPS position")
        Accessible.name: text
        onClicked: location.start()
    }
    Label {
        Layout.fillWidth: true
        visible: !location.available || location.errorString !== ""
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFont
        color: Theme.neutral
        text: location.errorString !== "" ? location.errorString : qsTr("No GPS on this device: type the position.")
    }
    RowLayout {
        Layout.fillWidth: true
        visible: frame.editable
        TextField {
            id: lat
            objectName: "lat_" + frame.field.path
            Layout.fillWidth: true
            placeholderText: qsTr("Latitude")
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            Accessible.name: placeholderText
        }
        TextField {
            id: lon
            objectName: "lon_" + frame.field.path
            Layout.fillWidth: true
            placeholderText: qsTr("Longitude")
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            Accessible.name: placeholderText
        }
        ActionButton {
            objectName: "setPosition_" + frame.field.path
            implicitHeight: Theme.touchTarget
            text: qsTr("Set")
            enabled: lat.text !== "" && lon.text !== ""
            Accessible.name: qsTr("Set the typed position")
            onClicked: {
                const answer = location.manualAnswer(lat.text, lon.text)
                if (Object.keys(answer).length > 0)
                    frame.form.setAnswer(frame.field.path, answer)
            }
        }
    }
}
