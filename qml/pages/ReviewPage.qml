import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// The reviewer's console: the queue of submissions in the reviewer's provinces, filtered,
// beside (or before) the chosen submission. Keys on the desktop: J/K next and previous.
MasterDetail {
    id: page
    required property AppStore store
    required property Session session
    required property SyncEngine sync
    objectName: "reviewPage"
    title: qsTr("Review")
    detail: Component { ReviewDetail { client: page.client } }
    property alias client: client
    property int currentIndex: -1
    readonly property var opened: client.current  // the record on screen ({} before one)

    ReviewClient {
        id: client
        session: page.session
        store: page.store
        Component.onCompleted: refresh()
        // After a decision, on to the next record: the one decided on has left a queue
        // filtered by its old state, so the next one now sits at the same place.
        onReviewed: function(id) {
            const stayed = client.queue.findIndex(q => q.id === id) >= 0
            page.openAt(stayed ? page.currentIndex + 1 : page.currentIndex)
        }
    }
    function openAt(i) {
        if (i < 0 || i >= client.queue.length)
            return
        currentIndex = i
        client.open(client.queue[i].id)
        page.showDetail({})
    }
    Shortcut { sequence: "J"; onActivated: page.openAt(page.currentIndex + 1) }
    Shortcut { sequence: "K"; onActivated: page.openAt(page.currentIndex - 1) }
    Shortcut { sequence: "F5"; onActivated: client.refresh() }
    // What a sync brings (forms above all, on a new device) names the queue's entries and lets
    // a record opened before its form had arrived be read.
    Connections {
        target: page.sync
        function onFinished(ok) {
            if (!ok)
                return
            client.refresh()
            const open = page.opened.id || ""
            if (open !== "" && client.answers.length === 0)
                client.open(open)
        }
    }
    // New work arrives while the console is open.
    Timer { interval: 60000; running: true; repeat: true; onTriggered: if (!client.busy) client.refresh() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2
        RowLayout {
            Layout.fillWidth: true
            ComboBox {
                id: stateFilter
                objectName: "stateFilter"
                Layout.fillWidth: true
                textRole: "text"
                valueRole: "value"
                model: [
                    { value: "submitted", text: qsTr("Awaiting review") },
                    { value: "returned", text: qsTr("Returned") },
                    { value: "approved", text: qsTr("Approved") },
                    { value: "rejected", text: qsTr("Rejected") },
                    { value: "", text: qsTr("All states") }
                ]
                Accessible.name: qsTr("State")
                onActivated: page.applyFilters()
            }
            ComboBox {
                id: formFilter
                objectName: "formFilter"
                Layout.fillWidth: true
                textRole: "title"
                valueRole: "id"
                model: Codes.prepend({ id: "", title: qsTr("All forms") }, page.store.forms())
                Accessible.name: qsTr("Form")
                onActivated: page.applyFilters()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            ToolButton {
                objectName: "refreshQueue"
                implicitWidth: Theme.touchTarget
                implicitHeight: Theme.touchTarget
                text: "⟳"
                font.pixelSize: Theme.titleFont
                enabled: !client.busy
                Accessible.name: qsTr("Refresh the queue")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Refresh the queue (F5)")
                onClicked: client.refresh()
            }
            TextField { id: fromDate; Layout.fillWidth: true; placeholderText: qsTr("From dd/mm/yyyy"); Accessible.name: placeholderText; onEditingFinished: page.applyFilters() }
            TextField { id: toDate; Layout.fillWidth: true; placeholderText: qsTr("To dd/mm/yyyy"); Accessible.name: placeholderText; onEditingFinished: page.applyFilters() }
        }
        Label {
            Layout.fillWidth: true
            visible: client.errorString !== ""
            text: client.errorString
            color: Theme.error
            wrapMode: Text.Wrap
        }
        ListView {
            id: list
            objectName: "reviewQueue"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: client.queue
            ScrollIndicator.vertical: ScrollIndicator {}
            delegate: ItemDelegate {
                id: queueRow
                required property var modelData
                required property int index
                objectName: "queue_" + index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                highlighted: index === page.currentIndex
                Accessible.name: modelData.form_title + ", " + (modelData.subject || "")
                contentItem: ColumnLayout {
                    spacing: 2
                    RowLayout {
                        Label { Layout.fillWidth: true; text: queueRow.modelData.form_title; font.bold: true; elide: Text.ElideRight }
                        StateChip { state: queueRow.modelData.state }
                    }
                    Label { Layout.fillWidth: true; text: queueRow.modelData.subject || ""; elide: Text.ElideRight }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · revision %2 · %3").arg(queueRow.modelData.officer || "").arg(queueRow.modelData.revision).arg(Codes.when(queueRow.modelData.received_at))
                              + (queueRow.modelData.conflict ? " · " + qsTr("conflict") : "")
                        font.pixelSize: Theme.smallFont
                        elide: Text.ElideRight
                    }
                }
                onClicked: page.openAt(index)
            }
            footer: ActionButton {
                width: ListView.view.width
                visible: client.hasMore
                flat: true
                text: qsTr("Load more")
                onClicked: client.loadMore()
            }
            Label {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                visible: client.queue.length === 0 && !client.busy
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Nothing to review with these filters.")
            }
            BusyIndicator { anchors.centerIn: parent; running: client.busy }
        }
    }
    function applyFilters() {
        client.filters = { state: stateFilter.currentValue, form: formFilter.currentValue,
                           from: Codes.isoDate(fromDate.text), to: Codes.isoDate(toDate.text) }
    }
}
