#pragma once

#include <QPointer>

namespace Tongban::Core {

/*!
 * A QObject's "is it still there?" guard for callbacks that may run after it
 * was destroyed (network answers, timers, keychain jobs):
 *
 *     Core::Alive<Session> self(this);
 *     m_api.send(request, [self](auto answer) {
 *         if (!self)
 *             return;              // destroyed meanwhile
 *         self->m_busy = false;    // checked above: the object itself
 *     });
 *
 * Why not QPointer: QPointer's `->` reads its guard again and yields nullptr
 * when the object has gone, so once GCC inlines the callback (release builds,
 * -O2) it sees a null path after every check and -Wnull-dereference reported
 * about 80 "potential null pointer dereference" warnings (issue 16), including
 * some inside Qt's own headers (QList moved out of `self->`). Here the check
 * (`if (!self)`) reads the guard and `->` is the object itself; use `->` only
 * after the check (debug builds assert it). GUI thread only, as QPointer.
 */
template<typename T>
class Alive
{
public:
    explicit Alive(T *object)
        : m_guard(object)
        , m_object(object)
    { }

    /// False once the object was destroyed.
    explicit operator bool() const { return !m_guard.isNull(); }
    bool operator!() const { return m_guard.isNull(); }

    /// The object; only after checking that it is still there.
    T *operator->() const
    {
        Q_ASSERT_X(!m_guard.isNull(), "Core::Alive", "used after its object was destroyed");
        return m_object;
    }
    T &operator*() const { return *operator->(); }
    /// The object, or nullptr once it was destroyed (as QPointer::data()).
    T *data() const { return m_guard.data(); }

private:
    QPointer<T> m_guard;
    T *m_object;
};

} // namespace Tongban::Core
