// tongban-hub: the reference platform server. Wiring only; see Hub.h.
//
//   tongban-hub --data-dir DIR [--listen ADDR:PORT] [--cert FILE --key FILE]
//               [--catalog FILE] [--seed-demo] [--pbkdf2-iterations N]
//               [--call-timeout-ms N] [--presence-grace-ms N] [--ice-server URL]...
//               [--max-connections-per-address N] [--header-timeout-ms MS]
//               [--case-creations-per-minute N]
//   tongban-hub sms list --data-dir DIR [--unmasked]
//   tongban-hub decide --data-dir DIR CASE_ID --accept|--reject [--reasons TEXT]
//               --pdf FILE [--by ACCOUNT]
//   tongban-hub calendar import --data-dir DIR FILE
//   tongban-hub stats --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD [--csv FILE] [--pdf FILE]
//   tongban-hub calls report --data-dir DIR [--month YYYY-MM] [--json]
//   tongban-hub accounts add --data-dir DIR --account NAME --role ROLE --jurisdiction CODE
//               [--name TEXT] [--window ID]...   (password on standard input)
//   tongban-hub accounts disable|enable --data-dir DIR --account NAME
//   tongban-hub audit verify --data-dir DIR
//   (serving) [--turn-url URL]... [--turn-secret-file FILE] [--turn-ttl-secs N]

#include "DemoSeed.h"
#include "Hub.h"
#include "accounts/AccountService.h"
#include "audit/AuditService.h"
#include "calendar/CalendarService.h"
#include "calls/CallOversight.h"
#include "calls/CallService.h"
#include "cases/CaseService.h"
#include "sms/SmsService.h"
#include "stats/StatsService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <Translations.h>
#include <cstdio>

using namespace Tongban;

namespace {

int fail(const QString &text)
{
    QTextStream(stderr) << "tongban-hub: " << text << Qt::endl;
    return 1;
}

/// Who runs a command on the hub's machine, for the audit trail (issue 17).
QString commandActor()
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
    return QString(QStringLiteral("command:") + (user.isEmpty() ? QStringLiteral("?") : user));
}

/// Appends \a entry to the hub's audit trail; false (said on stderr) when it could not.
bool audited(Hub::Hub &hub, const Hub::AuditEntry &entry)
{
    const auto appended = hub.audit().append(entry);
    if (!appended)
        fail(QStringLiteral("done, but not recorded in the audit trail: ")
            + appended.error().toString());
    return bool(appended);
}

int runDecide(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Acts as the home department: decides a submitted case."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("accept"), QStringLiteral("Accept the case.") });
    parser.addOption({ QStringLiteral("reject"), QStringLiteral("Reject the case.") });
    parser.addOption(
        { QStringLiteral("reasons"), QStringLiteral("Reasons text."), QStringLiteral("text") });
    parser.addOption(
        { QStringLiteral("pdf"), QStringLiteral("The notice PDF."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("by"), QStringLiteral("Deciding account."),
        QStringLiteral("account"), QStringLiteral("decide-command") });
    parser.addPositionalArgument(QStringLiteral("case-id"), QStringLiteral("The server case id."));
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("data-dir"))
        || parser.isSet(QStringLiteral("accept")) == parser.isSet(QStringLiteral("reject"))
        || !parser.isSet(QStringLiteral("pdf")))
        return fail(QStringLiteral("usage: decide --data-dir DIR CASE_ID --accept|--reject"
                                   " [--reasons TEXT] --pdf FILE"));
    QFile pdf(parser.value(QStringLiteral("pdf")));
    if (!pdf.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(pdf.fileName(), pdf.errorString()));

    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const auto outcome = (*hub)->cases().decide(parser.positionalArguments().first(),
        parser.isSet(QStringLiteral("accept")) ? QStringLiteral("accepted")
                                               : QStringLiteral("rejected"),
        parser.value(QStringLiteral("reasons")), pdf.readAll(), parser.value(QStringLiteral("by")));
    if (!outcome)
        return fail(outcome.error().toString());
    if (!audited(**hub,
            { QStringLiteral("decision"), parser.value(QStringLiteral("by")),
                parser.positionalArguments().first(),
                { { QStringLiteral("decision"),
                      parser.isSet(QStringLiteral("accept")) ? QStringLiteral("accepted")
                                                             : QStringLiteral("rejected") },
                    { QStringLiteral("resultId"), outcome->resultId },
                    { QStringLiteral("via"), QStringLiteral("command") } } }))
        return 1; // issue 17
    QTextStream(stdout) << outcome->resultId << Qt::endl;
    return 0;
}

int runSmsList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Lists the SMS outbox (missed-call reminders to home windows)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("unmasked"), QStringLiteral("Print whole phone numbers.") });
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data-dir")))
        return fail(QStringLiteral("usage: sms list --data-dir DIR [--unmasked]"));
    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const bool unmasked = parser.isSet(QStringLiteral("unmasked"));
    QTextStream out(stdout);
    // Issue 17: the delivery status (state, attempts) and the purpose follow the call id.
    const QList<Hub::SmsRecord> records
        = Hub::SmsService::list((*hub)->database(), (*hub)->secrets());
    for (const Hub::SmsMessage &sms :
        Hub::CallService::smsOutbox((*hub)->database(), (*hub)->secrets())) {
        Hub::SmsRecord record;
        for (const Hub::SmsRecord &candidate : records)
            if (candidate.id == sms.id)
                record = candidate;
        out << sms.id << '\t' << Hub::rfc3339(sms.createdAt) << '\t' << sms.state << '\t'
            << sms.windowId << '\t'
            << (unmasked ? sms.phone : Hub::CallService::maskPhone(sms.phone)) << '\t' << sms.callId
            << '\t' << sms.text << '\t' << record.purpose << '\t' << record.attempts << '\t'
            << record.caseId << Qt::endl;
    }
    return 0;
}

/// The month's video-assistance report (issue 15, 000 第二十七条(二)).
int runCallsReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Prints a month's video-assistance report: misses and answer times per home window, "
        "escalations, calls made per application window and clerk."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("month"),
        QStringLiteral("The month, YYYY-MM (default: this"
                       " month, Beijing time)."),
        QStringLiteral("month") });
    parser.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data-dir")))
        return fail(
            QStringLiteral("usage: calls report --data-dir DIR [--month YYYY-MM] [--json]"));
    QString month = parser.value(QStringLiteral("month"));
    if (month.isEmpty())
        month = Hub::CallOversight::monthOf(QDateTime::currentDateTimeUtc());
    if (!QDate::fromString(QString(month + QStringLiteral("-01")), Qt::ISODate).isValid()
        || month.size() != 7)
        return fail(QStringLiteral("--month wants YYYY-MM, e.g. 2026-11"));
    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const auto report = Hub::CallOversight::report((*hub)->database(), month);
    if (!report)
        return fail(report.error().toString());
    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(*report).toJson(QJsonDocument::Indented);
    else
        out << Hub::CallOversight::reportText(*report);
    return 0;
}

/// Validates a tongban-working-days file and puts its years in force on the platform.
int runCalendarImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Imports a working-day calendar file (format tongban-working-days): every year in it "
        "replaces the platform's calendar for that year. An invalid file changes nothing."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The calendar file."));
    parser.process(arguments);
    if (parser.positionalArguments().size() != 1 || !parser.isSet(QStringLiteral("data-dir")))
        return fail(QStringLiteral("usage: calendar import --data-dir DIR FILE"));
    const QString path = parser.positionalArguments().first();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    const QByteArray json = file.readAll();

    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const auto imported = (*hub)->calendar().import(json, QFileInfo(path).fileName());
    if (!imported) {
        QTextStream err(stderr);
        err << "tongban-hub: " << path << ": " << imported.error().message << Qt::endl;
        for (const QString &problem : imported.error().detail.split(QLatin1Char('\n')))
            err << "  " << problem << Qt::endl;
        return 1;
    }
    QJsonArray years;
    for (int year : imported->years)
        years.append(year);
    if (!audited(**hub,
            { QStringLiteral("calendar.imported"), commandActor(), QFileInfo(path).fileName(),
                { { QStringLiteral("years"), years } } }))
        return 1; // issue 17
    QTextStream out(stdout);
    for (int year : imported->years) {
        out << "calendar " << year
            << (imported->replaced.contains(year) ? " replaced" : " imported") << Qt::endl;
    }
    return 0;
}

/// Issue 17: the figures of a period, as JSON on stdout, a CSV file and a printable PDF.
int runStats(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Statistics of a period (days in China Standard Time, both included) for the monthly "
        "report: JSON on stdout, optionally CSV and PDF files."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD."),
        QStringLiteral("date") });
    parser.addOption(
        { QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD."), QStringLiteral("date") });
    parser.addOption({ QStringLiteral("csv"), QStringLiteral("Write the CSV export here."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("pdf"), QStringLiteral("Write the PDF report here."),
        QStringLiteral("file") });
    parser.process(arguments);
    const QDate from = QDate::fromString(parser.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(parser.value(QStringLiteral("to")), Qt::ISODate);
    if (!parser.isSet(QStringLiteral("data-dir")) || !from.isValid() || !to.isValid())
        return fail(QStringLiteral("usage: stats --data-dir DIR --from YYYY-MM-DD --to YYYY-MM-DD"
                                   " [--csv FILE] [--pdf FILE]"));
    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const auto report = (*hub)->stats().compute(from, to);
    if (!report)
        return fail(report.error().toString());
    if (parser.isSet(QStringLiteral("csv"))) {
        QFile csv(parser.value(QStringLiteral("csv")));
        if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate) || csv.write(report->toCsv()) < 0)
            return fail(
                QStringLiteral("cannot write %1: %2").arg(csv.fileName(), csv.errorString()));
    }
    if (parser.isSet(QStringLiteral("pdf"))) {
        const Core::Status written
            = Hub::StatsService::writePdf(*report, parser.value(QStringLiteral("pdf")));
        if (!written)
            return fail(written.error().toString());
    }
    QTextStream(stdout) << QString::fromUtf8(QJsonDocument(report->toJson()).toJson());
    return 0;
}

/*!
 * Issue 17: accounts that no window has, above all supervisors (督查) and administrators.
 * The password is read from standard input (one line), never from the command line.
 */
int runAccounts(const QString &action, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "accounts add: creates an account (password read from standard input, at least 10 "
        "characters). accounts disable|enable: stops or allows an account's sign-ins."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.addOption(
        { QStringLiteral("account"), QStringLiteral("Sign-in name."), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("name"),
        QStringLiteral("Display name (default: the account)."), QStringLiteral("text") });
    parser.addOption({ QStringLiteral("role"),
        QStringLiteral("supervisor, admin, department, home or application."),
        QStringLiteral("role") });
    parser.addOption({ QStringLiteral("jurisdiction"),
        QStringLiteral("Jurisdiction code, 6 digits (e.g. 410400)."), QStringLiteral("code") });
    parser.addOption({ QStringLiteral("window"),
        QStringLiteral("A window the account signs in at (repeatable; home and application)."),
        QStringLiteral("id") });
    parser.process(arguments);
    const QString account = parser.value(QStringLiteral("account")).trimmed();
    const bool add = action == QLatin1String("add");
    if (!parser.isSet(QStringLiteral("data-dir")) || account.isEmpty()
        || (!add && action != QLatin1String("disable") && action != QLatin1String("enable")))
        return fail(QStringLiteral(
            "usage: accounts add --data-dir DIR --account NAME --role ROLE --jurisdiction CODE"
            " [--name TEXT] [--window ID]... < password\n"
            "       accounts disable|enable --data-dir DIR --account NAME"));
    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    if (!add) {
        auto hub = Hub::Hub::create(config);
        if (!hub)
            return fail(hub.error().toString());
        if (!(*hub)->audit().accountExists(account))
            return fail(QStringLiteral("no account %1").arg(account));
        const bool disable = action == QLatin1String("disable");
        if (const Core::Status set = (*hub)->accounts().setDisabled(account, disable); !set)
            return fail(set.error().toString());
        if (!audited(**hub,
                { disable ? QStringLiteral("account.disabled") : QStringLiteral("account.enabled"),
                    commandActor(), account, {} }))
            return 1;
        QTextStream(stdout) << "account " << account << (disable ? " disabled" : " enabled")
                            << Qt::endl;
        return 0;
    }

    static const QStringList roles { QStringLiteral("supervisor"), QStringLiteral("admin"),
        QStringLiteral("department"), QStringLiteral("home"), QStringLiteral("application") };
    const QString role = parser.value(QStringLiteral("role"));
    const QString jurisdiction = parser.value(QStringLiteral("jurisdiction"));
    const QStringList windows = parser.values(QStringLiteral("window"));
    static const QRegularExpression code(QStringLiteral("^[0-9]{6}$"));
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9._-]{3,64}$"));
    if (!roles.contains(role))
        return fail(QStringLiteral("--role is one of: ") + roles.join(QStringLiteral(", ")));
    if (!code.match(jurisdiction).hasMatch())
        return fail(QStringLiteral("--jurisdiction wants 6 digits, e.g. 410400"));
    if (!name.match(account).hasMatch())
        return fail(QStringLiteral("--account: 3 to 64 letters, digits, '.', '_' or '-'"));
    const bool windowRole = role == QLatin1String("home") || role == QLatin1String("application");
    if (windowRole == windows.isEmpty())
        return fail(windowRole ? QStringLiteral("a %1 account needs --window").arg(role)
                               : QStringLiteral("a %1 account has no window").arg(role));
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.size() < 10)
        return fail(QStringLiteral("the password (one line on standard input) needs at least 10"
                                   " characters"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    if ((*hub)->audit().accountExists(account))
        return fail(QStringLiteral("account %1 exists already").arg(account));
    const QString displayName
        = parser.isSet(QStringLiteral("name")) ? parser.value(QStringLiteral("name")) : account;
    if (const Core::Status added = (*hub)->accounts().addAccount(
            account, displayName, role, jurisdiction, password, windows);
        !added)
        return fail(added.error().toString());
    if (!audited(**hub,
            { QStringLiteral("account.created"), commandActor(), account,
                { { QStringLiteral("role"), role },
                    { QStringLiteral("jurisdiction"), jurisdiction },
                    { QStringLiteral("windows"), QJsonArray::fromStringList(windows) } } }))
        return 1;
    QTextStream(stdout) << "account " << account << " (" << role << ", " << jurisdiction
                        << ") created" << Qt::endl;
    return 0;
}

/// Issue 17: walks the audit trail's hash chain. Exit 0 when it holds, 1 naming the first
/// row that does not fit.
int runAuditVerify(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Checks the hub's audit trail: every row's hash against its content and the row "
        "before it. Prints the number of rows and the last hash; exit 1 at the first broken row."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("data-dir"), QStringLiteral("Hub data directory."),
        QStringLiteral("dir") });
    parser.process(arguments);
    if (!parser.isSet(QStringLiteral("data-dir")))
        return fail(QStringLiteral("usage: audit verify --data-dir DIR"));
    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    const auto check = (*hub)->audit().verify();
    if (!check)
        return fail(check.error().toString());
    if (!check->ok())
        return fail(QStringLiteral("audit trail broken at row %1: %2")
                        .arg(check->brokenSeq)
                        .arg(check->problem));
    QTextStream(stdout) << "audit trail ok: " << check->rows << " rows, last hash "
                        << check->headHash << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc > 1 && qstrcmp(argv[1], "stats") == 0) {
        // The PDF report draws text: a GUI application, without a display on a server.
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("tongban-hub"));
        Tongban::installTranslations(QString());
        QStringList rest = QCoreApplication::arguments();
        rest.removeAt(1);
        return runStats(rest);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tongban-hub"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("decide")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return runDecide(rest);
    }
    if (arguments.size() > 2 && arguments.at(1) == QLatin1String("calendar")
        && arguments.at(2) == QLatin1String("import")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        rest.removeAt(1);
        return runCalendarImport(rest);
    }
    if (arguments.size() > 2 && arguments.at(1) == QLatin1String("sms")
        && arguments.at(2) == QLatin1String("list")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        rest.removeAt(1);
        return runSmsList(rest);
    }
    if (arguments.size() > 2 && arguments.at(1) == QLatin1String("accounts")) {
        QStringList rest = arguments;
        const QString action = rest.at(2);
        rest.removeAt(1);
        rest.removeAt(1);
        return runAccounts(action, rest);
    }
    if (arguments.size() > 2 && arguments.at(1) == QLatin1String("audit")
        && arguments.at(2) == QLatin1String("verify")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        rest.removeAt(1);
        return runAuditVerify(rest);
    }
    if (arguments.size() > 2 && arguments.at(1) == QLatin1String("calls")
        && arguments.at(2) == QLatin1String("report")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        rest.removeAt(1);
        return runCallsReport(rest);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Tongban platform hub (docs/platform-api.md)."));
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("data-dir"), QStringLiteral("Data directory."), QStringLiteral("dir") });
    parser.addOption({ QStringLiteral("listen"), QStringLiteral("Address and port."),
        QStringLiteral("addr:port"), QStringLiteral("127.0.0.1:8080") });
    parser.addOption({ QStringLiteral("cert"), QStringLiteral("TLS certificate (PEM)."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("key"), QStringLiteral("TLS private key (PEM)."),
        QStringLiteral("file") });
    parser.addOption({ QStringLiteral("catalog"), QStringLiteral("Catalogue to serve."),
        QStringLiteral("file") });
    parser.addOption(
        { QStringLiteral("seed-demo"), QStringLiteral("Seed demo windows and clerks.") });
    parser.addOption(
        { QStringLiteral("pbkdf2-iterations"), QStringLiteral("PBKDF2 cost for new passwords."),
            QStringLiteral("n"), QStringLiteral("120000") });
    parser.addOption({ QStringLiteral("call-timeout-ms"),
        QStringLiteral("Unanswered calls are missed after this long."), QStringLiteral("ms"),
        QStringLiteral("30000") });
    parser.addOption({ QStringLiteral("presence-grace-ms"),
        QStringLiteral("A window without an events WebSocket this long is offline."),
        QStringLiteral("ms"), QStringLiteral("60000") });
    parser.addOption({ QStringLiteral("ice-server"),
        QStringLiteral("A STUN/TURN URL for welcome.iceServers (repeatable)."),
        QStringLiteral("url") });
    parser.addOption({ QStringLiteral("no-office-hours"),
        QStringLiteral("Calls ring at any hour: office hours are not enforced (tests, demos).") });
    parser.addOption({ QStringLiteral("turn-url"),
        QStringLiteral("A TURN URL handed out with short-lived credentials by GET /ice-servers"
                       " (repeatable; needs --turn-secret-file)."),
        QStringLiteral("url") });
    parser.addOption({ QStringLiteral("turn-secret-file"),
        QStringLiteral("File holding coturn's static-auth-secret."), QStringLiteral("file") });
    parser.addOption({ QStringLiteral("turn-ttl-secs"),
        QStringLiteral("How long a TURN credential stays valid."), QStringLiteral("n"),
        QString::number(Hub::TurnConfig {}.ttlSecs) });
    parser.addOption({ QStringLiteral("max-connections-per-address"),
        QStringLiteral("Connections one client address may hold open."), QStringLiteral("n"),
        QString::number(Hub::HttpLimits {}.maxConnectionsPerAddress) });
    parser.addOption({ QStringLiteral("header-timeout-ms"),
        QStringLiteral("A request head not whole after this long is closed."), QStringLiteral("ms"),
        QString::number(Hub::HttpLimits {}.headerTimeoutMs) });
    parser.addOption({ QStringLiteral("case-creations-per-minute"),
        QStringLiteral("Cases one account may create per minute (0: no limit)."),
        QStringLiteral("n"),
        QString::number(Hub::RateLimits {}.caseCreationsPerAccountPerMinute) });
    parser.addOption({ QStringLiteral("sms-gateway-url"),
        QStringLiteral("POST each SMS to this URL (default: append to sms-sent.jsonl)."),
        QStringLiteral("url") });
    parser.addOption({ QStringLiteral("sms-template"),
        QStringLiteral("Body of the SMS POST: {id} {phone} {text} {purpose} {caseId}."),
        QStringLiteral("text"), Hub::SmsConfig {}.httpTemplate });
    // The line check of `tongban-cli diagnose` (issue 16).
    parser.addOption({ QStringLiteral("diag-rate-mbit"),
        QStringLiteral("Rate cap of the line check's transfers in Mbit/s (0: none)."),
        QStringLiteral("mbit"), QStringLiteral("0") });
    parser.addOption({ QStringLiteral("diag-requests-per-minute"),
        QStringLiteral("Line check requests one account may make per minute (0: no limit)."),
        QStringLiteral("n"), QString::number(Hub::RateLimits {}.diagRequestsPerAccountPerMinute) });
    parser.process(app);
    if (!parser.isSet(QStringLiteral("data-dir")))
        return fail(QStringLiteral("--data-dir is required"));

    const QString listen = parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address(
        listen.left(colon).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
    if (colon < 0 || !portOk || port > 65535 || address.isNull())
        return fail(QStringLiteral("--listen wants ADDRESS:PORT, e.g. 127.0.0.1:0"));

    Hub::HubConfig config;
    config.dataDir = parser.value(QStringLiteral("data-dir"));
    config.catalogFile = parser.value(QStringLiteral("catalog"));
    config.pbkdf2Iterations = qMax(1000, parser.value(QStringLiteral("pbkdf2-iterations")).toInt());
    config.callTimeoutMs = qMax(1, parser.value(QStringLiteral("call-timeout-ms")).toInt());
    config.presenceGraceMs = qMax(1, parser.value(QStringLiteral("presence-grace-ms")).toInt());
    config.http.maxConnectionsPerAddress
        = qMax(1, parser.value(QStringLiteral("max-connections-per-address")).toInt());
    config.http.headerTimeoutMs
        = qMax(100, parser.value(QStringLiteral("header-timeout-ms")).toInt());
    config.rates.caseCreationsPerAccountPerMinute
        = qMax(0, parser.value(QStringLiteral("case-creations-per-minute")).toInt());
    config.sms.httpUrl = parser.value(QStringLiteral("sms-gateway-url"));
    config.sms.httpTemplate = parser.value(QStringLiteral("sms-template"));
    config.diagRateMbit = qMax(0.0, parser.value(QStringLiteral("diag-rate-mbit")).toDouble());
    config.rates.diagRequestsPerAccountPerMinute
        = qMax(0, parser.value(QStringLiteral("diag-requests-per-minute")).toInt());
    for (const QString &url : parser.values(QStringLiteral("ice-server")))
        config.iceServers.append(QJsonObject { { QStringLiteral("urls"), QJsonArray { url } } });
    config.officeHours = !parser.isSet(QStringLiteral("no-office-hours"));
    config.turn.urls = parser.values(QStringLiteral("turn-url"));
    config.turn.ttlSecs = qMax(60, parser.value(QStringLiteral("turn-ttl-secs")).toInt());
    if (parser.isSet(QStringLiteral("turn-secret-file"))) {
        QFile secret(parser.value(QStringLiteral("turn-secret-file")));
        if (!secret.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read --turn-secret-file ") + secret.fileName());
        config.turn.secret = secret.readAll().trimmed();
    }
    if (!config.turn.urls.isEmpty() && config.turn.secret.isEmpty())
        return fail(QStringLiteral("--turn-url needs --turn-secret-file"));
    auto hub = Hub::Hub::create(config);
    if (!hub)
        return fail(hub.error().toString());
    if (parser.isSet(QStringLiteral("seed-demo"))) {
        const Core::Status seeded = Hub::seedDemo(**hub);
        if (!seeded)
            return fail(seeded.error().toString());
    }
    const QString cert = parser.value(QStringLiteral("cert"));
    const auto bound
        = (*hub)->listen(address, quint16(port), cert, parser.value(QStringLiteral("key")));
    if (!bound)
        return fail(bound.error().toString());
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QStringLiteral("[%1]").arg(address.toString())
        : address.toString();
    QTextStream(stdout) << "listening on " << (cert.isEmpty() ? "http" : "https") << "://" << host
                        << ':' << *bound << Qt::endl;
    std::fflush(stdout);
    return app.exec();
}
