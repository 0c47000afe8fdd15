// tongban-cli diagnose's line check (issue 16): throughput both ways and the round trip to
// the platform through /api/v1/diag, against the dedicated 100 Mbit/s line (000 第十六条).
#include "Commands.h"
#include "DiagnoseCheck.h"

#include <platform/ApiClient.h>
#include <platform/PlatformErrors.h>
#include <platform/Session.h>
#include <platform/TokenStore.h>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QScopeGuard>

#include <algorithm>
#include <common/Workstation.h>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace Tongban::Cli::Diagnose {

namespace {

/// The line check's figures (issue 16): the requirement of 000 第十六条 and the bands.
constexpr double RequiredMbit = 100;
/// TCP payload of a 100 Mbit/s Ethernet line tops out near 94 Mbit/s: 90 counts as met.
constexpr double MetMbit = 90;
constexpr double PoorMbit = 50; ///< below: the window waits minutes for a case's pages
constexpr qint64 ProbeBytes = 1024 * 1024;
constexpr qint64 MaxTransferBytes = Platform::kMaxResponseBytes; ///< 16 MiB, as the hub
constexpr double TransferSeconds = 2; ///< each measured transfer aims at this long (≤ 3 s)

struct Transfer
{
    bool ok = false;
    double mbit = 0;
    double ms = 0;
    QString error; ///< translated, when !ok
    int status = 0; ///< the HTTP status, when the platform answered
    qint64 retryAfterSecs = 0;
};

Transfer transfer(Platform::Session &session, bool upload, qint64 bytes)
{
    Platform::ApiRequest request;
    if (upload) {
        request.method = QByteArrayLiteral("POST");
        request.path = QStringLiteral("/diag/upload");
        request.contentType = QByteArrayLiteral("application/octet-stream");
        request.body.resize(bytes);
        QRandomGenerator::global()->fillRange(
            reinterpret_cast<quint32 *>(request.body.data()), int(bytes / 4));
    } else {
        QUrl url = session.api().apiUrl(QStringLiteral("/diag/download"));
        url.setQuery(QStringLiteral("bytes=%1").arg(bytes));
        request.url = url;
    }
    request.timeoutMs = 15000;
    QElapsedTimer timer;
    timer.start();
    const auto answer = await<Core::Result<Platform::ApiResponse>>(
        [&](auto done) { session.send(request, done); }, 30000);
    Transfer result;
    result.ms = double(timer.nsecsElapsed()) / 1e6;
    if (!answer) {
        result.error = Tr::tr("No answer within 30 seconds.");
        return result;
    }
    if (!*answer) {
        result.error = answer->error().message;
        return result;
    }
    const Platform::ApiResponse &response = answer->value();
    result.status = response.status;
    if (!response.isSuccess()) {
        result.retryAfterSecs = response.header("Retry-After").toLongLong();
        result.error = Platform::errorFromResponse(response.status, response.body).message;
        return result;
    }
    if (!upload && response.body.size() != bytes) {
        result.error
            = Tr::tr("The platform sent %1 of %2 bytes.").arg(response.body.size()).arg(bytes);
        return result;
    }
    result.ok = true;
    result.mbit = double(bytes) * 8.0 / (qMax(0.001, result.ms) / 1000.0) / 1e6;
    return result;
}

/// A probe of ProbeBytes, then a transfer sized to take about TransferSeconds at the rate the
/// probe saw (bounded by the hub's MaxTransferBytes).
Transfer measure(Platform::Session &session, bool upload)
{
    const Transfer probe = transfer(session, upload, ProbeBytes);
    if (!probe.ok)
        return probe;
    const qint64 bytes = std::clamp(
        qint64(probe.mbit * 1e6 / 8.0 * TransferSeconds), ProbeBytes, MaxTransferBytes);
    return transfer(session, upload, bytes);
}

/// The password of the line check's account: TONGBAN_PASSWORD, else typed in (not shown) or
/// read from a pipe.
QString readPassword(const QString &account)
{
    if (qEnvironmentVariableIsSet("TONGBAN_PASSWORD"))
        return qEnvironmentVariable("TONGBAN_PASSWORD");
#ifdef Q_OS_UNIX
    const bool terminal = isatty(STDIN_FILENO) == 1;
    termios saved {};
    if (terminal) {
        std::fprintf(stderr, "%s",
            Tr::tr("Password of %1 for the line check: ").arg(account).toUtf8().constData());
        std::fflush(stderr);
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
#endif
    char line[512] = {};
    const bool read = std::fgets(line, sizeof line, stdin) != nullptr;
#ifdef Q_OS_UNIX
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
#endif
    return read ? QString::fromUtf8(line).trimmed() : QString();
}

} // namespace

/// Upload and download throughput to the platform and the round trip, against the dedicated
/// 100 Mbit/s line of 000 第十六条 (issue 16), through /api/v1/diag as \a account.
Check checkBandwidth(
    App::Workstation *station, bool platformOk, const QString &account, QJsonObject *measured)
{
    Check check { QStringLiteral("bandwidth"), Tr::tr("Line to the platform (100 Mbit/s)"),
        Verdict::Skipped, {}, {} };
    if (!station || !platformOk) {
        check.finding = Tr::tr("Needs the platform.");
        return check;
    }
    if (account.isEmpty()) {
        check.finding = Tr::tr("Not measured: give --account ACCOUNT (a platform account, e.g. "
                               "IT staff's; its password in TONGBAN_PASSWORD or typed in).");
        return check;
    }
    Platform::ApiClient api(station->platformUrl());
    if (!station->platformCaFile().isEmpty())
        (void)api.addCaCertificateFile(station->platformCaFile()); // the platform check said
    Platform::KeychainTokenStore store;
    Platform::Session session(api, store);
    // The account's session kept at this window, else a sign-in that ends with the check.
    const auto restored = await<Core::Status>(
        [&](auto done) { session.restore(account, station->windowId(), done); }, 15000);
    bool signedInHere = false;
    if (!restored || !*restored) {
        const QString password = readPassword(account);
        const auto login = await<Core::Result<Platform::ClerkInfo>>(
            [&](auto done) { session.login(account, password, station->windowId(), done); }, 30000);
        if (!login || !*login) {
            check.verdict = Verdict::Failed;
            check.finding = login ? login->error().message : Tr::tr("No answer within 30 seconds.");
            check.advice = Tr::tr("Give an account of the platform that may sign in at this "
                                  "window (--account) and its password (TONGBAN_PASSWORD).");
            return check;
        }
        signedInHere = true;
    }
    const auto signOut = qScopeGuard([&] {
        if (signedInHere)
            await<Core::Status>([&](auto done) { session.logout(done); }, 10000);
    });

    // Round trip: the median of five empty requests on the open connection.
    QList<double> trips;
    Transfer failedAt;
    for (int i = 0; i < 5 && failedAt.error.isEmpty(); ++i) {
        const Transfer ping = transfer(session, false, 0);
        if (ping.ok)
            trips.append(ping.ms);
        else
            failedAt = ping;
    }
    Transfer down;
    Transfer up;
    if (failedAt.error.isEmpty())
        down = measure(session, false);
    if (failedAt.error.isEmpty() && !down.ok)
        failedAt = down;
    if (failedAt.error.isEmpty())
        up = measure(session, true);
    if (failedAt.error.isEmpty() && !up.ok)
        failedAt = up;
    if (!failedAt.error.isEmpty()) {
        check.finding = failedAt.error;
        if (failedAt.status == 429 || failedAt.status == 503) {
            check.verdict = Verdict::Warning;
            check.advice = Tr::tr("The platform takes a few line checks a minute: wait %n "
                                  "second(s) and run diagnose again.",
                nullptr, int(qMax<qint64>(1, failedAt.retryAfterSecs)));
        } else if (failedAt.status == 404) {
            check.verdict = Verdict::Warning;
            check.advice = Tr::tr("This platform has no line check yet (/api/v1/diag): measure "
                                  "the line with the carrier's tools.");
        } else {
            check.verdict = Verdict::Failed;
            check.advice = Tr::tr("The line broke off during the test: check the network cable "
                                  "and the hall's line, then run diagnose again.");
        }
        return check;
    }
    std::sort(trips.begin(), trips.end());
    const double rtt = trips.value(trips.size() / 2);
    const double slower = qMin(down.mbit, up.mbit);
    *measured = QJsonObject { { QStringLiteral("downloadMbit"), qRound(down.mbit * 10) / 10.0 },
        { QStringLiteral("uploadMbit"), qRound(up.mbit * 10) / 10.0 },
        { QStringLiteral("rttMs"), qRound(rtt * 10) / 10.0 },
        { QStringLiteral("requiredMbit"), RequiredMbit } };
    check.finding = Tr::tr("Download %1 Mbit/s, upload %2 Mbit/s, round trip %3 ms (required: "
                           "%4 Mbit/s each way)")
                        .arg(QString::number(down.mbit, 'f', 1), QString::number(up.mbit, 'f', 1))
                        .arg(QString::number(rtt, 'f', 1))
                        .arg(RequiredMbit);
    if (slower >= MetMbit) {
        check.verdict = rtt > 100 ? Verdict::Warning : Verdict::Ok;
        if (rtt > 100)
            check.advice = Tr::tr("The line is fast but slow to answer (over 100 ms): ask the "
                                  "network staff whether the window reaches the platform "
                                  "through a detour (VPN, proxy).");
        return check;
    }
    check.verdict = slower >= PoorMbit ? Verdict::Warning : Verdict::Failed;
    check.advice = Tr::tr("The line does not reach the 100 Mbit/s the window needs (000 "
                          "第十六条): ask the hall's network staff or the carrier to check the "
                          "dedicated line and that nothing else shares it; until then large "
                          "cases take longer to transmit.");
    return check;
}

} // namespace Tongban::Cli::Diagnose
