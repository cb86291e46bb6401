import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import KCField
import KCField.Core

// Sign in with a username and password, or with the enrollment code an administrator gave
// (typed, or scanned from its QR code, which also brings the server's address).
Page {
    id: page
    required property Session session
    property string defaultServer: ""
    property alias serverField: serverField
    objectName: "signInPage"
    title: qsTr("Sign in")

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 2 * Theme.spacing
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: column
            x: Theme.spacing
            y: Theme.spacing
            width: Math.min(page.width - 2 * Theme.spacing, 480)
            anchors.horizontalCenter: parent.horizontalCenter
            spacing: Theme.spacing / 2

            Label {
                text: qsTr("KCField")
                font.pixelSize: Theme.headlineFont
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Field data for the industrial extension programme. Sign in once with a connection; after that everything works offline.")
            }
            TextField {
                id: serverField
                objectName: "serverField"
                Layout.fillWidth: true
                placeholderText: qsTr("Server address")
                text: page.session.serverUrl !== "" ? page.session.serverUrl : page.defaultServer
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Server address")
            }
            TabBar {
                id: mode
                Layout.fillWidth: true
                TabButton { objectName: "passwordTab"; text: qsTr("Password"); Accessible.name: text }
                TabButton { objectName: "codeTab"; text: qsTr("Enrollment code"); Accessible.name: text }
            }
            StackLayout {
                Layout.fillWidth: true
                currentIndex: mode.currentIndex
                ColumnLayout {
                    spacing: Theme.spacing / 2
                    TextField {
                        id: username
                        objectName: "usernameField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Username")
                        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                        Accessible.name: qsTr("Username")
                    }
                    TextField {
                        id: password
                        objectName: "passwordField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Password")
                        echoMode: TextInput.Password
                        Accessible.name: qsTr("Password")
                        onAccepted: signInButton.clicked()
                    }
                    ActionButton {
                        id: signInButton
                        objectName: "signInButton"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        highlighted: true
                        enabled: !page.session.busy && username.text !== "" && password.text !== ""
                        text: qsTr("Sign in")
                        Accessible.name: text
                        onClicked: page.session.signIn(serverField.text.trim(), username.text.trim(), password.text)
                    }
                }
                ColumnLayout {
                    spacing: Theme.spacing / 2
                    TextField {
                        id: code
                        objectName: "codeField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Enrollment code")
                        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                        Accessible.name: qsTr("Enrollment code")
                        onAccepted: enrollButton.clicked()
                    }
                    ActionButton {
                        objectName: "scanCodeButton"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        flat: true
                        icon.name: "camera-photo"
                        text: qsTr("Scan the QR code")
                        Accessible.name: text
                        onClicked: scanner.open()
                    }
                    ActionButton {
                        id: enrollButton
                        objectName: "enrollButton"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        highlighted: true
                        enabled: !page.session.busy && code.text.trim() !== ""
                        text: qsTr("Enroll this device")
                        Accessible.name: text
                        onClicked: page.session.enroll(serverField.text.trim(), code.text.trim())
                    }
                }
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: page.session.busy
                visible: running
            }
            Label {
                objectName: "signInError"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: Theme.error
                visible: text !== ""
                text: page.session.errorString
            }
        }
    }

    ScannerPopup {
        id: scanner
        title: qsTr("Scan the enrollment QR code")
        onScanned: function(text) {
            code.text = text
            mode.currentIndex = 1
            // The QR code's link names the server as well.
            const match = /[?&]server=([^&]+)/.exec(text)
            if (match)
                serverField.text = decodeURIComponent(match[1])
        }
    }
}
