// The programme report as CSV (one figure a row) and as Vietnamese text for the terminal.
#include "report/ProgrammeReport.hpp"

#include "admin/Csv.hpp"

#include "kc/domain/Registers.hpp"
#include "kc/money/Money.hpp"

#include <map>

namespace kc::server {

namespace {

//! Vietnamese names of the codes a report shows, as provincial reports write them.
std::string label(const std::string& code) {
    static const std::map<std::string, std::string> kLabels = {
        {"national", "Khuyến công quốc gia"},
        {"local", "Khuyến công địa phương"},
        {"advanced_machinery", "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến"},
        {"demonstration_model", "Mô hình trình diễn kỹ thuật"},
        {"technology_transfer", "Chuyển giao công nghệ"},
        {"cleaner_production", "Sản xuất sạch hơn"},
        {"vocational_training", "Đào tạo nghề"},
        {"trade_fair", "Hội chợ triển lãm"},
        {"brand_registration", "Đăng ký thương hiệu, nhãn hiệu"},
        {"packaging_design", "Thiết kế mẫu mã, bao bì"},
        {"management_capacity", "Nâng cao năng lực quản lý"},
        {"study_tour", "Tham quan học tập kinh nghiệm"},
        {"investment_consulting", "Tư vấn lập dự án đầu tư"},
        {"industrial_cluster", "Cụm công nghiệp"},
        {"planned", "Kế hoạch"},
        {"in_progress", "Đang thực hiện"},
        {"completed", "Hoàn thành"},
        {"stalled", "Tạm dừng"},
        {"cancelled", "Hủy bỏ"},
        {"district", "Cấp huyện"},
        {"provincial", "Cấp tỉnh"},
        {"regional", "Cấp khu vực"},
    };
    const auto found = kLabels.find(code);
    return found == kLabels.end() ? code : found->second;
}

std::string levelLabel(const std::string& level) { return level == "national" ? "Cấp quốc gia" : label(level); }

} // namespace

std::string reportLabel(const std::string& group, const std::string& code) {
    return group == "level" ? levelLabel(code) : label(code);
}

namespace {

//! The unit of a CSV row in Vietnamese.
std::string unitName(const std::string& unit) {
    static const std::map<std::string, std::string> kUnits = {
        {"project", "dự án"}, {"dong", "đồng"},       {"facility", "cơ sở"}, {"person", "người"},
        {"submission", "phiếu"}, {"item", "thiết bị"}, {"product", "sản phẩm"}};
    const auto found = kUnits.find(unit);
    return found == kUnits.end() ? unit : found->second;
}

class CsvWriter {
public:
    explicit CsvWriter(std::string& out) : m_out(out) {
        m_out += "\xEF\xBB\xBF";  // so that Excel reads the UTF-8 Vietnamese correctly
        // Headings and units a provincial officer reads; the first three columns stay codes,
        // so that a program can pick a figure out.
        m_out += "Chỉ tiêu (mã),Phân theo (mã),Mã,Tên,Giá trị,Đơn vị\r\n";
    }
    void row(const std::string& indicator, const std::string& breakdown, const std::string& key,
             const std::string& labelText, long long value, const std::string& unit) {
        m_out += csvField(indicator) + "," + csvField(breakdown) + "," + csvField(key) + "," + csvField(labelText) +
                 "," + std::to_string(value) + "," + unitName(unit) + "\r\n";
    }
    void money(const std::string& breakdown, const std::string& key, const std::string& labelText,
               const ProjectMoney& money) {
        row("projects", breakdown, key, labelText, money.projects, "project");
        row("extension_funding", breakdown, key, labelText, money.extensionFunding, "dong");
        row("counterpart_capital", breakdown, key, labelText, money.counterpartCapital, "dong");
        row("investment_attracted", breakdown, key, labelText, money.investmentAttracted, "dong");
    }

private:
    std::string& m_out;
};

} // namespace

std::string reportPeriodText(const ReportScope& scope) {
    const auto vnDate = [](const std::string& iso) { return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4); };
    if (scope.fromDate.substr(5) == "01-01" && scope.toDate.substr(5) == "12-31")
        return scope.fromYear == scope.toYear ? "năm " + std::to_string(scope.fromYear)
                                              : "giai đoạn " + std::to_string(scope.fromYear) + "–" +
                                                    std::to_string(scope.toYear);
    return "từ " + vnDate(scope.fromDate) + " đến " + vnDate(scope.toDate);
}

namespace {

std::string count(long long value) { return money::groupThousands(value); }

//! The entries of `map` in the order reports list them (national first, lowest level first).
template <class Codes, class Value>
std::vector<std::pair<std::string, Value>> inOrder(const Codes& codes, const std::map<std::string, Value>& map) {
    std::vector<std::pair<std::string, Value>> out;
    for (const auto& code : codes)
        if (const auto found = map.find(std::string(code)); found != map.end())
            out.emplace_back(found->first, found->second);
    return out;
}

} // namespace

std::string reportCsv(const ProgrammeReport& report) {
    std::string out;
    CsvWriter csv(out);
    csv.money("total", "", "Tổng cộng", report.total);
    for (const auto& [source, money] : inOrder(domain::kFundingSources, report.bySource))
        csv.money("funding_source", source, label(source), money);
    for (const auto& [activity, money] : report.byActivity)
        csv.money("activity_type", activity, label(activity), money);
    for (const auto& [year, money] : report.byYear)
        csv.money("year", std::to_string(year), "Năm " + std::to_string(year), money);
    for (const auto& [status, projects] : inOrder(domain::kProjectStatuses, report.byStatus))
        csv.row("projects", "status", status, label(status), projects, "project");
    csv.money("not_carried_out", "planned", "Chưa thực hiện (kế hoạch)", report.planned);
    csv.money("not_carried_out", "cancelled", "Hủy bỏ", report.cancelled);
    csv.row("facilities_supported", "total", "", "Cơ sở được hỗ trợ", report.facilitiesSupported, "facility");
    csv.row("jobs_created", "total", "", "Việc làm tạo thêm", report.jobsCreated, "person");
    csv.row("people_trained", "total", "", "Người được đào tạo", report.peopleTrained, "person");
    csv.row("fair_participations", "total", "", "Lượt cơ sở tham gia hội chợ", report.fairParticipations, "facility");
    csv.row("surveys", "total", "", "Khảo sát cơ sở", report.surveys, "submission");
    csv.row("monitoring_visits", "total", "", "Kiểm tra, giám sát", report.monitoringVisits, "submission");
    csv.row("progress_reports", "total", "", "Báo cáo tiến độ", report.progressReports, "submission");
    csv.row("equipment_handovers", "total", "", "Biên bản bàn giao thiết bị", report.handovers, "submission");
    csv.row("equipment_items", "total", "", "Thiết bị bàn giao", report.itemsHandedOver, "item");
    csv.row("equipment_value", "total", "", "Giá trị thiết bị bàn giao", report.equipmentValue, "dong");
    csv.row("typical_products", "total", "", "Sản phẩm CNNT tiêu biểu", report.typicalProducts, "product");
    for (const auto& [level, products] : inOrder(kProductLevels, report.productsByLevel))
        csv.row("typical_products", "level", level, levelLabel(level), products, "product");
    csv.row("typical_product_facilities", "total", "", "Cơ sở có sản phẩm tiêu biểu", report.productFacilities, "facility");
    for (const auto& [level, facilities] : inOrder(kProductLevels, report.productFacilitiesByLevel))
        csv.row("typical_product_facilities", "level", level, levelLabel(level), facilities, "facility");
    for (const auto& [year, levels] : report.productsByYear)
        for (const auto& [level, products] : levels)
            csv.row("typical_products", "year_level", std::to_string(year) + "/" + level,
                    "Năm " + std::to_string(year) + ", " + levelLabel(level), products, "product");
    return out;
}

std::string reportText(const ProgrammeReport& report) {
    std::string names;
    for (const auto& [code, name] : report.provinces)
        names += (names.empty() ? "" : ", ") + name;
    const auto billions = [](money::Dong amount) { return money::formatBillions(amount); };
    std::string out = "BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG\n";
    out += "Tỉnh: " + (names.empty() ? std::string("(không có)") : names) + " — " + reportPeriodText(report.scope);
    if (report.scope.fundingSource)
        out += " — nguồn " + label(*report.scope.fundingSource);
    out += "\n\n1. Đề án khuyến công đã thực hiện: " + count(report.total.projects) + " đề án\n";
    for (const auto& [source, money] : inOrder(domain::kFundingSources, report.bySource))
        out += "   - " + label(source) + ": " + count(money.projects) + " đề án, kinh phí " +
               billions(money.extensionFunding) + "\n";
    out += "   Kinh phí khuyến công hỗ trợ: " + billions(report.total.extensionFunding) + "\n";
    out += "   Vốn đối ứng: " + billions(report.total.counterpartCapital) + "\n";
    out += "   Vốn đầu tư thu hút: " + billions(report.total.investmentAttracted) + "\n";
    out += "   (Đã thực hiện: đang thực hiện, hoàn thành hoặc tạm dừng. Không tính: " + count(report.planned.projects) +
           " đề án chưa thực hiện, kinh phí " + billions(report.planned.extensionFunding) + "; " +
           count(report.cancelled.projects) + " đề án hủy bỏ, kinh phí " + billions(report.cancelled.extensionFunding) +
           ".)\n";
    out += "\n2. Theo nội dung hoạt động\n";
    for (const auto& [activity, money] : report.byActivity)
        out += "   - " + label(activity) + ": " + count(money.projects) + " đề án, " + billions(money.extensionFunding) + "\n";
    out += "\n3. Theo năm\n";
    for (const auto& [year, money] : report.byYear)
        out += "   - " + std::to_string(year) + ": " + count(money.projects) + " đề án, " +
               billions(money.extensionFunding) + "\n";
    out += "\n4. Tình trạng đề án\n";
    for (const auto& [status, projects] : inOrder(domain::kProjectStatuses, report.byStatus))
        out += "   - " + label(status) + ": " + count(projects) + "\n";
    for (const auto& project : report.stalledOrCancelled)
        out += "     " + project.code + " (" + label(project.status) + "): " + project.reason + "\n";
    out += "\n5. Kết quả\n";
    out += "   - Cơ sở CNNT được hỗ trợ: " + count(report.facilitiesSupported) + "\n";
    out += "   - Việc làm tạo thêm: " + count(report.jobsCreated) + " lao động\n";
    out += "   - Người được đào tạo, tập huấn: " + count(report.peopleTrained) + "\n";
    out += "   - Lượt cơ sở tham gia hội chợ triển lãm: " + count(report.fairParticipations) + "\n";
    out += "   - Thiết bị bàn giao: " + count(report.itemsHandedOver) + " thiết bị (" + count(report.handovers) +
           " biên bản), giá trị " + billions(report.equipmentValue) + "\n";
    out += "   - Khảo sát cơ sở: " + count(report.surveys) + "; kiểm tra, giám sát: " + count(report.monitoringVisits) +
           "; báo cáo tiến độ: " + count(report.progressReports) + "\n";
    out += "\n6. Sản phẩm CNNT tiêu biểu được công nhận: " + count(report.typicalProducts) + " sản phẩm của " +
           count(report.productFacilities) + " cơ sở\n";
    for (const auto& [level, products] : inOrder(kProductLevels, report.productsByLevel))
        out += "   - " + levelLabel(level) + ": " + count(products) + " sản phẩm của " +
               count(report.productFacilitiesByLevel.at(level)) + " cơ sở\n";
    out += "\nSố liệu từ dữ liệu đã duyệt và sổ đăng ký đề án; tiền tính bằng tỷ đồng.\n";
    return out;
}

} // namespace kc::server
