import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// What is finalized on this device and where it stands: waiting, sending, sent, and what the
// server decided; each item's problem in plain words, and "Sync now" to retry.
Page {
    id: page
    required property AppStore store
    required property SyncEngine sync
    required property Navigator navigation
    objectName: "outboxPage"
    title: qsTr("Outbox and sync")

    SubmissionListModel {
        id: outbox
        store: page.store
        states: ["queued", "sending", "sent", "approved", "rejected"]
    }
    Connections {
        target: page.store
        function onSubmissionsChanged() { outbox.reload() }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2
        SyncCard {
            Layout.fillWidth: true
            sync: page.sync
            store: page.store
        }
        Repeater {
            model: page.sync.itemErrors
            delegate: Label {
                required property var modelData
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.error
                text: modelData.message
            }
        }
        ListView {
            objectName: "outboxList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: outbox
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: SubmissionCard {
                width: ListView.view.width
                onClicked: page.navigation.openSubmission(id)
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: outbox.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Nothing finalized yet.")
            }
        }
    }
}
