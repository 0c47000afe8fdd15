// One side of a call for tst_callturn and bench_call, in a process of its own (so that it
// can run in a network namespace, and its CPU and memory are its own): a MediaSession
// (test pattern and tone), or with --bare two bare webrtcbin peers' side (the same encoder
// settings, decoded into fakesink: the benchmark's peer), whose signalling is JSON lines
// on stdin/stdout.
//
//   callpeer offer|answer ICE_SERVERS.json [--relay-only] [--loopback] [--bare] [--wait]
//            [--size WxH] [--fps N] [--kbps N] [--prewarm]
//
// --prewarm: MediaSession::prewarm() before {"ready"} (what the call window does as it
// opens or as a call rings), for either kind of peer.
//
// Out: {"ready":true} {"sdp":…} {"ice":…,"m":n} {"state":n} {"first":true} (first remote
//      picture) {"frames":n,"audio":n} {"failed":…}
// In:  {"start":true} (with --wait) {"sdp":…} {"ice":…,"m":n} {"quit":true}

#include "BareWebrtcPeer.h"

#include <assist/MediaSession.h>

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QTimer>

#include <cstdio>
#include <unistd.h>
#include <utility>

using namespace Tongban;
using Tongban::Assist::MediaOptions;
using Tongban::Assist::MediaSession;

namespace {
void say(const QJsonObject &object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}
QString argument(const QStringList &args, const QString &name, const QString &otherwise)
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : otherwise;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return 64;
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly))
        return 66;
    const bool offerer = args.at(1) == QLatin1String("offer");
    const QStringList size = argument(args, QStringLiteral("--size"), QStringLiteral("320x240"))
                                 .split(QLatin1Char('x'));
    MediaOptions options;
    options.iceServers = QJsonDocument::fromJson(file.readAll()).array();
    options.relayOnly = args.contains(QStringLiteral("--relay-only"));
    options.loopbackOnly = args.contains(QStringLiteral("--loopback"));
    options.videoSize = QSize(size.value(0).toInt(), size.value(1).toInt());
    options.framesPerSecond = argument(args, QStringLiteral("--fps"), QStringLiteral("15")).toInt();
    options.videoKbps = argument(args, QStringLiteral("--kbps"), QStringLiteral("300")).toInt();
    options.playRemoteAudio = false;
    if (args.contains(QStringLiteral("--prewarm")))
        MediaSession::prewarm();
    if (args.contains(QStringLiteral("--bare"))) {
        gst_init(nullptr, nullptr);
        BarePeer bare(offerer, options.videoSize, options.framesPerSecond, options.videoKbps,
            options.loopbackOnly, say);
        QTimer report;
        QObject::connect(&report, &QTimer::timeout, &app, [&bare] {
            say({ { QStringLiteral("frames"), double(bare.frames()) },
                { QStringLiteral("audio"), double(bare.audio()) } });
        });
        report.start(500);
        QByteArray pending;
        QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
            char buffer[65536];
            const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (got <= 0) {
                input.setEnabled(false);
                app.quit();
                return;
            }
            pending.append(buffer, got);
            qsizetype end = 0;
            while ((end = pending.indexOf('\n')) >= 0) {
                const QJsonObject message = QJsonDocument::fromJson(pending.left(end)).object();
                pending.remove(0, end + 1);
                if (message.contains(QStringLiteral("sdp")))
                    bare.setRemote(message.value(QStringLiteral("sdp")).toString());
                else if (message.contains(QStringLiteral("ice")))
                    bare.addCandidate(message.value(QStringLiteral("ice")).toString(),
                        message.value(QStringLiteral("m")).toInt());
                else if (message.value(QStringLiteral("start")).toBool())
                    bare.start();
                else if (message.value(QStringLiteral("quit")).toBool())
                    app.quit();
            }
        });
        say({ { QStringLiteral("ready"), true } });
        if (!args.contains(QStringLiteral("--wait")))
            bare.start();
        return app.exec();
    }
    MediaSession media(
        offerer ? MediaSession::Role::Offerer : MediaSession::Role::Answerer, options);
    bool first = true;
    QObject::connect(&media, &MediaSession::remoteFrame, &app, [&first] {
        if (std::exchange(first, false))
            say({ { QStringLiteral("first"), true } });
    });
    QObject::connect(&media, &MediaSession::localDescription, &app, [](const QString &sdp) {
        say({ { QStringLiteral("sdp"), sdp } });
    });
    QObject::connect(
        &media, &MediaSession::localIceCandidate, &app, [](const QString &candidate, int line) {
            say({ { QStringLiteral("ice"), candidate }, { QStringLiteral("m"), line } });
        });
    QObject::connect(&media, &MediaSession::stateChanged, &app, [](MediaSession::State state) {
        say({ { QStringLiteral("state"), int(state) } });
    });
    QObject::connect(&media, &MediaSession::failed, &app, [&app](const Core::Error &error) {
        say({ { QStringLiteral("failed"),
            QString(error.message + QStringLiteral(": ") + error.detail) } });
        app.exit(2);
    });
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, &app, [&media] {
        say({ { QStringLiteral("frames"), double(media.remoteVideoFrames()) },
            { QStringLiteral("audio"), double(media.remoteAudioBuffers()) } });
    });
    report.start(500);

    QByteArray pending;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[65536];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0) {
            input.setEnabled(false);
            media.stop();
            app.quit();
            return;
        }
        pending.append(buffer, got);
        qsizetype end = 0;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QJsonObject message = QJsonDocument::fromJson(pending.left(end)).object();
            pending.remove(0, end + 1);
            if (message.contains(QStringLiteral("sdp")))
                media.setRemoteDescription(message.value(QStringLiteral("sdp")).toString());
            else if (message.contains(QStringLiteral("ice")))
                media.addRemoteIceCandidate(message.value(QStringLiteral("ice")).toString(),
                    message.value(QStringLiteral("m")).toInt());
            else if (message.value(QStringLiteral("start")).toBool()) {
                if (const Core::Status started = media.start(); !started) {
                    say({ { QStringLiteral("failed"), started.error().toString() } });
                    app.exit(2);
                }
            } else if (message.value(QStringLiteral("quit")).toBool()) {
                media.stop();
                app.quit();
            }
        }
    });
    say({ { QStringLiteral("ready"), true } });
    if (!args.contains(QStringLiteral("--wait"))) {
        if (const Core::Status started = media.start(); !started) {
            say({ { QStringLiteral("failed"), started.error().toString() } });
            return 2;
        }
    }
    return app.exec();
}
