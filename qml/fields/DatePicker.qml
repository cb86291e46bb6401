import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A month calendar in a dialog; gives the day as YYYY-MM-DD (what is stored and sent).
KcDialog {
    id: dialog
    property string date
    signal picked(string text)
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Cancel
    property int year: new Date().getFullYear()
    property int month: new Date().getMonth()
    onAboutToShow: {
        const d = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(date + "T00:00:00") : new Date()
        year = d.getFullYear()
        month = d.getMonth()
    }
    ColumnLayout {
        Label {
            objectName: "pickedDate"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            font.bold: true
            text: Codes.date(dialog.date)
        }
        RowLayout {
            Layout.fillWidth: true
            ActionButton { text: "‹"; implicitWidth: Theme.touchTarget; Accessible.name: qsTr("Previous month"); onClicked: { if (--dialog.month < 0) { dialog.month = 11; --dialog.year } } }
            Label { Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter; text: Codes.locale.standaloneMonthName(dialog.month) + " " + dialog.year }
            ActionButton { text: "›"; implicitWidth: Theme.touchTarget; Accessible.name: qsTr("Next month"); onClicked: { if (++dialog.month > 11) { dialog.month = 0; ++dialog.year } } }
        }
        // The locale is set from script: Qt 6.4's qmllint has no type for it in a binding.
        DayOfWeekRow { id: weekDays; Layout.fillWidth: true; Component.onCompleted: weekDays.locale = Codes.locale }
        MonthGrid {
            id: grid
            Component.onCompleted: grid.locale = Codes.locale
            Layout.fillWidth: true
            month: dialog.month
            year: dialog.year
            // A fingertip's worth: at least 48 px each way.
            delegate: Item {
                id: cell
                required property var model
                objectName: model.month === dialog.month ? "day_" + model.day : ""
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                Accessible.name: Codes.date(Qt.formatDate(model.date, "yyyy-MM-dd"))
                Label {
                    anchors.fill: parent
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                    opacity: cell.model.month === dialog.month ? 1 : 0.4
                    text: cell.model.day
                    font.bold: cell.model.today
                }
            }
            onClicked: function(d) {
                dialog.picked(Qt.formatDate(d, "yyyy-MM-dd"))
                dialog.close()
            }
        }
    }
}
