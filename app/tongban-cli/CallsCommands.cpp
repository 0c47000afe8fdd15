// tongban-cli calls report: the platform's monthly video-assistance report (issue 15,
// 000 第二十七条(二)), for the supervising admin or a department.

#include "Commands.h"

#include <platform/ApiClient.h>
#include <platform/PlatformErrors.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace Tongban::Cli {

namespace {

/// Sends \a request and waits (at most a minute) for the answer.
Core::Result<Platform::ApiResponse> sendAndWait(
    Platform::ApiClient &api, const Platform::ApiRequest &request)
{
    QEventLoop loop;
    std::optional<Core::Result<Platform::ApiResponse>> answer;
    api.send(request, [&](Core::Result<Platform::ApiResponse> response) {
        answer = std::move(response);
        loop.quit();
    });
    QTimer::singleShot(60 * 1000, &loop, &QEventLoop::quit);
    if (!answer)
        loop.exec();
    if (!answer)
        return Core::Error { Platform::NetworkUnavailable,
            Tr::tr("The platform did not answer. Check the network and try again."), {} };
    return Platform::requireSuccess(std::move(*answer));
}

QString seconds(double ms)
{
    return Tr::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
}

} // namespace

QString callReportText(const QJsonObject &report)
{
    QString text;
    QTextStream out(&text);
    out << Tr::tr("Video assistance, %1").arg(report.value(QStringLiteral("month")).toString())
        << "\n\n"
        << Tr::tr("Home windows: misses, answered, answer time (median / 95th percentile / "
                  "longest), escalation")
        << '\n';
    const QJsonArray homes = report.value(QStringLiteral("homeWindows")).toArray();
    if (homes.isEmpty())
        out << "  " << Tr::tr("none") << '\n';
    for (const QJsonValue &value : homes) {
        const QJsonObject home = value.toObject();
        out << "  " << home.value(QStringLiteral("windowId")).toString() << "  "
            << Tr::tr("misses %1, answered %2, %3 / %4 / %5")
                   .arg(home.value(QStringLiteral("misses")).toInt())
                   .arg(home.value(QStringLiteral("answered")).toInt())
                   .arg(seconds(home.value(QStringLiteral("answerMsMedian")).toDouble()),
                       seconds(home.value(QStringLiteral("answerMsP95")).toDouble()),
                       seconds(home.value(QStringLiteral("answerMsMax")).toDouble()));
        const QString escalation = home.value(QStringLiteral("escalation")).toString();
        if (escalation == QLatin1String("open"))
            out << "  " << Tr::tr("escalated, awaiting the admin");
        else if (escalation == QLatin1String("confirmed"))
            out << "  " << Tr::tr("escalated, confirmed");
        else if (escalation == QLatin1String("excused"))
            out << "  " << Tr::tr("escalated, excused");
        out << '\n';
    }
    out << '\n' << Tr::tr("Calls made, by application window and clerk:") << '\n';
    const QJsonArray callers = report.value(QStringLiteral("callers")).toArray();
    if (callers.isEmpty())
        out << "  " << Tr::tr("none") << '\n';
    for (const QJsonValue &value : callers) {
        const QJsonObject caller = value.toObject();
        const QJsonObject byState = caller.value(QStringLiteral("byState")).toObject();
        out << "  " << caller.value(QStringLiteral("windowId")).toString() << "  "
            << caller.value(QStringLiteral("account")).toString(QStringLiteral("-")) << "  "
            << Tr::tr("%n call(s): %1 answered, %2 missed, %3 cancelled", nullptr,
                   caller.value(QStringLiteral("calls")).toInt())
                   .arg(byState.value(QStringLiteral("ended")).toInt()
                       + byState.value(QStringLiteral("active")).toInt())
                   .arg(byState.value(QStringLiteral("missed")).toInt())
                   .arg(byState.value(QStringLiteral("cancelled")).toInt())
            << '\n';
    }
    return text;
}

int callsReport(const QStringList &args, const QString &month, const CliOutput &out)
{
    if (args.size() != 2) {
        out.error(Tr::tr("Usage: tongban-cli calls report PLATFORM-URL ACCOUNT [--month "
                         "YYYY-MM] (the password is read from the standard input)"));
        return Usage;
    }
    static const QRegularExpression monthShape(QStringLiteral("^\\d{4}-(0[1-9]|1[0-2])$"));
    if (!month.isEmpty() && !monthShape.match(month).hasMatch()) {
        out.error(Tr::tr("The month is written YYYY-MM, for example 2026-11."));
        return Usage;
    }
    Platform::ApiClient api(QUrl(args.at(0)));
    if (const Core::Status allowed = Platform::ApiClient::checkUrlAllowed(api.baseUrl());
        !allowed) {
        out.error(allowed.error().toString());
        return Invalid;
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    Platform::ApiRequest login;
    login.method = QByteArrayLiteral("POST");
    login.path = QStringLiteral("/session");
    login.authenticated = false;
    login.body = QJsonDocument(QJsonObject { { QStringLiteral("account"), args.at(1) },
                                   { QStringLiteral("password"), password } })
                     .toJson(QJsonDocument::Compact);
    const auto session = sendAndWait(api, login);
    if (!session) {
        out.error(session.error().toString());
        return Invalid;
    }
    api.setBearerToken(QJsonDocument::fromJson(session->body)
                           .object()
                           .value(QStringLiteral("accessToken"))
                           .toString()
                           .toLatin1());
    Platform::ApiRequest request;
    request.path = month.isEmpty() ? QStringLiteral("/calls/report")
                                   : QString(QStringLiteral("/calls/report?month=") + month);
    const auto report = sendAndWait(api, request);
    if (!report) {
        out.error(report.error().toString());
        return Invalid;
    }
    const QJsonObject object = QJsonDocument::fromJson(report->body).object();
    if (out.json())
        out.emitJson(object);
    else
        out.human(callReportText(object));
    return Ok;
}

} // namespace Tongban::Cli
