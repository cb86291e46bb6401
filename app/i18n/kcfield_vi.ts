<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../src/sync/ApiClient.cpp" line="+98"/>
        <source>Cannot reach the server at %1. Your work is kept on this device and will be sent later.</source>
        <translation>Không kết nối được máy chủ %1. Dữ liệu vẫn được giữ trên máy và sẽ được gửi sau.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong username or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This enrollment code is unknown, already used or expired. Ask for a new one.</source>
        <translation>Mã đăng ký không đúng, đã được dùng hoặc đã hết hạn. Hãy xin mã mới.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is disabled. Ask the centre.</source>
        <translation>Tài khoản này đã bị khóa. Hãy liên hệ Trung tâm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your sign-in has ended. Sign in again: nothing on this device is lost.</source>
        <translation>Phiên đăng nhập đã hết. Hãy đăng nhập lại: không mất dữ liệu nào trên máy.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Too many attempts. Try again in %n second(s).</source>
        <translation>
            <numerusform>Thử quá nhiều lần. Hãy thử lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your account may not do this.</source>
        <translation>Tài khoản của bạn không được phép làm việc này.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your space on the server for photos is full. Ask the centre.</source>
        <translation>Dung lượng ảnh của bạn trên máy chủ đã đầy. Hãy liên hệ Trung tâm.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A photo is too large for the server.</source>
        <translation>Có ảnh quá lớn, máy chủ không nhận.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server failed (HTTP %1). Try again later.</source>
        <translation>Máy chủ gặp lỗi (HTTP %1). Hãy thử lại sau.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server answered HTTP %1.</source>
        <translation>Máy chủ trả lời HTTP %1.</translation>
    </message>
</context>
<context>
    <name>AppStore</name>
    <message>
        <location filename="../src/store/AppStore.cpp" line="+32"/>
        <source>Cannot open the data on this device (%1): %2</source>
        <translation>Không mở được dữ liệu trên máy (%1): %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot save the attachment (%1): %2</source>
        <translation>Không lưu được tệp đính kèm (%1): %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot record the attachment: %1</source>
        <translation>Không ghi nhận được tệp đính kèm: %1</translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message>
        <location filename="../src/models/FormController.cpp" line="+79"/>
        <location line="+26"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The form &quot;%1&quot; is not on this device yet. Sync first.</source>
        <translation>Biểu mẫu &quot;%1&quot; chưa có trên máy. Hãy đồng bộ trước.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot start the form: %1</source>
        <translation>Không bắt đầu được biểu mẫu: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This record is no longer on the device.</source>
        <translation>Phiếu này không còn trên máy.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The form of this record (%1, version %2) is not on this device.</source>
        <translation>Biểu mẫu của phiếu này (%1, phiên bản %2) không có trên máy.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open this record: %1</source>
        <translation>Không mở được phiếu này: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No form is open.</source>
        <translation>Chưa mở biểu mẫu nào.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This record has been finalized and cannot be changed here.</source>
        <translation>Phiếu đã hoàn tất, không sửa được nữa.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is no question &quot;%1&quot; to answer in this form.</source>
        <translation>Biểu mẫu không có câu hỏi &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no entry at &quot;%1&quot;.</source>
        <translation>Không có mục nào tại &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>There is no repeat &quot;%1&quot; in this form.</source>
        <translation>Biểu mẫu không có danh sách lặp &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>There is no entry %1 in &quot;%2&quot;.</source>
        <translation>Không có mục %1 trong &quot;%2&quot;.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The draft could not be saved: %1</source>
        <translation>Không lưu được bản nháp: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The record could not be finalized: %1</source>
        <translation>Không hoàn tất được phiếu: %1</translation>
    </message>
</context>
<context>
    <name>LocationSource</name>
    <message>
        <location filename="../src/capture/LocationSource.cpp" line="+14"/>
        <source>The app may not use the location. Allow it in the phone&apos;s settings, or enter the coordinates by hand.</source>
        <translation>Ứng dụng chưa được phép dùng vị trí. Hãy cho phép trong cài đặt của điện thoại, hoặc nhập tọa độ bằng tay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No position yet. Go outdoors, wait, or enter the coordinates by hand.</source>
        <translation>Chưa xác định được vị trí. Hãy ra chỗ thoáng, chờ một lúc, hoặc nhập tọa độ bằng tay.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This device cannot tell its position. Enter the coordinates by hand.</source>
        <translation>Máy này không xác định được vị trí. Hãy nhập tọa độ bằng tay.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The latitude &quot;%1&quot; is not a number from -90 to 90.</source>
        <translation>Vĩ độ &quot;%1&quot; không phải là số từ -90 đến 90.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The longitude &quot;%1&quot; is not a number from -180 to 180.</source>
        <translation>Kinh độ &quot;%1&quot; không phải là số từ -180 đến 180.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../../qml/Main.qml" line="+13"/>
        <location line="+11"/>
        <source>KCField — Industrial extension</source>
        <translation>KCField — Khuyến công</translation>
    </message>
</context>
<context>
    <name>MediaCapture</name>
    <message>
        <location filename="../src/capture/MediaCapture.cpp" line="+76"/>
        <location line="+17"/>
        <location line="+17"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>&quot;%1&quot; is not a photo this app can read (%2).</source>
        <translation>&quot;%1&quot; không phải là ảnh mà ứng dụng đọc được (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The photo &quot;%1&quot; could not be read: %2</source>
        <translation>Không đọc được ảnh &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+17"/>
        <source>The photo could not be compressed.</source>
        <translation>Không nén được ảnh.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The photo could not be read: %1</source>
        <translation>Không đọc được ảnh: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The signature pad has no size.</source>
        <translation>Khung ký chưa có kích thước.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing is signed yet.</source>
        <translation>Chưa có chữ ký.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The signature could not be saved.</source>
        <translation>Không lưu được chữ ký.</translation>
    </message>
</context>
<context>
    <name>ServerHealth</name>
    <message>
        <location filename="../src/ServerHealth.cpp" line="+44"/>
        <source>The server address &quot;%1&quot; is not valid; it should look like http://192.168.1.10:8080</source>
        <translation>Địa chỉ máy chủ &quot;%1&quot; không hợp lệ; địa chỉ đúng có dạng http://192.168.1.10:8080</translation>
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
        <location line="+12"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../src/sync/Session.cpp" line="+67"/>
        <source>Enter your username and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the enrollment code, or scan its QR code.</source>
        <translation>Hãy nhập mã đăng ký, hoặc quét mã QR.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server address &quot;%1&quot; is not valid; it looks like https://khuyencong.example.vn</source>
        <translation>Địa chỉ máy chủ &quot;%1&quot; không hợp lệ; địa chỉ đúng có dạng https://khuyencong.example.vn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This device holds work by another account that has not been sent. Sign in as that account first to send it.</source>
        <translation>Máy này còn phiếu chưa gửi của tài khoản khác. Hãy đăng nhập bằng tài khoản đó để gửi trước.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Không đọc được câu trả lời của máy chủ: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n finished record(s) have not been sent yet. Sync first, or sign out anyway: they stay on this device.</source>
        <translation>
            <numerusform>Còn %n phiếu đã hoàn tất chưa được gửi. Hãy đồng bộ trước, hoặc vẫn đăng xuất: các phiếu vẫn nằm trên máy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <location filename="../src/sync/SyncEngine.cpp" line="+120"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to sync.</source>
        <translation>Hãy đăng nhập để đồng bộ.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Sync cancelled.</source>
        <translation>Đã hủy đồng bộ.</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The file of this photo is missing on the device: %1</source>
        <translation>Tệp ảnh này không còn trên máy: %1</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>The server found problems in this record; it is back in your drafts.</source>
        <translation>Máy chủ thấy phiếu này có lỗi; phiếu đã được chuyển về bản nháp.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some photos of this record did not reach the server yet.</source>
        <translation>Một số ảnh của phiếu chưa lên được máy chủ.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s receipts could not be read: %1</source>
        <translation>Không đọc được biên nhận của máy chủ: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The server&apos;s changes could not be read: %1</source>
        <translation>Không đọc được dữ liệu mới từ máy chủ: %1</translation>
    </message>
</context>
</TS>
