import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// A facility or a project from the registers on the device, picked with a search.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property bool isProject: field.register === "project"
    readonly property string chosenName: {
        if (!field.value || !form.store)
            return ""
        const record = isProject ? form.store.project(field.value) : form.store.facility(field.value)
        return isProject ? (record.code ? record.code + " — " + record.title : field.value) : (record.name || field.value)
    }
    ActionButton {
        objectName: "pick_" + frame.field.path
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        enabled: frame.editable && !frame.field.readOnly
        text: frame.chosenName !== "" ? frame.chosenName : frame.isProject ? qsTr("Choose a project…") : qsTr("Choose a facility…")
        Accessible.name: frame.field.label
        onClicked: picker.open()
    }
    KcDialog {
        id: picker
        modal: true
        title: frame.field.label
        anchors.centerIn: Overlay.overlay
        width: Math.min(Overlay.overlay ? Overlay.overlay.width - 32 : 360, 480)
        height: Math.min(Overlay.overlay ? Overlay.overlay.height - 32 : 560, 560)
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            SearchField {
                id: search
                objectName: "search_" + frame.field.path
                Layout.fillWidth: true
                onTextChanged: list.model.query = text
            }
            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                model: frame.isProject ? projects : facilities
                delegate: ItemDelegate {
                    required property var model
                    width: ListView.view.width
                    height: Math.max(Theme.touchTarget, implicitHeight)
                    text: frame.isProject ? model.code + " — " + model.title : model.name
                    Accessible.name: text
                    onClicked: {
                        frame.form.setAnswer(frame.field.path, model.id)
                        picker.close()
                    }
                }
            }
        }
    }
    FacilityListModel { id: facilities; store: picker.visible && !frame.isProject ? frame.form.store : null }
    ProjectListModel { id: projects; store: picker.visible && frame.isProject ? frame.form.store : null }
}
