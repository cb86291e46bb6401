import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// One choice: radio buttons for a short list, a searchable list for a long one.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property var choices: field.choices || []
    readonly property bool longList: choices.length > 6
    function labelOf(name) {
        const c = choices.find(x => x.name === name)
        return c ? c.label : ""
    }
    Repeater {
        model: frame.longList ? [] : frame.choices
        delegate: RadioButton {
            required property var modelData
            objectName: "choice_" + frame.field.path + "_" + modelData.name
            Layout.fillWidth: true
            text: modelData.label
            checked: frame.field.value === modelData.name
            enabled: frame.editable && !frame.field.readOnly
            Accessible.name: modelData.label
            onClicked: frame.form.setAnswer(frame.field.path, checked ? modelData.name : "")
        }
    }
    ActionButton {
        objectName: "open_" + frame.field.path
        visible: frame.longList
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        enabled: frame.editable && !frame.field.readOnly
        text: frame.field.value ? frame.labelOf(frame.field.value) : qsTr("Choose…")
        Accessible.name: frame.field.label
        onClicked: chooser.open()
    }
    ChoicePopup {
        id: chooser
        title: frame.field.label
        choices: frame.choices
        onPicked: function(name) { frame.form.setAnswer(frame.field.path, name) }
    }
}
