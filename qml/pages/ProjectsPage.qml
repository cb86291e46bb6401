import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// Extension projects held on the device (a collaborator sees those assigned to them).
MasterDetail {
    id: page
    required property AppStore store
    objectName: "projectsPage"
    title: qsTr("Projects")
    detail: Component { ProjectDetail { store: page.store; navigation: page.navigation } }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2
        SearchField {
            objectName: "projectSearch"
            Layout.fillWidth: true
            onTextChanged: projects.query = text
        }
        ListView {
            objectName: "projectList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: ProjectListModel {
                id: projects
                store: page.store
            }
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ItemDelegate {
                id: projectRow
                required property int index
                required property string id
                required property string code
                required property string title
                required property var year
                required property var status
                required property var extensionFunding
                objectName: "project_" + index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                Accessible.name: code + " " + title
                highlighted: page.detailProperties !== null && page.detailProperties.projectId === id
                contentItem: Column {
                    Label { width: parent.width; text: projectRow.code + " — " + projectRow.title; font.bold: true; wrapMode: Text.Wrap; maximumLineCount: 2; elide: Text.ElideRight }
                    Label {
                        width: parent.width
                        text: Codes.joined([projectRow.year, Codes.projectStatus(projectRow.status), Codes.dong(projectRow.extensionFunding)])
                        font.pixelSize: Theme.smallFont
                        elide: Text.ElideRight
                    }
                }
                onClicked: page.showDetail({ projectId: id })
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: projects.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("No projects on this device.")
            }
        }
    }
    Connections {
        target: page.store
        function onRegistersChanged() { projects.reload() }
    }
}
