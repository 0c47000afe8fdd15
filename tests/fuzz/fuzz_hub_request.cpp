// libFuzzer target: tongban-hub's request handling. The input is read as an
// HTTP request (request line, headers, blank line, body) and handed to
// Hub::handle(), which needs no socket; the header and body parsers are also
// called directly, and so are the call-signalling message parser (the body
// read as a WebSocket message) and the validators of mailings and
// Idempotency-Key. Invariants: no crash or sanitizer report, a status in
// 100..599, and every error answer (other than to HEAD) is a JSON error body
// with a machine code, as docs/platform-api.md §1 promises.
#include <core/Clock.h>

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <Hub.h>
#include <HubConfig.h>
#include <calls/CallMessage.h>
#include <cstdint>
#include <cstdlib>
#include <http/HttpTypes.h>
#include <http/HttpWire.h>
#include <http/IdempotencyStore.h>
#include <mailings/MailingService.h>

using namespace Tongban;

namespace {
Hub::Hub *g_hub = nullptr;

Hub::HttpRequest requestFrom(const QByteArray &input)
{
    Hub::HttpRequest request;
    const qsizetype split = input.indexOf("\n\n");
    const QByteArray head = split < 0 ? input : input.left(split);
    request.body = split < 0 ? QByteArray() : input.mid(split + 2);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0).toUpper();
    const QByteArray target = first.value(1);
    const qsizetype question = target.indexOf('?');
    request.path = QString::fromUtf8(question < 0 ? target : target.left(question));
    if (question >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.append(
                { lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed() });
    }
    return request;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    static QTemporaryDir dir;
    static Core::SystemClock clock;
    Hub::HubConfig config;
    config.dataDir = dir.path();
    config.pbkdf2Iterations = 1000;
    config.clock = &clock;
    auto hub = Hub::Hub::create(config);
    if (!hub)
        std::abort();
    g_hub = hub->release();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const Hub::HttpRequest request = requestFrom(input);

    // The parsers on their own, on the raw bytes.
    Hub::HttpResponse ignored;
    (void)Hub::parseJsonBody(request.body, &ignored);
    (void)Hub::parseBearer(input.left(300));
    (void)Hub::parseTusMetadata(input.left(2000));
    (void)Hub::parseNonNegative(input.left(40));
    (void)Hub::parseTusChecksum(input.left(300));
    (void)Hub::isValidIdempotencyKey(request.header(QByteArrayLiteral("Idempotency-Key")));

    // The wire reader of the HTTP layer (issue 13): head, framing, chunked body, with limits.
    const Hub::Wire::HeadLimits limits;
    const qsizetype headEnd = Hub::Wire::findHeadEnd(input, limits);
    if (headEnd > 0) {
        int status = 0;
        const auto head
            = Hub::Wire::parseHead(QByteArrayView(input).first(headEnd), limits, &status);
        if (head) {
            (void)Hub::Wire::bodyFraming(*head, &status);
            Hub::Wire::ChunkedDecoder decoder(4096);
            QByteArray body;
            qsizetype consumed = 0;
            (void)decoder.feed(QByteArrayView(input).sliced(headEnd), &consumed, &body);
            if (consumed > input.size() - headEnd || body.size() > 4096)
                abort();
        }
    }
    (void)Hub::isValidWaybill(QString::fromUtf8(input.left(64)));
    (void)Hub::isRfc3339(QString::fromUtf8(input.left(64)));
    if (const auto message = Hub::parseJsonBody(request.body, &ignored)) {
        QString problem;
        const auto call = Hub::parseCallMessage(*message, &problem);
        // A message is either accepted with a plausible callId or refused with a reason.
        if (call ? !Hub::isPlausibleCallId(call->callId) : problem.isEmpty())
            std::abort();
    }

    const Hub::HttpResponse response = g_hub->handle(request);
    if (response.status < 100 || response.status > 599)
        std::abort();
    const bool error = response.status >= 400;
    if (error && request.method != "HEAD") {
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        if (body.value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("code"))
                .toString()
                .isEmpty())
            std::abort(); // an error answer without a machine code breaks the contract
    }
    return 0;
}
