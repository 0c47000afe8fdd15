#pragma once

#include "http/HttpTypes.h"

#include <memory>
#include <variant>

namespace Tongban::Hub {

struct AuthContext;
struct UploadRecord;
class UploadService;

/*!
 * tus 1.0.0 on the wire (contract §6) for UploadService: the headers (Upload-Length,
 * Upload-Metadata, Upload-Offset, Upload-Checksum, Content-Type), the answers, and the sink
 * a PATCH's body streams into.
 *
 * Streaming (issue 13): a PATCH body goes to the partial file as it arrives (beginPatch
 * returns the sink the HTTP layer writes it into), so a PATCH may carry the whole rest of
 * the upload (tus-js-client's default chunkSize is Infinity). Without Upload-Checksum the
 * bytes received are made durable every 4 MiB and when the connection breaks, so a resume
 * starts from there; with one, the PATCH is all or nothing.
 *
 * The Tus-Resumable header is checked and added by the router, not here.
 */
class UploadRoutes
{
public:
    explicit UploadRoutes(UploadService &uploads);

    static HttpResponse options();
    HttpResponse create(const HttpRequest &request, const AuthContext &context);
    HttpResponse head(const QString &uploadId, const AuthContext &context);
    /// A PATCH with its whole body in \a request (in-process callers, creation-with-upload).
    HttpResponse patch(
        const HttpRequest &request, const QString &uploadId, const AuthContext &context);
    /*!
     * Checks the head of a PATCH (\a head: no body yet) as patch() does, before any byte of
     * the body is accepted: whose upload it is, the case not submitted, Content-Type,
     * Upload-Offset equal to the committed one, Content-Length within Upload-Length. Then
     * the sink the body streams into; otherwise the answer.
     */
    std::variant<HttpResponse, std::unique_ptr<BodySink>> beginPatch(
        const HttpRequest &head, const QString &uploadId, const AuthContext &context);
    HttpResponse terminate(const QString &uploadId, const AuthContext &context);

private:
    class Sink;

    UploadService &m_uploads;
};

} // namespace Tongban::Hub
