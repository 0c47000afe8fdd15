#include "DeliveryService.h"

#include "Logging.h"
#include "accounts/AccountService.h"
#include "calendar/CalendarService.h"
#include "events/EventService.h"
#include "http/HttpTypes.h"
#include "mailings/MailingService.h"
#include "security/Secrets.h"
#include "sms/SmsService.h"

#include <core/Hash.h>
#include <storage/FileSystem.h>

#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUuid>

namespace Tongban::Hub {

namespace {

const QStringList Methods { QStringLiteral("application_window"), QStringLiteral("home_window"),
    QStringLiteral("mail"), QStringLiteral("self_print") };

QTimeZone chinaTime()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

Core::Error forbidden(const QString &message)
{
    return Core::Error { DeliveryService::Forbidden, message, {} };
}

Core::Error invalid(const QString &message, const QString &detail)
{
    return Core::Error { DeliveryService::Invalid, message, detail };
}

Core::Error notFound(const QString &what)
{
    return Core::Error { DeliveryService::NotFound, QStringLiteral("记录不存在"), what };
}

Core::Error conflict(const QString &message, const QString &detail)
{
    return Core::Error { DeliveryService::Conflict, message, detail };
}

Core::Error failed(const QString &detail)
{
    return Core::Error { DeliveryService::Failed, QStringLiteral("Internal error."), detail };
}

/// A case with its body opened; nullopt when there is none (or it cannot be read).
struct CaseInfo
{
    QString windowId, homeJurisdiction, status, caseNumber;
    QJsonObject body;
};

std::optional<CaseInfo> caseInfo(
    const DeliveryStore &store, const Secrets *secrets, const QString &caseId)
{
    const auto found = store.caseInfo(caseId);
    if (!found || !*found)
        return std::nullopt;
    const DeliveryStore::CaseInfo &row = **found;
    return CaseInfo { row.windowId, row.homeJurisdiction, row.status, row.caseNumber,
        PersonalData::openObject(secrets, row.storedBody) };
}

QDateTime reportDeadline(const Core::WorkCalendar &calendar, qint64 createdAt)
{
    const QDate created
        = QDateTime::fromMSecsSinceEpoch(createdAt, Qt::UTC).toTimeZone(chinaTime()).date();
    const auto day = calendar.dueAfterWorkingDays(created, 5);
    return QDateTime(day ? day->date : created.addDays(7), QTime(23, 59, 59), chinaTime());
}

} // namespace

DeliveryService::DeliveryService(Storage::Database &database, const Core::Clock &clock,
    const CalendarService &calendar, const QString &resultsDir)
    : m_store(database)
    , m_database(database)
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
    const auto info = caseInfo(DeliveryStore(database), &secrets, caseId);
    if (!info)
        return Core::Error { NotFound, QStringLiteral("No such case."), caseId };
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

Core::Result<DeliveryStore::Delivery> DeliveryService::deliveryOf(const QString &deliveryId) const
{
    auto found = m_store.delivery(deliveryId);
    if (!found)
        return failed(found.error().detail);
    if (!*found)
        return notFound(deliveryId);
    DeliveryStore::Delivery delivery = **found;
    delivery.overdue = delivery.state == QLatin1String("pending")
        && m_clock.now().toMSecsSinceEpoch() > delivery.dueAt;
    return delivery;
}

Core::Result<DeliveryService::Completion> DeliveryService::complete(
    const QString &caseId, const QByteArray &pdf, const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin"))
        return forbidden(QStringLiteral("只有属地审批部门可以办结"));
    const auto info = caseInfo(m_store, m_secrets, caseId);
    if (!info
        || (context.role == QLatin1String("department")
            && info->homeJurisdiction != context.jurisdictionCode))
        return notFound(caseId);
    if (info->status != QLatin1String("accepted") && info->status != QLatin1String("completed"))
        return conflict(QStringLiteral("只有已受理的办件可以办结"), info->status);
    if (!pdf.startsWith("%PDF-"))
        return invalid(QStringLiteral("办理结果须为 PDF 文件"), QStringLiteral("/document"));
    const QString sha = Core::sha256Hex(pdf);
    if (const auto existing = m_store.completion(caseId); existing && *existing) {
        if ((*existing)->first != sha)
            return conflict(QStringLiteral("该办件已办结"), caseId);
        const auto delivery = deliveryOf((*existing)->second);
        if (!delivery)
            return delivery.error();
        return Completion { *delivery, false };
    }
    const QJsonObject choice = info->body.value(QStringLiteral("delivery")).toObject();
    const QString method
        = choice.value(QStringLiteral("method")).toString(QStringLiteral("application_window"));
    // Who hands the result over: the application window, or (home window, mail: 000
    // 第二十三条) a home window of the home jurisdiction, the one the applicant named if any.
    QString windowId = info->windowId;
    if (method == QLatin1String("home_window") || method == QLatin1String("mail")) {
        const auto home = m_store.homeWindow(
            info->homeJurisdiction, choice.value(QStringLiteral("windowId")).toString());
        if (home && *home)
            windowId = **home;
    }
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return failed(calendar.error().detail);
    const QDateTime now = m_clock.now();
    const QDate today = now.toTimeZone(chinaTime()).date();
    // 003 第十七条: the result reaches the window within one working day.
    const auto dueDay = calendar->dueAfterWorkingDays(today, 1);
    if (!dueDay)
        return failed(dueDay.error().detail);
    const QDateTime due = QDateTime(dueDay->date, QTime(23, 59, 59), chinaTime());
    const QString deliveryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString path = documentPath(caseId);
    QFile::remove(path); // a completion that failed before its commit
    if (const Core::Status written = Storage::FileSystem::system().writeNewFile(path, pdf);
        !written)
        return failed(written.error().detail);
    const bool selfPrint = method == QLatin1String("self_print");
    DeliveryStore::NewCompletion completion;
    completion.caseId = caseId;
    completion.documentSha256 = sha;
    completion.byAccount = context.account;
    completion.deliveryId = deliveryId;
    completion.method = method;
    completion.windowId = windowId;
    completion.addressJson
        = QString::fromUtf8(QJsonDocument(choice.value(QStringLiteral("address")).toObject())
                                .toJson(QJsonDocument::Compact));
    completion.state = selfPrint ? QStringLiteral("self_print") : QStringLiteral("pending");
    completion.at = now.toMSecsSinceEpoch();
    completion.dueAt = due.toMSecsSinceEpoch();
    if (selfPrint)
        completion.doneAt = now.toMSecsSinceEpoch();
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        if (const Core::Status added = m_store.addCompletion(completion); !added)
            return added;
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
            return Core::Error { Failed, QStringLiteral("The hub's data key is missing."), caseId };
        return notifyApplicant(
            m_database, m_clock, *m_secrets, caseId, QStringLiteral("completion"));
    });
    if (!stored) {
        QFile::remove(path);
        return failed(stored.error().detail);
    }
    qCInfo(lcHub) << "case" << caseId << "completed, delivery" << deliveryId << method << "by"
                  << windowId;
    const auto delivery = deliveryOf(deliveryId);
    if (!delivery)
        return delivery.error();
    return Completion { *delivery, true };
}

Core::Result<QList<DeliveryStore::Delivery>> DeliveryService::deliveries(
    const QString &state, const AuthContext &context) const
{
    const bool wide = isSupervisor(context);
    if (!wide && context.windowId.isEmpty())
        return forbidden(QStringLiteral("只有窗口可以查看送达任务"));
    const auto ids = m_store.deliveryIds(wide, context.windowId, state, 500);
    if (!ids)
        return failed(QStringLiteral("deliveries"));
    QList<DeliveryStore::Delivery> list;
    for (const QString &id : *ids) {
        if (const auto delivery = deliveryOf(id))
            list.append(*delivery);
    }
    return list;
}

Core::Result<DeliveryStore::Delivery> DeliveryService::handover(
    const QString &deliveryId, const HandoverRequest &request, const AuthContext &context)
{
    const auto delivery = deliveryOf(deliveryId);
    if (!delivery)
        return delivery.error().code == NotFound ? notFound(deliveryId) : delivery.error();
    if (context.windowId != delivery->windowId)
        return context.windowId.isEmpty() && !isSupervisor(context)
            ? notFound(deliveryId)
            : forbidden(QStringLiteral("只有负责送达的窗口可以登记送达"));
    if (delivery->state != QLatin1String("pending"))
        return *delivery; // recorded before: the ledger does not change
    const bool mail = delivery->method == QLatin1String("mail");
    const QString handedBy = request.handedBy.trimmed();
    const QString receivedBy = request.receivedBy.trimmed();
    const QString carrier = request.carrier.trimmed();
    const QString &waybill = request.waybill;
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
    DeliveryStore::Handover handover;
    handover.state = mail ? QStringLiteral("mailed") : QStringLiteral("handed_over");
    handover.doneAt = m_clock.now().toMSecsSinceEpoch();
    if (mail) {
        handover.carrier = carrier;
        handover.waybill = waybill;
    } else {
        handover.handedBy = handedBy;
        handover.receivedBy = receivedBy;
    }
    handover.recordedBy = context.account;
    if (!m_store.recordHandover(deliveryId, handover))
        return failed(QStringLiteral("handover"));
    return deliveryOf(deliveryId);
}

Core::Result<QByteArray> DeliveryService::document(
    const QString &deliveryId, const AuthContext &context) const
{
    const auto delivery = deliveryOf(deliveryId);
    const QString caseId = delivery ? delivery->caseId : QString();
    const auto info = caseInfo(m_store, m_secrets, caseId);
    const bool allowed = delivery && info
        && (isSupervisor(context) || context.windowId == delivery->windowId
            || context.windowId == info->windowId
            || (context.role == QLatin1String("department")
                && context.jurisdictionCode == info->homeJurisdiction));
    if (!allowed)
        return notFound(deliveryId);
    QFile file(documentPath(caseId));
    if (!file.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("result document missing"));
    return file.readAll();
}

Core::Result<DeliveryService::Rated> DeliveryService::rate(
    const QString &caseId, int score, const QString &comment, const AuthContext &context)
{
    const auto info = caseInfo(m_store, m_secrets, caseId);
    if (!info || context.windowId.isEmpty())
        return notFound(caseId);
    // Rated at the window that served the applicant: the one that sent the case or the one
    // that handed the result over.
    const auto delivers = m_store.windowDelivers(caseId, context.windowId);
    const bool served = context.windowId == info->windowId || (delivers && *delivers);
    if (!served)
        return notFound(caseId);
    if (score < 1 || score > 5)
        return invalid(QStringLiteral("评价须为 1 到 5 分"), QStringLiteral("/score: 1 to 5"));
    if (comment.size() > 500)
        return invalid(QStringLiteral("评价意见最多 500 字"), QStringLiteral("/comment"));
    if (const auto existing = m_store.rating(caseId, context.account); existing && *existing) {
        if ((*existing)->score == score && (*existing)->comment == comment)
            return Rated { false, {} };
        return conflict(QStringLiteral("该办件已评价"), caseId);
    }
    const bool bad = score <= 2; // 差评 (004: 发现问题、整改问题)
    const QString rectificationId
        = bad ? QUuid::createUuid().toString(QUuid::WithoutBraces) : QString();
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        if (const Core::Status added
            = m_store.addRating(caseId, context.account, context.windowId, { score, comment }, now);
            !added)
            return added;
        if (!bad)
            return {};
        return m_store.openRectification(
            rectificationId, caseId, context.account, context.windowId, now);
    });
    if (!stored)
        return failed(stored.error().detail);
    return Rated { true, rectificationId };
}

Core::Result<QList<DeliveryStore::Rectification>> DeliveryService::rectifications(
    const QString &state, const AuthContext &context) const
{
    if (!isSupervisor(context))
        return forbidden(QStringLiteral("只有管理员和监督人员可以查看整改"));
    const auto list = m_store.rectifications(state, 500);
    if (!list)
        return failed(QStringLiteral("rectifications"));
    return *list;
}

Core::Status DeliveryService::rectify(
    const QString &id, const QString &text, const AuthContext &context)
{
    if (!isSupervisor(context))
        return forbidden(QStringLiteral("只有管理员和监督人员可以登记整改"));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 2000)
        return invalid(QStringLiteral("请填写整改情况"), QStringLiteral("/rectification"));
    const auto exists
        = m_store.rectify(id, context.account, trimmed, m_clock.now().toMSecsSinceEpoch());
    if (!exists)
        return failed(QStringLiteral("rectify"));
    if (!*exists)
        return notFound(id);
    return {};
}

Core::Status DeliveryService::setReportDeadline(const QString &reportId)
{
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return calendar.error();
    const auto createdAt = m_store.reportWithoutDeadline(reportId);
    if (!createdAt)
        return createdAt.error();
    if (!*createdAt)
        return {}; // set before (a repeated report)
    return m_store.setReportDeadline(
        reportId, reportDeadline(*calendar, **createdAt).toMSecsSinceEpoch());
}

Core::Result<DeliveryService::ReportAnswer> DeliveryService::answerReport(const QString &reportId,
    const QString &status, const QString &answer, const std::optional<QDateTime> &dueAt,
    const AuthContext &context)
{
    if (context.role != QLatin1String("department") && context.role != QLatin1String("admin"))
        return forbidden(QStringLiteral("只有事项所属部门可以答复纠错"));
    const auto report = m_store.guideReport(reportId);
    if (!report || !*report
        || (context.role == QLatin1String("department")
            && (*report)->jurisdiction != context.jurisdictionCode))
        return notFound(reportId);
    const QString windowId = (*report)->windowId;
    const QString itemCode = (*report)->itemCode;
    const QString text = answer.trimmed();
    static const QStringList statuses { QStringLiteral("in_progress"), QStringLiteral("corrected"),
        QStringLiteral("not_an_error") };
    if (!statuses.contains(status))
        return invalid(QStringLiteral("处理状态不正确"),
            QStringLiteral("/status: in_progress, corrected or not_an_error"));
    if (text.isEmpty() || text.size() > 4000)
        return invalid(
            QStringLiteral("请填写答复"), QStringLiteral("/answer: 1 to 4000 characters"));
    // The deadline: five working days after the report unless the department sets another.
    const auto calendar = workCalendar(m_calendar);
    if (!calendar)
        return failed(calendar.error().detail);
    if (dueAt && !dueAt->isValid())
        return invalid(QStringLiteral("期限格式不正确"), QStringLiteral("/dueAt: RFC 3339"));
    const QDateTime due = dueAt ? *dueAt : reportDeadline(*calendar, (*report)->createdAt);
    const QDateTime now = m_clock.now();
    const Core::Status stored = m_store.transaction([&]() -> Core::Status {
        if (const Core::Status answered = m_store.answerReport(reportId, status, text,
                context.account, now.toMSecsSinceEpoch(), due.toMSecsSinceEpoch());
            !answered)
            return answered;
        if (windowId.isEmpty())
            return {};
        const auto event = EventService::append(m_database, m_clock, windowId,
            QStringLiteral("guide_report.answered"),
            QJsonObject { { QStringLiteral("reportId"), reportId },
                { QStringLiteral("itemCode"), itemCode }, { QStringLiteral("status"), status },
                { QStringLiteral("answer"), text }, { QStringLiteral("dueAt"), rfc3339(due) } });
        if (!event)
            return event.error();
        return {};
    });
    if (!stored)
        return failed(stored.error().detail);
    return ReportAnswer { reportId, status, text, now, due };
}

} // namespace Tongban::Hub
