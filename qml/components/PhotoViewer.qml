import QtQuick
import QtQuick.Controls
import KCField

// A photo full screen that zooms: pinch, the mouse wheel, a double tap or the + / − buttons,
// and drag to look around (a nameplate's small print). A single tap, ✕ or Escape closes it.
Popup {
    id: popup
    objectName: "photoViewer"
    property real zoom: 1
    readonly property real maxZoom: 6
    function show(url) {
        image.source = url
        zoom = 1
        open()
    }
    //! Zooms by `factor` around the point (x, y) of the view, keeping that point still.
    function zoomBy(factor, x, y) {
        const next = Math.max(1, Math.min(maxZoom, zoom * factor))
        const px = x === undefined ? flick.width / 2 : x
        const py = y === undefined ? flick.height / 2 : y
        const cx = (flick.contentX + px) / zoom, cy = (flick.contentY + py) / zoom
        zoom = next
        flick.contentX = Math.max(0, Math.min(flick.contentWidth - flick.width, cx * zoom - px))
        flick.contentY = Math.max(0, Math.min(flick.contentHeight - flick.height, cy * zoom - py))
    }
    parent: Overlay.overlay
    x: 0; y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    padding: 0
    background: Rectangle { color: "black" }
    Flickable {
        id: flick
        objectName: "photoZoomArea"
        anchors.fill: parent
        clip: true
        contentWidth: width * popup.zoom
        contentHeight: height * popup.zoom
        interactive: popup.zoom > 1
        boundsBehavior: Flickable.StopAtBounds
        Image {
            id: image
            width: flick.contentWidth
            height: flick.contentHeight
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            // Decoded at the size it is drawn, up to the photo's own: sharp when zoomed.
            sourceSize.width: Math.min(4096, flick.width * popup.maxZoom)
            Accessible.name: qsTr("Photo, full screen")
        }
        // One tap closes, two zoom in (or back out): the first waits a moment to see which.
        // Here, under the buttons, so that pressing one is not also a tap on the photo.
        TapHandler {
            onTapped: function(point) {
                if (tapCount >= 2) {
                    closeSoon.stop()
                    popup.zoomBy(popup.zoom > 1 ? 1 / popup.zoom : 2.5, point.position.x - flick.contentX,
                                 point.position.y - flick.contentY)
                } else {
                    closeSoon.restart()
                }
            }
        }
        PinchHandler {
            target: null
            property real startZoom: 1
            onActiveChanged: if (active) startZoom = popup.zoom
            onActiveScaleChanged: popup.zoomBy(startZoom * activeScale / popup.zoom, centroid.position.x - flick.contentX,
                                               centroid.position.y - flick.contentY)
        }
    }
    WheelHandler {
        target: null
        onWheel: function(event) { popup.zoomBy(event.angleDelta.y > 0 ? 1.25 : 0.8, event.x, event.y) }
    }
    Timer { id: closeSoon; interval: 300; onTriggered: popup.close() }
    BusyIndicator { anchors.centerIn: parent; running: image.status === Image.Loading }
    Row {
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2
        RoundButton {
            objectName: "photoZoomOut"
            width: Theme.touchTarget; height: Theme.touchTarget
            text: "−"
            enabled: popup.zoom > 1
            Accessible.name: qsTr("Zoom out")
            onClicked: popup.zoomBy(1 / 1.5)
        }
        RoundButton {
            objectName: "photoZoomIn"
            width: Theme.touchTarget; height: Theme.touchTarget
            text: "+"
            enabled: popup.zoom < popup.maxZoom
            Accessible.name: qsTr("Zoom in")
            onClicked: popup.zoomBy(1.5)
        }
        RoundButton {
            objectName: "photoClose"
            width: Theme.touchTarget; height: Theme.touchTarget
            text: "✕"
            Accessible.name: qsTr("Close the photo")
            onClicked: popup.close()
        }
    }
}
