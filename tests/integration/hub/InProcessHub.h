#pragma once

// A demo-seeded tongban-hub in the test's own process, listening on 127.0.0.1 (a random
// port) with its data in a temporary folder and its time on a manual clock at
// 2026-11-24 09:30 China Standard Time, a Tuesday in office hours.

#include <QTemporaryDir>

#include <DemoSeed.h>
#include <Hub.h>
#include <functional>
#include <memory>

struct InProcessHub
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<Tongban::Core::ManualClock> clock
        = std::make_unique<Tongban::Core::ManualClock>(QDateTime(
            QDate(2026, 11, 24), QTime(9, 30), QTimeZone(QByteArrayLiteral("Asia/Shanghai"))));
    std::unique_ptr<Tongban::Hub::Hub> hub;
    QString base; ///< "http://127.0.0.1:PORT" ("https://" with a certificate)

    /// Creates, seeds and starts the hub; \a adjust may change its configuration first.
    /// Empty when it runs, else why not: QVERIFY2(started.isEmpty(), qPrintable(started)).
    /// With \a certFile and \a keyFile (PEM) it speaks TLS.
    QString start(const std::function<void(Tongban::Hub::HubConfig &)> &adjust = {},
        const QString &certFile = {}, const QString &keyFile = {})
    {
        Tongban::Hub::HubConfig config;
        config.dataDir = dir->path();
        config.pbkdf2Iterations = 1000;
        config.clock = clock.get();
        config.eventPollMs = 50;
        if (adjust)
            adjust(config);
        auto created = Tongban::Hub::Hub::create(config);
        if (!created)
            return created.error().toString();
        hub = std::move(*created);
        if (const auto seeded = Tongban::Hub::seedDemo(*hub); !seeded)
            return seeded.error().toString();
        const auto port = hub->listen(QHostAddress::LocalHost, 0, certFile, keyFile);
        if (!port)
            return port.error().toString();
        base = QStringLiteral("%1://127.0.0.1:%2")
                   .arg(certFile.isEmpty() ? QStringLiteral("http") : QStringLiteral("https"))
                   .arg(*port);
        return {};
    }
};
