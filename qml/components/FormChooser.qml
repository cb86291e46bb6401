import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// Which form to fill: every form on the device, newest version.
KcDialog {
    id: dialog
    required property AppStore store
    property var prefill: ({})
    signal chosen(string formId, var prefill)
    objectName: "formChooser"
    title: qsTr("New record")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 32 : 360, 480)
    standardButtons: Dialog.Cancel
    property var forms: []
    onAboutToShow: forms = store.forms()

    ListView {
        implicitHeight: Math.min(contentHeight, 420)
        anchors.left: parent.left
        anchors.right: parent.right
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
        Label {
            visible: dialog.forms.length === 0
            width: parent.width
            wrapMode: Text.Wrap
            text: qsTr("No forms on this device yet. Sync once with a connection to receive them.")
        }
    }
}
