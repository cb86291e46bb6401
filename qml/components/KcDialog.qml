import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A dialog as every screen uses it: flat, because Material's shadow is a shader effect the
// software renderer (cheap phones, offscreen tests) cannot draw, and with it the dialog's
// background; its standard buttons named in the interface language (Qt has no Vietnamese).
Dialog {
    id: dialog
    Material.elevation: 0
    modal: true
    anchors.centerIn: Overlay.overlay
    onAboutToShow: {
        const names = [[Dialog.Cancel, qsTr("Cancel")], [Dialog.Close, qsTr("Close")], [Dialog.Ok, qsTr("OK")]]
        for (const [kind, text] of names) {
            const button = dialog.standardButton(kind)
            if (button)
                button.text = text
        }
    }
}
