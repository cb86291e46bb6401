import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import KCField

// A heading inside a screen.
Label {
    font.pixelSize: Theme.smallFont
    font.bold: true
    font.capitalization: Font.AllUppercase
    color: Material.accent
    topPadding: Theme.spacing / 2
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
}
