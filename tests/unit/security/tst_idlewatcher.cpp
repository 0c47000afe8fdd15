#include <security/IdleWatcher.h>

#include <QCoreApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>

using namespace Tongban::Security;
using namespace std::chrono_literals;

class TestIdleWatcher : public QObject
{
    Q_OBJECT
private slots:
    void firesOnceAfterTheTimeoutWithoutInput()
    {
        IdleWatcher watcher(150ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.start();
        QVERIFY(idle.wait(5000));
        QCOMPARE(idle.count(), 1);
        // it stops watching until started again (the shell restarts it on unlock)
        QVERIFY(!watcher.isActive());
        QTest::qWait(300);
        QCOMPARE(idle.count(), 1);
    }

    void inputKeepsTheWindowOpen()
    {
        // GIVEN a watcher with a 400 ms timeout
        IdleWatcher watcher(400ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        QObject target;
        watcher.start();
        // WHEN a key is pressed every 100 ms for 1.2 s (three times the timeout)
        for (int i = 0; i < 12; ++i) {
            QTest::qWait(100);
            QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
            QCoreApplication::sendEvent(&target, &key);
        }
        // THEN it never fired, and fires once input stops
        QCOMPARE(idle.count(), 0);
        QVERIFY(idle.wait(5000));
    }

    void stopMeansNoLock()
    {
        IdleWatcher watcher(100ms);
        QSignalSpy idle(&watcher, &IdleWatcher::idle);
        watcher.start();
        watcher.stop();
        QTest::qWait(300);
        QCOMPARE(idle.count(), 0);
    }
};

QTEST_MAIN(TestIdleWatcher)
#include "tst_idlewatcher.moc"
