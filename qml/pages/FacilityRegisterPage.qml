import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// Registers a facility found in the field. It is kept on the device and sent with the next
// sync; the server flags a likely duplicate for a reviewer rather than merging it.
Page {
    id: page
    required property AppStore store
    required property Session session
    required property Navigator navigation
    objectName: "facilityRegisterPage"
    title: qsTr("Register a facility")

    LocationSource { id: location }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}
        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2
            Label { text: qsTr("Name *") }
            TextField {
                id: name
                objectName: "facilityName"
                Layout.fillWidth: true
                placeholderText: qsTr("e.g. HTX Tâm Hòa")
                Accessible.name: qsTr("Name")
            }
            Label { text: qsTr("Legal form *") }
            ComboBox {
                id: legalForm
                objectName: "facilityLegalForm"
                Layout.fillWidth: true
                model: Codes.legalForms
                displayText: Codes.legalForm(currentValue)
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: Codes.legalForm(modelData)
                }
                Accessible.name: qsTr("Legal form")
            }
            Label { text: qsTr("Sector *") }
            ComboBox {
                id: sector
                objectName: "facilitySector"
                Layout.fillWidth: true
                model: Codes.sectors
                displayText: Codes.sector(currentValue)
                delegate: ItemDelegate {
                    required property string modelData
                    width: ListView.view.width
                    text: Codes.sector(modelData)
                }
                Accessible.name: qsTr("Sector")
            }
            TextField { id: village; objectName: "facilityVillage"; Layout.fillWidth: true; placeholderText: qsTr("Village"); Accessible.name: placeholderText }
            TextField { id: representative; Layout.fillWidth: true; placeholderText: qsTr("Representative"); Accessible.name: placeholderText }
            TextField { id: phone; Layout.fillWidth: true; placeholderText: qsTr("Phone"); inputMethodHints: Qt.ImhDialableCharactersOnly; Accessible.name: placeholderText }
            TextField { id: workforce; Layout.fillWidth: true; placeholderText: qsTr("Workers"); inputMethodHints: Qt.ImhDigitsOnly; validator: IntValidator { bottom: 0 } Accessible.name: placeholderText }
            TextField { id: products; Layout.fillWidth: true; placeholderText: qsTr("Main products"); Accessible.name: placeholderText }
            ActionButton {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                flat: true
                text: location.hasFix ? qsTr("Location: %1, %2 (±%3 m)").arg(location.latitude.toFixed(5)).arg(location.longitude.toFixed(5)).arg(Math.round(location.accuracy))
                                      : location.active ? qsTr("Finding the location…") : qsTr("Add the current location")
                Accessible.name: text
                enabled: location.available
                onClicked: location.start()
            }
            Label {
                objectName: "registerError"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.error
                visible: text !== ""
                text: ""
                id: error
            }
            ActionButton {
                objectName: "saveFacilityButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Save facility")
                Accessible.name: text
                onClicked: {
                    if (name.text.trim() === "") {
                        error.text = qsTr("Write the facility's name.")
                        return
                    }
                    const fields = {
                        name: name.text.trim(), legal_form: legalForm.currentValue, sector: sector.currentValue,
                        province: page.session.provinces.length > 0 ? page.session.provinces[0] : "",
                        village: village.text, representative: representative.text, phone: phone.text,
                        products: products.text
                    }
                    if (workforce.text !== "")
                        fields.workforce = parseInt(workforce.text)
                    if (location.hasFix) {
                        fields.latitude = location.latitude
                        fields.longitude = location.longitude
                    }
                    const id = page.store.registerFacility(fields)
                    if (id === "") {
                        error.text = page.store.errorString
                        return
                    }
                    page.navigation.back()
                }
            }
        }
    }
}
