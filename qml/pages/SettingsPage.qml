import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// Language, the server and the account; signing out warns when work is still unsent.
Page {
    id: page
    required property AppStore store
    required property Session session
    required property SyncEngine sync
    objectName: "settingsPage"
    title: qsTr("Settings")

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        clip: true
        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: parent.width - 2 * Theme.spacing
            spacing: Theme.spacing / 2
            SectionHeader { Layout.fillWidth: true; text: qsTr("Language") }
            RadioButton {
                objectName: "languageVi"
                text: "Tiếng Việt"
                checked: Language.code === "vi"
                Accessible.name: text
                onClicked: Language.code = "vi"
            }
            RadioButton {
                objectName: "languageEn"
                text: "English"
                checked: Language.code === "en"
                Accessible.name: text
                onClicked: Language.code = "en"
            }
            SectionHeader { Layout.fillWidth: true; text: qsTr("Account") }
            InfoRow { Layout.fillWidth: true; label: qsTr("Signed in as"); value: page.session.displayName + " (" + page.session.username + ")" }
            InfoRow { Layout.fillWidth: true; label: qsTr("Role"); value: Codes.role(page.session.role) }
            InfoRow { Layout.fillWidth: true; label: qsTr("Server"); value: page.session.serverUrl }
            CheckBox {
                text: qsTr("Sync by itself when a connection is available")
                checked: page.sync.automatic
                Accessible.name: text
                onToggled: page.sync.automatic = checked
            }
            ActionButton {
                objectName: "signOutButton"
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                text: qsTr("Sign out")
                Accessible.name: text
                onClicked: {
                    if (!page.session.signOut(false))
                        confirm.open()
                }
            }
        }
    }

    KcDialog {
        id: confirm
        objectName: "signOutWarning"
        anchors.centerIn: Overlay.overlay
        width: Math.min(page.width - 32, 420)
        modal: true
        title: qsTr("Work not sent yet")
        standardButtons: Dialog.Cancel
        ColumnLayout {
            anchors.fill: parent
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("%n record(s) on this device have not reached the server. Sync first, or they stay here until this account signs in again.", "", page.store.unsentCount)
            }
            ActionButton {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                highlighted: true
                text: qsTr("Sync now")
                onClicked: { confirm.close(); page.sync.syncNow() }
            }
            ActionButton {
                Layout.fillWidth: true
                Layout.minimumHeight: Theme.touchTarget
                flat: true
                text: qsTr("Sign out anyway")
                Material.foreground: Theme.error
                onClicked: { confirm.close(); page.session.signOut(true) }
            }
        }
    }
}
