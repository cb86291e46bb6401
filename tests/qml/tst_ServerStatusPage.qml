import QtQuick
import QtTest
import KCField
import KCField.Core

// The page on a phone-sized window (360×640), against a port where nothing listens.
Item {
    id: root
    width: 360
    height: 640

    Component {
        id: pageComponent
        ServerStatusPage {
            width: root.width
            height: root.height
        }
    }

    TestCase {
        name: "ServerStatusPage"
        when: windowShown

        function test_unreachableServerIsShownWithItsReason() {
            const page = createTemporaryObject(pageComponent, root)
            page.serverUrl = "http://127.0.0.1:1"  // nothing listens on port 1
            tryCompare(page.health, "state", ServerHealth.Unreachable, 10000)
            const indicator = findChild(page, "statusIndicator")
            compare(indicator.text, "Cannot reach the server")
            const error = findChild(page, "errorLabel")
            verify(error.visible)
            verify(error.text.indexOf("Cannot reach the server:") === 0, error.text)
        }

        function test_invalidAddressIsExplained() {
            const page = createTemporaryObject(pageComponent, root)
            page.serverUrl = "192.168.1.10"
            compare(page.health.state, ServerHealth.Unreachable)
            verify(findChild(page, "errorLabel").text.indexOf("is not valid") > 0)
        }

        function test_checkAgainButtonIsATouchTargetAndChecks() {
            const page = createTemporaryObject(pageComponent, root)
            page.serverUrl = "http://127.0.0.1:1"
            tryCompare(page.health, "state", ServerHealth.Unreachable, 10000)
            const button = findChild(page, "checkButton")
            verify(button.height >= Theme.touchTarget, "button height " + button.height)
            verify(button.enabled)
            const before = page.health.lastChecked
            wait(20)
            mouseClick(button)
            tryVerify(() => page.health.lastChecked > before, 10000)
            compare(page.health.state, ServerHealth.Unreachable)
        }

        function test_layoutIsOneColumnOnAPhone() {
            const page = createTemporaryObject(pageComponent, root)
            const button = findChild(page, "checkButton")
            // One column under 600 px: the button spans the content width, nothing scrolls sideways.
            verify(button.width > root.width * 0.8, "button width " + button.width)
            verify(button.x + button.width <= root.width)
        }
    }
}
