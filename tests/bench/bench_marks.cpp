// Marks on the shared page through the platform (issue 15, "Looking at the same page": marks
// appear on both sides within 200 ms p95 on loopback). The path of a mark while the call's
// data channel is not open: the home window's Assist::PageShare makes the stroke message,
// Assist::CallSignalling sends it as call.share on the events WebSocket, tongban-hub relays it
// to the application window's socket, whose CallSignalling and PageShare read it and check it
// (remoteStroke()).
//
// BM_StrokeThroughThePlatform: the time from addStroke() at the home window to remoteStroke()
// at the application window, one stroke at a time (200; smoke 20), each a pen stroke of 40
// points. The peer does the least on the same path: the same call.share text (the same bytes)
// sent on the same socket, timed to its arrival as text at the other socket, not read. The
// two are interleaved, one of each in turn. Counters p50_ms, p95_ms, max_ms, peer_p50_ms,
// peer_p95_ms, ratio_p95, load.
//
// tongban-hub runs in this process (tests/integration/hub/InProcessHub.h), as the windows'
// sockets do: the figures are one thread's, the relay included.

#include "BenchFigures.h"

#include <assist/CallSignalling.h>
#include <assist/PageShare.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>

#include <CallWindow.h>
#include <InProcessHub.h>
#include <benchmark/benchmark.h>
#include <vector>

namespace {

using namespace Tongban;
using Bench::loadAverage;
using Bench::nearestRankPercentile;

const QString AppAccount = QStringLiteral("wd-tb-02-zhaomin");
const QString AppWindow = QStringLiteral("410403-tb-02");
const QString HomeAccount = QStringLiteral("xh-tb-01-liuyang");
const QString HomeWindow = QStringLiteral("410402-tb-01");
const QString Item = QStringLiteral("41040201012001000"); // 个体工商户设立登记, home 新华区

bool smoke()
{
    return qEnvironmentVariableIntValue("TONGBAN_BENCH_SMOKE") != 0;
}

bool pumpUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    }
    return true;
}

void BM_StrokeThroughThePlatform(benchmark::State &state)
{
    const int strokes = smoke() ? 20 : 200;
    std::vector<double> ours;
    std::vector<double> peer;
    for (auto _ : state) {
        InProcessHub hub;
        if (const QString started = hub.start(); !started.isEmpty()) {
            state.SkipWithError(qPrintable(started));
            return;
        }
        CallWindow app(hub.base, AppAccount, AppWindow);
        CallWindow home(hub.base, HomeAccount, HomeWindow);
        if (!app.open() || !home.open()) {
            state.SkipWithError("the windows did not connect");
            return;
        }
        // The application window's messages: read as the call window reads them, or (the
        // peer's turn) only noted as text.
        bool raw = false;
        qint64 rawArrived = -1;
        QElapsedTimer clock;
        clock.start();
        QObject::disconnect(
            &app.client->socket, &QWebSocket::textMessageReceived, app.calls.get(), nullptr);
        QObject::connect(&app.client->socket, &QWebSocket::textMessageReceived, app.calls.get(),
            [&](const QString &text) {
                if (raw) {
                    rawArrived = clock.nsecsElapsed();
                    return;
                }
                app.calls->handleMessage(QJsonDocument::fromJson(text.toUtf8()).object());
            });
        Assist::PageShare appShare(
            AppWindow, [&](const QString &message) { return app.calls->sendShare(message); });
        Assist::PageShare homeShare(
            HomeWindow, [&](const QString &message) { return home.calls->sendShare(message); });
        QObject::connect(app.calls.get(), &Assist::CallSignalling::shareReceived, &appShare,
            &Assist::PageShare::handleMessage);
        QObject::connect(home.calls.get(), &Assist::CallSignalling::shareReceived, &homeShare,
            &Assist::PageShare::handleMessage);
        const auto invited = app.calls->invite(Item);
        if (!invited || !pumpUntil([&] { return !home.calls->incomingCalls().isEmpty(); }, 20000)
            || !home.calls->accept(*invited).ok()
            || !pumpUntil(
                [&] {
                    return app.calls->state() == Assist::CallSignalling::State::Active
                        && home.calls->state() == Assist::CallSignalling::State::Active;
                },
                20000)) {
            state.SkipWithError("the call did not connect");
            return;
        }
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash("page", QCryptographicHash::Sha256).toHex());
        const QSize size(1240, 1754);
        if (!appShare.showPage(sha, size, 1).ok()
            || !pumpUntil([&] { return homeShare.currentPage() == sha; }, 10000)) {
            state.SkipWithError("the page was not shown");
            return;
        }
        qint64 arrived = -1;
        QObject::connect(&appShare, &Assist::PageShare::remoteStroke, &appShare,
            [&](const Assist::Stroke &) { arrived = clock.nsecsElapsed(); });
        QString lastMessage; // the bytes of the last stroke, for the peer's turn
        Assist::PageShare sizer(HomeWindow, [&](const QString &message) {
            lastMessage = message;
            return Core::Status();
        });
        (void)sizer.showPage(sha, size, 1);
        for (int i = 0; i < strokes; ++i) {
            Assist::Stroke stroke;
            for (int p = 0; p < 40; ++p)
                stroke.points.append(QPointF(100 + 20 * p, 200 + (i % 50) * 25 + (p % 7)));
            // Ours: the home clerk's stroke to the application window's PageShare.
            arrived = -1;
            const qint64 sent = clock.nsecsElapsed();
            if (!homeShare.addStroke(stroke).ok()
                || !pumpUntil([&] { return arrived >= 0; }, 5000)) {
                state.SkipWithError("a stroke did not arrive");
                return;
            }
            ours.push_back(double(arrived - sent) / 1e6);
            // The peer: the same call.share text on the same sockets, not read at arrival.
            (void)sizer.addStroke(stroke);
            const QString text = QString::fromUtf8(QJsonDocument(
                QJsonObject { { QStringLiteral("type"), QStringLiteral("call.share") },
                    { QStringLiteral("callId"), *invited },
                    { QStringLiteral("data"),
                        lastMessage } }).toJson(QJsonDocument::Compact));
            raw = true;
            rawArrived = -1;
            const qint64 rawSent = clock.nsecsElapsed();
            home.client->socket.sendTextMessage(text);
            if (!pumpUntil([&] { return rawArrived >= 0; }, 5000)) {
                state.SkipWithError("a raw message did not arrive");
                return;
            }
            peer.push_back(double(rawArrived - rawSent) / 1e6);
            raw = false;
            home.client->messages.clear();
            app.client->messages.clear();
        }
        (void)app.calls->hangup();
        pumpUntil([&] { return home.calls->state() == Assist::CallSignalling::State::Idle; }, 5000);
    }
    state.counters["strokes"] = double(ours.size());
    state.counters["p50_ms"] = nearestRankPercentile(ours, 50);
    state.counters["p95_ms"] = nearestRankPercentile(ours, 95);
    state.counters["max_ms"] = nearestRankPercentile(ours, 100);
    state.counters["peer_p50_ms"] = nearestRankPercentile(peer, 50);
    state.counters["peer_p95_ms"] = nearestRankPercentile(peer, 95);
    state.counters["ratio_p95"]
        = nearestRankPercentile(ours, 95) / std::max(0.001, nearestRankPercentile(peer, 95));
    state.counters["load"] = loadAverage();
}
BENCHMARK(BM_StrokeThroughThePlatform)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
