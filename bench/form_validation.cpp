// Validating one large submission: 300 questions (one of them a repeat of 10) with 50 entries.
// Target (issue "Form engine"): median ≤ 1 ms. Baseline, measured in the same run: parsing
// the submission's JSON text with Boost.JSON, the least any validation must cost.
#include "kc/forms/FormLoader.hpp"
#include "kc/forms/Validator.hpp"
#include "kc/json/Json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/string.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using boost::json::array;
using boost::json::object;
using Clock = std::chrono::steady_clock;

constexpr int kTopLevel = 288;     // questions outside the repeat (+1 total below)
constexpr int kInRepeat = 10;      // questions inside it (the repeat itself is one more)
constexpr int kRepeatEntries = 50;

object label(const std::string& name) { return {{"vi", "Câu " + name}, {"en", "Question " + name}}; }

//! A question of a rotating type, with the rules real forms carry.
object question(const std::string& name, int i, const std::string& previous) {
    object q{{"name", name}, {"label", label(name)}};
    switch (i % 6) {
    case 0: q["type"] = "integer"; q["constraint"] = ". >= 0 and . <= 100000"; q["required"] = true; break;
    case 1: q["type"] = "money"; q["constraint"] = ". > 0"; break;
    case 2: q["type"] = "text"; q["constraint"] = "string-length(.) <= 200"; break;
    case 3: q["type"] = "select_one"; q["list_name"] = "levels"; q["required"] = true; break;
    case 4: q["type"] = "date"; q["constraint"] = ". <= today()"; break;
    case 5:
        q["type"] = "calculate";
        q["calculate"] = "coalesce(${" + previous + "}, 0) + 1";
        q.erase("label");
        break;
    }
    if (i % 10 == 7 && !previous.empty())
        q["relevant"] = "${" + previous + "} != ''";
    return q;
}

boost::json::value answerFor(int i) {
    switch (i % 6) {
    case 0: return i * 3;
    case 1: return static_cast<std::int64_t>(i) * 1'500'000;
    case 2: return boost::json::value(boost::json::string(
        "Câu trả lời số " + std::to_string(i)));
    case 3: return "provincial";
    case 4: return boost::json::value(boost::json::string(
        "2026-0" + std::to_string(1 + i % 9) + "-15"));
    default: return nullptr; // calculated
    }
}

std::string formJson() {
    array questions;
    std::string previous;
    for (int i = 0; i < kTopLevel; ++i) {
        const std::string name = "q" + std::to_string(i);
        questions.push_back(question(name, i, previous));
        previous = name;
    }
    array inner;
    previous.clear();
    for (int i = 0; i < kInRepeat; ++i) {
        const std::string name = "r" + std::to_string(i);
        inner.push_back(question(name, i, previous));
        previous = name;
    }
    questions.push_back(object{{"name", "items"}, {"type", "repeat"}, {"label", label("items")},
                               {"min_count", 1}, {"max_count", 100}, {"questions", inner}});
    questions.push_back(object{{"name", "items_total"}, {"type", "calculate"},
                               {"calculate", "sum(${r1})"}});
    array levels;
    for (const char* level : {"district", "provincial", "regional", "national"})
        levels.push_back(object{{"name", level}, {"label", label(level)}});
    object form{{"id", "bench_form"}, {"version", 1}, {"title", label("bench")},
                {"questions", questions}, {"choices", object{{"levels", levels}}}};
    return kc::json::serialize(form);
}

std::string submissionJson() {
    object answers;
    for (int i = 0; i < kTopLevel; ++i)
        if (auto a = answerFor(i); !a.is_null())
            answers["q" + std::to_string(i)] = a;
    array entries;
    for (int e = 0; e < kRepeatEntries; ++e) {
        object entry;
        for (int i = 0; i < kInRepeat; ++i)
            if (auto a = answerFor(i); !a.is_null())
                entry["r" + std::to_string(i)] = i % 6 == 0 ? boost::json::value(i + e) : a;
        entries.push_back(entry);
    }
    answers["items"] = entries;
    return kc::json::serialize(answers);
}

template <class Work> std::vector<double> timeRuns(int runs, Work&& work) {
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(runs));
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

double quantile(const std::vector<double>& sorted, double q) {
    return sorted[static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1))];
}

} // namespace

int main(int argc, char** argv) {
    int runs = 2000;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--runs")
            runs = std::max(1, std::atoi(argv[i + 1]));

    const auto loaded = kc::forms::loadFormText(formJson());
    if (!loaded.ok()) {
        for (const auto& issue : loaded.issues)
            std::fprintf(stderr, "%s\n", issue.toString().c_str());
        return 1;
    }
    const std::string text = submissionJson();
    const auto answers = kc::json::parse(text);
    kc::forms::ValidationOptions options;
    options.clock = {"2026-11-22", "2026-11-22T09:30:00Z"};

    const auto first = kc::forms::validateSubmission(*loaded.form, answers, options);
    if (!first.ok()) {
        for (const auto& e : first.errors)
            std::fprintf(stderr, "%s: %s\n", e.path.c_str(), e.message.en.c_str());
        return 1;
    }
    std::size_t sink = 0;
    const auto validation = timeRuns(runs, [&] {
        sink += kc::forms::validateSubmission(*loaded.form, answers, options).answers.size();
    });
    const auto parsing = timeRuns(runs, [&] { sink += kc::json::parse(text).as_object().size(); });

    const double median = quantile(validation, 0.5);
    const double baseline = quantile(parsing, 0.5);
    std::printf("form: %zu questions (%d in a repeat), submission %zu bytes, %d entries\n",
                loaded.form->questions.size(), kInRepeat, text.size(), kRepeatEntries);
    std::printf("validation: median %.3f ms, p90 %.3f ms, min %.3f ms over %d runs\n", median,
                quantile(validation, 0.9), validation.front(), runs);
    std::printf("baseline (Boost.JSON parse of the same text): median %.3f ms\n", baseline);
    std::printf("target: median <= 1.000 ms -> %s\n", median <= 1.0 ? "met" : "NOT MET");
    std::printf("{\"bench\":\"form_validation\",\"questions\":%zu,\"repeat_entries\":%d,"
                "\"runs\":%d,\"median_ms\":%.4f,\"p90_ms\":%.4f,\"target_ms\":1.0,"
                "\"baseline\":\"boost_json_parse\",\"baseline_median_ms\":%.4f,"
                "\"ratio_vs_baseline\":%.2f,\"met\":%s,\"checksum\":%zu}\n",
                loaded.form->questions.size(), kRepeatEntries, runs, median,
                quantile(validation, 0.9), baseline, median / baseline,
                median <= 1.0 ? "true" : "false", sink % 1000);
    return 0;
}
