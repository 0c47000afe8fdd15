// tongban-hub: the reference platform server. Wiring only; see Hub.h.
//
//   tongban-hub --data-dir DIR [--listen ADDR:PORT] [--cert FILE --key FILE]
//               [--catalog FILE] [--seed-demo] [--pbkdf2-iterations N]
//   tongban-hub decide --data-dir DIR CASE_ID --accept|--reject [--reasons TEXT]
//               --pdf FILE [--by ACCOUNT]

#include "DemoSeed.h"
#include "Hub.h"
#include "cases/CaseService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace Tongban;

namespace {

int fail(const QString &text)
{
    QTextStream(stderr) << "tongban-hub: " << text << Qt::endl;
    return 1;
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
    QTextStream(stdout) << outcome->resultId << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tongban-hub"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == QLatin1String("decide")) {
        QStringList rest = arguments;
        rest.removeAt(1);
        return runDecide(rest);
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
