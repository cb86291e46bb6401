<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AnswerRow</name>
    <message>
        <location filename="../../qml/components/AnswerRow.qml" line="+49"/>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <location filename="../src/sync/ApiClient.cpp" line="+158"/>
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
    <message numerus="yes">
        <location line="+4"/>
        <source>The server is busy. Your work is kept on this device; it is sent again in %n second(s).</source>
        <translation>
            <numerusform>Máy chủ đang bận. Công việc của bạn vẫn được giữ trên máy; sẽ gửi lại sau %n giây.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server&apos;s storage is full, so nothing was sent. Your work is kept on this device; tell the centre.</source>
        <translation>Bộ nhớ của máy chủ đã đầy nên chưa gửi được gì. Công việc của bạn vẫn được giữ trên máy; hãy báo cho Trung tâm.</translation>
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
        <location filename="../src/store/AppStore.cpp" line="+36"/>
        <source>Cannot open the data on this device (%1): %2</source>
        <translation>Không mở được dữ liệu trên máy (%1): %2</translation>
    </message>
    <message>
        <location line="+90"/>
        <location filename="../src/store/AppStoreRecords.cpp" line="+143"/>
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
    <message>
        <location filename="../src/store/AppStoreRecords.cpp" line="+18"/>
        <location line="+3"/>
        <source>The facility was not saved: %1</source>
        <translation>Chưa lưu được cơ sở: %1</translation>
    </message>
</context>
<context>
    <name>BarcodeAnswer</name>
    <message>
        <location filename="../../qml/fields/BarcodeAnswer.qml" line="+20"/>
        <source>Scan or type</source>
        <translation>Quét hoặc nhập</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the barcode</source>
        <translation>Quét mã vạch</translation>
    </message>
</context>
<context>
    <name>CameraPopup</name>
    <message>
        <location filename="../../qml/components/CameraPopup.qml" line="+37"/>
        <source>No camera is available on this device. Choose the photo from a file instead.</source>
        <translation>Thiết bị này không có máy ảnh. Hãy chọn ảnh từ tệp.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Take the photo</source>
        <translation>Chụp ảnh</translation>
    </message>
</context>
<context>
    <name>ChoiceAnswer</name>
    <message>
        <location filename="../../qml/fields/ChoiceAnswer.qml" line="+36"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
</context>
<context>
    <name>CodeScanner</name>
    <message>
        <location filename="../src/capture/CodeScanner.cpp" line="+47"/>
        <source>Cannot open the picture %1: %2</source>
        <translation>Không mở được ảnh %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No QR code or barcode was found in the picture.</source>
        <translation>Không tìm thấy mã QR hay mã vạch nào trong ảnh.</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../qml/Codes.qml" line="+10"/>
        <source>Cooperative</source>
        <translation>Hợp tác xã</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limited company</source>
        <translation>Công ty TNHH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private enterprise</source>
        <translation>Doanh nghiệp tư nhân</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Household business</source>
        <translation>Hộ kinh doanh</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Agricultural and forestry processing</source>
        <translation>Chế biến nông, lâm sản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Building materials</source>
        <translation>Vật liệu xây dựng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handicrafts</source>
        <translation>Thủ công mỹ nghệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mechanics</source>
        <translation>Cơ khí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seafood processing</source>
        <translation>Chế biến thủy sản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>National extension</source>
        <translation>Khuyến công quốc gia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local extension</source>
        <translation>Khuyến công địa phương</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Advanced machinery</source>
        <translation>Máy móc thiết bị tiên tiến</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demonstration model</source>
        <translation>Mô hình trình diễn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technology transfer</source>
        <translation>Chuyển giao công nghệ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleaner production</source>
        <translation>Sản xuất sạch hơn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vocational training</source>
        <translation>Đào tạo nghề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trade fair</source>
        <translation>Hội chợ triển lãm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brand registration</source>
        <translation>Đăng ký thương hiệu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packaging design</source>
        <translation>Thiết kế bao bì</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Management capacity</source>
        <translation>Nâng cao năng lực quản lý</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study tour</source>
        <translation>Tham quan học tập</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment consulting</source>
        <translation>Tư vấn đầu tư</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Industrial cluster</source>
        <translation>Cụm công nghiệp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Planned</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stalled</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to send</source>
        <translation>Chờ gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>Đang gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent, awaiting review</source>
        <translation>Đã gửi, chờ duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned for correction</source>
        <translation>Trả lại để sửa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Administrator</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer</source>
        <translation>Cán bộ Trung tâm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Field officer</source>
        <translation>Cán bộ khuyến công</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collaborator</source>
        <translation>Cộng tác viên</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>billion đồng</source>
        <translation>tỷ đồng</translation>
    </message>
</context>
<context>
    <name>DateAnswer</name>
    <message>
        <location filename="../../qml/fields/DateAnswer.qml" line="+18"/>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Pick</source>
        <translation>Chọn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a date</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
</context>
<context>
    <name>DatePicker</name>
    <message>
        <location filename="../../qml/fields/DatePicker.qml" line="+31"/>
        <source>Previous month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next month</source>
        <translation>Tháng sau</translation>
    </message>
</context>
<context>
    <name>EntryHeader</name>
    <message>
        <location filename="../../qml/fields/EntryHeader.qml" line="+33"/>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 %2</source>
        <translation>Xóa %1 %2</translation>
    </message>
</context>
<context>
    <name>FacilitiesPage</name>
    <message>
        <location filename="../../qml/pages/FacilitiesPage.qml" line="+14"/>
        <source>Facilities</source>
        <translation>Cơ sở</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n facility(ies) shown</source>
        <translation>
            <numerusform>Đang hiện %n cơ sở</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>not sent yet</source>
        <translation>chưa gửi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>possible duplicate</source>
        <translation>có thể trùng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No facility matches “%1”.</source>
        <translation>Không có cơ sở nào khớp “%1”.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No facilities on this device yet. Sync to receive your province&apos;s register.</source>
        <translation>Thiết bị chưa có cơ sở nào. Hãy đồng bộ để nhận danh sách cơ sở của tỉnh.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register a new facility</source>
        <translation>Đăng ký cơ sở mới</translation>
    </message>
</context>
<context>
    <name>FacilityDetail</name>
    <message>
        <location filename="../../qml/pages/FacilityDetail.qml" line="+16"/>
        <source>Facility</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Registered on this device; sent with the next sync.</source>
        <translation>Đăng ký trên thiết bị này; sẽ gửi ở lần đồng bộ tới.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged as a possible duplicate for a reviewer.</source>
        <translation>Đã đánh dấu có thể trùng để cán bộ Trung tâm xem xét.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal form</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sector</source>
        <translation>Ngành nghề</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Village</source>
        <translation>Thôn, xóm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New record for this facility</source>
        <translation>Phiếu mới cho cơ sở này</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History (%1)</source>
        <translation>Lịch sử (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No surveys, handovers or visits recorded on this device.</source>
        <translation>Thiết bị này chưa ghi khảo sát, bàn giao hay kiểm tra nào.</translation>
    </message>
</context>
<context>
    <name>FacilityRegisterPage</name>
    <message>
        <location filename="../../qml/pages/FacilityRegisterPage.qml" line="+15"/>
        <source>Register a facility</source>
        <translation>Đăng ký cơ sở</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name *</source>
        <translation>Tên *</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. HTX Tâm Hòa</source>
        <translation>ví dụ: HTX Tâm Hòa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal form *</source>
        <translation>Loại hình *</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Legal form</source>
        <translation>Loại hình</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sector *</source>
        <translation>Ngành nghề *</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sector</source>
        <translation>Ngành nghề</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Village</source>
        <translation>Thôn, xóm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Representative</source>
        <translation>Người đại diện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workers</source>
        <translation>Số lao động</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Main products</source>
        <translation>Sản phẩm chính</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Location: %1, %2 (±%3 m)</source>
        <translation>Vị trí: %1, %2 (±%3 m)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding the location…</source>
        <translation>Đang xác định vị trí…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add the current location</source>
        <translation>Thêm vị trí hiện tại</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save facility</source>
        <translation>Lưu cơ sở</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the facility&apos;s name.</source>
        <translation>Hãy nhập tên cơ sở.</translation>
    </message>
</context>
<context>
    <name>FormChooser</name>
    <message>
        <location filename="../../qml/components/FormChooser.qml" line="+18"/>
        <source>New record</source>
        <translation>Phiếu mới</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading the forms…</source>
        <translation>Đang tải biểu mẫu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No forms on this device yet. Sync once with a connection to receive them.</source>
        <translation>Thiết bị chưa có biểu mẫu. Hãy đồng bộ một lần khi có mạng để nhận.</translation>
    </message>
</context>
<context>
    <name>FormController</name>
    <message>
        <location filename="../src/models/FormController.cpp" line="+84"/>
        <location line="+25"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The form &quot;%1&quot; is not on this device yet. Sync first.</source>
        <translation>Biểu mẫu &quot;%1&quot; chưa có trên máy. Hãy đồng bộ trước.</translation>
    </message>
    <message>
        <location line="+12"/>
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
        <location line="+74"/>
        <location line="+105"/>
        <source>No form is open.</source>
        <translation>Chưa mở biểu mẫu nào.</translation>
    </message>
    <message>
        <location line="-91"/>
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
        <location line="+55"/>
        <source>The record could not be finalized: %1</source>
        <translation>Không hoàn tất được phiếu: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>This record is already being sent; it can be corrected if the reviewer returns it.</source>
        <translation>Phiếu đang được gửi đi; nếu người duyệt trả lại, bạn có thể sửa.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../qml/pages/FormPage.qml" line="+99"/>
        <source>Page %1 of %2: %3</source>
        <translation>Trang %1/%2: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Returned by the reviewer: %1</source>
        <translation>Cán bộ Trung tâm trả lại: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The form changed. These answers could not be kept: %1</source>
        <translation>Biểu mẫu đã thay đổi. Không giữ được các câu trả lời: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — this record can no longer be changed.</source>
        <translation>%1 — phiếu này không sửa được nữa.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finalized, waiting to be sent.</source>
        <translation>Đã hoàn tất, đang chờ gửi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Back to draft</source>
        <translation>Đưa về bản nháp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take it back to draft to change it</source>
        <translation>Đưa phiếu về bản nháp để sửa</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n answer(s) still missing or wrong. Tap one to go to it.</source>
        <translation>
            <numerusform>Còn %n câu trả lời thiếu hoặc sai. Chạm vào một mục để đến đó.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete: every required answer is there.</source>
        <translation>Đầy đủ: đã có mọi câu trả lời bắt buộc.</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>Đã đính kèm %n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers</source>
        <translation>Câu trả lời</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Finalize…</source>
        <translation>Hoàn tất…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save draft</source>
        <translation>Lưu nháp</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next</source>
        <translation>Tiếp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Summary</source>
        <translation>Xem lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+70"/>
        <source>Finalize</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Summary: check before finalizing</source>
        <translation>Xem lại trước khi hoàn tất</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Summary before finalizing</source>
        <translation>Xem lại trước khi hoàn tất</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finalize this record?</source>
        <translation>Hoàn tất phiếu này?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>It goes to the reviewers at the next sync. Until it is sent you can take it back to draft from the outbox.</source>
        <translation>Phiếu sẽ được gửi tới người duyệt ở lần đồng bộ tới. Trước khi gửi, bạn vẫn có thể đưa phiếu về bản nháp từ hộp thư đi.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not finished yet</source>
        <translation>Chưa điền xong</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fix these before finalizing. Tap one to go to it.</source>
        <translation>Hãy sửa các mục này trước khi hoàn tất. Chạm vào một mục để đến đó.</translation>
    </message>
</context>
<context>
    <name>GeoAnswer</name>
    <message>
        <location filename="../../qml/fields/GeoAnswer.qml" line="+24"/>
        <source>No position yet.</source>
        <translation>Chưa có vị trí.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; %2 (typed by hand)</source>
        <translation>%1; %2 (nhập tay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1; %2 (±%3 m)</source>
        <translation>%1; %2 (±%3 m)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Use the GPS position</source>
        <translation>Lấy vị trí GPS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop finding the position</source>
        <translation>Dừng tìm vị trí</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No GPS on this device: type the position.</source>
        <translation>Thiết bị không có GPS: hãy nhập vị trí.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Latitude</source>
        <translation>Vĩ độ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Longitude</source>
        <translation>Kinh độ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Set</source>
        <translation>Đặt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the typed position</source>
        <translation>Đặt vị trí đã nhập</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../qml/pages/HomePage.qml" line="+17"/>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Hello, %1</source>
        <translation>Xin chào, %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New record</source>
        <translation>Phiếu mới</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>My projects (%1)</source>
        <translation>Dự án của tôi (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No project assigned to you on this device yet. Sync to receive them.</source>
        <translation>Chưa có dự án nào được giao cho bạn trên máy này. Hãy đồng bộ để nhận.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No progress reported yet</source>
        <translation>Chưa có báo cáo tiến độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last reported: %1 % on %2</source>
        <translation>Báo cáo gần nhất: %1 % lúc %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Returned for correction (%1)</source>
        <translation>Bị trả lại để sửa (%1)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Drafts (%1)</source>
        <translation>Bản nháp (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No drafts. Start a new record with the button above.</source>
        <translation>Không có bản nháp. Bấm nút phía trên để lập phiếu mới.</translation>
    </message>
</context>
<context>
    <name>KcDialog</name>
    <message>
        <location filename="../../qml/components/KcDialog.qml" line="+14"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
</context>
<context>
    <name>LocationSource</name>
    <message>
        <location filename="../src/capture/LocationSource.cpp" line="+25"/>
        <source>The app may not use the location. Allow it in the phone&apos;s settings, or enter the coordinates by hand.</source>
        <translation>Ứng dụng chưa được phép dùng vị trí. Hãy cho phép trong cài đặt của điện thoại, hoặc nhập tọa độ bằng tay.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No position yet. Go outdoors, wait, or enter the coordinates by hand.</source>
        <translation>Chưa xác định được vị trí. Hãy ra chỗ thoáng, chờ một lúc, hoặc nhập tọa độ bằng tay.</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>Searching, %n s</source>
        <translation>
            <numerusform>Đang tìm, %n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>accuracy unknown, %n s</source>
        <translation>
            <numerusform>chưa rõ độ chính xác, %n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>±%1 m, %n s</source>
        <translation>
            <numerusform>±%1 m, %n giây</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This device cannot tell its position. Enter the coordinates by hand.</source>
        <translation>Máy này không xác định được vị trí. Hãy nhập tọa độ bằng tay.</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>No position after %n s. Go outdoors and try again, or enter the coordinates by hand.</source>
        <translation>
            <numerusform>Sau %n giây vẫn chưa có vị trí. Hãy ra chỗ thoáng và thử lại, hoặc nhập tọa độ bằng tay.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+39"/>
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
        <location filename="../../qml/Main.qml" line="+19"/>
        <source>KCField — Industrial extension</source>
        <translation>KCField — Khuyến công</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Opening the data on this device…</source>
        <translation>Đang mở dữ liệu trên thiết bị…</translation>
    </message>
</context>
<context>
    <name>MasterDetail</name>
    <message>
        <location filename="../../qml/components/MasterDetail.qml" line="+65"/>
        <source>Choose an item in the list to see it here.</source>
        <translation>Chọn một mục trong danh sách để xem tại đây.</translation>
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
    <name>OutboxPage</name>
    <message>
        <location filename="../../qml/pages/OutboxPage.qml" line="+15"/>
        <source>Outbox and sync</source>
        <translation>Hộp thư đi và đồng bộ</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Nothing finalized yet.</source>
        <translation>Chưa có phiếu nào hoàn tất.</translation>
    </message>
</context>
<context>
    <name>PhotoAnswer</name>
    <message>
        <location filename="../../qml/fields/PhotoAnswer.qml" line="+45"/>
        <source>Photo</source>
        <translation>Ảnh</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove the photo</source>
        <translation>Xóa ảnh</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Take a photo</source>
        <translation>Chụp ảnh</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>From a file</source>
        <translation>Từ tệp</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a photo</source>
        <translation>Chọn ảnh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../qml/components/PhotoViewer.qml" line="+51"/>
        <source>Photo, full screen</source>
        <translation>Ảnh, toàn màn hình</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close the photo</source>
        <translation>Đóng ảnh</translation>
    </message>
</context>
<context>
    <name>ProjectDetail</name>
    <message>
        <location filename="../../qml/pages/ProjectDetail.qml" line="+16"/>
        <source>Project</source>
        <translation>Đề án</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Nội dung hoạt động</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extension funding</source>
        <translation>Kinh phí khuyến công</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Counterpart capital</source>
        <translation>Vốn đối ứng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment attracted</source>
        <translation>Vốn đầu tư thu hút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Việc làm tạo ra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beneficiaries</source>
        <translation>Đơn vị thụ hưởng</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report progress</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reports and records (%1)</source>
        <translation>Báo cáo và phiếu (%1)</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <location filename="../../qml/pages/ProjectsPage.qml" line="+12"/>
        <source>Projects</source>
        <translation>Đề án</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>No projects on this device.</source>
        <translation>Thiết bị chưa có đề án nào.</translation>
    </message>
</context>
<context>
    <name>ReferenceAnswer</name>
    <message>
        <location filename="../../qml/fields/ReferenceAnswer.qml" line="+24"/>
        <source>Choose a project…</source>
        <translation>Chọn đề án…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a facility…</source>
        <translation>Chọn cơ sở…</translation>
    </message>
</context>
<context>
    <name>RepeatHeader</name>
    <message>
        <location filename="../../qml/fields/RepeatHeader.qml" line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to %1</source>
        <translation>Thêm vào %1</translation>
    </message>
</context>
<context>
    <name>ReportClient</name>
    <message>
        <location filename="../src/reports/ReportClient.cpp" line="+32"/>
        <source>Sign in as a reviewer to see programme reports.</source>
        <translation>Đăng nhập bằng tài khoản cán bộ Trung tâm để xem báo cáo chương trình.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The server sent a report that could not be read.</source>
        <translation>Máy chủ gửi về báo cáo không đọc được.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not save %1: %2</source>
        <translation>Không lưu được %1: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show a report before saving it.</source>
        <translation>Hãy xem báo cáo trước khi lưu.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../qml/pages/ReportPage.qml" line="+14"/>
        <source>Programme report</source>
        <translation>Báo cáo chương trình</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>From (year or dd/mm/yyyy)</source>
        <translation>Từ (năm hoặc dd/mm/yyyy)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>To (year or dd/mm/yyyy)</source>
        <translation>Đến (năm hoặc dd/mm/yyyy)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Every funding source</source>
        <translation>Mọi nguồn kinh phí</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Province %1</source>
        <translation>Tỉnh %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save CSV</source>
        <translation>Lưu CSV</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save Excel</source>
        <translation>Lưu Excel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saved to %1</source>
        <translation>Đã lưu vào %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open the file</source>
        <translation>Mở tệp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open its folder</source>
        <translation>Mở thư mục chứa tệp</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No program on this device opens it; copy it from the folder above.</source>
        <translation>Máy này không có chương trình mở được tệp; hãy sao chép tệp từ thư mục ở trên.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Report on the results of the industrial extension programme</source>
        <translation>Báo cáo kết quả thực hiện chương trình khuyến công</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Projects carried out</source>
        <translation>Đề án đã thực hiện</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National / local projects</source>
        <translation>Đề án quốc gia / địa phương</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>Extension funding</source>
        <translation>Kinh phí khuyến công</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Counterpart capital</source>
        <translation>Vốn đối ứng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment attracted</source>
        <translation>Vốn đầu tư thu hút</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities supported</source>
        <translation>Cơ sở CNNT được hỗ trợ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Việc làm tạo thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People trained</source>
        <translation>Người được đào tạo, tập huấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility participations in trade fairs</source>
        <translation>Lượt cơ sở tham gia hội chợ triển lãm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment handed over</source>
        <translation>Thiết bị bàn giao</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 items, %2</source>
        <translation>%1 thiết bị, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site surveys / monitoring visits</source>
        <translation>Khảo sát cơ sở / kiểm tra, giám sát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not carried out: planned / cancelled</source>
        <translation>Chưa thực hiện / hủy bỏ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2) / %3 (%4)</source>
        <translation>%1 (%2) / %3 (%4)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typical products recognised</source>
        <translation>Sản phẩm CNNT tiêu biểu được công nhận</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 products of %2 facilities</source>
        <translation>%1 sản phẩm của %2 cơ sở</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Extension funding by year (million đồng)</source>
        <translation>Kinh phí khuyến công theo năm (triệu đồng)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Typical products by level</source>
        <translation>Sản phẩm tiêu biểu theo cấp công nhận</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>District</source>
        <translation>Cấp huyện</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provincial</source>
        <translation>Cấp tỉnh</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Regional</source>
        <translation>Cấp khu vực</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>National</source>
        <translation>Cấp quốc gia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stalled and cancelled projects</source>
        <translation>Đề án tạm dừng, hủy bỏ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only approved submissions count; projects and money come from the project register.</source>
        <translation>Chỉ tính các phiếu đã duyệt; số đề án và kinh phí lấy từ sổ đăng ký đề án.</translation>
    </message>
</context>
<context>
    <name>ReviewClient</name>
    <message>
        <location filename="../src/review/ReviewClient.cpp" line="+63"/>
        <source>Sign in as a reviewer to review submissions.</source>
        <translation>Hãy đăng nhập bằng tài khoản cán bộ Trung tâm để duyệt phiếu.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server&apos;s answer could not be read: %1</source>
        <translation>Không đọc được câu trả lời của máy chủ: %1</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The form of this record has not reached this device yet: sync, then open it again.</source>
        <translation>Biểu mẫu của phiếu này chưa có trên máy: hãy đồng bộ rồi mở lại.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Cannot keep the photo (%1): %2</source>
        <translation>Không lưu được ảnh (%1): %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Open a submission first.</source>
        <translation>Hãy mở một phiếu trước.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a comment that tells the officer what to change or why.</source>
        <translation>Hãy ghi nhận xét cho cán bộ biết cần sửa gì hoặc vì sao.</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <location filename="../../qml/pages/ReviewDetail.qml" line="+21"/>
        <source>Submission</source>
        <translation>Phiếu</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>by %1 · revision %2 · received %3</source>
        <translation>của %1 · lần %2 · nhận lúc %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Conflict: this revision was made from an older one. Compare before deciding.</source>
        <translation>Xung đột: bản này được sửa từ một bản cũ hơn. Hãy so sánh trước khi quyết định.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last comment: %1</source>
        <translation>Nhận xét gần nhất: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Changed since the revision before</source>
        <translation>Thay đổi so với lần trước</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+104"/>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+97"/>
        <source>Return</source>
        <translation>Trả lại</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+47"/>
        <source>Return for correction</source>
        <translation>Trả lại để sửa</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+40"/>
        <location line="+49"/>
        <source>Reject</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Answers</source>
        <translation>Câu trả lời</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Approve this record?</source>
        <translation>Duyệt phiếu này?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — %2, revision %3. Approved records count in the programme&apos;s reports.</source>
        <translation>%1 — %2, lần sửa %3. Phiếu đã duyệt được tính vào báo cáo của chương trình.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>What should the officer change?</source>
        <translation>Cán bộ cần sửa gì?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is it rejected?</source>
        <translation>Vì sao từ chối?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answers to fix (optional):</source>
        <translation>Các câu cần sửa (không bắt buộc):</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../qml/pages/ReviewPage.qml" line="+15"/>
        <source>Review</source>
        <translation>Duyệt phiếu</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Awaiting review</source>
        <translation>Chờ duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Bị trả lại</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All forms</source>
        <translation>Mọi biểu mẫu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form</source>
        <translation>Biểu mẫu</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Refresh the queue</source>
        <translation>Tải lại danh sách</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh the queue (F5)</source>
        <translation>Tải lại danh sách (F5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From dd/mm/yyyy</source>
        <translation>Từ dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To dd/mm/yyyy</source>
        <translation>Đến dd/mm/yyyy</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 · revision %2 · %3</source>
        <translation>%1 · lần %2 · %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conflict</source>
        <translation>xung đột</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Load more</source>
        <translation>Tải thêm</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to review with these filters.</source>
        <translation>Không có phiếu nào cần duyệt với bộ lọc này.</translation>
    </message>
</context>
<context>
    <name>ScannerPopup</name>
    <message>
        <location filename="../../qml/components/ScannerPopup.qml" line="+44"/>
        <source>Hold the code inside the frame.</source>
        <translation>Đưa mã vào trong khung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No camera is available. Choose a picture of the code, or type it.</source>
        <translation>Không có máy ảnh. Hãy chọn ảnh chụp mã, hoặc nhập mã.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a picture…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose a picture of the code</source>
        <translation>Chọn ảnh chụp mã</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../../qml/components/SearchField.qml" line="+7"/>
        <source>Search (accents optional)</source>
        <translation>Tìm kiếm (không cần dấu)</translation>
    </message>
</context>
<context>
    <name>ServerHealth</name>
    <message>
        <location filename="../src/sync/ServerHealth.cpp" line="+44"/>
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
        <location filename="../src/sync/Session.cpp" line="+71"/>
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
        <location line="+25"/>
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
    <name>SettingsPage</name>
    <message>
        <location filename="../../qml/pages/SettingsPage.qml" line="+15"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as</source>
        <translation>Đăng nhập với tên</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server</source>
        <translation>Máy chủ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync by itself when a connection is available</source>
        <translation>Tự đồng bộ khi có mạng</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Work not sent yet</source>
        <translation>Còn phiếu chưa gửi</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n record(s) on this device have not reached the server. Sync first, or they stay here until this account signs in again.</source>
        <translation>
            <numerusform>%n phiếu trên thiết bị chưa đến máy chủ. Hãy đồng bộ trước, nếu không các phiếu sẽ nằm lại đây cho đến khi tài khoản này đăng nhập lại.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sign out anyway</source>
        <translation>Vẫn đăng xuất</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../qml/Shell.qml" line="+22"/>
        <source>Home</source>
        <translation>Trang chủ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facilities</source>
        <translation>Cơ sở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projects</source>
        <translation>Đề án</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outbox and sync</source>
        <translation>Hộp thư đi và đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Duyệt phiếu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>Danh mục</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../qml/pages/SignInPage.qml" line="+16"/>
        <location line="+70"/>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>KCField</source>
        <translation>KCField</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Field data for the industrial extension programme. Sign in once with a connection; after that everything works offline.</source>
        <translation>Thu thập dữ liệu cho chương trình khuyến công. Đăng nhập một lần khi có mạng; sau đó mọi việc đều làm được khi không có mạng.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+20"/>
        <location line="+2"/>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+42"/>
        <location line="+2"/>
        <source>Enrollment code</source>
        <translation>Mã đăng ký thiết bị</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+2"/>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Scan the QR code</source>
        <translation>Quét mã QR</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enroll this device</source>
        <translation>Đăng ký thiết bị này</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Scan the enrollment QR code</source>
        <translation>Quét mã QR đăng ký</translation>
    </message>
</context>
<context>
    <name>SignatureAnswer</name>
    <message>
        <location filename="../../qml/fields/SignatureAnswer.qml" line="+24"/>
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Sign here</source>
        <translation>Ký vào đây</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature pad</source>
        <translation>Khung ký</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Clear</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the signature</source>
        <translation>Xóa chữ ký</translation>
    </message>
</context>
<context>
    <name>SubmissionCard</name>
    <message>
        <location filename="../../qml/components/SubmissionCard.qml" line="+37"/>
        <source>(not chosen yet)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reviewer: %1</source>
        <translation>Cán bộ Trung tâm: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed %1</source>
        <translation>Sửa lúc %1</translation>
    </message>
</context>
<context>
    <name>SyncButton</name>
    <message>
        <location filename="../../qml/components/SyncButton.qml" line="+14"/>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync (%1)</source>
        <translation>Đồng bộ (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel sync</source>
        <translation>Dừng đồng bộ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
</context>
<context>
    <name>SyncCard</name>
    <message>
        <location filename="../../qml/components/SyncCard.qml" line="+25"/>
        <source>Never synced on this device.</source>
        <translation>Thiết bị này chưa đồng bộ lần nào.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing waiting to be sent.</source>
        <translation>Không có phiếu nào chờ gửi.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) waiting to be sent.</source>
        <translation>
            <numerusform>%n phiếu đang chờ gửi.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Photos and signatures to send: %1</source>
        <translation>Ảnh và chữ ký còn phải gửi: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sending new facilities…</source>
        <translation>Đang gửi cơ sở mới…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending photos: %1 of %2 (%3 of %4)</source>
        <translation>Đang gửi ảnh %1/%2 (%3 / %4)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>about %n second(s) left</source>
        <translation>
            <numerusform>còn khoảng %n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>còn khoảng %n phút</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending records: %1 of %2</source>
        <translation>Đang gửi phiếu: %1/%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving updates…</source>
        <translation>Đang nhận cập nhật…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Offline for now: everything stays on this device and is sent when the connection is back (%1).</source>
        <translation>Tạm thời chưa có mạng: mọi thứ vẫn lưu trên máy và sẽ được gửi khi có kết nối (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trying again by itself.</source>
        <translation>Sẽ tự thử lại.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
</context>
<context>
    <name>SyncEngine</name>
    <message>
        <location filename="../src/sync/SyncEngine.cpp" line="+140"/>
        <source>The data on this device is not open.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sign in to sync.</source>
        <translation>Hãy đăng nhập để đồng bộ.</translation>
    </message>
    <message>
        <location line="+177"/>
        <source>Sync cancelled.</source>
        <translation>Đã hủy đồng bộ.</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>The server&apos;s answer about the photos could not be read.</source>
        <translation>Không đọc được câu trả lời của máy chủ về các ảnh.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>The file of this photo is missing on the device: %1</source>
        <translation>Tệp ảnh này không còn trên máy: %1</translation>
    </message>
    <message>
        <location line="+114"/>
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
        <location line="+32"/>
        <source>The server&apos;s changes could not be read: %1</source>
        <translation>Không đọc được dữ liệu mới từ máy chủ: %1</translation>
    </message>
</context>
<context>
    <name>answers</name>
    <message>
        <location filename="../src/models/AnswerSheet.cpp" line="+73"/>
        <source> (typed by hand)</source>
        <translation> (nhập tay)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (±%1 m)</source>
        <translation> (±%1 m)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n picture(s)</source>
        <translation>
            <numerusform>%n ảnh</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../src/reports/ReportPdf.cpp" line="+142"/>
        <source>Report on the results of the industrial extension programme</source>
        <translation>Báo cáo kết quả thực hiện chương trình khuyến công</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not write %1: the file cannot be created there.</source>
        <translation>Không ghi được %1: không tạo được tệp ở đó.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>DEPARTMENT OF INDUSTRY AND TRADE %1</source>
        <translation>SỞ CÔNG THƯƠNG %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INDUSTRIAL EXTENSION CENTRE</source>
        <translation>TRUNG TÂM KHUYẾN CÔNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCIALIST REPUBLIC OF VIET NAM</source>
        <translation>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Independence - Freedom - Happiness</source>
        <translation>Độc lập - Tự do - Hạnh phúc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, day %2 month %3 year %4</source>
        <translation>%1, ngày %2 tháng %3 năm %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>REPORT ON THE RESULTS OF THE INDUSTRIAL EXTENSION PROGRAMME</source>
        <translation>BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province: %1</source>
        <translation>Tỉnh: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: %1 to %2</source>
        <translation>Thời gian: từ %1 đến %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Funding source: %1</source>
        <translation>Nguồn kinh phí: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1. Projects and funding</source>
        <translation>1. Đề án và kinh phí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Projects carried out</source>
        <translation>Đề án đã thực hiện</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not started (planned)</source>
        <translation>Chưa thực hiện (kế hoạch)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Funding source</source>
        <translation>Nguồn kinh phí</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Projects</source>
        <translation>Số đề án</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+12"/>
        <source>Extension funding</source>
        <translation>Kinh phí khuyến công</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Counterpart capital</source>
        <translation>Vốn đối ứng</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment attracted</source>
        <translation>Vốn đầu tư thu hút</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>2. By activity type</source>
        <translation>2. Theo nội dung hoạt động</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Activity type</source>
        <translation>Nội dung hoạt động</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>3. Extension funding by year</source>
        <translation>3. Kinh phí khuyến công theo năm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>4. Results</source>
        <translation>4. Kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Facilities supported</source>
        <translation>Cơ sở CNNT được hỗ trợ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Việc làm tạo thêm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People trained</source>
        <translation>Người được đào tạo, tập huấn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facility participations in trade fairs</source>
        <translation>Lượt cơ sở tham gia hội chợ triển lãm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equipment handed over (items)</source>
        <translation>Thiết bị bàn giao (chiếc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value of equipment handed over</source>
        <translation>Giá trị thiết bị bàn giao</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site surveys</source>
        <translation>Khảo sát cơ sở</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monitoring visits</source>
        <translation>Kiểm tra, giám sát</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress reports</source>
        <translation>Báo cáo tiến độ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indicator</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>5. Typical rural industrial products recognised: %1 products of %2 facilities</source>
        <translation>5. Sản phẩm CNNT tiêu biểu được công nhận: %1 sản phẩm của %2 cơ sở</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>6. Stalled and cancelled projects</source>
        <translation>6. Đề án tạm dừng, hủy bỏ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Figures from approved submissions and the project register; money in billions of đồng.</source>
        <translation>Số liệu từ các phiếu đã duyệt và sổ đăng ký đề án; tiền tính bằng tỷ đồng.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipients:</source>
        <translation>Nơi nhận:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>- As above;</source>
        <translation>- Như trên;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>- Filed.</source>
        <translation>- Lưu: VT.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DIRECTOR</source>
        <translation>GIÁM ĐỐC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(signature, full name and seal)</source>
        <translation>(Ký, ghi rõ họ tên, đóng dấu)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not finish writing %1.</source>
        <translation>Không ghi xong %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
</context>
</TS>
