#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <common/Workstation.h>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

Run cli(const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("zh_CN"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TONGBAN_CLI), arguments);
    process.waitForFinished(30000);
    return Run { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}
} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void calendarAnswersInChineseAndJson()
    {
        const Run human = cli(
            { QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("2025-10-03") });
        QCOMPARE(human.exitCode, 0);
        QCOMPARE(human.out.trimmed(), QStringLiteral("2025-10-03：法定节假日（国庆节、中秋节）"));

        const Run json = cli({ QStringLiteral("--json"), QStringLiteral("calendar"),
            QStringLiteral("check"), QStringLiteral("2025-09-28") });
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.json().value(QStringLiteral("workingDay")).toBool(), true);

        const Run add = cli({ QStringLiteral("calendar"), QStringLiteral("add"),
            QStringLiteral("2025-09-30"), QStringLiteral("1") });
        QCOMPARE(add.exitCode, 0);
        QCOMPARE(add.out.trimmed(), QStringLiteral("2025-10-09"));
    }

    void calendarIsTheOneInForceWithThePlatformsYear()
    {
        // GIVEN a workstation that has synced the platform's calendar with 2027 (test data;
        // CatalogSync keeps the document in platform_sync)
        QTemporaryDir dir;
        {
            auto station = Tongban::App::Workstation::open(dir.path());
            QVERIFY(station.ok());
            QFile file(QStringLiteral(TONGBAN_TEST_DATA "/calendar/test-2027.json"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QSqlQuery query((*station)->database().connection());
            query.prepare(
                QStringLiteral("INSERT INTO platform_sync (resource, etag, body_sha256,"
                               " body, updated_at) VALUES ('calendar', '\"t\"', 't', ?, 0)"));
            query.addBindValue(file.readAll());
            QVERIFY(query.exec());
        }
        // WHEN the calendar is asked about 1 January 2027 at that workstation
        const Run holiday = cli({ QStringLiteral("--data-dir"), dir.path(),
            QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("2027-01-01") });
        // THEN the platform's year answers (the built-in calendar stops at 2026)
        QCOMPARE(holiday.exitCode, 0);
        QCOMPARE(holiday.out.trimmed(), QStringLiteral("2027-01-01：法定节假日（元旦）"));
        const Run add = cli({ QStringLiteral("--data-dir"), dir.path(), QStringLiteral("calendar"),
            QStringLiteral("add"), QStringLiteral("2026-12-31"), QStringLiteral("1") });
        QCOMPARE(add.out.trimmed(), QStringLiteral("2027-01-04"));
        // AND `calendar years` says which years came from the platform
        const Run years = cli({ QStringLiteral("--json"), QStringLiteral("--data-dir"), dir.path(),
            QStringLiteral("calendar"), QStringLiteral("years") });
        QCOMPARE(years.exitCode, 0);
        const QJsonArray list = years.json().value(QStringLiteral("years")).toArray();
        QCOMPARE(list.size(), 4);
        QCOMPARE(list.last().toObject().value(QStringLiteral("year")).toInt(), 2027);
        QCOMPARE(list.last().toObject().value(QStringLiteral("source")).toString(),
            QStringLiteral("platform"));
        QCOMPARE(list.first().toObject().value(QStringLiteral("source")).toString(),
            QStringLiteral("built-in"));

        // AND a folder with no workstation gets the built-in calendar, and no database
        QTemporaryDir empty;
        const Run builtIn = cli({ QStringLiteral("--data-dir"), empty.path(),
            QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("2027-01-01") });
        QCOMPARE(builtIn.exitCode, 1);
        QVERIFY(!QFile::exists(empty.filePath(QStringLiteral("workstation.sqlite"))));
    }

    void exitCodesScriptsCanRelyOn()
    {
        // A year without data is invalid input (1), not a guess.
        const Run noData = cli(
            { QStringLiteral("calendar"), QStringLiteral("check"), QStringLiteral("2023-05-01") });
        QCOMPARE(noData.exitCode, 1);
        QVERIFY(noData.err.contains(QStringLiteral("2023")));
        // Usage errors are 2.
        QCOMPARE(cli({ QStringLiteral("frobnicate") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("calendar"), QStringLiteral("check") }).exitCode, 2);
        QCOMPARE(cli({ QStringLiteral("--no-such-option") }).exitCode, 2);
    }

    void idCheckMasksTheNumber()
    {
        const Run valid = cli({ QStringLiteral("id"), QStringLiteral("check"),
            QStringLiteral("11010519491231002x") });
        QCOMPARE(valid.exitCode, 0);
        QVERIFY(valid.out.contains(QStringLiteral("110105********002X")));
        QVERIFY(!valid.out.contains(QStringLiteral("11010519491231002X")));
        const Run credit = cli({ QStringLiteral("id"), QStringLiteral("check"),
            QStringLiteral("91350100M000100Y43") });
        QCOMPARE(credit.exitCode, 0);
        const Run invalid = cli({ QStringLiteral("id"), QStringLiteral("check"),
            QStringLiteral("11010519491231002Y") });
        QCOMPARE(invalid.exitCode, 1);
    }

    void auditVerifyDetectsTampering()
    {
        // GIVEN a workstation with a few audit records
        {
            auto station = Tongban::App::Workstation::open(m_dir.path());
            QVERIFY(station.ok());
            for (int i = 0; i < 5; ++i)
                (*station)->auditSystem(QStringLiteral("app.start"), QStringLiteral("ok"));
        }
        const QStringList verify = { QStringLiteral("--json"), QStringLiteral("--data-dir"),
            m_dir.path(), QStringLiteral("audit"), QStringLiteral("verify") };
        const Run clean = cli(verify);
        QCOMPARE(clean.exitCode, 0);
        // Five starts plus the import of the embedded catalogue on first opening.
        QCOMPARE(clean.json().value(QStringLiteral("recordsChecked")).toInt(), 6);

        // WHEN someone with the file rewrites a record behind the application's back
        {
            auto station = Tongban::App::Workstation::open(m_dir.path());
            QSqlQuery query((*station)->database().connection());
            QVERIFY(query.exec(
                QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'")));
            QStringList triggers;
            while (query.next())
                triggers << query.value(0).toString();
            for (const QString &trigger : triggers)
                QVERIFY(query.exec(QStringLiteral("DROP TRIGGER ") + trigger));
            QVERIFY(
                query.exec(QStringLiteral("UPDATE audit_log SET result = 'denied' WHERE id = 3")));
        }
        // THEN the check fails with exit code 1 and names the record
        const Run tampered = cli(verify);
        QCOMPARE(tampered.exitCode, 1);
        QCOMPARE(tampered.json().value(QStringLiteral("ok")).toBool(), false);
    }

    void catalogCommands()
    {
        const QString fixture = QStringLiteral(TONGBAN_TEST_DATA "/catalog/minimal.json");
        // validate: 0 for a good catalogue, 1 with every problem for a bad one
        const Run valid = cli({ QStringLiteral("--json"), QStringLiteral("catalog"),
            QStringLiteral("validate"), fixture });
        QCOMPARE(valid.exitCode, 0);
        QCOMPARE(valid.json().value(QStringLiteral("items")).toInt(), 2);
        QTemporaryDir dir;
        QFile source(fixture);
        QVERIFY(source.open(QIODevice::ReadOnly));
        QByteArray broken = source.readAll();
        broken.replace("\"method\": \"查验\"", "\"method\": \"目测\"");
        broken.replace("\"scope\": \"citywide\"", "\"scope\": \"galaxy\"");
        const QString brokenPath = dir.filePath(QStringLiteral("broken.json"));
        QFile out(brokenPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(broken);
        out.close();
        const Run invalid = cli({ QStringLiteral("--json"), QStringLiteral("catalog"),
            QStringLiteral("validate"), brokenPath });
        QCOMPARE(invalid.exitCode, 1);
        const QJsonArray errors = invalid.json().value(QStringLiteral("errors")).toArray();
        QVERIFY(errors.size() >= 4);
        QStringList pointers;
        for (const QJsonValue &e : errors)
            pointers << e.toObject().value(QStringLiteral("pointer")).toString();
        QVERIFY2(
            pointers.contains(QStringLiteral("/items/0/scope")), qPrintable(pointers.join(u',')));

        // import into a workstation (which starts with the embedded sample catalogue),
        // then search and diff by stored version labels
        const QStringList data
            = { QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("ws")) };
        const Run imported = cli(
            data + QStringList { QStringLiteral("catalog"), QStringLiteral("import"), fixture });
        QCOMPARE(imported.exitCode, 0);
        QVERIFY(imported.out.contains(QStringLiteral("test.1")));
        const Run refused = cli(
            data + QStringList { QStringLiteral("catalog"), QStringLiteral("import"), brokenPath });
        QCOMPARE(refused.exitCode, 1);
        const Run found = cli(data
            + QStringList { QStringLiteral("--json"), QStringLiteral("catalog"),
                QStringLiteral("search"), QStringLiteral("gtgsh") });
        QCOMPARE(found.exitCode, 0);
        const QJsonArray hits = found.json().value(QStringLiteral("hits")).toArray();
        QCOMPARE(found.json().value(QStringLiteral("catalogVersion")).toString(),
            QStringLiteral("test.1"));
        QCOMPARE(hits.first().toObject().value(QStringLiteral("name")).toString(),
            QStringLiteral("个体工商户设立登记"));
        const Run diff = cli(data
            + QStringList { QStringLiteral("--json"), QStringLiteral("catalog"),
                QStringLiteral("diff"), QStringLiteral("2026.11.1"), QStringLiteral("test.1") });
        QCOMPARE(diff.exitCode, 0);
        QVERIFY(diff.json().value(QStringLiteral("items")).toArray().size() >= 20);
        QCOMPARE(cli({ QStringLiteral("catalog"), QStringLiteral("diff"), fixture }).exitCode, 2);
    }

    void outboxStatusOnAFreshWorkstation()
    {
        // GIVEN a new workstation WHEN IT asks for the outbox THEN it answers, nothing waiting
        QTemporaryDir dir;
        const Run run = cli({ QStringLiteral("--json"), QStringLiteral("--data-dir"), dir.path(),
            QStringLiteral("outbox"), QStringLiteral("status") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.json().isEmpty(), qPrintable(run.out + run.err));
        QCOMPARE(run.json().value(QStringLiteral("uploadLimitKbps")).toInteger(-1), 0);
        QCOMPARE(cli({ QStringLiteral("outbox"), QStringLiteral("flush") }).exitCode, 2);

        // AND the upload cap IT staff set for a shared hall line is the one in force
        {
            QSettings conf(dir.filePath(QStringLiteral("tongban.conf")), QSettings::IniFormat);
            conf.setValue(QStringLiteral("platform/uploadLimitKbps"), 20000);
        }
        const Run capped = cli({ QStringLiteral("--json"), QStringLiteral("--data-dir"), dir.path(),
            QStringLiteral("outbox"), QStringLiteral("status") });
        QCOMPARE(capped.json().value(QStringLiteral("uploadLimitKbps")).toInteger(-1), 20000);
        auto station = Tongban::App::Workstation::open(dir.path());
        QVERIFY(station);
        QCOMPARE((*station)->uploadLimitBytesPerSecond(), qint64(2500000));
    }

    // Issue 14: IT read UUIDs; the case numbers they know are what the outbox lists.
    void outboxStatusNamesCasesByNumber()
    {
        // GIVEN a case of this window waiting in the outbox
        QTemporaryDir dir;
        QString provisional;
        QString clientCaseId;
        {
            auto station = Tongban::App::Workstation::open(dir.path());
            QVERIFY(station);
            auto draft = (*station)->intake().start(QStringLiteral("41040201012001000"), {},
                (*station)->intakeWindow(), QStringLiteral("xh-tb-03-wangli"));
            QVERIFY(draft);
            provisional = draft->provisionalNumber;
            clientCaseId = draft->caseId;
            auto run = cli({ QStringLiteral("--data-dir"), dir.path(), QStringLiteral("outbox"),
                QStringLiteral("status") }); // creates the outbox's tables
            QCOMPARE(run.exitCode, 0);
            QSqlQuery query((*station)->database().connection());
            query.prepare(QStringLiteral(
                "INSERT INTO outbox_cases(client_case_id, body, state, enqueued_at, updated_at)"
                " VALUES(?, '{}', 'pending', 0, 0)"));
            query.addBindValue(clientCaseId);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        // WHEN IT asks for the outbox
        const Run run = cli({ QStringLiteral("--data-dir"), dir.path(), QStringLiteral("outbox"),
            QStringLiteral("status") });
        // THEN the case is named by its number, not its internal id
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(provisional), qPrintable(run.out));
        QVERIFY2(!run.out.contains(clientCaseId), qPrintable(run.out));
    }

    // Issue 14: no arguments printed "未知命令：" with nothing after it; help and option errors
    // were English; tongban --help aborted without a display.
    void theCommandLineSpeaksChinese()
    {
        const auto hasChinese = [](const QString &text) {
            for (const QChar c : text) {
                if (c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff)
                    return true;
            }
            return false;
        };
        // WHEN IT runs tongban-cli with nothing THEN the commands, in Chinese, exit 2
        const Run none = cli({});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(!none.err.contains(QStringLiteral("未知命令")), qPrintable(none.err));
        QVERIFY2(none.err.contains(QStringLiteral("outbox status")) && hasChinese(none.err),
            qPrintable(none.err));
        // WHEN --help THEN the options are described in Chinese
        const Run help = cli({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--data-dir")) && hasChinese(help.out)
                && help.out.contains(QStringLiteral("工作站数据")),
            qPrintable(help.out));
        // WHEN an option is mistyped THEN the error is Chinese too
        const Run wrong = cli({ QStringLiteral("--no-such-option") });
        QCOMPARE(wrong.exitCode, 2);
        QVERIFY2(hasChinese(wrong.err), qPrintable(wrong.err));
        // WHEN tongban --help runs on a terminal without a display THEN it answers
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("TONGBAN_LANGUAGE"), QStringLiteral("zh_CN"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(TONGBAN_GUI), { QStringLiteral("--help") });
        QVERIFY(gui.waitForFinished(30000));
        const QString out = QString::fromUtf8(gui.readAllStandardOutput());
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gui.exitCode(), 0);
        QVERIFY2(out.contains(QStringLiteral("--data-dir")) && hasChinese(out), qPrintable(out));
    }

    void checksOnAFolderWithoutDatabaseFailAndCreateNothing_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<bool>("folderExists");
        const QStringList storage { QStringLiteral("storage"), QStringLiteral("check") };
        const QStringList audit { QStringLiteral("audit"), QStringLiteral("verify") };
        QTest::newRow("storage check, empty folder") << storage << true;
        QTest::newRow("storage check, no folder") << storage << false;
        QTest::newRow("audit verify, empty folder") << audit << true;
        QTest::newRow("audit verify, no folder") << audit << false;
    }

    void checksOnAFolderWithoutDatabaseFailAndCreateNothing()
    {
        QFETCH(QStringList, command);
        QFETCH(bool, folderExists);
        // GIVEN a data folder (a typo in --data-dir, say) that holds no workstation database
        QTemporaryDir dir;
        const QString folder
            = folderExists ? dir.path() : dir.filePath(QStringLiteral("no-such-window"));
        // WHEN IT staff run the check on it
        const Run run = cli(QStringList { QStringLiteral("--data-dir"), folder } + command);
        // THEN it fails with exit 1 and says there is no database, in Chinese
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("没有工作站数据库")), qPrintable(run.err));
        // AND it created nothing: no database that would pass the next check
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/workstation.sqlite")));
        if (folderExists)
            QVERIFY(QDir(folder).isEmpty());
        else
            QVERIFY(!QFileInfo::exists(folder));
        // AND --json scripts get the same exit code
        QCOMPARE(cli(QStringList { QStringLiteral("--json"), QStringLiteral("--data-dir"), folder }
                     + command)
                     .exitCode,
            1);
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/workstation.sqlite")));
    }

    void storageCheckFindsDamagedPages()
    {
        QTemporaryDir dir;
        QString file;
        {
            auto station = Tongban::App::Workstation::open(dir.path());
            QVERIFY(station.ok());
            auto caseId = (*station)->cases().create(QStringLiteral("item"));
            auto page = (*station)->pages().save(
                *caseId, QByteArray("page bytes"), QStringLiteral("image/jpeg"));
            QVERIFY(page.ok());
            file = (*station)->pages().filePath(page->sha256);
        }
        const QStringList check = { QStringLiteral("--data-dir"), dir.path(),
            QStringLiteral("storage"), QStringLiteral("check") };
        QCOMPARE(cli(check).exitCode, 0);
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("bit rot");
        damaged.close();
        const Run run = cli(check);
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.contains(QStringLiteral("损坏或缺失 1 页")));
    }
};

QTEST_GUILESS_MAIN(tst_Cli)
#include "tst_cli.moc"
