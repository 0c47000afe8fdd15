#pragma once

#include <core/Result.h>

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QSslConfiguration;

namespace Tongban::Platform {

/// One HTTP request to the platform.
struct ApiRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QString path; ///< below <base>/api/v1, e.g. "/cases"; ignored when url is set
    QUrl url; ///< absolute (a tus Location); must be on the platform's host
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json; charset=utf-8");
    int timeoutMs = 30000; ///< no progress for this long: NetworkUnavailable
    bool authenticated = true; ///< carries the bearer token (Session decides)
};

/// An HTTP answer, whatever its status.
struct ApiResponse
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QUrl url; ///< of the request

    /// Header value by case-insensitive name; empty when absent.
    QByteArray header(const QByteArray &name) const;
    bool isSuccess() const { return status >= 200 && status < 300; }
};

using ResponseCallback = std::function<void(Core::Result<ApiResponse>)>;

/*!
 * Something that sends ApiRequests: ApiClient (as is) or Session (adds the
 * bearer token and refreshes it once on 401 token_expired). The callback runs
 * exactly once, on the sender's thread, with an Error only for failures below
 * HTTP (network, TLS, oversize); any HTTP status is an ApiResponse.
 */
class Transport
{
public:
    virtual ~Transport() = default;
    virtual void send(const ApiRequest &request, ResponseCallback callback) = 0;
    /// The absolute URL \a request goes to.
    virtual QUrl resolve(const ApiRequest &request) const = 0;
};

/// Whether \a host is this machine only: "localhost" or a loopback address (127.0.0.0/8, ::1).
bool isLoopbackHost(const QString &host);

/// \a response unchanged when it is 2xx or 304; otherwise the platform's error (errorFromResponse).
Core::Result<ApiResponse> requireSuccess(Core::Result<ApiResponse> response);

/*!
 * HTTP client of the platform API (docs/platform-api.md §1).
 *
 * - The peer's certificate is always verified (system CAs plus an optional CA
 *   file for the platform); an unknown CA is refused with TlsFailure, never
 *   ignored. TLS 1.2 or later.
 * - Plain http:// is refused unless the host is a loopback address.
 * - Answers above kMaxResponseBytes are aborted with ResponseTooLarge.
 * - Redirects are not followed.
 *
 * Asynchronous; lives on one thread (a QNetworkAccessManager rule).
 */
class ApiClient : public QObject, public Transport
{
    Q_OBJECT
public:
    explicit ApiClient(const QUrl &baseUrl, QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    /// <base>/api/v1<path>
    QUrl apiUrl(const QString &path) const;
    /// ws(s)://<host>/api/v1/events
    QUrl eventsUrl() const;

    /// Adds the CA certificates (PEM) in \a path to the trusted ones for the platform.
    Core::Status addCaCertificateFile(const QString &path);
    /// The TLS settings every request (and the events WebSocket) uses.
    QSslConfiguration sslConfiguration() const;

    /// Token sent as "Authorization: Bearer" on requests with authenticated = true.
    void setBearerToken(const QByteArray &token) { m_bearerToken = token; }
    QByteArray bearerToken() const { return m_bearerToken; }

    void send(const ApiRequest &request, ResponseCallback callback) override;
    QUrl resolve(const ApiRequest &request) const override;

    /// Refuses URLs that are neither https nor loopback http.
    static Core::Status checkUrlAllowed(const QUrl &url);

private:
    QUrl m_baseUrl;
    QByteArray m_bearerToken;
    QNetworkAccessManager *m_network = nullptr;
    QList<QByteArray> m_extraCaPem;
};

} // namespace Tongban::Platform
