#pragma once

#include "Error.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace Tongban::Core {

/*!
 * Either a value or an Error; the one return type for operations that can
 * fail. No exceptions cross module boundaries.
 *
 * \code
 * Result<QDate> due = calendar.addWorkingDays(today, 1);
 * if (!due)
 *     return due.error();
 * use(*due);
 * \endcode
 *
 * Reading value() on a failed result, or error() on a successful one, is a
 * programming error (asserted in debug builds).
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_state(value)
    { }
    Result(T &&value)
        : m_state(std::move(value))
    { }
    Result(const Error &error)
        : m_state(error)
    { }
    Result(Error &&error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_state;
};

/// Result of an operation that returns nothing on success.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(const Error &error)
        : m_error(error)
        , m_failed(true)
    { }
    Result(Error &&error)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

using Status = Result<void>;

} // namespace Tongban::Core
