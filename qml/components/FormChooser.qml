import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// Which form to fill: the forms this person may submit (AppStore.formsFor, which asks the one
// rule of who may submit which form) that fit the record they start from, newest version.
// Before the first sync has brought any form, says that they are on their way.
KcDialog {
    id: dialog
    required property AppStore store
    required property string role
    property SyncEngine sync
    property var prefill: ({})
    signal chosen(string formId, var prefill)
    objectName: "formChooser"
    title: qsTr("New record")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 32 : 360, 480)
    standardButtons: Dialog.Cancel
    property var forms: []
    readonly property bool loading: !!sync && sync.state === SyncEngine.Syncing
    function reload() { forms = store.formsFor(role, prefill) }
    onAboutToShow: reload()
    // Forms that arrive while the chooser is open appear in it.
    Connections {
        target: dialog.sync
        enabled: dialog.visible
        function onFinished() { dialog.reload() }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        RowLayout {
            Layout.fillWidth: true
            visible: dialog.forms.length === 0
            BusyIndicator { running: dialog.loading; visible: dialog.loading }
            Label {
                objectName: "noFormsLabel"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: dialog.loading ? qsTr("Loading the forms…")
                                     : qsTr("No forms on this device yet. Sync once with a connection to receive them.")
            }
        }
        ListView {
            Layout.fillWidth: true
            implicitHeight: Math.min(contentHeight, 420)
            visible: dialog.forms.length > 0
            clip: true
            model: dialog.forms
            delegate: ItemDelegate {
                required property var modelData
                required property int index
                objectName: "form_" + modelData.id
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                text: modelData.title
                Accessible.name: modelData.title
                onClicked: {
                    dialog.close()
                    dialog.chosen(modelData.id, dialog.prefill)
                }
            }
        }
    }
}
