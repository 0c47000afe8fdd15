#include "CaseController.h"

#include <core/Alive.h>
#include <intake/CaseManifest.h>
#include <intake/DeliveryChoiceStore.h>
#include <intake/MailingDeadline.h>

#include <QFile>
#include <QPointer>

#include <common/CorrectionInbox.h>
#include <common/NoticeAtAnyHall.h>
#include <common/PlatformLink.h>
#include <common/Workstation.h>

namespace Tongban::Gui {

using Intake::CaseDraft;

CaseController::CaseController(
    App::Workstation &station, App::PlatformLink *platform, QObject *parent)
    : QObject(parent)
    , m_station(station)
    , m_platform(platform)
{
    if (platform && platform->outbox()) {
        connect(platform->outbox(), &Platform::Outbox::caseAcknowledged, this,
            [this](const QString &clientCaseId, const QString &caseNumber) {
                // The official number goes with the case: Today and reprints show it.
                if (auto set = m_station.intake().setCaseNumber(clientCaseId, caseNumber); !set) {
                    report(set.error());
                    return;
                }
                if (m_draft && m_draft->caseId == clientCaseId) {
                    m_draft->caseNumber = caseNumber;
                    emit caseChanged();
                }
            });
    }
}

void CaseController::setClerk(const Clerk &clerk)
{
    m_clerk = clerk;
    m_station.intake().setActor({ clerk.account, clerk.role });
}

namespace {

/// \a days working days after \a from on the calendar in force; on a year it does not
/// cover yet, counted on weekends only and marked provisional.
QDate workingDaysAfter(
    const Core::WorkCalendar &calendar, const QDate &from, int days, bool *provisional)
{
    auto due = calendar.dueAfterWorkingDays(from, days);
    if (provisional)
        *provisional = !due || due->provisional;
    return due ? due->date : from.addDays(days);
}

} // namespace

bool CaseController::isMaterialEditable(const QString &materialId) const
{
    return m_draft && m_draft->state == CaseDraft::State::Open
        && m_draft->isMaterialOpen(materialId);
}

bool CaseController::areFactsEditable() const
{
    return m_draft && m_draft->state == CaseDraft::State::Open && m_draft->areFactsOpen();
}

QDate CaseController::commitmentDue(
    const Catalog::MaterialRequirement &material, bool *provisional) const
{
    return workingDaysAfter(
        m_station.calendar(), m_station.clock().today(), material.toleranceDays, provisional);
}

bool CaseController::unlock(const QString &target, const QString &reason)
{
    if (!m_draft)
        return false;
    if (auto unlocked = m_station.intake().unlock(*m_draft, target, reason); !unlocked)
        return report(unlocked.error());
    emit caseChanged();
    return true;
}

const Catalog::ServiceItem *CaseController::item() const
{
    return m_draft ? m_catalog.item(m_draft->itemCode) : nullptr;
}

Intake::Assessment CaseController::assessment() const
{
    const Catalog::ServiceItem *serviceItem = item();
    if (!serviceItem)
        return {};
    return Intake::assess(*serviceItem, *m_draft);
}

bool CaseController::report(const Core::Error &error)
{
    qWarning("case: %s", qPrintable(error.toString()));
    emit errorOccurred(error.message);
    return false;
}

void CaseController::reloadCatalog(const QString &catalogVersion)
{
    if (m_catalog.catalogVersion == catalogVersion && !catalogVersion.isEmpty())
        return;
    auto loaded = catalogVersion.isEmpty() ? m_station.catalogs().active()
                                           : m_station.catalogs().version(catalogVersion);
    if (!loaded)
        loaded = m_station.catalogs().active();
    if (loaded)
        m_catalog = std::move(loaded).value();
}

bool CaseController::start(const QString &itemCode)
{
    reloadCatalog({});
    if (!m_catalog.item(itemCode))
        return report(Core::Error { Intake::UnknownMaterial,
            tr("The service item %1 is not in the catalogue in force.").arg(itemCode), {} });
    auto started = m_station.intake().start(
        itemCode, m_catalog.catalogVersion, m_station.intakeWindow(), m_clerk.account);
    if (!started)
        return report(started.error());
    m_draft = std::move(started).value();
    // The questions start with the guide's defaults: no agent unless the clerk says so.
    edit([this](CaseDraft &d) {
        for (const QString &factId : item()->factIds()) {
            const Catalog::Fact *fact = m_catalog.fact(factId);
            if (fact && fact->type == Catalog::Fact::Type::Bool)
                d.facts.insert(factId, false);
        }
    });
    emit caseChanged();
    return true;
}

bool CaseController::open(const QString &caseId)
{
    auto loaded = m_station.intake().load(caseId);
    if (!loaded)
        return report(loaded.error());
    reloadCatalog(loaded->catalogVersion);
    m_draft = std::move(loaded).value();
    emit caseChanged();
    return true;
}

void CaseController::close()
{
    m_draft.reset();
    if (auto cleared = m_station.intake().clearResume(); !cleared)
        report(cleared.error());
    emit caseChanged();
}

void CaseController::release()
{
    // Saving an open case makes it the one reopened at the next sign-in.
    if (m_draft && m_draft->state == CaseDraft::State::Open) {
        if (auto saved = m_station.intake().save(*m_draft); !saved)
            report(saved.error());
    }
    m_draft.reset();
    emit caseChanged();
}

bool CaseController::canAbandon() const
{
    if (!m_draft || m_draft->state != CaseDraft::State::Open || m_draft->submission > 1)
        return false;
    for (const Intake::MaterialState &m : m_draft->materials) {
        if (!m.pages.isEmpty())
            return false;
    }
    return true;
}

bool CaseController::abandon(const QString &reason)
{
    if (!m_draft)
        return false;
    if (auto done = m_station.intake().abandon(*m_draft, reason); !done)
        return report(done.error());
    close();
    return true;
}

bool CaseController::edit(const std::function<void(CaseDraft &)> &change)
{
    if (!m_draft)
        return false;
    const CaseDraft before = *m_draft;
    change(*m_draft);
    if (auto saved = m_station.intake().save(*m_draft); !saved) {
        *m_draft = before;
        emit caseChanged();
        return report(saved.error());
    }
    emit caseChanged();
    return true;
}

void CaseController::setPosition(const QString &screen, const QString &materialId)
{
    if (!m_draft || (m_draft->screen == screen && m_draft->currentMaterial == materialId))
        return;
    const CaseDraft before = *m_draft;
    m_draft->screen = screen;
    m_draft->currentMaterial = materialId;
    if (auto saved = m_station.intake().save(*m_draft); !saved) {
        *m_draft = before;
        report(saved.error());
    }
}

bool CaseController::addPage(const QString &materialId, const QByteArray &jpeg, int position)
{
    if (!m_draft)
        return false;
    auto added = m_station.intake().addPage(
        *m_draft, materialId, jpeg, QStringLiteral("image/jpeg"), position);
    if (!added)
        return report(added.error());
    emit caseChanged();
    return true;
}

bool CaseController::replacePage(
    const QString &materialId, const QString &pageId, const QByteArray &jpeg)
{
    if (!m_draft)
        return false;
    auto replaced = m_station.intake().replacePage(
        *m_draft, materialId, pageId, jpeg, QStringLiteral("image/jpeg"));
    if (!replaced)
        return report(replaced.error());
    emit caseChanged();
    return true;
}

bool CaseController::removePage(const QString &materialId, const QString &pageId)
{
    if (!m_draft)
        return false;
    if (auto removed = m_station.intake().removePage(*m_draft, materialId, pageId); !removed)
        return report(removed.error());
    emit caseChanged();
    return true;
}

Core::Result<QByteArray> CaseController::pageBytes(const QString &pageId) const
{
    return m_station.pages().read(pageId);
}

void CaseController::addWindowDetails(Notices::NoticeContent &content) const
{
    content.windowAddress = m_station.windowAddress();
    content.windowPhone = m_station.windowPhone();
    // The QR code opens the platform's page of the notice (<platform>/n/<serial>).
    const QUrl platform = m_station.platformUrl();
    if (platform.isValid() && !platform.isEmpty()) {
        QString base = platform.toString(QUrl::StripTrailingSlash | QUrl::RemoveQuery
            | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
        content.lookupBaseUrl = base + QStringLiteral("/n/");
    }
}

Notices::NoticeContent CaseController::buildNoticeContent(
    const Catalog::ServiceItem &item, const Intake::Assessment &assessment) const
{
    const Catalog::ServiceItem *serviceItem = &item;
    const QString windowName
        = m_station.windowName().isEmpty() ? m_station.windowId() : m_station.windowName();
    Notices::NoticeContent content = Intake::noticeContent(*serviceItem, *m_draft, assessment,
        { windowName, m_clerk.name.isEmpty() ? m_clerk.account : m_clerk.name },
        m_station.clock().now());
    if (serviceItem->seal) {
        QFile seal(QStringLiteral(":/tongban/catalog/") + serviceItem->seal->image);
        if (seal.open(QIODevice::ReadOnly))
            content.sealSvg = seal.readAll();
    }
    addWindowDetails(content);
    // Issue 17: the applicant's delivery choice on the receipt, the 好差评 code on both.
    if (assessment.complete)
        content.resultDelivery = resultDelivery().receiptText();
    content.evaluationUrl = Intake::evaluationUrl(m_station.evaluationUrl(),
        m_draft->caseNumber.isEmpty() ? m_draft->provisionalNumber : m_draft->caseNumber);
    if (!assessment.complete) {
        content.correctionDue = workingDaysAfter(m_station.calendar(), m_station.clock().today(),
            serviceItem->correctionDays, &content.correctionDueProvisional);
    }
    for (Notices::ReceivedMaterial &received : content.received) {
        if (!received.tolerated)
            continue;
        for (const Catalog::MaterialRequirement &m : serviceItem->materials) {
            if (m.name == received.name)
                received.commitmentDue = commitmentDue(m, &received.commitmentDueProvisional);
        }
    }
    return content;
}

Notices::NoticeContent CaseController::previewContent() const
{
    const Catalog::ServiceItem *serviceItem = item();
    if (!serviceItem || !m_draft)
        return {};
    Notices::NoticeContent content
        = buildNoticeContent(*serviceItem, Intake::assess(*serviceItem, *m_draft));
    // The number is taken from the window's serial block only when the notice is issued.
    content.serial = tr("(numbered when issued)");
    return content;
}

Core::Result<Notices::IssuedNotice> CaseController::issueNotice()
{
    const Catalog::ServiceItem *serviceItem = item();
    if (!serviceItem)
        return Core::Error { Intake::CaseNotFound, tr("No case is open."), {} };
    const Intake::Assessment assessment = Intake::assess(*serviceItem, *m_draft);
    if (!assessment.decidable) {
        return Core::Error { Intake::NotDecidable,
            tr("Finish checking every material before issuing a notice or a receipt."), {} };
    }
    // A receipt is followed by its mailing slip: both numbers must be there before either
    // prints.
    const int documents = assessment.complete && !assessment.paperToMail().isEmpty() ? 2 : 1;
    if (auto left = m_station.notices().checkSerialsLeft(m_station.windowId(), documents); !left)
        return left.error();
    Notices::NoticeContent content = buildNoticeContent(*serviceItem, assessment);
    QStringList open;
    for (const Intake::MaterialAssessment &m : assessment.materials) {
        if (!m.deficiencies.isEmpty())
            open << m.requirement->id;
    }
    // The notice and the case's new state are one step: both on disk, or neither.
    Core::Result<Notices::IssuedNotice> issued = Core::Error {};
    const CaseDraft before = *m_draft;
    const Core::Status done = m_station.database().transaction([&]() -> Core::Status {
        issued = m_station.notices().issue(content,
            { m_draft->caseId, m_station.windowId(), m_station.windowCode(), m_clerk.account });
        if (!issued)
            return issued.error();
        if (assessment.complete)
            return {};
        if (Core::Status waiting = m_station.intake().markAwaitingCorrection(*m_draft, open);
            !waiting)
            return waiting;
        return registerNoticeWithPlatform(issued->serial, assessment, content.correctionDue);
    });
    if (!done) {
        *m_draft = before;
        return done.error();
    }
    emit caseChanged();
    return issued;
}

Core::Status CaseController::registerNoticeWithPlatform(
    const QString &serial, const Intake::Assessment &assessment, const QDate &correctionDue)
{
    // Issue 17: the notice reaches the platform so that the applicant can correct at any hall.
    // Queued in the notice's transaction: sent once, whenever the platform is reachable.
    if (!m_platform || !m_platform->requests())
        return {};
    const auto request = Platform::AfterWindowClient::registrationRequest(
        App::noticeRegistration(serial, *m_draft, assessment, correctionDue));
    if (!request) {
        // No applicant number (yet): the notice still prints; only this window can find it.
        audit(QStringLiteral("notice.platform"),
            QStringLiteral("%1 not sent: no applicant number").arg(serial));
        return {};
    }
    if (Core::Status queued = m_platform->requests()->enqueueNotice(serial, *request); !queued)
        return queued;
    QMetaObject::invokeMethod(
        m_platform->requests(), [requests = m_platform->requests()] { requests->flush(); },
        Qt::QueuedConnection);
    return {};
}

Core::Result<Notices::IssuedNotice> CaseController::issueRequestedCorrection(
    const QString &requestId)
{
    Notices::NoticeContent details;
    addWindowDetails(details);
    auto issued = App::CorrectionInbox(m_station).issueNotice(requestId, m_clerk.account,
        details.lookupBaseUrl, m_platform ? m_platform->requests() : nullptr);
    if (issued && hasCase() && m_draft->caseId == issued->caseId) {
        if (auto reloaded = m_station.intake().load(issued->caseId))
            m_draft = *reloaded;
        emit caseChanged();
    }
    return issued;
}

bool CaseController::reopenRequestedCorrection(const QString &requestId)
{
    auto reopened = App::CorrectionInbox(m_station).reopen(requestId);
    if (!reopened)
        return report(reopened.error());
    return open(reopened->caseId);
}

Core::Status CaseController::transmit()
{
    const Catalog::ServiceItem *serviceItem = item();
    if (!serviceItem)
        return Core::Error { Intake::CaseNotFound, tr("No case is open."), {} };
    // Issue 17: a case the home department asked to correct is on the platform already: its
    // new pages go to the same case (correction-pages), never as a new case.
    if (const auto request = App::CorrectionInbox(m_station).noticedForCase(m_draft->caseId)) {
        if (!m_platform || !m_platform->session()) {
            return Core::Error { Intake::SaveFailed,
                tr("No platform is configured: the case cannot be transmitted. Ask IT "
                   "support."),
                {} };
        }
        Core::Alive<CaseController> self(this);
        App::CorrectionInbox(m_station).sendPages(request->requestId, *m_platform->session(),
            [self, caseId = m_draft->caseId](Core::Status sent) {
                if (!self)
                    return;
                if (!sent) {
                    self->report(sent.error());
                    return;
                }
                if (self->hasCase() && self->m_draft->caseId == caseId) {
                    if (auto reloaded = self->m_station.intake().load(caseId))
                        self->m_draft = *reloaded;
                }
                emit self->caseChanged();
            });
        return {};
    }
    const Intake::Assessment assessment = Intake::assess(*serviceItem, *m_draft);
    auto body = Intake::caseBody(*serviceItem, *m_draft, assessment, m_station.pages());
    if (!body)
        return body.error();
    // Issue 17: how the applicant receives the result travels with the case (§15).
    body = Intake::withResultDelivery(*body, resultDelivery());
    if (!m_platform || !m_platform->outbox()) {
        return Core::Error { Intake::SaveFailed,
            tr("No platform is configured: the case cannot be transmitted. Ask IT support."), {} };
    }
    const QStringList paper = assessment.paperToMail();
    // Paper originals go within 1 working day (000 §17). Never fails for a year the
    // calendar lacks: the date is then provisional, recomputed when the year arrives.
    auto due = Intake::mailingDueDate(m_station.calendar(), m_station.clock().today());
    if (!due)
        return due.error();
    Platform::Outbox *outbox = m_platform->outbox();
    if (auto sent = m_station.intake().transmit(*m_draft, body.value(), paper, due.value(),
            [outbox](const QJsonObject &caseBody) { return outbox->enqueueWithin(caseBody); });
        !sent)
        return sent;
    outbox->announce(m_draft->caseId);
    outbox->flush();
    emit caseChanged();
    return {};
}

Core::Result<Notices::IssuedNotice> CaseController::issueMailingSlip()
{
    const Catalog::ServiceItem *serviceItem = item();
    if (!serviceItem)
        return Core::Error { Intake::CaseNotFound, tr("No case is open."), {} };
    Intake::MailingTask task;
    for (const Intake::MailingTask &t : m_station.intake().mailingTasks(false)) {
        if (t.caseId == m_draft->caseId)
            task = t;
    }
    if (task.id == 0) {
        return Core::Error { Intake::NotDecidable,
            tr("No paper original of this case has to be mailed."), {} };
    }
    const QString windowName
        = m_station.windowName().isEmpty() ? m_station.windowId() : m_station.windowName();
    Notices::NoticeContent content = Intake::mailingSlipContent(*serviceItem, *m_draft,
        task.materialIds, { windowName, m_clerk.name.isEmpty() ? m_clerk.account : m_clerk.name },
        m_station.clock().now(), { task.due, task.dueProvisional });
    addWindowDetails(content);
    return m_station.notices().issue(content,
        { m_draft->caseId, m_station.windowId(), m_station.windowCode(), m_clerk.account });
}

bool CaseController::reopenForCorrection(const QString &caseId)
{
    if (!open(caseId))
        return false;
    if (auto reopened = m_station.intake().reopenForCorrection(*m_draft); !reopened)
        return report(reopened.error());
    emit caseChanged();
    return true;
}

Intake::ResultDelivery CaseController::resultDelivery() const
{
    if (!m_draft)
        return {};
    return Intake::DeliveryChoiceStore::load(m_station.database(), m_draft->caseId);
}

bool CaseController::setResultDelivery(const Intake::ResultDelivery &choice)
{
    if (!m_draft)
        return false;
    if (const Core::Status saved
        = Intake::DeliveryChoiceStore::save(m_station.database(), m_draft->caseId, choice);
        !saved)
        return report(saved.error());
    audit(QStringLiteral("result_delivery"), Intake::ResultDelivery::methodName(choice.method));
    emit caseChanged();
    return true;
}

bool CaseController::canRate() const
{
    // Rated once the receipt was issued and the case put in the outbox: the platform's rating
    // is about a case it holds (a notice-only visit has none yet).
    return m_draft && m_platform && m_platform->requests()
        && m_draft->state == Intake::CaseDraft::State::Complete && !isRated();
}

bool CaseController::isRated() const
{
    if (!m_draft || !m_platform || !m_platform->requests())
        return false;
    return !m_platform->requests()
                ->state(QString(QStringLiteral("rating:") + m_draft->caseId))
                .isEmpty();
}

Core::Status CaseController::rate(int score, const QString &comment)
{
    if (!m_draft || !m_platform || !m_platform->requests()
        || m_draft->state != Intake::CaseDraft::State::Complete)
        return Core::Error { Intake::NotDecidable,
            tr("Only a case whose receipt was issued can be rated."), {} };
    Platform::RequestQueue *requests = m_platform->requests();
    if (Core::Status queued = requests->enqueueRating(m_draft->caseId, score, comment); !queued)
        return queued;
    // The comment is the applicant's own words: the trail keeps the score only.
    audit(QStringLiteral("case.rated"), QStringLiteral("score %1").arg(score));
    QMetaObject::invokeMethod(
        requests, [requests] { requests->flush(); }, Qt::QueuedConnection);
    emit caseChanged();
    return {};
}

void CaseController::audit(const QString &action, const QString &detail)
{
    if (!m_draft)
        return;
    if (auto recorded = m_station.intake().audit(*m_draft, action, detail); !recorded)
        report(recorded.error());
}

} // namespace Tongban::Gui
