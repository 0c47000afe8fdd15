#pragma once

#include "http/HttpTypes.h"

#include <core/Error.h>

#include <QJsonObject>
#include <QUrlQuery>

namespace Tongban::Hub {

struct AuthContext;
class RecordingService;

/*!
 * The HTTP side of recordings/ (contract §11.1, §11.2): the chunks and manifest of a call's
 * recording, its reading, GET /recordings, the pages shared in a call and their marks. Parses
 * the request (Upload-Checksum), calls RecordingService and maps its error codes to the
 * contract's status and wire code. No SQL, no files.
 */
class RecordingRoutes
{
public:
    explicit RecordingRoutes(RecordingService &recordings);

    HttpResponse putChunk(const HttpRequest &request, const QString &callId, const QString &index,
        const AuthContext &context);
    HttpResponse putManifest(
        const QString &callId, const QJsonObject &manifest, const AuthContext &context);
    HttpResponse get(const QString &callId, const AuthContext &context);
    HttpResponse chunk(const QString &callId, const QString &index, const AuthContext &context);
    HttpResponse list(const QUrlQuery &query, const AuthContext &context);
    HttpResponse putPage(const HttpRequest &request, const QString &callId, const QString &sha256,
        const AuthContext &context);
    HttpResponse page(const QString &callId, const QString &sha256, const AuthContext &context);
    HttpResponse putMarkup(const QString &callId, const QString &sha256, const QJsonObject &markup,
        const AuthContext &context);
    HttpResponse markups(const QString &callId, const AuthContext &context);

    static HttpResponse errorFor(const Core::Error &error);

private:
    RecordingService &m_recordings;
};

} // namespace Tongban::Hub
