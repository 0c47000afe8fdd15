#pragma once

#include <QString>

namespace Tongban::Hub {

/*!
 * How the hub sends the SMS of `sms_outbox` (issue 17). Without a URL the embedded default
 * applies: every message is appended, one JSON line each, to `sms-sent.jsonl` (0600) in the
 * data folder. With \a httpUrl each message is POSTed there, its body \a httpTemplate with
 * `{id}`, `{phone}`, `{text}`, `{purpose}` and `{caseId}` replaced by the message's values
 * escaped for a JSON string.
 */
struct SmsConfig
{
    QString httpUrl; ///< empty: the file gateway
    QString httpTemplate = QStringLiteral(
        "{\"to\":\"{phone}\",\"text\":\"{text}\",\"ref\":\"{id}\",\"purpose\":\"{purpose}\"}");
    QString httpContentType = QStringLiteral("application/json");
    int httpTimeoutMs = 10000; ///< an answer not complete after this long is a retryable failure
    int drainMs = 2000; ///< how often a listening hub sends what is due
    int retryBaseMs = 60 * 1000; ///< first retry after this long, then doubled each time
    int maxAttempts = 5; ///< after this many failed attempts a message is failed
};

} // namespace Tongban::Hub
