import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import KCField

// A list with the chosen item's detail beside it from ~900 px, or pushed over it on a phone.
Page {
    id: view
    required property Navigator navigation
    default property alias list: listPane.data
    // The detail's page, its required properties bound where it is declared; showDetail()
    // sets the rest (the record it shows).
    property Component detail
    property var detailProperties: null
    readonly property bool twoPanes: width >= Theme.widePaneWidth - 220
    // Shows a record's detail (beside the list, or as its own screen).
    function showDetail(properties) {
        if (twoPanes)
            detailProperties = properties
        else
            navigation.push(detail, properties)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        Item {
            id: listPane
            Layout.fillHeight: true
            Layout.fillWidth: !view.twoPanes
            Layout.preferredWidth: view.twoPanes ? Theme.listPaneWidth : -1
        }
        ToolSeparator {
            visible: view.twoPanes
            orientation: Qt.Vertical
            Layout.fillHeight: true
            padding: 0
        }
        Loader {
            id: detailLoader
            objectName: "detailPane"
            visible: view.twoPanes
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: view.twoPanes && view.detailProperties !== null
            sourceComponent: view.detail
            onLoaded: view.applyDetail()
        }
    }
    onDetailPropertiesChanged: applyDetail()
    function applyDetail() {
        if (!detailLoader.item || detailProperties === null)
            return
        for (const key in detailProperties)
            detailLoader.item[key] = detailProperties[key]
    }
    Label {
        visible: view.twoPanes && view.detailProperties === null
        x: Theme.listPaneWidth + Theme.spacing * 2
        width: view.width - x - Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.neutral
        text: qsTr("Choose an item in the list to see it here.")
    }
}
