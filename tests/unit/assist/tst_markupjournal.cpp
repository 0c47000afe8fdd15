// The marks of a call's shared pages on the window's disk until the platform keeps them
// (issue 15): a window killed within the 1.5 s before the platform keeps the marked-up page
// finds its last marks again at its next start.

#include <assist/MarkupJournal.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using Tongban::Assist::MarkupJournal;

namespace {
const QString Call = QStringLiteral("call-7f3a");
const QString PageA = QStringLiteral("aa11");
const QString PageB = QStringLiteral("bb22");

QJsonObject markup(const QString &page, int strokes)
{
    QJsonArray list;
    for (int i = 0; i < strokes; ++i)
        list.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("s%1").arg(i) },
            { QStringLiteral("kind"), QStringLiteral("pen") } });
    return { { QStringLiteral("pageSha256"), page }, { QStringLiteral("width"), 800 },
        { QStringLiteral("height"), 600 }, { QStringLiteral("strokes"), list } };
}
} // namespace

class TestMarkupJournal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksWrittenBeforeAKillAreThereAtTheNextStart();
    void keptMarksGoButNewerOnesStay();
    void aTornOrMovedEntryIsNotTrusted();
};

void TestMarkupJournal::marksWrittenBeforeAKillAreThereAtTheNextStart()
{
    // GIVEN a window (a child process) that journals the marks of two pages of a call, the
    // first twice, and is killed with SIGKILL right after its last stroke (no clean exit,
    // nothing kept on the platform yet)
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("call-marks"));
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        MarkupJournal journal(folder);
        const bool ok = journal.record(Call, PageA, markup(PageA, 1)).ok()
            && journal.record(Call, PageB, markup(PageB, 2)).ok()
            && journal.record(Call, PageA, markup(PageA, 3)).ok();
        ::kill(::getpid(), ok ? SIGKILL : SIGTERM);
        ::_exit(1);
    }
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(WTERMSIG(status), SIGKILL); // every record succeeded before the kill

    // WHEN the window starts again
    const MarkupJournal journal(folder);
    const QList<MarkupJournal::Entry> pending = journal.pending();

    // THEN both pages' last marks are pending, with their call
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.at(0).callId, Call);
    QCOMPARE(pending.at(0).pageSha256, PageA);
    QCOMPARE(pending.at(0).markup, markup(PageA, 3));
    QCOMPARE(pending.at(1).pageSha256, PageB);
    QCOMPARE(pending.at(1).markup, markup(PageB, 2));
    // AND the files are this account's only
    const QFileInfo file(QDir(folder).filePath(Call + QStringLiteral("/aa11.json")));
    QVERIFY(file.exists());
    QCOMPARE(
        file.permissions() & ~QFile::Permissions(0x0700), QFile::ReadOwner | QFile::WriteOwner);
}

void TestMarkupJournal::keptMarksGoButNewerOnesStay()
{
    // GIVEN marks of two pages journaled; page A's kept on the platform while a newer stroke
    // came on page B after the copy being kept
    QTemporaryDir dir;
    MarkupJournal journal(dir.filePath(QStringLiteral("call-marks")));
    QVERIFY(journal.record(Call, PageA, markup(PageA, 2)).ok());
    QVERIFY(journal.record(Call, PageB, markup(PageB, 1)).ok());
    QVERIFY(journal.record(Call, PageB, markup(PageB, 2)).ok());

    // WHEN the platform acknowledges A's marks as journaled and B's older marks
    journal.remove(Call, PageA, markup(PageA, 2));
    journal.remove(Call, PageB, markup(PageB, 1));

    // THEN only B's newer marks are pending
    QList<MarkupJournal::Entry> pending = journal.pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.first().pageSha256, PageB);
    QCOMPARE(pending.first().markup, markup(PageB, 2));
    // AND once they are kept too, the call's folder goes
    journal.remove(Call, PageB, markup(PageB, 2));
    QVERIFY(journal.pending().isEmpty());
    QVERIFY(!QFileInfo::exists(QDir(journal.folder()).filePath(Call)));
}

void TestMarkupJournal::aTornOrMovedEntryIsNotTrusted()
{
    // GIVEN a journal with page A's marks, a half-written next copy of them (killed while
    // writing), a torn file and another call's entry copied into this call's folder
    QTemporaryDir dir;
    MarkupJournal journal(dir.filePath(QStringLiteral("call-marks")));
    QVERIFY(journal.record(Call, PageA, markup(PageA, 1)).ok());
    QVERIFY(journal.record(QStringLiteral("other"), PageB, markup(PageB, 1)).ok());
    const QDir call(QDir(journal.folder()).filePath(Call));
    QFile next(call.filePath(QStringLiteral("aa11.json.next")));
    QVERIFY(next.open(QIODevice::WriteOnly));
    next.write("{\"callId\":\"call-7f3a\",\"pageSha256\":\"aa");
    next.close();
    QFile torn(call.filePath(QStringLiteral("cc33.json")));
    QVERIFY(torn.open(QIODevice::WriteOnly));
    torn.write("{\"callId\":\"call-7f3a\",\"pageSha256\":\"cc33\",\"mar");
    torn.close();
    QVERIFY(QFile::copy(QDir(journal.folder()).filePath(QStringLiteral("other/bb22.json")),
        call.filePath(QStringLiteral("bb22.json"))));

    // WHEN the pending marks are read
    const QList<MarkupJournal::Entry> pending = journal.pending();

    // THEN page A's whole marks and the other call's own entry are there, nothing else
    QCOMPARE(pending.size(), 2);
    QStringList found;
    for (const MarkupJournal::Entry &entry : pending)
        found << entry.callId + u'/' + entry.pageSha256;
    found.sort();
    QCOMPARE(found, (QStringList { Call + QStringLiteral("/aa11"), QStringLiteral("other/bb22") }));
    // AND the next write over the half-written copy succeeds
    QVERIFY(journal.record(Call, PageA, markup(PageA, 4)).ok());
    int strokes = -1;
    for (const MarkupJournal::Entry &entry : journal.pending()) {
        if (entry.callId == Call && entry.pageSha256 == PageA)
            strokes = int(entry.markup.value(u"strokes").toArray().size());
    }
    QCOMPARE(strokes, 4);
}

QTEST_GUILESS_MAIN(TestMarkupJournal)
#include "tst_markupjournal.moc"
