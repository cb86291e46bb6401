import QtQuick
import QtQuick.Controls
import KCField
import KCField.Core

// "Sync now" in the toolbar; shows work under way and how much is waiting to go.
ToolButton {
    id: button
    required property SyncEngine sync
    required property AppStore store
    objectName: "syncButton"
    implicitHeight: Theme.touchTarget
    readonly property bool syncing: sync.state === SyncEngine.Syncing
    text: syncing ? qsTr("Syncing…") : store.unsentCount > 0 ? qsTr("Sync (%1)").arg(store.unsentCount) : qsTr("Sync")
    Accessible.name: syncing ? qsTr("Cancel sync") : qsTr("Sync now")
    onClicked: syncing ? sync.cancel() : sync.syncNow()
    BusyIndicator {
        anchors.verticalCenter: parent.verticalCenter
        anchors.right: parent.left
        width: 32
        height: 32
        running: button.syncing
        visible: running
    }
}
