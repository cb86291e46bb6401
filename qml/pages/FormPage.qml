import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// Filling one form: a page per group with a progress bar, a widget per question, messages as
// you go, the draft saved on every change. After the last page comes a summary (the answers,
// what is missing, the photos), and only from there, after a confirmation, "Finalize": the
// button never sits where "Next" was tapped a moment ago.
Page {
    id: page
    required property AppStore store
    required property Navigator navigation
    property string submissionId: ""
    property string newFormId: ""
    property var prefill: ({})
    property alias controller: ctl
    property alias fieldList: list
    objectName: "formPage"
    title: ctl.formTitle

    FormController {
        id: ctl
        store: page.store
        onFinalized: page.navigation.back()
    }
    FormFieldModel {
        id: fields
        controller: ctl
        page: pager.currentPage
    }
    QtObject {
        id: pager
        property int currentPage: 0
    }
    // The page after the last one: the summary.
    readonly property bool onSummary: ctl.pageCount > 0 && pager.currentPage >= ctl.pageCount
    property var summaryRows: []
    readonly property int photoCount: summaryRows.reduce((n, r) => n + (r.attachments ? r.attachments.length : 0), 0)
    onOnSummaryChanged: if (onSummary) summaryLater.restart()
    // Once the event under way is done (a timer, not Qt.callLater, which Qt 6.4's qmllint cannot type).
    Timer { id: summaryLater; interval: 0; onTriggered: page.refreshSummary() }
    Timer {
        id: scrollLater
        property string path: ""
        interval: 0
        onTriggered: {
            const row = fields.rowOf(path)
            if (row >= 0)
                list.positionViewAtIndex(row, ListView.Beginning)
        }
    }
    function refreshSummary() {
        if (ctl.editable)
            ctl.check()
        summaryRows = ctl.summary()
    }
    function askFinalize() {
        page.forceActiveFocus() // the field being typed in is saved first
        if (ctl.check())
            finalizeDialog.open()
        else
            missingDialog.open()
    }
    Component.onCompleted: {
        const ok = page.newFormId !== "" ? ctl.begin(page.newFormId, page.prefill) : ctl.open(page.submissionId)
        if (ok) {
            page.submissionId = ctl.submissionId
            // A draft reopens on the page where it was left.
            if (page.newFormId === "" && ctl.editable)
                pager.currentPage = ctl.lastPage()
        }
    }
    Connections {
        target: pager
        function onCurrentPageChanged() { if (pager.currentPage < ctl.pageCount) ctl.rememberPage(pager.currentPage) }
    }

    // Jumps to a question (from the list of what is missing).
    function goTo(path, pageIndex) {
        pager.currentPage = pageIndex
        scrollLater.path = path
        scrollLater.restart()
    }

    header: ColumnLayout {
        spacing: 0
        ProgressBar {
            Layout.fillWidth: true
            value: ctl.pageCount > 0 ? (pager.currentPage + 1) / (ctl.pageCount + 1) : 0
        }
        Label {
            objectName: "pageLabel"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing / 2
            text: page.onSummary ? qsTr("Summary: check before finalizing")
                  : ctl.pageCount > 1 ? qsTr("Page %1 of %2: %3").arg(pager.currentPage + 1).arg(ctl.pageCount).arg(ctl.pageTitles[pager.currentPage] || "")
                  : (ctl.pageTitles[0] || "")
            font.pixelSize: Theme.smallFont
            elide: Text.ElideRight
        }
        Banner {
            objectName: "reviewBanner"
            Layout.fillWidth: true
            visible: ctl.reviewComment !== ""
            text: qsTr("Returned by the reviewer: %1").arg(ctl.reviewComment)
        }
        Banner {
            Layout.fillWidth: true
            visible: ctl.syncError !== ""
            text: ctl.syncError
        }
        Banner {
            Layout.fillWidth: true
            visible: ctl.lostAnswers.length > 0
            warning: true
            readonly property var lost: ctl.lostAnswers  // a JS array (a var), to map over
            text: qsTr("The form changed. These answers could not be kept: %1").arg(lost.map(a => a.label + " (" + a.value + ")").join(", "))
        }
        Banner {
            Layout.fillWidth: true
            visible: ctl.errorString !== ""
            text: ctl.errorString
        }
        Banner {
            Layout.fillWidth: true
            visible: !ctl.editable && ctl.state !== "" && ctl.state !== "queued"
            warning: true
            text: qsTr("%1 — this record can no longer be changed.").arg(Codes.state(ctl.state))
        }
        // Finalized but not sent yet: it can still be taken back and changed.
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing / 2
            visible: ctl.state === "queued"
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Finalized, waiting to be sent.")
            }
            ActionButton {
                objectName: "backToDraft"
                Layout.minimumHeight: Theme.touchTarget
                text: qsTr("Back to draft")
                Accessible.name: qsTr("Take it back to draft to change it")
                onClicked: if (ctl.backToDraft()) pager.currentPage = 0
            }
        }
    }

    ListView {
        id: list
        objectName: "fieldList"
        anchors.fill: parent
        visible: !page.onSummary
        clip: true
        model: fields
        spacing: 0
        cacheBuffer: 2000
        topMargin: Theme.spacing / 2
        bottomMargin: Theme.spacing
        ScrollIndicator.vertical: ScrollIndicator {}
        delegate: FieldDelegate {
            form: ctl
            editable: ctl.editable
            flaggedPaths: ctl.reviewFields
        }
    }

    ListView {
        id: summary
        objectName: "summaryList"
        anchors.fill: parent
        visible: page.onSummary
        clip: true
        model: page.onSummary ? page.summaryRows : []
        ScrollIndicator.vertical: ScrollIndicator {}
        header: ColumnLayout {
            width: summary.width - 2 * Theme.spacing
            x: Theme.spacing
            spacing: Theme.spacing / 2
            Label {
                objectName: "summaryStatus"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                wrapMode: Text.Wrap
                font.bold: true
                color: ctl.missing.length > 0 ? Theme.error : Theme.ok
                text: !ctl.editable ? Codes.state(ctl.state)
                      : ctl.missing.length > 0 ? qsTr("%n answer(s) still missing or wrong. Tap one to go to it.", "", ctl.missing.length)
                      : qsTr("Complete: every required answer is there.")
            }
            Repeater {
                model: ctl.editable ? ctl.missing : []
                delegate: ItemDelegate {
                    id: summaryMissingRow
                    required property var modelData
                    required property int index
                    objectName: "summaryMissing_" + index
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    Accessible.name: modelData.label + ": " + modelData.message
                    contentItem: Column {
                        Label { width: parent.width; text: summaryMissingRow.modelData.label; font.bold: true; wrapMode: Text.Wrap }
                        Label { width: parent.width; text: summaryMissingRow.modelData.message; color: Theme.error; wrapMode: Text.Wrap }
                    }
                    onClicked: page.goTo(modelData.path, modelData.page)
                }
            }
            Label {
                objectName: "summaryPhotos"
                Layout.fillWidth: true
                text: qsTr("%n photo(s) attached", "", page.photoCount)
            }
            SectionHeader { Layout.fillWidth: true; text: qsTr("Answers") }
        }
        delegate: AnswerRow {
            width: summary.width - 2 * Theme.spacing - (modelData.depth || 0) * 8
            x: Theme.spacing + (modelData.depth || 0) * 8
            photoUrl: function(sha) { return page.store.attachmentUrl(sha) }
            onPhotoTapped: function(source) { viewer.show(source) }
        }
        footer: ColumnLayout {
            width: summary.width - 2 * Theme.spacing
            x: Theme.spacing
            visible: ctl.editable
            ActionButton {
                objectName: "finalize"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing * 2
                Layout.bottomMargin: Theme.spacing
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Finalize…")
                Accessible.name: qsTr("Finalize")
                onClicked: page.askFinalize()
            }
        }
    }
    PhotoViewer { id: viewer }

    footer: Pane {
        padding: 4
        Material.elevation: 0
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 4
            ActionButton {
                objectName: "previousPage"
                flat: true
                implicitHeight: Theme.touchTarget
                enabled: pager.currentPage > 0
                text: qsTr("Back")
                Accessible.name: qsTr("Previous page")
                onClicked: pager.currentPage--
            }
            Item { Layout.fillWidth: true }
            ActionButton {
                objectName: "saveDraft"
                flat: true
                implicitHeight: Theme.touchTarget
                visible: ctl.editable
                text: qsTr("Save draft")
                Accessible.name: text
                onClicked: {
                    // Flush the field being typed in before leaving.
                    page.forceActiveFocus()
                    if (ctl.saveDraft())
                        page.navigation.back()
                }
            }
            ActionButton {
                objectName: "nextPage"
                implicitHeight: Theme.touchTarget
                visible: pager.currentPage < ctl.pageCount
                highlighted: true
                text: pager.currentPage === ctl.pageCount - 1 ? qsTr("Summary") : qsTr("Next")
                Accessible.name: pager.currentPage === ctl.pageCount - 1 ? qsTr("Summary before finalizing") : qsTr("Next page")
                onClicked: { page.forceActiveFocus(); pager.currentPage++ }
            }
        }
    }

    KcDialog {
        id: finalizeDialog
        objectName: "finalizeDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 420)
        title: qsTr("Finalize this record?")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("It goes to the reviewers at the next sync. Until it is sent you can take it back to draft from the outbox.")
            }
            ActionButton {
                objectName: "confirmFinalize"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Finalize")
                onClicked: {
                    finalizeDialog.close()
                    if (!ctl.finalize())
                        missingDialog.open()
                }
            }
        }
    }

    KcDialog {
        id: missingDialog
        objectName: "missingDialog"
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 480)
        height: Math.min(page.height - 32, 520)
        title: qsTr("Not finished yet")
        standardButtons: Dialog.Close
        ListView {
            anchors.fill: parent
            clip: true
            model: ctl.missing
            header: Label {
                width: ListView.view.width
                wrapMode: Text.Wrap
                text: qsTr("Fix these before finalizing. Tap one to go to it.")
                bottomPadding: 8
            }
            delegate: ItemDelegate {
                id: missingRow
                required property var modelData
                required property int index
                objectName: "missing_" + index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                Accessible.name: modelData.label + ": " + modelData.message
                contentItem: Column {
                    Label { width: parent.width; text: missingRow.modelData.label; font.bold: true; wrapMode: Text.Wrap }
                    Label { width: parent.width; text: missingRow.modelData.message; color: Theme.error; wrapMode: Text.Wrap }
                }
                onClicked: {
                    missingDialog.close()
                    page.goTo(modelData.path, modelData.page)
                }
            }
        }
    }
}
