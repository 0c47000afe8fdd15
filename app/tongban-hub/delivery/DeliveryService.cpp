#include "DeliveryService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "calls/CallService.h"
#include "events/EventService.h"
#include "mailings/MailingService.h"
#include "security/Secrets.h"
#include "sms/SmsService.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

namespace Tongban::Hub {

namespace {

const QStringList Methods { QStringLiteral("application_window"), QStringLiteral("home_window"),
    QStringLiteral("mail"), QStringLiteral("self_print") };

QTimeZone chinaTime()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

QString at(const QVariant &ms)
{
    return ms.isNull() ? QString()
                       : rfc3339(QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC));
}

struct CaseInfo
{
    QString windowId;
    QString homeJurisdiction;
    QString status;
    QString caseNumber;
    QJsonObject body;
};

std::optional<CaseInfo> caseInfo(
    Storage::Database &database, const Secrets *secrets, const QString &caseId)
{
    QSqlQuery query(database.connection());
    query.prepare(QStringLiteral("SELECT window_id, home_jurisdiction, status, case_number, body"
                                 " FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return CaseInfo { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(),
        PersonalData::openObject(secrets, query.value(4).toString()) };
}

HttpResponse forbidden(const QString &message)
{
    return errorResponse(403, QStringLiteral("forbidden"), message);
}

HttpResponse invalid(const QString &message, const QString &detail)
{
    return errorResponse(422, QStringLiteral("validation_failed"), message, detail);
}

HttpResponse notFound(const QString &what)
{
    return errorResponse(404, QStringLiteral("not_found"), QStringLiteral("记录不存在"), what);
}

} // namespace

DeliveryService::DeliveryService(Storage::Database &database, const Core::Clock &clock,
    const CalendarService &calendar, const QString &resultsDir)
    : m_database(database)
    , m_clock(clock)
    , m_calendar(calendar)
    , m_resultsDir(resultsDir)
{ }

bool DeliveryService::isSupervisor(const AuthContext &context)
{
    return context.role == QLatin1String("admin") || context.role == QLatin1String("supervisor");
}

QStringList DeliveryService::validateChoice(const QJsonObject &caseBody)
{
    QStringList problems;
    if (!caseBody.contains(QStringLiteral("delivery")))
        return problems;
    const QJsonObject delivery = caseBody.value(QStringLiteral("delivery")).toObject();
    const QString method = delivery.value(QStringLiteral("method")).toString();
    if (!Methods.contains(method)) {
        problems.append(QStringLiteral(
            "/delivery/method: application_window, home_window, mail or self_print"));
        return problems;
    }
    if (method != QLatin1String("mail"))
        return problems;
    const QJsonObject address = delivery.value(QStringLiteral("address")).toObject();
    const QString recipient = address.value(QStringLiteral("recipient")).toString().trimmed();
    const QString phone = address.value(QStringLiteral("phone")).toString();
    const QString postalCode = address.value(QStringLiteral("postalCode")).toString();
    const QString line = address.value(QStringLiteral("line")).toString().trimmed();
    if (recipient.isEmpty() || recipient.size() > 50)
        problems.append(QStringLiteral("/delivery/address/recipient: 1 to 50 characters"));
    if (!QRegularExpression(QStringLiteral("^1[3-9][0-9]{9}$")).match(phone).hasMatch())
        problems.append(QStringLiteral("/delivery/address/phone: a mobile number of 11 digits"));
    if (!QRegularExpression(QStringLiteral("^[1-8][0-9]{5}$")).match(postalCode).hasMatch())
        problems.append(QStringLiteral("/delivery/address/postalCode: 6 digits"));
    if (line.size() < 5 || line.size() > 200)
        problems.append(QStringLiteral("/delivery/address/line: 5 to 200 characters"));
    return problems;
}

QString DeliveryService::applicantText(
    const QString &purpose, const QString &caseNumber, const QString &method)
{
    if (purpose == QLatin1String("acceptance"))
        return QStringLiteral("【统一受理平台】您的申请（办件号%1）已受理，办结后将通知您。")
            .arg(caseNumber);
    if (purpose == QLatin1String("rejection"))
        return QStringLiteral("【统一受理平台】您的申请（办件号%1）不予受理，"
                              "不予受理通知书请到申请窗口领取。")
            .arg(caseNumber);
    if (purpose == QLatin1String("correction"))
        return QStringLiteral("【统一受理平台】您的申请（办件号%1）需要补正材料，"
                              "请按一次性告知书在期限内到任一通办窗口补正。")
            .arg(caseNumber);
    QString how;
    if (method == QLatin1String("mail"))
        how = QStringLiteral("办理结果将邮寄给您。");
    else if (method == QLatin1String("self_print"))
        how = QStringLiteral("请到自助终端打印办理结果。");
    else if (method == QLatin1String("home_window"))
        how = QStringLiteral("请到属地通办窗口领取办理结果。");
    else
        how = QStringLiteral("请到申请窗口领取办理结果。");
    return QStringLiteral("【统一受理平台】您的申请（办件号%1）已办结，%2").arg(caseNumber, how);
}

Core::Status DeliveryService::notifyApplicant(Storage::Database &database, const Core::Clock &clock,
    const Secrets &secrets, const QString &caseId, const QString &purpose)
{
    const auto info = caseInfo(database, &secrets, caseId);
    if (!info)
        return Core::Error { Core::ErrorRange::Platform + 70, QStringLiteral("No such case."),
            caseId };
    const QString phone = info->body.value(QStringLiteral("applicant"))
                              .toObject()
                              .value(QStringLiteral("phone"))
                              .toString();
    const QString method = info->body.value(QStringLiteral("delivery"))
                               .toObject()
                               .value(QStringLiteral("method"))
                               .toString();
    const auto queued = SmsService::enqueue(database, clock, secrets,
        { info->windowId, phone, applicantText(purpose, info->caseNumber, method), purpose,
            caseId });
    if (!queued)
        return queued.error();
    return {};
}

Core::Result<Core::WorkCalendar> DeliveryService::workCalendar(const CalendarService &calendar)
{
    const auto document = calendar.document();
    if (!document)
        return document.error();
    return Core::WorkCalendar::fromJson(*document);
}

QString DeliveryService::documentPath(const QString &caseId) const
{
    return QString(m_resultsDir + QStringLiteral("/completion-") + Core::sha256Hex(caseId.toUtf8())
        + QStringLiteral(".pdf"));
}

HttpResponse DeliveryService::complete(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin"))
        return forbidden(QStringLiteral("只有属地审批部门可以办结"));
    const auto info = caseInfo(m_database, m_secrets, caseId);
    if (!info
        || (context.role == QLatin1String("department")
            && info->homeJurisdiction != context.jurisdictionCode))
        return notFound(caseId);
    if (info->status != QLatin1String("accepted") && info->status != QLatin1String("completed")) {
        return errorResponse(409, QStringLiteral("conflict"),
            QStringLiteral("只有已受理的办件可以办结"), info->status);
    }
    const QByteArray pdf
        = QByteArray::fromBase64(body.value(QStringLiteral("document")).toString().toLatin1());
    if (!pdf.startsWith("%PDF-"))
        return invalid(QStringLiteral("办理结果须为 PDF 文件"), QStringLiteral("/document"));
    const QString sha = Core::sha256Hex(pdf);
    {
        QSqlQuery existing(m_database.connection());
        existing.prepare(QStringLiteral("SELECT c.document_sha256, d.id FROM hub_completions c"
                                        " JOIN hub_deliveries d ON d.case_id = c.case_id"
                                        " WHERE c.case_id = ?"));
        existing.addBindValue(caseId);
        if (existing.exec() && existing.next()) {
            if (existing.value(0).toString() != sha) {
                return errorResponse(
                    409, QStringLiteral("conflict"), QStringLiteral("该办件已办结"), caseId);
            }
            return jsonResponse(200, deliveryJson(existing.value(1).toString()));
        }
    }
    const QJsonObject choice = info->body.value(QStringLiteral("delivery")).toObject();
    const QString method
        = choice.value(QStringLiteral("method")).toString(QStringLiteral("application_window"));
    // Who hands the result over: the application window, or (home window, mail: 000
    // 第二十三条) a home window of the home jurisdiction, the one the applicant named if any.
    QString windowId = info->windowId;
    if (method == QLatin1String("home_window") || method == QLatin1String("mail")) {
        QSqlQuery home(m_database.connection());
        home.prepare(QStringLiteral("SELECT id FROM hub_windows WHERE jurisdiction_code = ?"
                                    " AND role IN ('home', 'both') ORDER BY (id = ?) DESC, id"));
        home.addBindValue(info->homeJurisdiction);
        home.addBindValue(choice.value(QStringLiteral("windowId")).toString());
        if (home.exec() && home.next())
            windowId = home.value(0).toString();
    }
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return internalError(calendar.error().detail);
    const QDateTime now = m_clock.now();
    const QDate today = now.toTimeZone(chinaTime()).date();
    // 003 第十七条: the result reaches the window within one working day.
    const auto dueDay = calendar->dueAfterWorkingDays(today, 1);
    if (!dueDay)
        return internalError(dueDay.error().detail);
    const QDateTime due = QDateTime(dueDay->date, QTime(23, 59, 59), chinaTime());
    const QString deliveryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = documentPath(caseId);
    QFile::remove(path); // a completion that failed before its commit
    if (const Core::Status written = Storage::FileSystem::system().writeNewFile(path, pdf);
        !written)
        return internalError(written.error().detail);
    const bool selfPrint = method == QLatin1String("self_print");
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery completion(m_database.connection());
        completion.prepare(QStringLiteral("INSERT INTO hub_completions (case_id, document_sha256,"
                                          " completed_at, by_account) VALUES (?, ?, ?, ?)"));
        completion.addBindValue(caseId);
        completion.addBindValue(sha);
        completion.addBindValue(now.toMSecsSinceEpoch());
        completion.addBindValue(context.account);
        if (!completion.exec())
            return Storage::Database::queryError(completion, QStringLiteral("completion"));
        QSqlQuery delivery(m_database.connection());
        delivery.prepare(QStringLiteral(
            "INSERT INTO hub_deliveries (id, case_id, method, window_id, address, state,"
            " created_at, due_at, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        delivery.addBindValue(deliveryId);
        delivery.addBindValue(caseId);
        delivery.addBindValue(method);
        delivery.addBindValue(windowId);
        delivery.addBindValue(
            QString::fromUtf8(QJsonDocument(choice.value(QStringLiteral("address")).toObject())
                                  .toJson(QJsonDocument::Compact)));
        delivery.addBindValue(selfPrint ? QStringLiteral("self_print") : QStringLiteral("pending"));
        delivery.addBindValue(now.toMSecsSinceEpoch());
        delivery.addBindValue(due.toMSecsSinceEpoch());
        delivery.addBindValue(selfPrint ? QVariant(now.toMSecsSinceEpoch()) : QVariant());
        if (!delivery.exec())
            return Storage::Database::queryError(delivery, QStringLiteral("delivery"));
        QSqlQuery status(m_database.connection());
        status.prepare(QStringLiteral("UPDATE hub_cases SET status = 'completed' WHERE id = ?"));
        status.addBindValue(caseId);
        if (!status.exec())
            return Storage::Database::queryError(status, QStringLiteral("case status"));
        if (!selfPrint) {
            const auto event = EventService::append(m_database, m_clock, windowId,
                QStringLiteral("delivery.task"),
                QJsonObject { { QStringLiteral("deliveryId"), deliveryId },
                    { QStringLiteral("caseId"), caseId },
                    { QStringLiteral("caseNumber"), info->caseNumber },
                    { QStringLiteral("method"), method },
                    { QStringLiteral("dueAt"), rfc3339(due) } });
            if (!event)
                return event.error();
        }
        if (!m_secrets)
            return Core::Error { Core::ErrorRange::Platform + 70,
                QStringLiteral("The hub's data key is missing."), caseId };
        return notifyApplicant(
            m_database, m_clock, *m_secrets, caseId, QStringLiteral("completion"));
    });
    if (!stored) {
        QFile::remove(path);
        return internalError(stored.error().detail);
    }
    qCInfo(lcHub) << "case" << caseId << "completed, delivery" << deliveryId << method << "by"
                  << windowId;
    return jsonResponse(201, deliveryJson(deliveryId));
}

QJsonObject DeliveryService::deliveryJson(const QString &deliveryId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT d.id, d.case_id, c.case_number, d.method, d.window_id, d.address, d.state,"
        " d.created_at, d.due_at, d.done_at, d.handed_by, d.received_by, d.carrier, d.waybill,"
        " d.recorded_by FROM hub_deliveries d JOIN hub_cases c ON c.id = d.case_id"
        " WHERE d.id = ?"));
    query.addBindValue(deliveryId);
    if (!query.exec() || !query.next())
        return {};
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const QString state = query.value(6).toString();
    const auto orNull = [](const QVariant &value) {
        return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
    };
    return QJsonObject { { QStringLiteral("deliveryId"), query.value(0).toString() },
        { QStringLiteral("caseId"), query.value(1).toString() },
        { QStringLiteral("caseNumber"), query.value(2).toString() },
        { QStringLiteral("method"), query.value(3).toString() },
        { QStringLiteral("windowId"), query.value(4).toString() },
        { QStringLiteral("address"),
            QJsonDocument::fromJson(query.value(5).toString().toUtf8()).object() },
        { QStringLiteral("state"), state }, { QStringLiteral("createdAt"), at(query.value(7)) },
        { QStringLiteral("dueAt"), at(query.value(8)) },
        { QStringLiteral("doneAt"), query.value(9).isNull() ? QJsonValue() : at(query.value(9)) },
        { QStringLiteral("overdue"),
            state == QLatin1String("pending") && now > query.value(8).toLongLong() },
        { QStringLiteral("handedBy"), orNull(query.value(10)) },
        { QStringLiteral("receivedBy"), orNull(query.value(11)) },
        { QStringLiteral("carrier"), orNull(query.value(12)) },
        { QStringLiteral("waybill"), orNull(query.value(13)) },
        { QStringLiteral("recordedBy"), orNull(query.value(14)) } };
}

HttpResponse DeliveryService::deliveries(const QUrlQuery &query, const AuthContext &context)
{
    const bool wide = isSupervisor(context);
    if (!wide && context.windowId.isEmpty())
        return forbidden(QStringLiteral("只有窗口可以查看送达任务"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    QSqlQuery rows(m_database.connection());
    rows.prepare(QStringLiteral("SELECT id FROM hub_deliveries WHERE (? OR window_id = ?)"
                                " AND (? = '' OR state = ?) ORDER BY due_at, id LIMIT 500"));
    rows.addBindValue(wide);
    rows.addBindValue(context.windowId);
    rows.addBindValue(state);
    rows.addBindValue(state);
    if (!rows.exec())
        return internalError(QStringLiteral("deliveries"));
    QStringList ids;
    while (rows.next())
        ids.append(rows.value(0).toString());
    QJsonArray list;
    for (const QString &id : ids)
        list.append(deliveryJson(id));
    return jsonResponse(200, QJsonObject { { QStringLiteral("deliveries"), list } });
}

HttpResponse DeliveryService::handover(
    const QString &deliveryId, const QJsonObject &body, const AuthContext &context)
{
    const QJsonObject delivery = deliveryJson(deliveryId);
    if (delivery.isEmpty())
        return notFound(deliveryId);
    if (context.windowId != delivery.value(QStringLiteral("windowId")).toString())
        return context.windowId.isEmpty() && !isSupervisor(context)
            ? notFound(deliveryId)
            : forbidden(QStringLiteral("只有负责送达的窗口可以登记送达"));
    const QString state = delivery.value(QStringLiteral("state")).toString();
    if (state != QLatin1String("pending"))
        return jsonResponse(200, delivery); // recorded before: the ledger does not change
    const bool mail = delivery.value(QStringLiteral("method")).toString() == QLatin1String("mail");
    const QString handedBy = body.value(QStringLiteral("handedBy")).toString().trimmed();
    const QString receivedBy = body.value(QStringLiteral("receivedBy")).toString().trimmed();
    const QString carrier = body.value(QStringLiteral("carrier")).toString().trimmed();
    const QString waybill = body.value(QStringLiteral("waybill")).toString();
    if (mail) {
        if (carrier.isEmpty() || carrier.size() > 40)
            return invalid(QStringLiteral("请填写快递公司"), QStringLiteral("/carrier"));
        if (!isValidWaybill(waybill))
            return invalid(
                QStringLiteral("运单号应为 8 到 30 位字母或数字"), QStringLiteral("/waybill"));
    } else if (handedBy.isEmpty() || receivedBy.isEmpty() || handedBy.size() > 50
        || receivedBy.size() > 50) {
        return invalid(QStringLiteral("请填写交付人和签收人"),
            QStringLiteral("/handedBy, /receivedBy: 1 to 50 characters"));
    }
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE hub_deliveries SET state = ?, done_at = ?, handed_by = ?, received_by = ?,"
        " carrier = ?, waybill = ?, recorded_by = ? WHERE id = ? AND state = 'pending'"));
    update.addBindValue(mail ? QStringLiteral("mailed") : QStringLiteral("handed_over"));
    update.addBindValue(m_clock.now().toMSecsSinceEpoch());
    update.addBindValue(mail ? QVariant() : QVariant(handedBy));
    update.addBindValue(mail ? QVariant() : QVariant(receivedBy));
    update.addBindValue(mail ? QVariant(carrier) : QVariant());
    update.addBindValue(mail ? QVariant(waybill) : QVariant());
    update.addBindValue(context.account);
    update.addBindValue(deliveryId);
    if (!update.exec())
        return internalError(QStringLiteral("handover"));
    return jsonResponse(200, deliveryJson(deliveryId));
}

HttpResponse DeliveryService::document(const QString &deliveryId, const AuthContext &context)
{
    const QJsonObject delivery = deliveryJson(deliveryId);
    const QString caseId = delivery.value(QStringLiteral("caseId")).toString();
    const auto info = caseInfo(m_database, m_secrets, caseId);
    const bool allowed = info
        && (isSupervisor(context)
            || context.windowId == delivery.value(QStringLiteral("windowId")).toString()
            || context.windowId == info->windowId
            || (context.role == QLatin1String("department")
                && context.jurisdictionCode == info->homeJurisdiction));
    if (delivery.isEmpty() || !allowed)
        return notFound(deliveryId);
    QFile file(documentPath(caseId));
    if (!file.open(QIODevice::ReadOnly))
        return internalError(QStringLiteral("result document missing"));
    HttpResponse response;
    response.status = 200;
    response.body = file.readAll();
    response.addHeader(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/pdf"));
    return response;
}

HttpResponse DeliveryService::rate(
    const QString &caseId, const QJsonObject &body, const AuthContext &context)
{
    const auto info = caseInfo(m_database, m_secrets, caseId);
    if (!info || context.windowId.isEmpty())
        return notFound(caseId);
    // Rated at the window that served the applicant: the one that sent the case or the one
    // that handed the result over.
    QSqlQuery handing(m_database.connection());
    handing.prepare(QStringLiteral("SELECT 1 FROM hub_deliveries WHERE case_id = ?"
                                   " AND window_id = ?"));
    handing.addBindValue(caseId);
    handing.addBindValue(context.windowId);
    const bool served = context.windowId == info->windowId || (handing.exec() && handing.next());
    if (!served)
        return notFound(caseId);
    const QJsonValue scoreValue = body.value(QStringLiteral("score"));
    const int score = scoreValue.toInt(0);
    if (!scoreValue.isDouble() || scoreValue.toDouble() != score || score < 1 || score > 5)
        return invalid(QStringLiteral("评价须为 1 到 5 分"), QStringLiteral("/score: 1 to 5"));
    const QString comment = body.value(QStringLiteral("comment")).toString();
    if (comment.size() > 500)
        return invalid(QStringLiteral("评价意见最多 500 字"), QStringLiteral("/comment"));
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral("SELECT score, comment FROM hub_ratings WHERE case_id = ?"
                                    " AND account = ?"));
    existing.addBindValue(caseId);
    existing.addBindValue(context.account);
    if (existing.exec() && existing.next()) {
        if (existing.value(0).toInt() == score && existing.value(1).toString() == comment)
            return jsonResponse(200, QJsonObject { { QStringLiteral("caseId"), caseId } });
        return errorResponse(
            409, QStringLiteral("conflict"), QStringLiteral("该办件已评价"), caseId);
    }
    const bool bad = score <= 2; // 差评 (004: 发现问题、整改问题)
    const QString rectificationId
        = bad ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral("INSERT INTO hub_ratings (case_id, account, window_id,"
                                      " score, comment, rated_at) VALUES (?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(caseId);
        insert.addBindValue(context.account);
        insert.addBindValue(context.windowId);
        insert.addBindValue(score);
        insert.addBindValue(comment.isNull() ? QStringLiteral("") : comment);
        insert.addBindValue(now);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("rating"));
        if (!bad)
            return {};
        QSqlQuery open(m_database.connection());
        open.prepare(QStringLiteral("INSERT INTO hub_rectifications (id, case_id, account,"
                                    " window_id, opened_at) VALUES (?, ?, ?, ?, ?)"));
        open.addBindValue(rectificationId);
        open.addBindValue(caseId);
        open.addBindValue(context.account);
        open.addBindValue(context.windowId);
        open.addBindValue(now);
        if (!open.exec())
            return Storage::Database::queryError(open, QStringLiteral("rectification"));
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    QJsonObject answer { { QStringLiteral("caseId"), caseId } };
    if (bad)
        answer.insert(QStringLiteral("rectificationId"), rectificationId);
    return jsonResponse(201, answer);
}

HttpResponse DeliveryService::rectifications(const QUrlQuery &query, const AuthContext &context)
{
    if (!isSupervisor(context))
        return forbidden(QStringLiteral("只有管理员和监督人员可以查看整改"));
    const QString state = query.queryItemValue(QStringLiteral("state"));
    QSqlQuery rows(m_database.connection());
    rows.prepare(
        QStringLiteral("SELECT r.id, r.case_id, c.case_number, r.account, r.window_id, r.opened_at,"
                       " r.rectified_at, r.rectified_by, r.rectification, g.score, g.comment"
                       " FROM hub_rectifications r JOIN hub_cases c ON c.id = r.case_id"
                       " LEFT JOIN hub_ratings g ON g.case_id = r.case_id AND g.account = r.account"
                       " WHERE (? = '' OR (? = 'open' AND r.rectified_at IS NULL)"
                       " OR (? = 'rectified' AND r.rectified_at IS NOT NULL))"
                       " ORDER BY r.opened_at, r.id LIMIT 500"));
    rows.addBindValue(state);
    rows.addBindValue(state);
    rows.addBindValue(state);
    if (!rows.exec())
        return internalError(QStringLiteral("rectifications"));
    QJsonArray list;
    while (rows.next()) {
        list.append(QJsonObject { { QStringLiteral("rectificationId"), rows.value(0).toString() },
            { QStringLiteral("caseId"), rows.value(1).toString() },
            { QStringLiteral("caseNumber"), rows.value(2).toString() },
            { QStringLiteral("account"), rows.value(3).toString() },
            { QStringLiteral("windowId"), rows.value(4).toString() },
            { QStringLiteral("openedAt"), at(rows.value(5)) },
            { QStringLiteral("state"),
                rows.value(6).isNull() ? QStringLiteral("open") : QStringLiteral("rectified") },
            { QStringLiteral("rectifiedAt"),
                rows.value(6).isNull() ? QJsonValue() : QJsonValue(at(rows.value(6))) },
            { QStringLiteral("rectifiedBy"), rows.value(7).toString() },
            { QStringLiteral("rectification"), rows.value(8).toString() },
            { QStringLiteral("score"), rows.value(9).toInt() },
            { QStringLiteral("comment"), rows.value(10).toString() } });
    }
    return jsonResponse(200, QJsonObject { { QStringLiteral("rectifications"), list } });
}

HttpResponse DeliveryService::rectify(
    const QString &id, const QJsonObject &body, const AuthContext &context)
{
    if (!isSupervisor(context))
        return forbidden(QStringLiteral("只有管理员和监督人员可以登记整改"));
    const QString text = body.value(QStringLiteral("rectification")).toString().trimmed();
    if (text.isEmpty() || text.size() > 2000)
        return invalid(QStringLiteral("请填写整改情况"), QStringLiteral("/rectification"));
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_rectifications SET rectified_at = ?,"
                                  " rectified_by = ?, rectification = ?"
                                  " WHERE id = ? AND rectified_at IS NULL"));
    update.addBindValue(m_clock.now().toMSecsSinceEpoch());
    update.addBindValue(context.account);
    update.addBindValue(text);
    update.addBindValue(id);
    if (!update.exec())
        return internalError(QStringLiteral("rectify"));
    QSqlQuery exists(m_database.connection());
    exists.prepare(QStringLiteral("SELECT 1 FROM hub_rectifications WHERE id = ?"));
    exists.addBindValue(id);
    if (!exists.exec() || !exists.next())
        return notFound(id);
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("rectificationId"), id },
            { QStringLiteral("state"), QStringLiteral("rectified") } });
}

namespace {

QDateTime reportDeadline(const Core::WorkCalendar &calendar, qint64 createdAt)
{
    const QDate created = QDateTime::fromMSecsSinceEpoch(createdAt, Qt::UTC)
                              .toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
                              .date();
    const auto day = calendar.dueAfterWorkingDays(created, 5);
    return QDateTime(day ? day->date : created.addDays(7), QTime(23, 59, 59),
        QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
}

} // namespace

Core::Status DeliveryService::setReportDeadline(const QString &reportId)
{
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return calendar.error();
    QSqlQuery report(m_database.connection());
    report.prepare(QStringLiteral("SELECT created_at FROM hub_guide_reports WHERE id = ?"
                                  " AND due_at IS NULL"));
    report.addBindValue(reportId);
    if (!report.exec())
        return Storage::Database::queryError(report, QStringLiteral("guide report"));
    if (!report.next())
        return {}; // set before (a repeated report)
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE hub_guide_reports SET due_at = ? WHERE id = ?"));
    update.addBindValue(
        reportDeadline(*calendar, report.value(0).toLongLong()).toMSecsSinceEpoch());
    update.addBindValue(reportId);
    if (!update.exec())
        return Storage::Database::queryError(update, QStringLiteral("guide report deadline"));
    return {};
}

HttpResponse DeliveryService::answerReport(
    const QString &reportId, const QJsonObject &body, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin"))
        return forbidden(QStringLiteral("只有事项所属部门可以答复纠错"));
    QSqlQuery report(m_database.connection());
    report.prepare(QStringLiteral("SELECT jurisdiction_code, window_id, status, item_code,"
                                  " created_at FROM hub_guide_reports WHERE id = ?"));
    report.addBindValue(reportId);
    if (!report.exec() || !report.next()
        || (context.role == QLatin1String("department")
            && report.value(0).toString() != context.jurisdictionCode))
        return notFound(reportId);
    const QString windowId = report.value(1).toString();
    const QString itemCode = report.value(3).toString();
    const QString status = body.value(QStringLiteral("status")).toString();
    const QString answer = body.value(QStringLiteral("answer")).toString().trimmed();
    static const QStringList statuses { QStringLiteral("in_progress"), QStringLiteral("corrected"),
        QStringLiteral("not_an_error") };
    if (!statuses.contains(status))
        return invalid(QStringLiteral("处理状态不正确"),
            QStringLiteral("/status: in_progress, corrected or not_an_error"));
    if (answer.isEmpty() || answer.size() > 4000)
        return invalid(
            QStringLiteral("请填写答复"), QStringLiteral("/answer: 1 to 4000 characters"));
    // The deadline: five working days after the report unless the department sets another.
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return internalError(calendar.error().detail);
    QDateTime due
        = QDateTime::fromString(body.value(QStringLiteral("dueAt")).toString(), Qt::ISODate);
    if (body.contains(QStringLiteral("dueAt")) && !due.isValid())
        return invalid(QStringLiteral("期限格式不正确"), QStringLiteral("/dueAt: RFC 3339"));
    if (!due.isValid())
        due = reportDeadline(*calendar, report.value(4).toLongLong());
    const QDateTime now = m_clock.now();
    const Core::Status stored = m_database.transaction([&]() -> Core::Status {
        QSqlQuery update(m_database.connection());
        update.prepare(
            QStringLiteral("UPDATE hub_guide_reports SET status = ?, answer = ?,"
                           " answered_by = ?, answered_at = ?, due_at = ? WHERE id = ?"));
        update.addBindValue(status);
        update.addBindValue(answer);
        update.addBindValue(context.account);
        update.addBindValue(now.toMSecsSinceEpoch());
        update.addBindValue(due.toMSecsSinceEpoch());
        update.addBindValue(reportId);
        if (!update.exec())
            return Storage::Database::queryError(update, QStringLiteral("answer report"));
        if (windowId.isEmpty())
            return {};
        const auto event = EventService::append(m_database, m_clock, windowId,
            QStringLiteral("guide_report.answered"),
            QJsonObject { { QStringLiteral("reportId"), reportId },
                { QStringLiteral("itemCode"), itemCode }, { QStringLiteral("status"), status },
                { QStringLiteral("answer"), answer }, { QStringLiteral("dueAt"), rfc3339(due) } });
        if (!event)
            return event.error();
        return {};
    });
    if (!stored)
        return internalError(stored.error().detail);
    return jsonResponse(200,
        QJsonObject { { QStringLiteral("reportId"), reportId },
            { QStringLiteral("status"), status }, { QStringLiteral("answer"), answer },
            { QStringLiteral("answeredAt"), rfc3339(now) },
            { QStringLiteral("dueAt"), rfc3339(due) } });
}

} // namespace Tongban::Hub
