#pragma once
// A device store filled like a province's register: facilities named as real ones are (a legal
// form, a trade and a place, with diacritics). Shared by the app benchmarks.

#include "store/LocalStore.hpp"

#include "kc/db/Transaction.hpp"
#include "kc/ids/Uuid.hpp"

#include <string>

namespace kc::bench {

inline void writeFacilities(app::LocalStore& store, int count) {
    const char* kinds[] = {"HTX", "Công ty TNHH", "Hộ kinh doanh", "Cơ sở", "Doanh nghiệp tư nhân"};
    const char* trades[] = {"chế biến nông sản", "dệt thổ cẩm", "rèn", "miến dong", "mây tre đan",
                            "gạch không nung", "cơ khí", "hạt dẻ", "chè", "gỗ"};
    const char* places[] = {"Tâm Hòa", "Phúc Sen", "Trùng Khánh", "Cao Tuyền", "Đông Khê",
                            "Bảo Lạc", "Phja Thắp", "Lũng Nặm", "Tân Việt", "Hoàng Long"};
    db::inTransaction(store.database(), [&] {
        for (int i = 0; i < count; ++i) {
            const std::string name = std::string(kinds[i % 5]) + " " + trades[(i / 5) % 10] + " " +
                                     places[(i / 50) % 10] + " " + std::to_string(i);
            store.putFacility(boost::json::object{{"id", Uuid::v7().toString()}, {"name", name},
                                                  {"legal_form", "cooperative"},
                                                  {"sector", "handicrafts"}, {"province", "04"},
                                                  {"commune", "04-00" + std::to_string(1 + i % 9)},
                                                  {"village", "Xóm " + std::to_string(i % 300)}},
                              false);
        }
    });
}

} // namespace kc::bench
