#pragma once

// A small synchronous HTTP client for the hub tests: real requests over
// 127.0.0.1 with QNetworkAccessManager, waiting in a local event loop (so an
// in-process hub keeps serving while the test waits).

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

#include <SampleCase.h>

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const
    {
        return json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toString();
    }
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

class HubTestClient
{
public:
    explicit HubTestClient(QString base)
        : m_base(std::move(base))
    { }

    QByteArray token;

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
        QList<QPair<QByteArray, QByteArray>> headers = {})
    {
        QNetworkRequest request(
            QUrl(path.startsWith(QLatin1String("http")) ? path : QString(m_base + path)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", QByteArray("Bearer " + token));
        bool hasType = false;
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
            hasType = hasType || name.compare("Content-Type", Qt::CaseInsensitive) == 0;
        }
        if (!body.isEmpty() && !hasType)
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return result;
    }

    Reply postJson(const QString &path, const QJsonObject &object)
    {
        return send("POST", path, QJsonDocument(object).toJson(QJsonDocument::Compact));
    }

    Reply login(const QString &account, const QString &password, const QString &windowId = {})
    {
        QJsonObject body { { QStringLiteral("account"), account },
            { QStringLiteral("password"), password } };
        if (!windowId.isEmpty())
            body.insert(QStringLiteral("windowId"), windowId);
        Reply reply = postJson(QStringLiteral("/api/v1/session"), body);
        if (reply.status == 200)
            token = reply.json().value(QStringLiteral("accessToken")).toString().toLatin1();
        return reply;
    }

    static QByteArray tusMetadata(const QMap<QString, QByteArray> &values)
    {
        QByteArrayList pairs;
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            pairs << QByteArray(it.key().toLatin1() + ' ' + it.value().toBase64());
        return pairs.join(',');
    }

    Reply createUpload(const QString &caseId, const QString &pageId, const QByteArray &file)
    {
        const QByteArray sha = QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex();
        return send("POST", QStringLiteral("/api/v1/uploads"), {},
            { { "Tus-Resumable", "1.0.0" }, { "Upload-Length", QByteArray::number(file.size()) },
                { "Upload-Metadata",
                    tusMetadata({ { QStringLiteral("caseId"), caseId.toUtf8() },
                        { QStringLiteral("clientPageId"), pageId.toUtf8() },
                        { QStringLiteral("sha256"), sha },
                        { QStringLiteral("mediaType"), QByteArrayLiteral("image/jpeg") } }) } });
    }

    Reply patch(const QString &location, qint64 offset, const QByteArray &chunk,
        const QByteArray &checksum = {})
    {
        QByteArray sum = checksum.isNull()
            ? QCryptographicHash::hash(chunk, QCryptographicHash::Sha256).toBase64()
            : checksum;
        return send("PATCH", location, chunk,
            { { "Tus-Resumable", "1.0.0" }, { "Content-Type", "application/offset+octet-stream" },
                { "Upload-Offset", QByteArray::number(offset) },
                { "Upload-Checksum", QByteArray("sha256 " + sum) } });
    }

    Reply head(const QString &location)
    {
        return send("HEAD", location, {}, { { "Tus-Resumable", "1.0.0" } });
    }

    /// A case with one material whose pages are \a files (page ids returned in \a pageIds).
    static QJsonObject caseBody(
        const QString &clientCaseId, const QList<QByteArray> &files, QStringList *pageIds)
    {
        QJsonArray pages;
        for (const QByteArray &file : files) {
            const QString pageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            pageIds->append(pageId);
            pages.append(::Tongban::TestSupport::samplePage(pageId, file));
        }
        return ::Tongban::TestSupport::sampleCaseBody(clientCaseId, pages);
    }

    static QByteArray randomFile(int sizeBytes, char seed)
    {
        QByteArray data(sizeBytes, Qt::Uninitialized);
        for (int i = 0; i < sizeBytes; ++i)
            data[i] = char((i * 31 + seed) & 0xff);
        return data;
    }

private:
    QString m_base;
    QNetworkAccessManager m_manager;
};
