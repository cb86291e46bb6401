#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace kc {

//! An error a person can act on: what was wrong and, where it applies, what was expected.
struct Error {
    std::string message;
};

//! A value or an Error. A small stand-in for C++23's std::expected.
template <class T> class Result {
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T& value() const& {
        if (!ok())
            throw std::logic_error("Result::value() on an error: " + error().message);
        return std::get<T>(m_state);
    }
    T&& value() && {
        if (!ok())
            throw std::logic_error("Result::value() on an error: " + error().message);
        return std::get<T>(std::move(m_state));
    }
    const Error& error() const& { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

} // namespace kc
