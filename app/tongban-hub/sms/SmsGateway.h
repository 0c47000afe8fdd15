#pragma once

#include "SmsConfig.h"

#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace Tongban::Hub {

class Secrets;

/// One message of `sms_outbox` handed to a gateway.
struct OutgoingSms
{
    qint64 id = 0;
    QString phone;
    QString text;
    QString purpose; ///< missed_call, acceptance, rejection, correction, completion, ...
    QString caseId;
};

/// What a gateway made of one attempt.
struct SmsAttempt
{
    enum Outcome {
        Sent, ///< taken by the gateway
        Delivered, ///< the gateway reports it on the phone
        RetryLater, ///< a temporary failure (network, 5xx, 408, 429, timeout)
        Refused, ///< a permanent failure (other 4xx): not retried
    };
    Outcome outcome = Sent;
    QString reference; ///< the gateway's id of the message, if it gave one
    QString error; ///< why it failed; never holds the phone number
};

/*!
 * Where the SMS of the outbox go (issue 17). send() answers through \a done exactly once, at
 * once or later on the same thread. A gateway never logs a phone number unmasked.
 */
class SmsGateway
{
public:
    virtual ~SmsGateway() = default;
    virtual QString name() const = 0;
    virtual void send(const OutgoingSms &sms, std::function<void(SmsAttempt)> done) = 0;
};

/*!
 * The embedded default: appends each message as one JSON line to a file that only the hub's
 * account may read (0600), for a hall without an SMS contract or for tests. No number is
 * stored in plain text (issue 17): `to` is sealed with the hub's key (Secrets::seal; the
 * operator reads it with `tongban-hub sms list --unmasked`, whose ids are the lines' `id`),
 * `toMasked` shows it masked (139****5678); without a key only the masked number is written.
 */
class FileSmsGateway : public SmsGateway
{
public:
    explicit FileSmsGateway(const QString &path);
    QString name() const override { return QStringLiteral("file"); }
    void send(const OutgoingSms &sms, std::function<void(SmsAttempt)> done) override;
    QString path() const { return m_path; }
    void setSecrets(const Secrets *secrets) { m_secrets = secrets; }

private:
    QString m_path;
    const Secrets *m_secrets = nullptr;
};

/*!
 * POSTs each message to the operator's HTTP interface (SmsConfig::httpUrl) with the body
 * SmsConfig::httpTemplate. 2xx is sent (delivered when the JSON answer says
 * `"status":"delivered"`; its `"id"` is kept as the reference); 408, 429, 5xx, a network
 * error or a timeout are retried later; any other answer is refused for good.
 */
class HttpSmsGateway : public QObject, public SmsGateway
{
    Q_OBJECT
public:
    HttpSmsGateway(const SmsConfig &config, QObject *parent = nullptr);
    QString name() const override { return QStringLiteral("http"); }
    void send(const OutgoingSms &sms, std::function<void(SmsAttempt)> done) override;

    /// \a pattern with the placeholders replaced by the message's values, JSON-escaped.
    static QByteArray render(const QString &pattern, const OutgoingSms &sms);

private:
    SmsConfig m_config;
    QNetworkAccessManager *m_network;
};

} // namespace Tongban::Hub
