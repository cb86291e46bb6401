import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField

// One row of answers::readable: a group or entry title, or a question's label with its answer
// (text, or photos that open full size). Used by the review screen and the summary before
// finalize, so both show a record the same way.
ColumnLayout {
    id: row
    required property var modelData
    //! The file of a photo or signature by its SHA-256 (may be empty until it has arrived).
    property var photoUrl: function(sha) { return "" }
    //! Bumped when a photo has arrived, so the photos ask again for their files.
    property int photosArrived: 0
    signal photoTapped(url source)
    spacing: 2
    Label {
        Layout.fillWidth: true
        Layout.topMargin: 6
        text: row.modelData.label
        font.bold: row.modelData.kind !== "answer"
        font.pixelSize: row.modelData.kind === "answer" ? Theme.smallFont : Theme.baseFont
        color: row.modelData.kind === "answer" ? Theme.neutral : Material.accent
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: row.modelData.kind === "answer" && !row.modelData.attachments
        text: row.modelData.text || ""
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        visible: !!row.modelData.attachments
        Repeater {
            model: row.modelData.attachments || []
            delegate: Image {
                required property string modelData
                width: 120
                height: 120
                fillMode: Image.PreserveAspectCrop
                sourceSize.width: 240
                asynchronous: true
                source: row.photosArrived >= 0 ? row.photoUrl(modelData) : ""
                Accessible.name: qsTr("Photo")
                TapHandler { onTapped: row.photoTapped(row.photoUrl(parent.modelData)) }
                Rectangle { anchors.fill: parent; color: "transparent"; border.color: Theme.neutral; visible: parent.status !== Image.Ready }
            }
        }
    }
}
