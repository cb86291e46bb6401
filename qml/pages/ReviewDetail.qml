import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// One submission for a reviewer: every answer readable, photos full screen, the location,
// what changed since the revision before, and approve / return with a comment / reject.
// Keys: Ctrl+Enter approves, Ctrl+R returns, Ctrl+D rejects.
Page {
    id: page
    property var shell
    property ReviewClient client
    objectName: "reviewDetail"
    readonly property var current: client ? client.current : ({})
    readonly property bool reviewable: current.state === "submitted"
    title: current.form_title || qsTr("Submission")

    Shortcut { sequence: "Ctrl+Return"; enabled: page.reviewable; onActivated: page.client.approve() }
    Shortcut { sequence: "Ctrl+R"; enabled: page.reviewable; onActivated: decision.ask("return") }
    Shortcut { sequence: "Ctrl+D"; enabled: page.reviewable; onActivated: decision.ask("reject") }

    Connections {
        target: page.client
        function onAttachmentReady() { answers.model = page.client.answers.slice() }
    }

    ListView {
        id: answers
        objectName: "reviewAnswers"
        anchors.fill: parent
        clip: true
        model: page.client ? page.client.answers : []
        ScrollIndicator.vertical: ScrollIndicator {}
        header: ColumnLayout {
            width: answers.width - 2 * Theme.spacing
            x: Theme.spacing
            spacing: Theme.spacing / 2
            Label {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                text: (page.current.form_title || "") + (page.current.subject ? " — " + page.current.subject : "")
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.Wrap
            }
            RowLayout {
                StateChip { state: page.current.state || "" }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("by %1 · revision %2 · received %3").arg(page.current.officer || "").arg(page.current.revision || "").arg(Codes.when(page.current.received_at))
                    font.pixelSize: Theme.smallFont
                    wrapMode: Text.Wrap
                }
            }
            Banner {
                Layout.fillWidth: true
                visible: !!page.current.conflict
                warning: true
                text: qsTr("Conflict: this revision was made from an older one. Compare before deciding.")
            }
            Label {
                Layout.fillWidth: true
                visible: !!page.current.review_comment
                text: qsTr("Last comment: %1").arg(page.current.review_comment || "")
                wrapMode: Text.Wrap
            }
            SectionHeader {
                Layout.fillWidth: true
                visible: page.client && page.client.changes.length > 0
                text: qsTr("Changed since the revision before")
            }
            Repeater {
                model: page.client ? page.client.changes : []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    textFormat: Text.PlainText
                    text: modelData.label + ": " + (modelData.before || "—") + " → " + (modelData.after || "—")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                visible: page.reviewable
                ActionButton {
                    objectName: "approveButton"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    highlighted: true
                    Material.accent: Theme.ok
                    text: qsTr("Approve")
                    Accessible.name: text
                    onClicked: page.client.approve()
                }
                ActionButton {
                    objectName: "returnButton"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    text: qsTr("Return")
                    Accessible.name: qsTr("Return for correction")
                    onClicked: decision.ask("return")
                }
                ActionButton {
                    objectName: "rejectButton"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    text: qsTr("Reject")
                    Accessible.name: text
                    onClicked: decision.ask("reject")
                }
            }
            Label {
                Layout.fillWidth: true
                visible: page.client && page.client.errorString !== ""
                text: page.client ? page.client.errorString : ""
                color: Theme.error
                wrapMode: Text.Wrap
            }
            SectionHeader { Layout.fillWidth: true; text: qsTr("Answers") }
        }
        delegate: ColumnLayout {
            required property var modelData
            width: answers.width - 2 * Theme.spacing - (modelData.depth || 0) * 8
            x: Theme.spacing + (modelData.depth || 0) * 8
            spacing: 2
            Label {
                Layout.fillWidth: true
                Layout.topMargin: 6
                text: modelData.label
                font.bold: modelData.kind !== "answer"
                font.pixelSize: modelData.kind === "answer" ? Theme.smallFont : Theme.baseFont
                color: modelData.kind === "answer" ? Theme.neutral : Material.accent
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: modelData.kind === "answer" && !modelData.attachments
                text: modelData.text || ""
                wrapMode: Text.Wrap
                textFormat: Text.PlainText
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8
                visible: !!modelData.attachments
                Repeater {
                    model: modelData.attachments || []
                    delegate: Image {
                        required property string modelData
                        width: 120
                        height: 120
                        fillMode: Image.PreserveAspectCrop
                        sourceSize.width: 240
                        asynchronous: true
                        source: page.client.attachmentUrl(modelData)
                        Accessible.name: qsTr("Photo")
                        TapHandler { onTapped: viewer.show(page.client.attachmentUrl(modelData)) }
                        Rectangle { anchors.fill: parent; color: "transparent"; border.color: Theme.neutral; visible: parent.status !== Image.Ready }
                    }
                }
            }
        }
    }

    PhotoViewer { id: viewer }

    KcDialog {
        id: decision
        objectName: "decisionDialog"
        property string action: "return"
        function ask(kind) {
            action = kind
            comment.text = ""
            open()
        }
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 520)
        height: Math.min(page.height - 32, 560)
        title: action === "return" ? qsTr("Return for correction") : qsTr("Reject")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            TextArea {
                id: comment
                objectName: "commentField"
                Layout.fillWidth: true
                Layout.preferredHeight: 100
                wrapMode: TextEdit.Wrap
                placeholderText: decision.action === "return" ? qsTr("What should the officer change?") : qsTr("Why is it rejected?")
                Accessible.name: placeholderText
            }
            Label {
                Layout.fillWidth: true
                visible: decision.action === "return"
                text: qsTr("Answers to fix (optional):")
            }
            ListView {
                id: fieldChoice
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                visible: decision.action === "return"
                model: page.client ? page.client.answers.filter(a => a.kind === "answer") : []
                property var chosen: []
                delegate: CheckDelegate {
                    required property var modelData
                    width: ListView.view.width
                    text: modelData.label
                    onToggled: fieldChoice.chosen = checked ? fieldChoice.chosen.concat([modelData.path])
                                                            : fieldChoice.chosen.filter(p => p !== modelData.path)
                }
            }
            ActionButton {
                objectName: "confirmDecision"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                enabled: comment.text.trim() !== ""
                text: decision.action === "return" ? qsTr("Return") : qsTr("Reject")
                onClicked: {
                    if (decision.action === "return")
                        page.client.returnForCorrection(comment.text, fieldChoice.chosen)
                    else
                        page.client.reject(comment.text)
                    fieldChoice.chosen = []
                    decision.close()
                }
            }
        }
    }
}
