import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// Facilities held on the device: search as you type, the chosen one's detail, and
// registering a new one found in the field.
MasterDetail {
    id: page
    required property AppStore store
    required property Session session
    objectName: "facilitiesPage"
    title: qsTr("Facilities")
    detail: Component { FacilityDetail { store: page.store; navigation: page.navigation } }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2
        SearchField {
            id: search
            objectName: "facilitySearch"
            Layout.fillWidth: true
            onTextChanged: facilities.query = text
        }
        Label {
            Layout.fillWidth: true
            font.pixelSize: Theme.smallFont
            color: Theme.neutral
            text: qsTr("%n facility(ies) shown", "", facilities.count)
        }
        ListView {
            id: list
            objectName: "facilityList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: FacilityListModel {
                id: facilities
                store: page.store
            }
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ItemDelegate {
                id: facilityRow
                required property int index
                required property string id
                required property string name
                required property var village
                required property var legalForm
                required property bool pending
                required property bool needsReview
                objectName: "facility_" + index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                Accessible.name: name
                highlighted: page.detailProperties !== null && page.detailProperties.facilityId === id
                contentItem: Column {
                    Label {
                        width: parent.width
                        text: facilityRow.name
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        width: parent.width
                        text: Codes.joined([Codes.legalForm(facilityRow.legalForm), facilityRow.village])
                              + (facilityRow.pending ? " · " + qsTr("not sent yet") : "")
                              + (facilityRow.needsReview ? " · " + qsTr("possible duplicate") : "")
                        font.pixelSize: Theme.smallFont
                        elide: Text.ElideRight
                    }
                }
                onClicked: page.showDetail({ facilityId: id })
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: facilities.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: search.text !== "" ? qsTr("No facility matches “%1”.").arg(search.text)
                                         : qsTr("No facilities on this device yet. Sync to receive your province's register.")
            }
        }
        ActionButton {
            objectName: "registerFacilityButton"
            Layout.fillWidth: true
            Layout.minimumHeight: Theme.touchTarget
            visible: page.session.role !== "collaborator"
            text: qsTr("Register a new facility")
            Accessible.name: text
            onClicked: page.navigation.push(registerPage, {})
        }
    }
    Component { id: registerPage; FacilityRegisterPage { store: page.store; session: page.session; navigation: page.navigation } }
    Connections {
        target: page.store
        function onRegistersChanged() { facilities.reload() }
    }
}
