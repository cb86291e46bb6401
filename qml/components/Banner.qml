import QtQuick
import QtQuick.Controls
import KCField

// A message across the top of a screen: an error, or a warning.
Label {
    id: banner
    property bool warning: false
    wrapMode: Text.Wrap
    padding: Theme.spacing / 2
    color: "white"
    background: Rectangle { color: banner.warning ? "#8d6e00" : Theme.error }
}
