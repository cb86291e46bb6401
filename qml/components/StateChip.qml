import QtQuick
import QtQuick.Controls
import KCField

// A record's state as a small coloured label.
Label {
    property string state
    text: Codes.state(state)
    color: "white"
    font.pixelSize: Theme.smallFont
    leftPadding: 8
    rightPadding: 8
    topPadding: 2
    bottomPadding: 2
    background: Rectangle {
        radius: height / 2
        color: Codes.stateColor(parent.state)
    }
}
