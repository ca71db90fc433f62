#pragma once
// Status and Result: how every library reports success or failure to its caller.
// Libraries never throw across their boundary and never talk to the user; they
// return one of these with a message the caller can show as it is.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace segdash::core {

class Status {
public:
    static Status success() { return Status{}; }
    static Status error(std::string message) { return Status{std::move(message)}; }

    bool ok() const { return !m_message.has_value(); }
    explicit operator bool() const { return ok(); }
    const std::string &message() const {
        static const std::string kEmpty;
        return m_message ? *m_message : kEmpty;
    }

private:
    Status() = default;
    explicit Status(std::string message) : m_message(std::move(message)) {}
    std::optional<std::string> m_message;
};

template <typename T>
class Result {
public:
    Result(T value) : m_data(std::move(value)) {}            // NOLINT: implicit on purpose
    Result(Status error) : m_data(std::move(error)) {}       // NOLINT: must be an error status

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    T &value() { return std::get<T>(m_data); }
    const T &value() const { return std::get<T>(m_data); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    Status status() const { return ok() ? Status::success() : std::get<Status>(m_data); }
    const std::string &message() const {
        static const std::string kEmpty;
        return ok() ? kEmpty : std::get<Status>(m_data).message();
    }

private:
    std::variant<T, Status> m_data;
};

} // namespace segdash::core
