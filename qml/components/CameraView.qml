import QtQuick
import QtMultimedia

// The camera's live picture, for scanning codes and taking photos.
Item {
    id: view
    readonly property bool available: devices.videoInputs.length > 0
    property alias videoSink: output.videoSink
    property alias imageCapture: capture

    MediaDevices { id: devices }
    CaptureSession {
        camera: Camera {
            active: view.available && view.visible
            focusMode: Camera.FocusModeAutoNear
        }
        imageCapture: ImageCapture { id: capture }
        videoOutput: output
    }
    VideoOutput {
        id: output
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectCrop
    }
    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.color: "white"
        border.width: 2
        visible: view.available
    }
}
