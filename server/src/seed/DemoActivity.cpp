#include "seed/DemoActivity.hpp"

#include "seed/DemoPicture.hpp"
#include "seed/DemoProvince.hpp"
#include "seed/ReportedForms.hpp"
#include "util/Sha256.hpp"

#include "kc/ids/Uuid.hpp"
#include "kc/json/Json.hpp"

#include <map>
#include <stdexcept>

namespace kc::server {

namespace bj = boost::json;
using answers::HandoverItem;

namespace {

//! One demo user talking to the router as the app talks to the server.
class DemoClient {
public:
    DemoClient(const Router& router, const std::string& username) : m_router(router) {
        const auto signedIn = call("POST", "/v1/auth/sign-in",
                                   json::serialize(bj::object{{"username", username},
                                                              {"password", kDemoPassword},
                                                              {"device", "demo"}}));
        m_token = std::string(signedIn.at("token").as_string());
    }

    bj::value call(const std::string& method, const std::string& target, const std::string& body = {},
                   std::map<std::string, std::string> headers = {}) const {
        Request request;
        request.method = method;
        request.target = target;
        request.body = body;
        request.remoteAddress = "127.0.0.1";
        request.headers = std::move(headers);
        if (!m_token.empty())
            request.headers["authorization"] = "Bearer " + m_token;
        const Response response = m_router.dispatch(request);
        if (response.status >= 300)
            throw std::runtime_error("demo activity: " + method + " " + target + " answered " +
                                     std::to_string(response.status) + ": " + response.body);
        return json::parse(response.body);
    }

    //! Uploads a picture; returns its SHA-256.
    std::string upload(const std::string& bytes) const {
        const std::string sha = sha256Hex(bytes);
        const auto started = call("POST", "/v1/attachments",
                                  json::serialize(bj::object{{"sha256", sha}, {"size", bytes.size()}, {"content_type", "image/png"}}));
        if (!started.at("complete").as_bool())
            call("PATCH", "/v1/attachments/" + sha, bytes, {{"upload-offset", "0"}});
        return sha;
    }

    //! Pushes one submission; returns its id.
    std::string push(const std::string& formId, bj::object answers) const {
        const std::string id = Uuid::v7().toString();
        const auto body = json::serialize(bj::object{{"submissions", bj::array{answers::pushItem(id, formId, std::move(answers))}}});
        const auto receipts = call("POST", "/v1/push", body);
        const auto& status = receipts.at("receipts").at(0).at("status");
        if (status != "accepted")
            throw std::runtime_error("demo activity: a " + formId + " was not accepted: " + json::serialize(receipts));
        return id;
    }

    void review(const std::string& id, const std::string& action, const std::string& comment = {}) const {
        bj::object body{{"action", action}, {"revision", 1}};
        if (!comment.empty())
            body["comment"] = comment;
        call("POST", "/v1/submissions/" + id + "/review", json::serialize(body));
    }

private:
    const Router& m_router;
    std::string m_token;
};

std::map<std::string, std::string> idsBy(const bj::value& page, const char* list, const char* key) {
    std::map<std::string, std::string> ids;
    for (const auto& item : page.at(list).as_array())
        ids[std::string(item.at(key).as_string())] = std::string(item.at("id").as_string());
    return ids;
}

struct DemoHandover {
    const char* project;
    const char* facility;
    const char* date;
    const char* representative;
    std::vector<HandoverItem> items;
};

const std::vector<DemoHandover> kHandovers = {
    {"KCQG-2022-02", "Công ty TNHH Gạch không nung Bảo Lạc", "2022-10-18", "Ma Văn Bảo",
     {{"Máy ép gạch không nung thủy lực", "QT4-2210-0187", 1, 1'180'000'000, "Công ty CP Cơ khí Xây dựng Thái Nguyên"},
      {"Máy trộn bê tông cưỡng bức", "JS500-22-0931", 1, 245'000'000, "Công ty CP Cơ khí Xây dựng Thái Nguyên"},
      {"Băng tải cấp liệu", "BT-650-2210", 2, 52'500'000, "Công ty CP Cơ khí Xây dựng Thái Nguyên"}}},
    {"KCĐP-2022-01", "Công ty TNHH một thành viên 688", "2022-11-25", "Đàm Văn Hùng",
     {{"Máy chẻ nan trúc", "CT-688-01", 2, 96'000'000, "Công ty TNHH Máy Trúc Việt"},
      {"Máy ép chiếu trúc", "EP-22-3305", 1, 218'000'000, "Công ty TNHH Máy Trúc Việt"}}},
    {"KCQG-2023-01", "HTX nông nghiệp Cai Bộ", "2023-09-12", "Lương Văn Thái",
     {{"Dây chuyền tráng miến dong", "MD-T2300-014", 1, 1'050'000'000, "Công ty TNHH Cơ khí Hoàng Long"},
      {"Máy sấy miến", "SM-1200-0456", 2, 265'000'000, "Công ty TNHH Cơ khí Hoàng Long"},
      {"Máy nghiền củ dong riềng", "NC-500-2309", 1, 98'000'000, "Công ty TNHH Cơ khí Hoàng Long"}}},
    {"KCĐP-2023-02", "Công ty TNHH Bún Cao Tuyền", "2023-08-04", "Cao Văn Tuyền",
     {{"Máy ép đùn bún khô", "BK-ED-230804", 1, 310'000'000, "Công ty CP Thiết bị Thực phẩm Bách Khoa"},
      {"Tủ sấy bún", "TS-24K-1180", 1, 142'000'000, "Công ty CP Thiết bị Thực phẩm Bách Khoa"}}},
};

struct DemoSurvey {
    const char* facility;
    const char* date;
    double lat, lon;
    const char* product;
    int workforce;
};

const std::vector<DemoSurvey> kSurveys = {
    {"HTX nông nghiệp Cai Bộ", "2022-08-09", 22.6339, 106.4621, "Miến dong", 26},
    {"Công ty TNHH Gạch không nung Bảo Lạc", "2022-03-22", 22.9513, 105.6740, "Gạch bê tông không nung", 25},
    {"HTX Tâm Hòa", "2023-11-07", 22.7069, 106.1653, "Lạp sườn, thịt hun khói", 35},
    {"HTX Hạt dẻ Trùng Khánh", "2024-10-15", 22.8323, 106.5242, "Hạt dẻ rang, hạt dẻ sấy", 16},
    {"HTX Hương Phja Thắp", "2025-03-19", 22.6218, 106.4788, "Hương nhang thảo mộc", 20},
    {"Cơ sở rèn Phúc Sen", "2024-02-27", 22.6805, 106.4312, "Dao, kéo, nông cụ cầm tay", 12},
};

struct DemoProduct {
    const char* facility;
    const char* product;
    const char* group;
    const char* level;
    int year;
    const char* certificate;
};

const std::vector<DemoProduct> kProducts = {
    {"HTX nông nghiệp Cai Bộ", "Miến dong Cai Bộ", "agro_forestry_processing", "provincial", 2022, "1645/QĐ-UBND"},
    {"HTX nông nghiệp Cai Bộ", "Miến dong Cai Bộ", "agro_forestry_processing", "regional", 2023, "KV-MNPB-2023-07"},
    {"HTX Tâm Hòa", "Lạp sườn hun khói Tâm Hòa", "agro_forestry_processing", "provincial", 2023, "2011/QĐ-UBND"},
    {"Công ty TNHH một thành viên 688", "Chiếu trúc 688", "handicrafts", "provincial", 2022, "1645/QĐ-UBND"},
    {"Công ty TNHH một thành viên 688", "Bộ đồ trúc mỹ nghệ", "handicrafts", "national", 2024, "QG-2024-031"},
    {"HTX Tân Việt Á", "Chè Giảo cổ lam Tân Việt Á", "agro_forestry_processing", "provincial", 2024, "1978/QĐ-UBND"},
    {"HTX Hạt dẻ Trùng Khánh", "Hạt dẻ rang Trùng Khánh", "agro_forestry_processing", "provincial", 2025, "1502/QĐ-UBND"},
    {"Hộ kinh doanh Dệt thổ cẩm Lũng Nặm", "Khăn thổ cẩm Lũng Nặm", "handicrafts", "district", 2025, "87/QĐ-UBND"},
};

} // namespace

void seedDemoActivity(const Router& router, std::ostream& out) {
    const DemoClient officer(router, "canbo"), collaborator(router, "ctv"), reviewer(router, "duyet");
    const auto projects = idsBy(reviewer.call("GET", "/v1/projects?limit=500"), "projects", "code");
    const auto facilities = idsBy(reviewer.call("GET", "/v1/facilities?limit=500"), "facilities", "name");
    unsigned picture = 1;
    const auto photo = [&](const DemoClient& client) { return client.upload(demoPicturePng(picture++)); };

    int approved = 0;
    for (const auto& handover : kHandovers) {
        const std::string shot = photo(officer);
        reviewer.review(officer.push("equipment_handover",
                                     answers::equipmentHandover(projects.at(handover.project), facilities.at(handover.facility),
                                                                handover.date, handover.items, handover.representative,
                                                                shot, photo(officer))),
                        "approve");
        ++approved;
    }
    for (const auto& survey : kSurveys) {
        const std::string id = officer.push("site_survey", answers::siteSurvey(facilities.at(survey.facility), survey.date,
                                                                               survey.lat, survey.lon, survey.product,
                                                                               survey.workforce, photo(officer)));
        if (std::string(survey.facility) == "Cơ sở rèn Phúc Sen") {
            reviewer.review(id, "return", "Bổ sung ảnh xưởng rèn và công suất thực tế của cơ sở");
        } else {
            reviewer.review(id, "approve");
            ++approved;
        }
    }
    for (const auto& product : kProducts) {
        reviewer.review(officer.push("typical_product",
                                     answers::typicalProduct(facilities.at(product.facility), product.product, product.group,
                                                             product.level, product.year, product.certificate, photo(officer))),
                        "approve");
        ++approved;
    }
    const char* visits[][3] = {{"KCQG-2023-01", "2024-03-14", "Dây chuyền vận hành ổn định, sản lượng tăng khoảng 30%"},
                               {"KCQG-2022-02", "2023-05-09", "Máy ép hoạt động tốt, cơ sở đã tuyển thêm lao động"},
                               {"KCĐP-2023-02", "2024-06-20", "Tủ sấy dùng đúng mục đích; đề nghị bổ sung sổ theo dõi"}};
    for (const auto& visit : visits) {
        reviewer.review(officer.push("monitoring_visit", answers::monitoringVisit(projects.at(visit[0]), visit[1],
                                                                                 "Lê Thị Thu, Hoàng Văn Minh", visit[2])),
                        "approve");
        ++approved;
    }
    const std::string demonstration = projects.at("KCQG-2024-01");
    reviewer.review(collaborator.push("progress_report",
                                      answers::progressReport(demonstration, "2024-07-01", "2024-12-31", 45, 280'000'000, 6,
                                                              photo(collaborator))),
                    "approve");
    ++approved;
    reviewer.review(collaborator.push("progress_report",
                                      answers::progressReport(demonstration, "2025-01-01", "2025-06-30", 70, 460'000'000, 15,
                                                              photo(collaborator))),
                    "reject", "Trùng với báo cáo đã gửi; số giải ngân chưa khớp chứng từ");
    out << "Gave the demo province a history through the API: " << approved
        << " approved submissions (handovers, surveys, typical products, visits, progress), one returned, one rejected.\n";
}

} // namespace kc::server
