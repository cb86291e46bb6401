import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A long list of choices with a search box (accents optional).
KcDialog {
    id: dialog
    property var choices: []
    signal picked(string name)
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Overlay.overlay ? Overlay.overlay.width - 32 : 360, 480)
    height: Math.min(Overlay.overlay ? Overlay.overlay.height - 32 : 560, 560)
    standardButtons: Dialog.Cancel
    function fold(s) {
        return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
    }
    onAboutToShow: search.text = ""
    ColumnLayout {
        anchors.fill: parent
        SearchField {
            id: search
            Layout.fillWidth: true
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: dialog.choices.filter(c => search.text === "" || dialog.fold(c.label).indexOf(dialog.fold(search.text)) >= 0)
            delegate: ItemDelegate {
                required property var modelData
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                text: modelData.label
                Accessible.name: modelData.label
                onClicked: { dialog.picked(modelData.name); dialog.close() }
            }
        }
    }
}
