#include "sheets/XmlReader.hpp"

#include "sheets/ZipReader.hpp"

#include <expat.h>

namespace kc::server::sheets {

struct XmlReader::State {
    XML_Parser parser = nullptr;
    std::string part;
    std::string failure;  //!< set when a callback stopped the parse
    XmlReader* owner = nullptr;
    Attributes attributes;
    ~State() {
        if (parser)
            XML_ParserFree(parser);
    }
};

namespace {

std::string_view localName(const XML_Char* name) {
    std::string_view full(name);
    const auto space = full.rfind(' ');  // "namespace-uri localname" with the ' ' separator
    full = space == std::string_view::npos ? full : full.substr(space + 1);
    const auto colon = full.rfind(':');
    return colon == std::string_view::npos ? full : full.substr(colon + 1);
}

template <class F> void guarded(void* data, F&& body) {
    auto* state = static_cast<XmlReader::State*>(data);
    if (!state->failure.empty())
        return;
    try {
        body(*state);
    } catch (const WorkbookError& error) {
        state->failure = error.what();
        XML_StopParser(state->parser, XML_FALSE);
    }
}

} // namespace

XmlReader::XmlReader(std::string part) : m_state(std::make_unique<State>()) {
    m_state->part = std::move(part);
    m_state->owner = this;
    m_state->parser = XML_ParserCreateNS("UTF-8", ' ');
    if (!m_state->parser)
        throw WorkbookError(m_state->part + ": out of memory for the XML reader");
    XML_SetUserData(m_state->parser, m_state.get());
    XML_SetStartElementHandler(m_state->parser, [](void* data, const XML_Char* name, const XML_Char** attrs) {
        guarded(data, [&](State& state) {
            if (!state.owner->onStart)
                return;
            state.attributes.clear();
            for (int i = 0; attrs[i]; i += 2)
                state.attributes.emplace_back(localName(attrs[i]), std::string_view(attrs[i + 1]));
            state.owner->onStart(localName(name), state.attributes);
        });
    });
    XML_SetEndElementHandler(m_state->parser, [](void* data, const XML_Char* name) {
        guarded(data, [&](State& state) {
            if (state.owner->onEnd)
                state.owner->onEnd(localName(name));
        });
    });
    XML_SetCharacterDataHandler(m_state->parser, [](void* data, const XML_Char* text, int length) {
        guarded(data, [&](State& state) {
            if (state.owner->onText)
                state.owner->onText(std::string_view(text, static_cast<std::size_t>(length)));
        });
    });
    XML_SetStartDoctypeDeclHandler(m_state->parser, [](void* data, const XML_Char*, const XML_Char*,
                                                        const XML_Char*, int) {
        auto* state = static_cast<State*>(data);
        state->failure = state->part + ": holds a DOCTYPE, which no spreadsheet program writes; refused";
        XML_StopParser(state->parser, XML_FALSE);
    });
}

XmlReader::~XmlReader() = default;

void XmlReader::fail(const std::string& message) { throw WorkbookError(message); }

void XmlReader::feed(std::string_view bytes) {
    if (XML_Parse(m_state->parser, bytes.data(), static_cast<int>(bytes.size()), XML_FALSE) != XML_STATUS_OK) {
        if (!m_state->failure.empty())
            throw WorkbookError(m_state->failure);
        throw WorkbookError(m_state->part + ": bad XML at line " +
                            std::to_string(XML_GetCurrentLineNumber(m_state->parser)) + " (" +
                            XML_ErrorString(XML_GetErrorCode(m_state->parser)) + ")");
    }
}

void XmlReader::finish() {
    if (XML_Parse(m_state->parser, nullptr, 0, XML_TRUE) != XML_STATUS_OK) {
        if (!m_state->failure.empty())
            throw WorkbookError(m_state->failure);
        throw WorkbookError(m_state->part + ": bad XML at line " +
                            std::to_string(XML_GetCurrentLineNumber(m_state->parser)) + " (" +
                            XML_ErrorString(XML_GetErrorCode(m_state->parser)) + ")");
    }
}

std::string_view XmlReader::attribute(const Attributes& attributes, std::string_view name) {
    for (const auto& [key, value] : attributes)
        if (key == name)
            return value;
    return {};
}

} // namespace kc::server::sheets
