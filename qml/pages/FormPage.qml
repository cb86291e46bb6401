import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// Filling one form: a page per group with a progress bar, a widget per question, messages as
// you go, the draft saved on every change, and "Finalize" listing what is missing.
Page {
    id: page
    property var shell
    property string submissionId: ""
    property string newFormId: ""
    property var prefill: ({})
    property alias controller: ctl
    property alias fieldList: list
    objectName: "formPage"
    title: ctl.formTitle

    FormController {
        id: ctl
        store: page.shell.store
        onFinalized: page.shell.stack.pop()
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
    Component.onCompleted: {
        const ok = page.newFormId !== "" ? ctl.begin(page.newFormId, page.prefill) : ctl.open(page.submissionId)
        if (ok)
            page.submissionId = ctl.submissionId
    }

    // Jumps to a question (from the list of what is missing).
    function goTo(path, pageIndex) {
        pager.currentPage = pageIndex
        Qt.callLater(() => {
            const row = fields.rowOf(path)
            if (row >= 0)
                list.positionViewAtIndex(row, ListView.Beginning)
        })
    }

    header: ColumnLayout {
        spacing: 0
        ProgressBar {
            Layout.fillWidth: true
            value: ctl.pageCount > 0 ? (pager.currentPage + 1) / ctl.pageCount : 0
        }
        Label {
            objectName: "pageLabel"
            Layout.fillWidth: true
            Layout.margins: Theme.spacing / 2
            text: ctl.pageCount > 1 ? qsTr("Page %1 of %2: %3").arg(pager.currentPage + 1).arg(ctl.pageCount).arg(ctl.pageTitles[pager.currentPage] || "")
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
            text: qsTr("The form changed. These answers could not be kept: %1").arg(ctl.lostAnswers.map(a => a.label + " (" + a.value + ")").join(", "))
        }
        Banner {
            Layout.fillWidth: true
            visible: ctl.errorString !== ""
            text: ctl.errorString
        }
        Banner {
            Layout.fillWidth: true
            visible: !ctl.editable && ctl.state !== ""
            warning: true
            text: qsTr("%1 — this record can no longer be changed.").arg(Codes.state(ctl.state))
        }
    }

    ListView {
        id: list
        objectName: "fieldList"
        anchors.fill: parent
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
                        page.shell.stack.pop()
                }
            }
            ActionButton {
                objectName: "nextPage"
                implicitHeight: Theme.touchTarget
                visible: pager.currentPage < ctl.pageCount - 1
                highlighted: true
                text: qsTr("Next")
                Accessible.name: qsTr("Next page")
                onClicked: { page.forceActiveFocus(); pager.currentPage++ }
            }
            ActionButton {
                objectName: "finalize"
                implicitHeight: Theme.touchTarget
                visible: pager.currentPage >= ctl.pageCount - 1 && ctl.editable
                highlighted: true
                text: qsTr("Finalize")
                Accessible.name: text
                onClicked: {
                    page.forceActiveFocus()
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
                required property var modelData
                required property int index
                objectName: "missing_" + index
                width: ListView.view.width
                height: Math.max(Theme.touchTarget, implicitHeight)
                Accessible.name: modelData.label + ": " + modelData.message
                contentItem: Column {
                    Label { width: parent.width; text: modelData.label; font.bold: true; wrapMode: Text.Wrap }
                    Label { width: parent.width; text: modelData.message; color: Theme.error; wrapMode: Text.Wrap }
                }
                onClicked: {
                    missingDialog.close()
                    page.goTo(modelData.path, modelData.page)
                }
            }
        }
    }
}
