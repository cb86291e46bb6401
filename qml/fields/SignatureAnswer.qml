import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// A signature drawn with a finger or a pen, kept as a PNG in the draft as each stroke ends:
// nothing drawn waits for a button to be pressed.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    property var strokes: []
    MediaCapture {
        id: capture
        store: frame.form.store
    }
    Image {
        Layout.fillWidth: true
        Layout.preferredHeight: 120
        visible: !!frame.field.value && frame.strokes.length === 0
        source: frame.field.value ? frame.form.store.attachmentUrl(frame.field.value) : ""
        fillMode: Image.PreserveAspectFit
        Accessible.name: qsTr("Signature")
    }
    Rectangle {
        id: pad
        objectName: "pad_" + frame.field.path
        Layout.fillWidth: true
        Layout.preferredHeight: 160
        visible: frame.editable && (!frame.field.value || frame.strokes.length > 0)
        color: "white"
        border.color: Theme.neutral
        Canvas {
            id: canvas
            anchors.fill: parent
            onPaint: {
                const ctx = getContext("2d")
                ctx.clearRect(0, 0, width, height)
                ctx.strokeStyle = "black"
                ctx.lineWidth = 2.5
                ctx.lineCap = "round"
                for (const stroke of frame.strokes) {
                    ctx.beginPath()
                    stroke.forEach((p, i) => i === 0 ? ctx.moveTo(p.x, p.y) : ctx.lineTo(p.x, p.y))
                    ctx.stroke()
                }
            }
        }
        DragHandler {
            target: null
            onActiveChanged: {
                if (active)
                    frame.strokes = frame.strokes.concat([[{ x: centroid.position.x, y: centroid.position.y }]])
                else
                    frame.keep()
            }
            onCentroidChanged: {
                if (!active || frame.strokes.length === 0)
                    return
                frame.strokes[frame.strokes.length - 1].push({ x: centroid.position.x, y: centroid.position.y })
                canvas.requestPaint()
            }
        }
        Label {
            anchors.centerIn: parent
            visible: frame.strokes.length === 0
            color: Theme.neutral
            text: qsTr("Sign here")
        }
        Accessible.name: qsTr("Signature pad")
    }
    RowLayout {
        Layout.fillWidth: true
        visible: frame.editable
        ActionButton {
            objectName: "clear_" + frame.field.path
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            text: qsTr("Clear")
            Accessible.name: qsTr("Clear the signature")
            onClicked: {
                frame.strokes = []
                canvas.requestPaint()
                frame.form.setAnswer(frame.field.path, "")
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: text !== ""
        color: Theme.error
        text: capture.errorString
    }
    function keep() {
        if (strokes.length === 0)
            return
        const sha = capture.saveSignature(strokes, Qt.size(pad.width, pad.height))
        if (sha !== "")
            form.setAnswer(field.path, sha)
    }
}
