<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="+13"/>
        <location line="+9"/>
        <source>KCField — Industrial extension</source>
        <translation>KCField — Khuyến công</translation>
    </message>
</context>
<context>
    <name>ServerHealth</name>
    <message>
        <location filename="../src/ServerHealth.cpp" line="+44"/>
        <source>The server address &quot;%1&quot; is not valid; it should look like http://192.168.1.10:8080</source>
        <translation>Địa chỉ máy chủ "%1" không hợp lệ; địa chỉ đúng có dạng http://192.168.1.10:8080</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server did not answer within %1 seconds</source>
        <translation>Máy chủ không trả lời trong %1 giây</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot reach the server: %1</source>
        <translation>Không kết nối được máy chủ: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The address answers, but not as a KCField server (HTTP %1)</source>
        <translation>Địa chỉ này có trả lời nhưng không phải máy chủ KCField (HTTP %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server is running but its data store is unavailable</source>
        <translation>Máy chủ đang chạy nhưng kho dữ liệu không truy cập được</translation>
    </message>
</context>
<context>
    <name>ServerStatusPage</name>
    <message>
        <location filename="../../qml/pages/ServerStatusPage.qml" line="+13"/>
        <source>Server connection</source>
        <translation>Kết nối máy chủ</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Connected to the server</source>
        <translation>Đã kết nối máy chủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot reach the server</source>
        <translation>Không kết nối được máy chủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checking the connection…</source>
        <translation>Đang kiểm tra kết nối…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server version</source>
        <translation>Phiên bản máy chủ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data schema</source>
        <translation>Phiên bản dữ liệu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last checked</source>
        <translation>Kiểm tra lần cuối</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
</context>
</TS>
