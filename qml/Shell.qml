import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// The signed-in app: a section at a time (home, facilities, projects, outbox, review,
// settings). On a phone a drawer lists the sections; from ~900 px they stay in a side rail.
Page {
    id: shell
    objectName: "shell"
    required property AppStore store
    required property Session session
    required property SyncEngine sync
    readonly property bool wide: width >= Theme.widePaneWidth
    readonly property bool staff: session.role === "reviewer" || session.role === "admin"
    property string section: "home"
    property alias stack: stack

    readonly property var sections: [
        { key: "home", title: qsTr("Home"), icon: "go-home" },
        { key: "facilities", title: qsTr("Facilities"), icon: "view-list-details" },
        { key: "projects", title: qsTr("Projects"), icon: "folder" },
        { key: "outbox", title: qsTr("Outbox and sync"), icon: "mail-send" },
        { key: "review", title: qsTr("Review"), icon: "document-edit", staffOnly: true },
        { key: "reports", title: qsTr("Reports"), icon: "office-chart-bar", staffOnly: true },
        { key: "settings", title: qsTr("Settings"), icon: "configure" }
    ].filter(s => !s.staffOnly || shell.staff)

    function titleOf(key) {
        const s = sections.find(x => x.key === key)
        return s ? s.title : ""
    }
    function show(key) {
        section = key
        stack.clear()
        stack.push(pageFor(key), { shell: shell })
        drawer.close()
    }
    function pageFor(key) {
        switch (key) {
        case "facilities": return facilitiesPage
        case "projects": return projectsPage
        case "outbox": return outboxPage
        case "review": return reviewPage
        case "reports": return reportPage
        case "settings": return settingsPage
        }
        return homePage
    }
    // Opens a record on the device for filling or reading.
    function openSubmission(id) {
        stack.push(formPage, { shell: shell, submissionId: id })
    }
    // Starts a new record of a form, with answers given ({facility: id}).
    function beginForm(formId, prefill) {
        stack.push(formPage, { shell: shell, newFormId: formId, prefill: prefill || {} })
    }
    function chooseForm(prefill) {
        formChooser.prefill = prefill || {}
        formChooser.open()
    }
    function push(component, properties) {
        stack.push(component, Object.assign({ shell: shell }, properties || {}))
    }

    Component.onCompleted: show("home")

    header: ToolBar {
        Material.elevation: GraphicsInfo.api === GraphicsInfo.Software ? 0 : 4
        RowLayout {
            anchors.fill: parent
            spacing: 0
            ToolButton {
                objectName: "menuButton"
                visible: !shell.wide || stack.depth > 1
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                text: stack.depth > 1 ? "‹" : "☰"
                font.pixelSize: Theme.titleFont
                Accessible.name: stack.depth > 1 ? qsTr("Back") : qsTr("Menu")
                onClicked: stack.depth > 1 ? stack.pop() : drawer.open()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: shell.wide && stack.depth === 1 ? Theme.spacing : 0
                text: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : shell.titleOf(shell.section)
                font.pixelSize: Theme.titleFont
                elide: Text.ElideRight
            }
            SyncButton {
                sync: shell.sync
                store: shell.store
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        NavigationList {
            id: rail
            visible: shell.wide
            Layout.preferredWidth: 220
            Layout.fillHeight: true
            shell: shell
        }
        ToolSeparator {
            visible: shell.wide
            orientation: Qt.Vertical
            Layout.fillHeight: true
            padding: 0
        }
        StackView {
            id: stack
            objectName: "stack"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
        }
    }

    Drawer {
        id: drawer
        width: Math.min(shell.width * 0.8, 300)
        height: shell.height
        interactive: !shell.wide
        Material.elevation: 0 // its shadow hides it under the software renderer
        NavigationList {
            anchors.fill: parent
            shell: shell
        }
    }

    FormChooser {
        id: formChooser
        store: shell.store
        role: shell.session.role
        sync: shell.sync
        onChosen: function(formId, prefill) { shell.beginForm(formId, prefill) }
    }

    Component { id: homePage; HomePage {} }
    Component { id: facilitiesPage; FacilitiesPage {} }
    Component { id: projectsPage; ProjectsPage {} }
    Component { id: outboxPage; OutboxPage {} }
    Component { id: reviewPage; ReviewPage {} }
    Component { id: reportPage; ReportPage {} }
    Component { id: settingsPage; SettingsPage {} }
    Component { id: formPage; FormPage {} }
}
