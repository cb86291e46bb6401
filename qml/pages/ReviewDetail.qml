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
    required property ReviewClient client
    objectName: "reviewDetail"
    readonly property var current: client.current
    // A decision needs the record's content on screen: never on a record still loading.
    readonly property bool reviewable: current.reviewable === true && !!client && client.answers.length > 0
    // Bumped when a photo has arrived, so the photos re-ask for their files; the answers'
    // model stays bound to the client's record.
    property int photosArrived: 0
    title: current.form_title || qsTr("Submission")

    Shortcut { sequence: "Ctrl+Return"; enabled: page.reviewable; onActivated: decision.ask("approve") }
    Shortcut { sequence: "Ctrl+R"; enabled: page.reviewable; onActivated: decision.ask("return") }
    Shortcut { sequence: "Ctrl+D"; enabled: page.reviewable; onActivated: decision.ask("reject") }

    Connections {
        target: page.client
        function onAttachmentReady() { page.photosArrived++ }
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
                    onClicked: decision.ask("approve")
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
        delegate: AnswerRow {
            width: answers.width - 2 * Theme.spacing - (modelData.depth || 0) * 8
            x: Theme.spacing + (modelData.depth || 0) * 8
            photoUrl: function(sha) { return page.client.attachmentUrl(sha) }
            photosArrived: page.photosArrived
            onPhotoTapped: function(source) { viewer.show(source) }
        }
    }

    PhotoViewer { id: viewer }

    KcDialog {
        id: decision
        objectName: "decisionDialog"
        property string action: "return"
        readonly property bool needsComment: !page.client || page.client.needsComment(action)
        function ask(kind) {
            action = kind
            comment.text = ""
            open()
        }
        modal: true
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 520)
        height: Math.min(page.height - 32, action === "approve" ? 280 : 560)
        title: action === "approve" ? qsTr("Approve this record?")
               : action === "return" ? qsTr("Return for correction") : qsTr("Reject")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                visible: decision.action === "approve"
                wrapMode: Text.Wrap
                text: qsTr("%1 — %2, revision %3. Approved records count in the programme's reports.")
                      .arg(page.current.form_title || "").arg(page.current.subject || "").arg(page.current.revision || "")
            }
            TextArea {
                id: comment
                objectName: "commentField"
                visible: decision.needsComment
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
                model: Codes.where(page.client.answers, a => a.kind === "answer")
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
                enabled: !decision.needsComment || comment.text.trim() !== ""
                text: decision.action === "approve" ? qsTr("Approve")
                      : decision.action === "return" ? qsTr("Return") : qsTr("Reject")
                onClicked: {
                    if (decision.action === "approve")
                        page.client.approve()
                    else if (decision.action === "return")
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
