#include "ApiClient.h"

#include "ApiParsing.h"
#include "Logging.h"
#include "PlatformErrors.h"
#include "Tr.h"

#include <QFile>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

#include <memory>

namespace Tongban::Platform {

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

namespace {

Core::Error networkError(const QString &detail)
{
    return Core::Error { NetworkUnavailable,
        Tr::tr("The platform cannot be reached. Check the network cable and the hall's network; "
               "the workstation keeps the work and tries again."),
        detail };
}

Core::Error tlsError(const QString &detail)
{
    return Core::Error { TlsFailure,
        Tr::tr("The platform's identity could not be verified (its security certificate is not "
               "trusted), so nothing was sent. Call the hall's IT staff."),
        detail };
}

} // namespace

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Core::Result<ApiResponse> requireSuccess(Core::Result<ApiResponse> response)
{
    if (!response)
        return response;
    if (response->isSuccess() || response->status == 304)
        return response;
    return errorFromResponse(response->status, response->body);
}

ApiClient::ApiClient(const QUrl &baseUrl, QObject *parent)
    : QObject(parent)
    , m_baseUrl(baseUrl)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setStrictTransportSecurityEnabled(false);
}

ApiClient::~ApiClient() = default;

QUrl ApiClient::apiUrl(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(QString(basePath + QStringLiteral("/api/v1") + path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

QUrl ApiClient::eventsUrl() const
{
    QUrl url = apiUrl(QStringLiteral("/events"));
    url.setScheme(
        url.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

Core::Status ApiClient::addCaCertificateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { CaCertificateInvalid,
            Tr::tr("The platform's CA certificate file cannot be read. Check the setting."),
            QString(path + QStringLiteral(": ") + file.errorString()) };
    const QByteArray pem = file.read(4 * 1024 * 1024);
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certificates.isEmpty())
        return Core::Error { CaCertificateInvalid,
            Tr::tr("The platform's CA certificate file contains no certificate. Check the "
                   "setting."),
            path };
    m_extraCaPem.append(pem);
    return {};
}

QSslConfiguration ApiClient::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    for (const QByteArray &pem : m_extraCaPem)
        configuration.addCaCertificates(QSslCertificate::fromData(pem, QSsl::Pem));
    return configuration;
}

Core::Status ApiClient::checkUrlAllowed(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return Core::Error { InvalidArgument,
            Tr::tr("The platform address is not valid. Check the setting."), url.toString() };
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return Core::Error { InvalidArgument,
        Tr::tr("The platform must be reached over HTTPS. Check the platform address."),
        url.toString(QUrl::RemoveUserInfo) };
}

QUrl ApiClient::resolve(const ApiRequest &request) const
{
    return request.url.isValid() && !request.url.isEmpty() ? request.url : apiUrl(request.path);
}

void ApiClient::send(const ApiRequest &request, ResponseCallback callback)
{
    const QUrl url = resolve(request);
    if (const Core::Status allowed = checkUrlAllowed(url); !allowed) {
        callback(allowed.error());
        return;
    }
    QNetworkRequest networkRequest(url);
    networkRequest.setSslConfiguration(sslConfiguration());
    networkRequest.setTransferTimeout(request.timeoutMs);
    networkRequest.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    networkRequest.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    networkRequest.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    networkRequest.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (!request.body.isEmpty() || request.method == "POST" || request.method == "PATCH"
        || request.method == "PUT")
        networkRequest.setRawHeader(QByteArrayLiteral("Content-Type"), request.contentType);
    if (request.authenticated && !m_bearerToken.isEmpty())
        networkRequest.setRawHeader(
            QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_bearerToken));
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);

    QNetworkReply *reply = nullptr;
    if (request.method == "GET")
        reply = m_network->get(networkRequest);
    else if (request.method == "HEAD")
        reply = m_network->head(networkRequest);
    else
        reply = m_network->sendCustomRequest(networkRequest, request.method, request.body);

    struct State
    {
        QByteArray body;
        bool tooLarge = false;
        QStringList sslErrors;
    };
    auto state = std::make_shared<State>();
    const QString what = QString(QString::fromLatin1(request.method) + QLatin1Char(' ')
        + url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));

    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [state](const QList<QSslError> &es) {
        for (const QSslError &e : es)
            state->sslErrors.append(e.errorString());
    });
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, state] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > kMaxResponseBytes && !state->tooLarge) {
            state->tooLarge = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, state] {
        if (state->tooLarge)
            return;
        state->body += reply->readAll();
        if (state->body.size() > kMaxResponseBytes) {
            state->tooLarge = true;
            state->body.clear();
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, this,
        [reply, state, what, callback = std::move(callback)] {
            reply->deleteLater();
            if (!state->tooLarge)
                state->body += reply->readAll();
            if (state->tooLarge) {
                callback(Core::Error { ResponseTooLarge,
                    Tr::tr("The platform sent an answer far larger than expected; it was "
                           "refused. If it keeps happening, call the hall's IT staff."),
                    QString(what + QStringLiteral(": answer above 16 MiB")) });
                return;
            }
            const QNetworkReply::NetworkError error = reply->error();
            const QVariant statusAttribute
                = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            const bool transportError = (error > 0 && error < 200) || error == 399
                || (error != QNetworkReply::NoError && !statusAttribute.isValid());
            if (transportError) {
                const QString detail = QString(what + QStringLiteral(": ") + reply->errorString()
                    + QStringLiteral(" (network error ") + QString::number(int(error))
                    + QLatin1Char(')'));
                if (error == QNetworkReply::SslHandshakeFailedError
                    || !state->sslErrors.isEmpty()) {
                    qCWarning(lcPlatform).noquote()
                        << "TLS failure" << detail << state->sslErrors.join(QStringLiteral("; "));
                    callback(tlsError(
                        QString(detail + QStringLiteral(" ") + state->sslErrors.join(u"; "))));
                    return;
                }
                qCWarning(lcPlatform).noquote() << "network failure" << detail;
                callback(networkError(detail));
                return;
            }
            ApiResponse response;
            response.status = statusAttribute.toInt();
            response.body = std::move(state->body);
            response.url = reply->url();
            for (const auto &pair : reply->rawHeaderPairs())
                response.headers.append({ pair.first, pair.second });
            if (response.status < 100 || response.status > 599) {
                callback(Core::Error { InvalidResponse,
                    Tr::tr("The platform sent an answer this workstation cannot read. Try again "
                           "later; if it keeps happening, call the hall's IT staff."),
                    QString(what + QStringLiteral(": bad HTTP status")) });
                return;
            }
            if (!response.isSuccess() && response.status != 304)
                qCInfo(lcPlatform).noquote() << what << "answered" << response.status;
            callback(std::move(response));
        });
}

} // namespace Tongban::Platform
