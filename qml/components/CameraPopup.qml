import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Takes one photo with the camera; the file goes to the caller, which shrinks and keeps it.
KcDialog {
    id: dialog
    // The camera view once loaded (a var: the Loader types it QObject).
    readonly property var view: camera.item
    signal taken(url file)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Overlay.overlay ? Overlay.overlay.width - 16 : 360
    height: Overlay.overlay ? Overlay.overlay.height - 16 : 600
    standardButtons: Dialog.Cancel
    ColumnLayout {
        anchors.fill: parent
        Loader {
            id: camera
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: dialog.opened
            source: "CameraView.qml"
        }
        Connections {
            target: dialog.view ? dialog.view.imageCapture : null
            function onImageSaved(id, path) {
                dialog.taken("file://" + path)
                dialog.close()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: !!dialog.view && !dialog.view.available
            wrapMode: Text.Wrap
            text: qsTr("No camera is available on this device. Choose the photo from a file instead.")
        }
        ActionButton {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            highlighted: true
            enabled: !!dialog.view && dialog.view.available
            text: qsTr("Take the photo")
            Accessible.name: text
            onClicked: dialog.view.imageCapture.captureToFile("")
        }
    }
}
