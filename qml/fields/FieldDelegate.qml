import QtQuick
import KCField

// The widget for one row of a FormFieldModel, chosen by its kind and question type.
Item {
    id: row
    required property var model
    required property int index
    property var form
    property bool editable: true
    property var flaggedPaths: []
    width: ListView.view ? ListView.view.width : 0
    visible: model.relevant !== false
    height: visible ? loader.implicitHeight + Theme.spacing : 0
    objectName: "field_" + model.path
    property alias item: loader.item

  Loader {
    id: loader
    readonly property var model: row.model
    readonly property var form: row.form
    readonly property bool editable: row.editable
    readonly property var flaggedPaths: row.flaggedPaths
    x: Theme.spacing + (model.depth || 0) * 8
    width: row.width - 2 * Theme.spacing - (model.depth || 0) * 8

    sourceComponent: {
        if (model.kind === "group")
            return groupTitle
        if (model.kind === "repeat")
            return repeatHeader
        if (model.kind === "entry")
            return entryHeader
        switch (model.type) {
        case "money": return model.readOnly ? noteAnswer : moneyAnswer
        case "date": case "datetime": return dateAnswer
        case "select_one": return choiceAnswer
        case "select_multiple": return multiChoiceAnswer
        case "photo": return photoAnswer
        case "signature": return signatureAnswer
        case "barcode": return barcodeAnswer
        case "geopoint": return geoAnswer
        case "reference": return referenceAnswer
        case "note": case "calculate": return noteAnswer
        }
        return model.readOnly ? noteAnswer : textAnswer
    }

    Component { id: groupTitle; SectionHeader { text: loader.model.label } }
    Component { id: repeatHeader; RepeatHeader { field: loader.model; form: loader.form; editable: loader.editable } }
    Component { id: entryHeader; EntryHeader { field: loader.model; form: loader.form; editable: loader.editable } }
    Component { id: textAnswer; TextAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: moneyAnswer; MoneyAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: dateAnswer; DateAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: choiceAnswer; ChoiceAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: multiChoiceAnswer; MultiChoiceAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: photoAnswer; PhotoAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: signatureAnswer; SignatureAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: barcodeAnswer; BarcodeAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: geoAnswer; GeoAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: referenceAnswer; ReferenceAnswer { field: loader.model; form: loader.form; editable: loader.editable; flagged: loader.flaggedPaths.indexOf(loader.model.path) >= 0 } }
    Component { id: noteAnswer; NoteAnswer { field: loader.model; form: loader.form; editable: false } }
}
}
