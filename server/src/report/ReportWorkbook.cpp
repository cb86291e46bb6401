// The programme report as a workbook, laid out as provincial centres lay out their report
// tables (biểu báo cáo): one sheet, a title, the scope, and numbered sections.
#include "report/ProgrammeReport.hpp"

#include "sheets/XlsxWriter.hpp"
#include "sheets/Workbook.hpp"

#include "kc/domain/Registers.hpp"

#include <xlsxwriter.h>


namespace kc::server {

namespace {

class ReportSheet {
public:
    ReportSheet(sheets::XlsxWriter& book, lxw_worksheet* sheet) : m_book(book), m_sheet(sheet) {
        m_title = workbook_add_format(book.book());
        format_set_bold(m_title);
        format_set_font_size(m_title, 14);
        m_section = workbook_add_format(book.book());
        format_set_bold(m_section);
        worksheet_set_column(sheet, 0, 0, 46, nullptr);
        worksheet_set_column(sheet, 1, 6, 20, nullptr);
    }
    void title(const std::string& text) { worksheet_write_string(m_sheet, m_row++, 0, text.c_str(), m_title); }
    void line(const std::string& text) { worksheet_write_string(m_sheet, m_row++, 0, text.c_str(), nullptr); }
    void section(const std::string& text) {
        ++m_row;
        worksheet_write_string(m_sheet, m_row++, 0, text.c_str(), m_section);
    }
    void header(const std::vector<std::string>& titles) {
        for (std::size_t c = 0; c < titles.size(); ++c)
            worksheet_write_string(m_sheet, m_row, static_cast<lxw_col_t>(c), titles[c].c_str(), m_book.header());
        ++m_row;
    }
    //! A row: a name, then numbers (whole, with grouping).
    void figures(const std::string& name, const std::vector<long long>& values) {
        worksheet_write_string(m_sheet, m_row, 0, name.c_str(), nullptr);
        for (std::size_t c = 0; c < values.size(); ++c)
            worksheet_write_number(m_sheet, m_row, static_cast<lxw_col_t>(c + 1), static_cast<double>(values[c]),
                                   m_book.whole());
        ++m_row;
    }
    void money(const std::string& name, const ProjectMoney& money) {
        figures(name, {money.projects, money.extensionFunding, money.counterpartCapital, money.investmentAttracted});
    }
    void texts(const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c)
            worksheet_write_string(m_sheet, m_row, static_cast<lxw_col_t>(c), cells[c].c_str(), nullptr);
        ++m_row;
    }

private:
    sheets::XlsxWriter& m_book;
    lxw_worksheet* m_sheet;
    lxw_format* m_title = nullptr;
    lxw_format* m_section = nullptr;
    lxw_row_t m_row = 0;
};

const std::vector<std::string> kMoneyHeader{"", "Số đề án", "Kinh phí khuyến công (đồng)", "Vốn đối ứng (đồng)",
                                            "Vốn đầu tư thu hút (đồng)"};

} // namespace

std::string reportXlsx(const ProgrammeReport& report) {
    return sheets::workbookBytes([&](const std::filesystem::path& path) {
        sheets::XlsxWriter book(path, false);
        ReportSheet sheet(book, book.addSheet("Báo cáo"));
        std::string names;
        for (const auto& [code, name] : report.provinces)
            names += (names.empty() ? "" : ", ") + name;
        sheet.title("BÁO CÁO KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH KHUYẾN CÔNG");
        sheet.line("Tỉnh: " + (names.empty() ? std::string("(không có)") : names) + " — " + reportPeriodText(report.scope) +
                   (report.scope.fundingSource ? " — nguồn " + reportLabel("funding_source", *report.scope.fundingSource) : ""));
        sheet.line("Số liệu từ dữ liệu đã duyệt và sổ đăng ký đề án; tiền tính bằng đồng.");

        sheet.section("I. Chỉ tiêu chung");
        sheet.header({"Chỉ tiêu", "Giá trị"});
        sheet.figures("Đề án đã thực hiện", {report.total.projects});
        sheet.figures("Kinh phí khuyến công hỗ trợ (đồng)", {report.total.extensionFunding});
        sheet.figures("Vốn đối ứng (đồng)", {report.total.counterpartCapital});
        sheet.figures("Vốn đầu tư thu hút (đồng)", {report.total.investmentAttracted});
        sheet.figures("Cơ sở CNNT được hỗ trợ", {report.facilitiesSupported});
        sheet.figures("Việc làm tạo thêm", {report.jobsCreated});
        sheet.figures("Người được đào tạo, tập huấn", {report.peopleTrained});
        sheet.figures("Lượt cơ sở tham gia hội chợ triển lãm", {report.fairParticipations});
        sheet.figures("Khảo sát cơ sở", {report.surveys});
        sheet.figures("Kiểm tra, giám sát", {report.monitoringVisits});
        sheet.figures("Báo cáo tiến độ", {report.progressReports});
        sheet.figures("Biên bản bàn giao thiết bị", {report.handovers});
        sheet.figures("Thiết bị bàn giao", {report.itemsHandedOver});
        sheet.figures("Giá trị thiết bị bàn giao (đồng)", {report.equipmentValue});
        sheet.figures("Đề án chưa thực hiện (kế hoạch)", {report.planned.projects});
        sheet.figures("Đề án hủy bỏ", {report.cancelled.projects});

        sheet.section("II. Theo nguồn kinh phí");
        auto header = kMoneyHeader;
        header[0] = "Nguồn kinh phí";
        sheet.header(header);
        for (const auto& source : domain::kFundingSources)
            if (auto found = report.bySource.find(std::string(source)); found != report.bySource.end())
                sheet.money(reportLabel("funding_source", found->first), found->second);
        sheet.money("Tổng cộng", report.total);

        sheet.section("III. Theo nội dung hoạt động");
        header[0] = "Nội dung hoạt động";
        sheet.header(header);
        for (const auto& [activity, money] : report.byActivity)
            sheet.money(reportLabel("activity_type", activity), money);

        sheet.section("IV. Theo năm");
        header[0] = "Năm";
        sheet.header(header);
        for (const auto& [year, money] : report.byYear)
            sheet.money(std::to_string(year), money);

        sheet.section("V. Sản phẩm công nghiệp nông thôn tiêu biểu theo cấp");
        sheet.header({"Cấp", "Số sản phẩm", "Số cơ sở"});
        for (const auto* level : kProductLevels) {
            const auto products = report.productsByLevel.count(level) ? report.productsByLevel.at(level) : 0;
            const auto facilities =
                report.productFacilitiesByLevel.count(level) ? report.productFacilitiesByLevel.at(level) : 0;
            sheet.figures(reportLabel("level", level), {products, facilities});
        }
        sheet.figures("Tổng cộng", {report.typicalProducts, report.productFacilities});

        sheet.section("VI. Đề án tạm dừng hoặc hủy bỏ");
        sheet.header({"Mã đề án", "Tên đề án", "Năm", "Tỉnh", "Tình trạng", "Lý do"});
        for (const auto& project : report.stalledOrCancelled)
            sheet.texts({project.code, project.title, std::to_string(project.year), project.provinceCode,
                         reportLabel("status", project.status), project.reason});
        book.close();
    });
}

} // namespace kc::server
