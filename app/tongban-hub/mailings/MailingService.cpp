#include "MailingService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"

#include <core/Hash.h>
#include <storage/Database.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace Tongban::Hub {

namespace {

bool mayRead(const MailingCase &info, const AuthContext &context)
{
    if (context.role == QLatin1String("admin"))
        return true;
    if (context.role == QLatin1String("department") || context.role == QLatin1String("home"))
        return info.homeJurisdiction == context.jurisdictionCode;
    return info.windowId == context.windowId;
}

Core::Error caseNotFound(const QString &caseId)
{
    return { MailingService::CaseNotFound, QStringLiteral("案件不存在"), caseId };
}

Core::Error mailingNotFound(const QString &mailingId)
{
    return { MailingService::MailingNotFound, QStringLiteral("寄递记录不存在"), mailingId };
}

Core::Error storageFailed(const Core::Error &error)
{
    return { MailingService::StorageFailed, QString(), error.detail };
}

QStringList validateMailing(const QJsonObject &body, const MailingCase &info)
{
    QStringList problems;
    const QString clientMailingId = body.value(QStringLiteral("clientMailingId")).toString();
    if (clientMailingId.isEmpty() || clientMailingId.size() > 100)
        problems << QStringLiteral("/clientMailingId: required, at most 100 characters");
    const QString carrier = body.value(QStringLiteral("carrier")).toString();
    if (carrier.trimmed().isEmpty() || carrier.size() > 40)
        problems << QStringLiteral("/carrier: required, at most 40 characters");
    if (!isValidWaybill(body.value(QStringLiteral("waybill")).toString()))
        problems << QStringLiteral("/waybill: 8 to 30 letters or digits");
    if (!isRfc3339(body.value(QStringLiteral("sentAt")).toString()))
        problems << QStringLiteral("/sentAt: RFC 3339 time with offset");
    const QJsonValue materialsValue = body.value(QStringLiteral("materials"));
    const QJsonArray materials = materialsValue.toArray();
    if (!materialsValue.isArray() || materials.isEmpty() || materials.size() > 100) {
        problems << QStringLiteral("/materials: a non-empty array of materialIds");
    } else {
        QSet<QString> seen;
        for (qsizetype i = 0; i < materials.size(); ++i) {
            const QString id = materials.at(i).toString();
            if (!info.materialIds.contains(id) || seen.contains(id))
                problems << QStringLiteral("/materials/%1: not a material of the case, or repeated")
                                .arg(i);
            seen.insert(id);
        }
    }
    return problems;
}

} // namespace

bool isValidWaybill(const QString &waybill)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{8,30}$"));
    return pattern.match(waybill).hasMatch();
}

bool isRfc3339(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$"));
    return text.size() <= 40 && pattern.match(text).hasMatch()
        && QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
}

MailingService::MailingService(Storage::Database &database, const Core::Clock &clock)
    : m_store(database)
    , m_clock(clock)
{ }

Core::Result<MailingService::Created> MailingService::create(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto info = m_store.caseOf(caseId);
    if (!info || !mayRead(*info, context))
        return caseNotFound(caseId);
    if (context.windowId.isEmpty() || info->windowId != context.windowId) {
        return Core::Error { Forbidden, QStringLiteral("只有受理该案件的窗口可以登记寄递"),
            caseId };
    }
    const QStringList problems = validateMailing(body, *info);
    if (!problems.isEmpty()) {
        return Core::Error { ValidationFailed,
            QStringLiteral("寄递信息不完整或有误，请核对后重新提交"),
            problems.join(QStringLiteral("; ")) };
    }
    const QString clientMailingId = body.value(QStringLiteral("clientMailingId")).toString();
    const QString bodySha = Core::sha256Hex(QJsonDocument(body).toJson(QJsonDocument::Compact));

    const auto existing = m_store.findByClientMailingId(caseId, clientMailingId);
    if (!existing)
        return storageFailed(existing.error());
    if (*existing) {
        if ((*existing)->bodySha256 != bodySha) {
            return Core::Error { IdempotencyConflict,
                QStringLiteral("同一寄递编号已用于内容不同的寄递"), clientMailingId };
        }
        return Created { (*existing)->id, false };
    }
    MailingRecord mailing;
    mailing.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    mailing.clientMailingId = clientMailingId;
    mailing.caseId = caseId;
    mailing.carrier = body.value(QStringLiteral("carrier")).toString().trimmed();
    mailing.waybill = body.value(QStringLiteral("waybill")).toString();
    mailing.sentAt = body.value(QStringLiteral("sentAt")).toString();
    mailing.materials = body.value(QStringLiteral("materials")).toArray();
    const Core::Status stored
        = m_store.insert(mailing, context.account, bodySha, m_clock.now().toMSecsSinceEpoch());
    if (!stored)
        return storageFailed(stored.error());
    qCInfo(lcHub) << "mailing" << mailing.id << "for case" << caseId;
    return Created { mailing.id, true };
}

Core::Result<QList<MailingRecord>> MailingService::list(
    const QString &caseId, const AuthContext &context)
{
    const auto info = m_store.caseOf(caseId);
    if (!info || !mayRead(*info, context))
        return caseNotFound(caseId);
    auto mailings = m_store.ofCase(caseId);
    if (!mailings)
        return storageFailed(mailings.error());
    return mailings;
}

Core::Result<MailingRecord> MailingService::received(
    const QString &mailingId, const AuthContext &context)
{
    const auto found = m_store.find(mailingId);
    if (!found)
        return storageFailed(found.error());
    if (!*found)
        return mailingNotFound(mailingId);
    const MailingRecord mailing = **found;
    const QString caseId = mailing.caseId;
    const auto info = m_store.caseOf(caseId);
    if (!info || !mayRead(*info, context))
        return mailingNotFound(mailingId);
    if (context.role != QLatin1String("home") || context.windowId.isEmpty()
        || context.jurisdictionCode != info->homeJurisdiction) {
        return Core::Error { Forbidden, QStringLiteral("只有属地通办窗口可以确认收到原件"),
            mailingId };
    }
    if (!mailing.receivedAtMs) {
        const qint64 nowMs = m_clock.now().toMSecsSinceEpoch();
        Storage::Database &database = m_store.database();
        const Core::Status stored
            = m_store.markReceived(mailingId, nowMs, context.windowId, [&]() -> Core::Status {
                  const auto event = EventService::append(database, m_clock, info->windowId,
                      QStringLiteral("mailing.received"),
                      QJsonObject { { QStringLiteral("mailingId"), mailingId },
                          { QStringLiteral("caseId"), caseId },
                          { QStringLiteral("caseNumber"),
                              info->caseNumber.isEmpty() ? QJsonValue()
                                                         : QJsonValue(info->caseNumber) },
                          { QStringLiteral("receivedAt"),
                              rfc3339(QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)) },
                          { QStringLiteral("by"), context.windowId } });
                  if (!event)
                      return event.error();
                  return {};
              });
        if (!stored)
            return storageFailed(stored.error());
        qCInfo(lcHub) << "mailing" << mailingId << "received by" << context.windowId;
    }
    const auto now = m_store.find(mailingId);
    if (!now || !*now)
        return mailing; // the row does not read back: the mailing as it was read
    return **now;
}

} // namespace Tongban::Hub
