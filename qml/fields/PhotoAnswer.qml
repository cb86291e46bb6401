import QtCore
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import KCField
import KCField.Core

// Photos from the camera or from a file, shrunk before they are kept (long side 1600 px),
// shown as previews; one or several as the question allows.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property var shas: Array.isArray(field.value) ? field.value : field.value ? [field.value] : []
    function add(url) {
        const sha = capture.importPhoto(url)
        if (sha === "")
            return
        frame.form.setAnswer(frame.field.path, frame.field.multiple ? frame.shas.concat([sha]) : sha)
    }
    function remove(sha) {
        const rest = frame.shas.filter(s => s !== sha)
        frame.form.setAnswer(frame.field.path, frame.field.multiple ? rest : "")
    }
    MediaCapture {
        id: capture
        store: frame.form.store
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: frame.shas
            delegate: Item {
                required property string modelData
                width: 96
                height: 96
                Image {
                    anchors.fill: parent
                    source: frame.form.store.attachmentUrl(modelData)
                    fillMode: Image.PreserveAspectCrop
                    sourceSize.width: 192
                    asynchronous: true
                    Accessible.name: qsTr("Photo")
                    TapHandler { onTapped: viewer.show(frame.form.store.attachmentUrl(modelData)) }
                }
                RoundButton {
                    anchors.right: parent.right
                    anchors.top: parent.top
                    width: 40; height: 40
                    visible: frame.editable
                    text: "✕"
                    Accessible.name: qsTr("Remove the photo")
                    onClicked: frame.remove(modelData)
                }
            }
        }
    }
    RowLayout {
        Layout.fillWidth: true
        visible: frame.editable && (frame.field.multiple || frame.shas.length === 0)
        ActionButton {
            objectName: "camera_" + frame.field.path
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            text: qsTr("Take a photo")
            Accessible.name: text
            onClicked: camera.open()
        }
        ActionButton {
            objectName: "file_" + frame.field.path
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            text: qsTr("From a file")
            Accessible.name: text
            onClicked: files.open()
        }
    }
    Label {
        Layout.fillWidth: true
        visible: text !== ""
        color: Theme.error
        wrapMode: Text.Wrap
        text: capture.errorString
    }
    FileDialog {
        id: files
        objectName: "photoFiles_" + frame.field.path
        title: qsTr("Choose a photo")
        currentFolder: StandardPaths.standardLocations(StandardPaths.PicturesLocation)[0]
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: frame.add(selectedFile)
    }
    CameraPopup {
        id: camera
        onTaken: function(url) { frame.add(url) }
    }
    PhotoViewer { id: viewer }
}
