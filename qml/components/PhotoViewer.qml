import QtQuick
import QtQuick.Controls
import KCField

// A photo full screen; tap or Escape closes it.
Popup {
    id: popup
    function show(url) {
        image.source = url
        open()
    }
    parent: Overlay.overlay
    x: 0; y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    padding: 0
    background: Rectangle { color: "black" }
    Image {
        id: image
        anchors.fill: parent
        fillMode: Image.PreserveAspectFit
        asynchronous: true
        Accessible.name: qsTr("Photo, full screen")
    }
    BusyIndicator { anchors.centerIn: parent; running: image.status === Image.Loading }
    TapHandler { onTapped: popup.close() }
}
