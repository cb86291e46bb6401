import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A dialog as every screen uses it, flat: Material's shadow is a shader effect the software
// renderer (cheap phones, offscreen tests) cannot draw, and with it the dialog's background.
Dialog {
    Material.elevation: 0
    modal: true
    anchors.centerIn: Overlay.overlay
}
