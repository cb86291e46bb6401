import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField
import KCField.Core

// The walking skeleton's screen: can this device reach its sync server?
Page {
    id: page
    property alias serverUrl: health.serverUrl
    readonly property alias health: health

    title: qsTr("Server connection")

    ServerHealth {
        id: health
        interval: 15000
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width, 640)
            x: (parent.width - width) / 2
            spacing: Theme.spacing

            Item { Layout.preferredHeight: Theme.spacing }

            StatusIndicator {
                objectName: "statusIndicator"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                busy: health.state === ServerHealth.Checking
                color: health.state === ServerHealth.Reachable ? Theme.ok
                     : health.state === ServerHealth.Unreachable ? Theme.error : Theme.neutral
                text: health.state === ServerHealth.Reachable ? qsTr("Connected to the server")
                    : health.state === ServerHealth.Unreachable ? qsTr("Cannot reach the server")
                    : qsTr("Checking the connection…")
            }

            Label {
                objectName: "errorLabel"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                visible: health.errorString.length > 0
                text: health.errorString
                color: Theme.error
                wrapMode: Text.Wrap
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                columns: page.width < Theme.narrowWidth ? 1 : 2
                columnSpacing: Theme.spacing
                rowSpacing: 4

                Label { text: qsTr("Server address"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    text: String(health.serverUrl)
                    wrapMode: Text.WrapAnywhere
                }
                Label { text: qsTr("Server version"); opacity: 0.7; visible: health.serverVersion.length > 0 }
                Label { text: health.serverVersion; visible: health.serverVersion.length > 0 }
                Label { text: qsTr("Data schema"); opacity: 0.7; visible: health.schemaVersion > 0 }
                Label { text: health.schemaVersion; visible: health.schemaVersion > 0 }
                Label { text: qsTr("Last checked"); opacity: 0.7; visible: !isNaN(health.lastChecked) }
                Label {
                    visible: !isNaN(health.lastChecked)
                    text: Qt.formatDateTime(health.lastChecked, "HH:mm:ss dd/MM/yyyy")
                }
            }

            ActionButton {
                objectName: "checkButton"
                Layout.fillWidth: page.width < Theme.narrowWidth
                Layout.leftMargin: Theme.spacing
                Layout.rightMargin: Theme.spacing
                text: qsTr("Check again")
                enabled: health.state !== ServerHealth.Checking
                highlighted: true
                onClicked: health.check()
            }
        }
    }
}
