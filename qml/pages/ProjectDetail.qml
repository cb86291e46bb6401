import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// One project: funding, beneficiaries and its progress reports.
Page {
    id: page
    required property AppStore store
    required property Navigator navigation
    property string projectId
    objectName: "projectDetail"
    property var project: ({})
    property var reports: []
    title: project.code || qsTr("Project")
    function load() {
        if (projectId === "")
            return
        project = store.project(projectId)
        reports = store.historyOf("project", projectId)
    }
    onProjectIdChanged: load()
    Component.onCompleted: load()
    Connections {
        target: page.store
        function onSubmissionsChanged() { page.load() }
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
                text: (page.project.code || "") + " — " + (page.project.title || "")
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.Wrap
            }
            InfoRow { Layout.fillWidth: true; label: qsTr("Year"); value: page.project.year ? String(page.project.year) : "" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Funding source"); value: Codes.fundingSource(page.project.funding_source) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Activity"); value: Codes.activityType(page.project.activity_type) }
            InfoRow {
                Layout.fillWidth: true
                label: qsTr("Status")
                value: Codes.projectStatus(page.project.status) + (page.project.status_reason ? " — " + page.project.status_reason : "")
            }
            InfoRow { Layout.fillWidth: true; label: qsTr("Extension funding"); value: Codes.dong(page.project.extension_funding) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Counterpart capital"); value: Codes.dong(page.project.counterpart_capital) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Investment attracted"); value: Codes.dong(page.project.investment_attracted) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Jobs created"); value: page.project.jobs_created !== undefined ? String(page.project.jobs_created) : "" }
            SectionHeader { Layout.fillWidth: true; text: qsTr("Beneficiaries") }
            Repeater {
                model: page.project.beneficiary_names || []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: "• " + modelData.name
                    wrapMode: Text.Wrap
                }
            }
            ActionButton {
                objectName: "reportProgressButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Report progress")
                Accessible.name: text
                onClicked: page.navigation.beginForm("progress_report", { project: page.projectId })
            }
            SectionHeader { Layout.fillWidth: true; text: qsTr("Reports and records (%1)").arg(page.reports.length) }
            Repeater {
                model: page.reports
                delegate: ItemDelegate {
                    id: historyRow
                    required property var modelData
                    Layout.fillWidth: true
                    height: Math.max(Theme.touchTarget, implicitHeight)
                    Accessible.name: modelData.form_title
                    contentItem: RowLayout {
                        Label { Layout.fillWidth: true; text: historyRow.modelData.form_title + "\n" + Codes.when(historyRow.modelData.captured_at); elide: Text.ElideRight }
                        StateChip { state: historyRow.modelData.state }
                    }
                    onClicked: page.navigation.openSubmission(modelData.id)
                }
            }
        }
    }
}
