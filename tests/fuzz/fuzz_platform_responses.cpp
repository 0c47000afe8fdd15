// libFuzzer target: the workstation's parsing of platform answers. Garbage,
// truncated or hostile answers must give errors, never a crash; an error
// built from any answer must carry a code and a message for the clerk.
#include <platform/ApiParsing.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace Tongban::Platform;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const int status = 200 + (data[0] % 4) * 100 + data[0] / 4 % 30; // 2xx..5xx
    (void)parseErrorBody(body);
    (void)parseSession(body);
    (void)parseCaseCreated(body);
    (void)parseCaseSubmitted(body);
    (void)parseResults(body);
    if (const auto event = parseEventMessage(body); event && event->kind == EventMessage::Event)
        (void)parseResultIssued(event->data);
    (void)parseMailingCreated(body);
    (void)parseGuideReportCreated(body);
    (void)parseSerialBlock(body);
    (void)parseHeaderInteger(body.left(64), QStringLiteral("Upload-Offset"));
    (void)parseHeaderList(body.left(512));
    const auto object = parseJsonObject(body, QStringLiteral("fuzz"));
    if (object) {
        (void)parseClerk(*object);
        if (const auto issued = parseResultIssued(*object);
            issued && (!isPlausibleId(issued->resultId) || !isPlausibleId(issued->caseId)))
            std::abort(); // an id that could escape a request path
    }
    if (status >= 400) {
        const Tongban::Core::Error error = errorFromResponse(status, body);
        if (error.code == 0 || error.message.isEmpty())
            std::abort(); // the clerk would be told nothing
    }
    return 0;
}
