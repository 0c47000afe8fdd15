// One side of a call for tst_callturn, in a process of its own so that it can run in a
// network namespace: a MediaSession (test pattern and tone) whose signalling is JSON lines
// on stdin/stdout.
//
//   callpeer offer|answer ICE_SERVERS.json [--relay-only]
//
// Out: {"sdp":…} {"ice":…,"m":n} {"state":n} {"frames":n,"audio":n} {"failed":…}
// In:  {"sdp":…} {"ice":…,"m":n} {"quit":true}

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
    MediaOptions options;
    options.iceServers = QJsonDocument::fromJson(file.readAll()).array();
    options.relayOnly = args.contains(QStringLiteral("--relay-only"));
    options.loopbackOnly = args.contains(QStringLiteral("--loopback"));
    options.videoSize = QSize(320, 240);
    options.framesPerSecond = 15;
    options.videoKbps = 300;
    options.playRemoteAudio = false;
    MediaSession media(args.at(1) == QLatin1String("offer") ? MediaSession::Role::Offerer
                                                            : MediaSession::Role::Answerer,
        options);
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
            else if (message.value(QStringLiteral("quit")).toBool()) {
                media.stop();
                app.quit();
            }
        }
    });
    if (const Core::Status started = media.start(); !started) {
        say({ { QStringLiteral("failed"), started.error().toString() } });
        return 2;
    }
    return app.exec();
}
