import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// The position from the device's GPS with its accuracy, or typed by hand when there is no
// fix (kept marked as typed). A search shows "±m, N s" as it goes, stops by itself at 10 m or
// after two minutes (keeping the best fix), and can be stopped; typing a position stops it.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property var point: field.value && typeof field.value === "object" ? field.value : null
    LocationSource {
        id: location
        onPositionChanged: if (location.active && location.hasFix && frame.editable) frame.form.setAnswer(frame.field.path, location.answer())
    }
    Label {
        objectName: "position_" + frame.field.path
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        // As precise as it was entered or measured, with decimal commas.
        text: !frame.point ? qsTr("No position yet.")
              : frame.point.manual ? qsTr("%1; %2 (typed by hand)").arg(Codes.decimal(frame.point.lat, 7)).arg(Codes.decimal(frame.point.lon, 7))
              : qsTr("%1; %2 (±%3 m)").arg(Codes.decimal(frame.point.lat, 7)).arg(Codes.decimal(frame.point.lon, 7)).arg(Math.round(frame.point.accuracy || 0))
    }
    RowLayout {
        Layout.fillWidth: true
        visible: frame.editable
        BusyIndicator { running: location.active; visible: location.active; implicitWidth: Theme.touchTarget; implicitHeight: Theme.touchTarget }
        Label {
            objectName: "locationStatus_" + frame.field.path
            Layout.fillWidth: true
            visible: location.active
            text: location.status
        }
        ActionButton {
            objectName: "gps_" + frame.field.path
            Layout.fillWidth: !location.active
            Layout.minimumHeight: Theme.touchTarget
            enabled: location.available
            text: location.active ? qsTr("Stop") : qsTr("Use the GPS position")
            Accessible.name: location.active ? qsTr("Stop finding the position") : text
            onClicked: location.active ? location.stop() : location.start()
        }
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
                location.stop() // a fix arriving later never replaces what was typed
                const answer = location.manualAnswer(lat.text, lon.text)
                if (Object.keys(answer).length > 0)
                    frame.form.setAnswer(frame.field.path, answer)
            }
        }
    }
}
