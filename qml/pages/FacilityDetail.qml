import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// One facility: its register entry and its history of surveys, handovers and visits.
Page {
    id: page
    required property AppStore store
    required property Navigator navigation
    property string facilityId
    objectName: "facilityDetail"
    property var facility: ({})
    property var history: []
    title: facility.name || qsTr("Facility")
    function load() {
        if (facilityId === "")
            return
        facility = store.facility(facilityId)
        history = store.historyOf("facility", facilityId)
    }
    onFacilityIdChanged: load()
    Component.onCompleted: load()
    Connections {
        target: page.store
        function onSubmissionsChanged() { page.load() }
        function onRegistersChanged() { page.load() }
    }

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
            Label {
                Layout.fillWidth: true
                text: page.facility.name || ""
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: !!page.facility.pending || !!page.facility.needs_review || !!page.facility.sync_error
                wrapMode: Text.Wrap
                color: page.facility.sync_error ? Theme.error : Theme.warning
                text: page.facility.sync_error ? page.facility.sync_error
                      : page.facility.pending ? qsTr("Registered on this device; sent with the next sync.")
                      : qsTr("Flagged as a possible duplicate for a reviewer.")
            }
            InfoRow { Layout.fillWidth: true; label: qsTr("Legal form"); value: Codes.legalForm(page.facility.legal_form) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Sector"); value: Codes.sector(page.facility.sector) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Village"); value: page.facility.village || "" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Representative"); value: page.facility.representative || "" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Phone"); value: page.facility.phone || "" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Workers"); value: page.facility.workforce != null ? String(page.facility.workforce) : "" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Products"); value: page.facility.products || "" }
            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Location")
                value: page.facility.latitude != null ? page.facility.latitude.toFixed(5) + ", " + page.facility.longitude.toFixed(5) : ""
            }
            ActionButton {
                objectName: "newRecordForFacility"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("New record for this facility")
                Accessible.name: text
                onClicked: page.navigation.chooseForm({ facility: page.facilityId })
            }
            SectionHeader {
                Layout.fillWidth: true
                text: qsTr("History (%1)").arg(page.history.length)
            }
            Label {
                visible: page.history.length === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.neutral
                text: qsTr("No surveys, handovers or visits recorded on this device.")
            }
            Repeater {
                model: page.history
                delegate: ItemDelegate {
                    id: historyRow
                    required property var modelData
                    Layout.fillWidth: true
                    height: Math.max(Theme.touchTarget, implicitHeight)
                    Accessible.name: modelData.form_title
                    contentItem: RowLayout {
                        Label {
                            Layout.fillWidth: true
                            text: historyRow.modelData.form_title + "\n" + Codes.when(historyRow.modelData.captured_at)
                            elide: Text.ElideRight
                        }
                        StateChip { state: historyRow.modelData.state }
                    }
                    onClicked: page.navigation.openSubmission(modelData.id)
                }
            }
        }
    }
}
