import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import KCField
import KCField.Core

// Reads a QR code or barcode with the camera, or from a picture of it. The camera view is
// loaded only while the popup is open, so screens without it never start the camera.
KcDialog {
    id: popup
    // The camera view once loaded (a var: the Loader types it QObject).
    readonly property var view: cameraLoader.item
    signal scanned(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 32 : 360, 480)
    standardButtons: Dialog.Cancel

    CodeScanner {
        id: scanner
        videoSink: popup.view ? popup.view.videoSink : null
        onFound: function(text) {
            popup.scanned(text)
            popup.close()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2
        Loader {
            id: cameraLoader
            Layout.fillWidth: true
            Layout.preferredHeight: width * 3 / 4
            active: popup.opened
            source: "CameraView.qml"
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: popup.view && popup.view.available
                  ? qsTr("Hold the code inside the frame.")
                  : qsTr("No camera is available. Choose a picture of the code, or type it.")
        }
        ActionButton {
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            text: qsTr("Choose a picture…")
            Accessible.name: text
            onClicked: pictureDialog.open()
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.error
            visible: text !== ""
            text: scanner.errorString
        }
    }

    FileDialog {
        id: pictureDialog
        objectName: "codePictureDialog"
        title: qsTr("Choose a picture of the code")
        currentFolder: StandardPaths.standardLocations(StandardPaths.PicturesLocation)[0]
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: scanner.decodeFile(selectedFile)
    }
}
