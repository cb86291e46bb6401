import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// What needs me: returned records with the reviewer's comment, drafts, what waits to be
// sent, and the last sync with a "Sync now" button.
Page {
    id: page
    required property AppStore store
    required property Session session
    required property SyncEngine sync
    required property Navigator navigation
    objectName: "homePage"
    title: qsTr("Home")

    SubmissionListModel {
        id: returned
        store: page.store
        states: ["returned"]
    }
    SubmissionListModel {
        id: drafts
        store: page.store
        states: ["draft"]
    }
    // A collaborator's work is their assigned projects: each with how far it was last reported.
    readonly property bool collaborator: page.session.role === "collaborator"
    property var projects: collaborator ? page.store.projectProgress() : []
    function reloadProjects() { if (collaborator) projects = page.store.projectProgress() }
    Connections {
        target: page.store
        function onSubmissionsChanged() { returned.reload(); drafts.reload(); page.reloadProjects() }
    }
    Connections {
        target: page.sync
        function onFinished() { page.reloadProjects() }
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
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: qsTr("Hello, %1").arg(page.session.displayName || page.session.username)
                font.pixelSize: Theme.titleFont
                elide: Text.ElideRight
            }

            SyncCard {
                Layout.fillWidth: true
                sync: page.sync
                store: page.store
            }

            ActionButton {
                objectName: "newRecordButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("New record")
                Accessible.name: text
                onClicked: page.navigation.chooseForm({})
            }

            SectionHeader {
                Layout.fillWidth: true
                visible: page.collaborator
                text: qsTr("My projects (%1)").arg(page.projects.length)
            }
            Label {
                visible: page.collaborator && page.projects.length === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.neutral
                text: qsTr("No project assigned to you on this device yet. Sync to receive them.")
            }
            Repeater {
                model: page.projects
                delegate: ItemDelegate {
                    id: projectRow
                    required property var modelData
                    required property int index
                    objectName: "myProject_" + index
                    Layout.fillWidth: true
                    height: Math.max(Theme.touchTarget, implicitHeight)
                    Accessible.name: modelData.code + " " + modelData.title
                    contentItem: ColumnLayout {
                        spacing: 2
                        Label { Layout.fillWidth: true; text: projectRow.modelData.code + " — " + projectRow.modelData.title; font.bold: true; wrapMode: Text.Wrap }
                        Label {
                            objectName: "myProjectProgress_" + projectRow.index
                            Layout.fillWidth: true
                            font.pixelSize: Theme.smallFont
                            color: Theme.neutral
                            text: projectRow.modelData.percent === undefined ? qsTr("No progress reported yet")
                                  : qsTr("Last reported: %1 % on %2").arg(Codes.decimal(projectRow.modelData.percent)).arg(Codes.when(projectRow.modelData.reported_at))
                        }
                    }
                    onClicked: page.navigation.beginForm("progress_report", { project: modelData.id })
                }
            }

            SectionHeader {
                Layout.fillWidth: true
                text: qsTr("Returned for correction (%1)").arg(returned.count)
                visible: returned.count > 0
            }
            Repeater {
                model: returned
                delegate: SubmissionCard {
                    Layout.fillWidth: true
                    objectName: "returned_" + index
                    onClicked: page.navigation.openSubmission(id)
                }
            }

            SectionHeader {
                Layout.fillWidth: true
                text: qsTr("Drafts (%1)").arg(drafts.count)
            }
            Label {
                visible: drafts.count === 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.neutral
                text: qsTr("No drafts. Start a new record with the button above.")
            }
            Repeater {
                model: drafts
                delegate: SubmissionCard {
                    Layout.fillWidth: true
                    objectName: "draft_" + index
                    onClicked: page.navigation.openSubmission(id)
                }
            }
        }
    }
}
