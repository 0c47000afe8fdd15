// Core::Alive (issue 16): the guard of callbacks that may outlive their object, in place of
// QPointer so that release builds have no -Wnull-dereference. It must still say "gone" once
// the object is destroyed, in every copy a callback holds.

#include <core/Alive.h>

#include <QTest>

#include <functional>

using Tongban::Core::Alive;

namespace {
class Counter : public QObject
{
public:
    int calls = 0;
};
} // namespace

class tst_Alive : public QObject
{
    Q_OBJECT

private slots:
    void aCallbackRunsOnlyWhileItsObjectLives()
    {
        // GIVEN a callback holding a copy of the guard, as the platform client's do
        auto *counter = new Counter;
        const Alive<Counter> self(counter);
        const std::function<void()> callback = [self] {
            if (!self)
                return;
            ++self->calls;
        };
        // WHEN it runs while the object lives THEN it reaches the object itself
        callback();
        QCOMPARE(counter->calls, 1);
        QVERIFY(bool(self));
        QCOMPARE(self.data(), counter);
        QCOMPARE(&*self, counter);
        // WHEN the object is destroyed THEN every copy says so and the callback does nothing
        delete counter;
        QVERIFY(!self);
        QVERIFY(!bool(self));
        QCOMPARE(self.data(), nullptr);
        callback(); // would touch freed memory if the guard did not see the deletion
    }

    void deleteLaterIsSeenOnceTheEventLoopRan()
    {
        auto *counter = new Counter;
        const Alive<Counter> self(counter);
        counter->deleteLater();
        QVERIFY(bool(self)); // not yet: deleteLater waits for the event loop
        QTRY_VERIFY(!self);
    }
};

QTEST_GUILESS_MAIN(tst_Alive)
#include "tst_alive.moc"
