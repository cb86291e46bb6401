import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import KCField
import KCField.Core

// The window: opens the device's data off the GUI thread, then shows sign-in or the app.
ApplicationWindow {
    id: window
    property string serverUrl: "http://127.0.0.1:8080"
    property string storePath: ""
    property alias store: store
    property alias session: session
    property alias sync: sync

    width: 400
    height: 720
    visible: true
    title: qsTr("KCField — Industrial extension")
    Material.theme: Material.System
    Material.accent: Material.Teal
    Material.primary: Material.Teal
    font.pixelSize: Theme.baseFont

    AppStore {
        id: store
        path: window.storePath
    }
    Session {
        id: session
        store: store
    }
    SyncEngine {
        id: sync
        store: store
        session: session
        automatic: session.signedIn
    }

    // The first frame is drawn at once; the database opens on a worker thread meanwhile.
    Component.onCompleted: store.openInBackground()

    Loader {
        id: content
        objectName: "content"
        anchors.fill: parent
        // The on-screen keyboard takes the bottom of the screen: lay out above it, so the
        // field being typed in and the buttons under it stay reachable.
        // (Read through a var: Qt 6.4's qmllint does not know the input method's properties.)
        readonly property var inputMethod: Qt.inputMethod
        anchors.bottomMargin: inputMethod.visible ? inputMethod.keyboardRectangle.height / Screen.devicePixelRatio : 0
        sourceComponent: !store.ready ? openingView : session.signedIn ? shellView : signInView
    }

    Component {
        id: openingView
        Pane {
            objectName: "openingView"
            Column {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spacing
                spacing: Theme.spacing
                BusyIndicator {
                    anchors.horizontalCenter: parent.horizontalCenter
                    running: store.opening
                    visible: store.opening
                }
                Label {
                    width: parent.width
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    text: store.errorString !== "" ? store.errorString : qsTr("Opening the data on this device…")
                    color: store.errorString !== "" ? Theme.error : Material.foreground
                }
            }
        }
    }
    Component {
        id: signInView
        SignInPage {
            session: window.session
            defaultServer: window.serverUrl
        }
    }
    Component {
        id: shellView
        Shell {
            store: window.store
            session: window.session
            sync: window.sync
        }
    }
}
