import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField

// One record in a list: its form, what it is about, its state in plain words, the reviewer's
// comment and the last sync error. Used with a SubmissionListModel (roles as properties).
ItemDelegate {
    id: card
    required property int index
    required property string id
    required property string formTitle
    required property string subject
    required property string state
    required property string updatedAt
    required property var reviewComment
    required property var syncError
    padding: Theme.spacing / 2
    height: Math.max(Theme.touchTarget, implicitHeight)
    Accessible.name: formTitle + ", " + subject + ", " + Codes.state(state)

    contentItem: ColumnLayout {
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: card.formTitle
                font.bold: true
                elide: Text.ElideRight
            }
            StateChip { state: card.state }
        }
        Label {
            Layout.fillWidth: true
            text: card.subject !== "" ? card.subject : qsTr("(not chosen yet)")
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: !!card.reviewComment
            text: qsTr("Reviewer: %1").arg(card.reviewComment || "")
            wrapMode: Text.Wrap
            color: Theme.error
        }
        Label {
            Layout.fillWidth: true
            visible: !!card.syncError
            text: card.syncError || ""
            wrapMode: Text.Wrap
            color: Theme.error
            font.pixelSize: Theme.smallFont
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Changed %1").arg(Codes.when(card.updatedAt))
            font.pixelSize: Theme.smallFont
            color: Theme.neutral
        }
    }
}
