import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// Several choices, as check boxes; a search box narrows a long list.
FieldFrame {
    id: frame
    required property var form
    property bool editable: true
    readonly property var choices: field.choices || []
    readonly property var selected: Array.isArray(field.value) ? field.value : []
    function fold(s) {
        return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase()
    }
    SearchField {
        id: search
        visible: frame.choices.length > 8
        Layout.fillWidth: true
    }
    Repeater {
        model: frame.choices.filter(c => search.text === "" || frame.fold(c.label).indexOf(frame.fold(search.text)) >= 0)
        delegate: CheckBox {
            required property var modelData
            objectName: "choice_" + frame.field.path + "_" + modelData.name
            Layout.fillWidth: true
            text: modelData.label
            checked: frame.selected.indexOf(modelData.name) >= 0
            enabled: frame.editable && !frame.field.readOnly
            Accessible.name: modelData.label
            onClicked: {
                let next = frame.selected.filter(n => n !== modelData.name)
                if (checked)
                    next.push(modelData.name)
                // Keep the form's order of choices.
                next = frame.choices.map(c => c.name).filter(n => next.indexOf(n) >= 0)
                frame.form.setAnswer(frame.field.path, next)
            }
        }
    }
}
