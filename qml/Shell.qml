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

    readonly property var allSections: [
        { key: "home", title: qsTr("Home"), icon: "go-home" },
        { key: "facilities", title: qsTr("Facilities"), icon: "view-list-details" },
        { key: "projects", title: qsTr("Projects"), icon: "folder" },
        { key: "outbox", title: qsTr("Outbox and sync"), icon: "mail-send" },
        { key: "review", title: qsTr("Review"), icon: "document-edit", staffOnly: true },
        { key: "reports", title: qsTr("Reports"), icon: "office-chart-bar", staffOnly: true },
        { key: "settings", title: qsTr("Settings"), icon: "configure" }
    ]
    readonly property var sections: allSections.filter(s => !s.staffOnly || shell.staff)

    function titleOf(key) {
        const s = sections.find(x => x.key === key)
        return s ? s.title : ""
    }
    function show(key) {
        section = key
        stack.clear()
        stack.push(pageFor(key))
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
    // What the pages ask of the shell.
    Navigator {
        id: navigator
        onOpenSubmission: function(submissionId) { stack.push(formPage, { submissionId: submissionId }) }
        onBeginForm: function(formId, prefill) { stack.push(formPage, { newFormId: formId, prefill: prefill || {} }) }
        onChooseForm: function(prefill) {
            formChooser.prefill = prefill || {}
            formChooser.open()
        }
        onPush: function(component, properties) { stack.push(component, properties || {}) }
        onBack: stack.pop()
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
                readonly property var currentPage: stack.currentItem
                text: currentPage && currentPage.title ? currentPage.title : shell.titleOf(shell.section)
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
            sections: shell.sections
            section: shell.section
            session: shell.session
            onChosen: function(key) { shell.show(key) }
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
            sections: shell.sections
            section: shell.section
            session: shell.session
            onChosen: function(key) { shell.show(key) }
        }
    }

    FormChooser {
        id: formChooser
        store: shell.store
        role: shell.session.role
        sync: shell.sync
        onChosen: function(formId, prefill) { navigator.beginForm(formId, prefill) }
    }

    // Each page is given the objects it uses, and nothing else.
    Component { id: homePage; HomePage { store: shell.store; session: shell.session; sync: shell.sync; navigation: navigator } }
    Component { id: facilitiesPage; FacilitiesPage { store: shell.store; session: shell.session; navigation: navigator } }
    Component { id: projectsPage; ProjectsPage { store: shell.store; navigation: navigator } }
    Component { id: outboxPage; OutboxPage { store: shell.store; sync: shell.sync; navigation: navigator } }
    Component { id: reviewPage; ReviewPage { store: shell.store; session: shell.session; sync: shell.sync; navigation: navigator } }
    Component { id: reportPage; ReportPage { session: shell.session } }
    Component { id: settingsPage; SettingsPage { store: shell.store; session: shell.session; sync: shell.sync } }
    Component { id: formPage; FormPage { store: shell.store; navigation: navigator } }
}
