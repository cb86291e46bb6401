import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// The last successful sync, what waits to be sent, progress while syncing, the reason of
// the last failure, and "Sync now".
Frame {
    id: card
    required property SyncEngine sync
    required property AppStore store
    readonly property bool syncing: sync.state === SyncEngine.Syncing
    objectName: "syncCard"

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2
        Label {
            objectName: "lastSyncLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: isNaN(card.sync.lastSync.getTime())
                  ? qsTr("Never synced on this device.")
                  : qsTr("Last sync: %1").arg(Qt.formatDateTime(card.sync.lastSync, "dd/MM/yyyy HH:mm"))
        }
        Label {
            objectName: "unsentLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: card.store.unsentCount === 0 ? qsTr("Nothing waiting to be sent.")
                                               : qsTr("%n record(s) waiting to be sent.", "", card.store.unsentCount)
        }
        Label {
            objectName: "unsentBytesLabel"
            Layout.fillWidth: true
            visible: card.store.unsentBytes > 0
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            text: qsTr("Photos and signatures to send: %1").arg(Codes.bytes(card.store.unsentBytes))
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: card.syncing
            indeterminate: card.sync.itemsTotal === 0 && card.sync.bytesTotal === 0
            value: card.sync.bytesTotal > 0 ? card.sync.bytesDone / card.sync.bytesTotal
                   : card.sync.itemsTotal > 0 ? card.sync.itemsDone / card.sync.itemsTotal : 0
        }
        Label {
            objectName: "syncProgressLabel"
            Layout.fillWidth: true
            visible: card.syncing
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFont
            text: {
                switch (card.sync.phase) {
                case SyncEngine.Facilities: return qsTr("Sending new facilities…")
                case SyncEngine.Attachments: {
                    const sent = qsTr("Sending photos: %1 of %2 (%3 of %4)")
                        .arg(Math.min(card.sync.photosDone + 1, card.sync.photosTotal)).arg(card.sync.photosTotal)
                        .arg(Codes.bytes(card.sync.bytesDone)).arg(Codes.bytes(card.sync.bytesTotal))
                    const left = card.sync.secondsLeft
                    if (left < 0)
                        return sent
                    return sent + " · " + (left < 60 ? qsTr("about %n second(s) left", "", Math.max(1, Math.round(left / 5) * 5))
                                                     : qsTr("about %n minute(s) left", "", Math.round(left / 60)))
                }
                case SyncEngine.Submissions: return qsTr("Sending records: %1 of %2").arg(card.sync.itemsDone).arg(card.sync.itemsTotal)
                case SyncEngine.Pulling: return qsTr("Receiving updates…")
                }
                return qsTr("Connecting…")
            }
        }
        // No connection is the field's everyday: information, not an error. A refusal is an error.
        readonly property bool offline: card.sync.state === SyncEngine.Waiting
        Label {
            objectName: "syncErrorLabel"
            Layout.fillWidth: true
            visible: text !== "" && !card.syncing
            wrapMode: Text.Wrap
            color: parent.offline ? Theme.neutral : Theme.error
            text: card.sync.lastError === "" ? ""
                  : parent.offline ? qsTr("Offline for now: everything stays on this device and is sent when the connection is back (%1).").arg(card.sync.lastError)
                  : card.sync.lastError + (card.sync.retryIn > 0 ? " " + qsTr("Trying again by itself.") : "")
        }
        ActionButton {
            objectName: "syncNowButton"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            text: card.syncing ? qsTr("Cancel") : qsTr("Sync now")
            Accessible.name: text
            onClicked: card.syncing ? card.sync.cancel() : card.sync.syncNow()
        }
    }
}
