import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A month calendar in a dialog; gives the day as YYYY-MM-DD.
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
        RowLayout {
            Layout.fillWidth: true
            ActionButton { text: "‹"; implicitWidth: Theme.touchTarget; Accessible.name: qsTr("Previous month"); onClicked: { if (--dialog.month < 0) { dialog.month = 11; --dialog.year } } }
            Label { Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter; text: Codes.locale.standaloneMonthName(dialog.month) + " " + dialog.year }
            ActionButton { text: "›"; implicitWidth: Theme.touchTarget; Accessible.name: qsTr("Next month"); onClicked: { if (++dialog.month > 11) { dialog.month = 0; ++dialog.year } } }
        }
        DayOfWeekRow { Layout.fillWidth: true; locale: Codes.locale }
        MonthGrid {
            id: grid
            locale: Codes.locale
            Layout.fillWidth: true
            month: dialog.month
            year: dialog.year
            delegate: Label {
                required property var model
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                opacity: model.month === dialog.month ? 1 : 0.4
                text: model.day
                font.bold: model.today
                Accessible.name: model.date.toLocaleDateString()
            }
            onClicked: function(d) {
                dialog.picked(Qt.formatDate(d, "yyyy-MM-dd"))
                dialog.close()
            }
        }
    }
}
