#include "Commands.h"

#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Cli {

namespace {

/// Each case named as the clerk knows it: the official number, else the window's provisional
/// one (issue 14: IT read UUIDs); the client id only when the case is not on this computer.
QJsonObject withCaseNumbers(QJsonObject status, App::Workstation &station)
{
    QJsonArray cases = status.value(QStringLiteral("cases")).toArray();
    for (QJsonValueRef value : cases) {
        QJsonObject c = value.toObject();
        if (auto draft = station.intake().load(c.value(QStringLiteral("clientCaseId")).toString()))
            c.insert(QStringLiteral("provisionalNumber"), draft->provisionalNumber);
        value = c;
    }
    status.insert(QStringLiteral("cases"), cases);
    return status;
}

void printStatus(const QJsonObject &status, const CliOutput &out)
{
    const QJsonObject counts = status.value(QStringLiteral("counts")).toObject();
    out.human(Tr::tr("Outbox: %1 waiting, %2 uploading, %3 submitting, %4 acknowledged, %5 failed.")
                  .arg(counts.value(QStringLiteral("pending")).toInt())
                  .arg(counts.value(QStringLiteral("uploading")).toInt())
                  .arg(counts.value(QStringLiteral("submitting")).toInt())
                  .arg(counts.value(QStringLiteral("acknowledged")).toInt())
                  .arg(counts.value(QStringLiteral("failed")).toInt()));
    const QJsonArray cases = status.value(QStringLiteral("cases")).toArray();
    for (const QJsonValue &value : cases) {
        const QJsonObject c = value.toObject();
        const QString state = c.value(QStringLiteral("state")).toString();
        const QString caseNumber = c.value(QStringLiteral("caseNumber")).toString();
        const QString provisional = c.value(QStringLiteral("provisionalNumber")).toString();
        const QString name = !caseNumber.isEmpty() ? caseNumber
            : !provisional.isEmpty()               ? provisional
                                     : c.value(QStringLiteral("clientCaseId")).toString();
        if (state == QLatin1String("acknowledged")) {
            out.human(Tr::tr("  %1  acknowledged").arg(name));
            continue;
        }
        out.human(Tr::tr("  %1  %2  %3/%4 pages  attempt %5  next try %6  %7")
                      .arg(name, state)
                      .arg(c.value(QStringLiteral("pagesUploaded")).toInt())
                      .arg(c.value(QStringLiteral("pagesTotal")).toInt())
                      .arg(c.value(QStringLiteral("attempts")).toInt())
                      .arg(c.value(QStringLiteral("nextAttemptAt")).toString(),
                          c.value(QStringLiteral("lastError")).toString()));
    }
}

} // namespace

int outboxStatus(const QString &dataDir, const CliOutput &out)
{
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    const auto status = Platform::Outbox::status((*station)->database());
    if (!status) {
        out.error(status.error().toString());
        return Invalid;
    }
    QJsonObject answer = withCaseNumbers(*status, **station);
    const qint64 limit = (*station)->uploadLimitBytesPerSecond();
    answer.insert(QStringLiteral("uploadLimitKbps"), limit * 8 / 1000);
    printStatus(answer, out);
    out.human(limit > 0
            ? Tr::tr("Upload cap: %1 kbit/s (tongban.conf, [platform] uploadLimitKbps).")
                  .arg(limit * 8 / 1000)
            : Tr::tr("Upload cap: none (tongban.conf, [platform] uploadLimitKbps)."));
    out.emitJson(answer);
    return Ok;
}

/// outbox flush URL ACCOUNT WINDOW: transmits every case due or waiting for its backoff,
/// with the session kept in the OS keychain for ACCOUNT at WINDOW.
int outboxFlush(const QStringList &args, const QString &dataDir, const CliOutput &out)
{
    if (args.size() != 3) {
        out.error(Tr::tr("Usage: tongban-cli outbox flush PLATFORM-URL ACCOUNT WINDOW"));
        return Usage;
    }
    auto station = App::Workstation::open(dataDir);
    if (!station) {
        out.error(station.error().toString());
        return Invalid;
    }
    Platform::ApiClient api(QUrl(args.at(0)));
    if (const Core::Status allowed = Platform::ApiClient::checkUrlAllowed(api.baseUrl());
        !allowed) {
        out.error(allowed.error().toString());
        return Invalid;
    }
    Platform::KeychainTokenStore store;
    Platform::Session session(api, store);
    QEventLoop loop;
    Core::Status restored;
    session.restore(args.at(1), args.at(2), [&](Core::Status s) {
        restored = s;
        loop.quit();
    });
    loop.exec();
    if (!restored) {
        out.error(restored.error().toString());
        return Invalid;
    }
    Storage::PageStore &pages = (*station)->pages();
    Platform::Outbox outbox((*station)->database(), session, (*station)->clock(),
        [&pages](const QString &sha256) { return pages.readContent(sha256); });
    outbox.setBandwidthLimit((*station)->uploadLimitBytesPerSecond());
    // The official number goes to its case here too, not only when the window flushes.
    if (auto linked = App::linkCaseNumbers(outbox, **station); !linked) {
        out.error(linked.error().toString());
        return Invalid;
    }
    QObject::connect(&outbox, &Platform::Outbox::caseError, &outbox,
        [&out](const QString &clientCaseId, const Core::Error &error, const QDateTime &) {
            out.human(QStringLiteral("%1: %2").arg(clientCaseId, error.message));
        });
    // One pass: every case is due now; failures wait for their backoff, so idle() comes
    // once each case was acknowledged, failed or tried once.
    QObject::connect(&outbox, &Platform::Outbox::idle, &loop, &QEventLoop::quit);
    QTimer::singleShot(10 * 60 * 1000, &loop, &QEventLoop::quit);
    outbox.flush();
    loop.exec();
    outbox.stop();
    const QJsonObject status = withCaseNumbers(outbox.status(), **station);
    printStatus(status, out);
    out.emitJson(status);
    const QJsonObject counts = status.value(QStringLiteral("counts")).toObject();
    const int left = counts.value(QStringLiteral("pending")).toInt()
        + counts.value(QStringLiteral("uploading")).toInt()
        + counts.value(QStringLiteral("submitting")).toInt()
        + counts.value(QStringLiteral("failed")).toInt();
    return left == 0 ? Ok : Invalid;
}

} // namespace Tongban::Cli
