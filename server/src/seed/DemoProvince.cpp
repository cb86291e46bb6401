#include "seed/DemoProvince.hpp"

#include "auth/PasswordHasher.hpp"

#include "kc/ids/Uuid.hpp"

#include <future>
#include <iterator>
#include <map>
#include <vector>

namespace kc::server {

namespace {

using domain::Facility;
using domain::Project;
using domain::Role;

// Demo data: names and figures are modelled on Cao Bằng's public reports (../shared/seeds);
// commune codes are demo codes, not official ones.
const domain::Province kProvince{"04", "Cao Bằng"};

const std::vector<domain::Commune> kCommunes = {
    {"04-001", "04", "Phường Thục Phán"},  {"04-002", "04", "Phường Tân Giang"},
    {"04-003", "04", "Xã Hòa An"},         {"04-004", "04", "Xã Quảng Uyên"},
    {"04-005", "04", "Xã Trùng Khánh"},    {"04-006", "04", "Xã Nguyên Bình"},
    {"04-007", "04", "Xã Bảo Lạc"},        {"04-008", "04", "Xã Phục Hòa"},
    {"04-009", "04", "Xã Hà Quảng"},       {"04-010", "04", "Xã Quảng Hòa"},
};

// A second province, so that scopes can be seen at work: its people never see Cao Bằng's
// records, nor Cao Bằng's theirs.
const domain::Province kNeighbour{"96", "Cà Mau"};
const std::vector<domain::Commune> kNeighbourCommunes = {
    {"96-001", "96", "Phường An Xuyên"}, {"96-002", "96", "Xã Tân Hưng"}};

struct DemoUser {
    const char* username;
    const char* displayName;
    Role role;
    const char* province;
};

const std::vector<DemoUser> kUsers = {
    {"quantri", "Quản trị hệ thống", Role::Admin, "04"},
    {"duyet", "Lê Thị Thu (Trung tâm Khuyến công)", Role::Reviewer, "04"},
    {"canbo", "Hoàng Văn Minh", Role::Officer, "04"},
    {"ctv", "Nông Thị Lan", Role::Collaborator, "04"},
    {"duyet_cm", "Trần Văn Hải (Trung tâm Khuyến công Cà Mau)", Role::Reviewer, "96"},
    {"canbo_cm", "Nguyễn Thị Hồng", Role::Officer, "96"},
};

Facility facility(const char* name, const char* legalForm, const char* sector,
                  const char* commune, const char* village, const char* representative,
                  const char* phone, int workforce, const char* products, double lat, double lon) {
    Facility f;
    f.name = name;
    f.legalForm = legalForm;
    f.sector = sector;
    f.provinceCode = std::string(commune).substr(0, 2);
    f.communeCode = commune;
    f.village = village;
    f.representative = representative;
    f.phone = phone;
    f.workforce = workforce;
    f.products = products;
    f.latitude = lat;
    f.longitude = lon;
    return f;
}

struct DemoFacility {
    const char* key;
    Facility facility;
};

std::vector<DemoFacility> demoFacilities() {
    return {
        {"tamhoa", facility("HTX Tâm Hòa", "cooperative", "agro_forestry_processing",
                            "04-003", "Xóm Nà Rị", "Nông Thị Tâm", "0912 345 678", 35,
                            "Lạp sườn, thịt hun khói", 22.7069, 106.1653)},
        {"688", facility("Công ty TNHH một thành viên 688", "limited_company", "handicrafts",
                         "04-001", "Tổ 5", "Đàm Văn Hùng", "0206 385 2688", 48,
                         "Chiếu trúc, đồ trúc mỹ nghệ", 22.6663, 106.2578)},
        {"caibo", facility("HTX nông nghiệp Cai Bộ", "cooperative",
                           "agro_forestry_processing", "04-010", "Xóm Cai Bộ", "Lương Văn Thái",
                           "0968 112 233", 26, "Miến dong", 22.6339, 106.4621)},
        {"tanvieta", facility("HTX Tân Việt Á", "cooperative",
                              "agro_forestry_processing", "04-004", "Xóm Pác Pẻo",
                              "Hoàng Thị Việt", "0977 556 012", 22, "Chè Giảo cổ lam, khẩu sli",
                              22.6931, 106.4465)},
        {"caotuyen", facility("Công ty TNHH Bún Cao Tuyền", "limited_company",
                              "agro_forestry_processing", "04-002", "Tổ 12", "Cao Văn Tuyền",
                              "0915 778 899", 30, "Bún khô, phở khô", 22.6541, 106.2630)},
        {"phiaden", facility("HTX Miến dong Phia Đén", "cooperative",
                             "agro_forestry_processing", "04-006", "Xóm Phia Đén",
                             "Triệu Văn Sình", "0389 245 610", 18, "Miến dong", 22.5770,
                             105.8702)},
        {"phucsen", facility("Cơ sở rèn Phúc Sen", "household_business", "mechanics",
                             "04-004", "Xóm Phúc Sen", "Lục Văn Đông", "0356 901 447", 12,
                             "Dao, kéo, nông cụ cầm tay", 22.6805, 106.4312)},
        {"phjathap", facility("HTX Hương Phja Thắp", "cooperative", "handicrafts",
                              "04-010", "Xóm Phja Thắp", "Nông Văn Khải", "0947 338 120", 20,
                              "Hương nhang thảo mộc", 22.6218, 106.4788)},
        {"baolac", facility("Công ty TNHH Gạch không nung Bảo Lạc", "limited_company",
                            "building_materials", "04-007", "Tổ dân phố 2", "Ma Văn Bảo",
                            "0988 460 215", 25, "Gạch bê tông không nung", 22.9513, 105.6740)},
        {"hoanglong", facility("Doanh nghiệp tư nhân Cơ khí Hoàng Long",
                               "private_enterprise", "mechanics", "04-008", "Phố Hòa Thuận",
                               "Hoàng Văn Long", "0912 070 365", 15,
                               "Máy thái, máy nghiền thức ăn chăn nuôi", 22.5566, 106.5201)},
        {"trungkhanh", facility("HTX Hạt dẻ Trùng Khánh", "cooperative",
                                "agro_forestry_processing", "04-005", "Xóm Đoỏng Lèng",
                                "Đinh Thị Hạnh", "0336 118 902", 16, "Hạt dẻ rang, hạt dẻ sấy",
                                22.8323, 106.5242)},
        {"haquang", facility("Hộ kinh doanh Dệt thổ cẩm Lũng Nặm", "household_business",
                             "handicrafts", "04-009", "Xóm Lũng Nặm", "Chu Thị Mai",
                             "0373 664 105", 9, "Khăn, túi thổ cẩm", 22.9412, 106.1370)},
        {"tanhung", facility("HTX Chế biến thủy sản Tân Hưng", "cooperative", "seafood_processing",
                             "96-002", "Ấp Tân Thành", "Lê Văn Tư", "0290 386 1122", 40,
                             "Tôm khô, khô cá", 9.0532, 105.1441)},
        {"anxuyen", facility("Công ty TNHH Cơ khí An Xuyên", "limited_company", "mechanics",
                             "96-001", "Khóm 3", "Phạm Minh Tâm", "0290 383 4455", 28,
                             "Máy sấy nông sản", 9.1769, 105.1524)},
    };
}

struct DemoProject {
    const char* province;
    const char* code;
    const char* title;
    int year;
    const char* source;
    const char* activity;
    const char* status;
    const char* reason;
    money::Dong funding, counterpart, investment;
    int jobs;
    std::vector<const char*> beneficiaries;
};

const std::vector<DemoProject> kProjects = {
    {"04", "KCQG-2023-01", "Hỗ trợ ứng dụng máy móc thiết bị tiên tiến trong sản xuất miến dong",
     2023, "national", "advanced_machinery", "completed", nullptr, 420'000'000, 1'260'000'000,
     1'680'000'000, 12, {"caibo"}},
    {"04", "KCQG-2022-02", "Hỗ trợ ứng dụng máy móc thiết bị sản xuất gạch không nung", 2022,
     "national", "advanced_machinery", "completed", nullptr, 390'000'000, 1'150'000'000,
     1'540'000'000, 10, {"baolac"}},
    {"04", "KCQG-2024-01",
     "Xây dựng mô hình trình diễn kỹ thuật chế biến lạp sườn, thịt hun khói", 2024, "national",
     "demonstration_model", "in_progress", nullptr, 650'000'000, 1'420'000'000, 2'070'000'000, 15,
     {"tamhoa"}},
    {"04", "KCQG-2025-01", "Hỗ trợ ứng dụng thiết bị sấy hạt dẻ tiên tiến", 2025, "national",
     "advanced_machinery", "stalled", "Đơn vị thụ hưởng thay đổi phương án đầu tư nhà xưởng",
     300'000'000, 0, 0, 0, {"trungkhanh"}},
    {"04", "KCĐP-2022-01", "Hỗ trợ máy móc thiết bị trong sản xuất chiếu trúc", 2022, "local",
     "advanced_machinery", "completed", nullptr, 150'000'000, 380'000'000, 530'000'000, 8, {"688"}},
    {"04", "KCĐP-2023-02", "Hỗ trợ máy móc thiết bị sản xuất bún khô", 2023, "local",
     "advanced_machinery", "completed", nullptr, 140'000'000, 320'000'000, 460'000'000, 6,
     {"caotuyen"}},
    {"04", "KCĐP-2023-04", "Tổ chức tham gia hội chợ triển lãm hàng công nghiệp nông thôn tiêu biểu",
     2023, "local", "trade_fair", "completed", nullptr, 95'000'000, 0, 0, 0,
     {"tamhoa", "tanvieta", "phjathap"}},
    {"04", "KCĐP-2024-01", "Hỗ trợ đăng ký nhãn hiệu và thiết kế bao bì chè Giảo cổ lam", 2024,
     "local", "brand_registration", "completed", nullptr, 60'000'000, 25'000'000, 25'000'000, 0,
     {"tanvieta"}},
    {"04", "KCĐP-2024-03", "Đào tạo nghề rèn nông cụ cầm tay", 2024, "local", "vocational_training",
     "in_progress", nullptr, 80'000'000, 15'000'000, 15'000'000, 20, {"phucsen"}},
    {"04", "KCĐP-2025-02", "Hỗ trợ máy móc thiết bị sản xuất hương nhang", 2025, "local",
     "advanced_machinery", "planned", nullptr, 120'000'000, 280'000'000, 400'000'000, 0,
     {"phjathap"}},
    {"04", "KCĐP-2025-03", "Tham quan học tập kinh nghiệm sản xuất dệt thổ cẩm", 2025, "local",
     "study_tour", "cancelled", "Cơ sở không bố trí được người tham gia", 40'000'000, 0, 0, 0,
     {"haquang"}},
    {"96", "KCĐP-2025-11", "Hỗ trợ máy móc thiết bị chế biến tôm khô", 2025, "local",
     "advanced_machinery", "in_progress", nullptr, 180'000'000, 420'000'000, 600'000'000, 9,
     {"tanhung"}},
};

} // namespace

bool seedDemoProvince(CentralStore& store, std::ostream& out) {
    if (store.counts().users > 0)
        return false;
    // Hash before the transaction: Argon2id is deliberately slow. Each user has a salt of
    // its own, even with the same demo password; the hashes run side by side on the cores.
    std::vector<std::future<std::string>> hashing;
    for (std::size_t i = 0; i < std::size(kUsers); ++i)
        hashing.push_back(std::async(std::launch::async, [] { return hashPassword(kDemoPassword); }));
    std::vector<std::string> passwordHashes;
    for (auto& hash : hashing)
        passwordHashes.push_back(hash.get());
    store.atomically([&] {
        store.upsertProvince(kProvince);
        store.upsertProvince(kNeighbour);
        for (const auto& commune : kCommunes)
            store.upsertCommune(commune);
        for (const auto& commune : kNeighbourCommunes)
            store.upsertCommune(commune);
        std::map<std::string, std::string> userIds;
        for (std::size_t i = 0; i < std::size(kUsers); ++i) {
            const auto& user = kUsers[i];
            userIds[user.username] = store.createUser(
                {user.username, user.displayName, user.role, passwordHashes[i], {user.province}});
        }
        std::map<std::string, std::string> ids;
        for (auto& demo : demoFacilities())
            ids[demo.key] = store.createFacility(demo.facility);
        for (const auto& demo : kProjects) {
            Project project;
            project.code = demo.code;
            project.title = demo.title;
            project.year = demo.year;
            project.fundingSource = demo.source;
            project.activityType = demo.activity;
            project.provinceCode = demo.province;
            project.status = demo.status;
            if (demo.reason)
                project.statusReason = demo.reason;
            project.extensionFunding = demo.funding;
            project.counterpartCapital = demo.counterpart;
            project.investmentAttracted = demo.investment;
            project.jobsCreated = demo.jobs;
            if (std::string(demo.activity) == "vocational_training")
                project.peopleTrained = 25;  // the course's trainees (two classes)
            for (const char* key : demo.beneficiaries)
                project.beneficiaryIds.push_back(ids.at(key));
            const std::string projectId = store.createProject(project);
            // The collaborator reports on the demonstration model in Hòa An.
            if (std::string(demo.code) == "KCQG-2024-01")
                store.createAssignment({Uuid::v7().toString(), projectId, userIds.at("ctv"), demo.province},
                                       userIds.at("quantri"));
        }
        store.setMetaValue("demo_province", kProvince.code);
    });
    const StoreCounts counts = store.counts();
    out << "Seeded the demo province " << kProvince.name << " (and " << kNeighbour.name
        << ", to show scopes): " << counts.facilities
        << " facilities, " << counts.projects << " projects, " << counts.users << " users.\n"
        << "Demo sign-in (password \"" << kDemoPassword << "\" for each):\n";
    for (const auto& user : kUsers)
        out << "  " << user.username << "  (" << domain::roleCode(user.role) << ", "
            << user.displayName << ", province " << user.province << ")\n";
    return true;
}

} // namespace kc::server
