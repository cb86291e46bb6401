#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kc::server::sheets {

//! A streaming XML reader over expat, for the parts of a workbook. Element names arrive
//! without their namespace ("row", not "x:row"); a DOCTYPE (and so any entity trick) is
//! refused. Errors throw WorkbookError naming `part` and the line.
class XmlReader {
public:
    using Attributes = std::vector<std::pair<std::string_view, std::string_view>>;
    std::function<void(std::string_view name, const Attributes& attributes)> onStart;
    std::function<void(std::string_view name)> onEnd;
    std::function<void(std::string_view text)> onText;

    explicit XmlReader(std::string part);
    ~XmlReader();
    XmlReader(const XmlReader&) = delete;
    XmlReader& operator=(const XmlReader&) = delete;

    void feed(std::string_view bytes);
    void finish();
    //! Stops the parse from inside a callback with this message (a limit was reached).
    [[noreturn]] void fail(const std::string& message);

    static std::string_view attribute(const Attributes& attributes, std::string_view name);

    struct State;  //!< expat's handlers reach it; not for callers

private:
    std::unique_ptr<State> m_state;
};

} // namespace kc::server::sheets
