#include "IntakeStore.h"

#include "Tr.h"
#include "internal/CaseChanges.h"

#include <core/Hash.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>

namespace Tongban::Intake {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {

QString applicantKey(const QString &id)
{
    const QString normalized = id.trimmed().toUpper();
    return normalized.isEmpty() ? QString() : Core::sha256Hex(normalized.toUtf8());
}

QString applicantKey(const CaseDraft &draft)
{
    return applicantKey(draft.applicant.kind == Applicant::Kind::LegalPerson
            ? draft.applicant.creditCode
            : draft.applicant.idNumber);
}

Error saveError(const Error &cause)
{
    if (cause.code == Storage::DiskFull)
        return cause;
    return Error { SaveFailed,
        Tr::tr("The case could not be saved. Nothing already saved is lost; try again, "
               "and call IT support if it keeps failing."),
        cause.detail };
}

template<typename T>
Status toStatus(const Result<T> &result)
{
    if (!result)
        return result.error();
    return {};
}

Error lockedError(const QString &detail)
{
    return Error { Locked,
        Tr::tr("This was accepted at the applicant's first visit and cannot be changed now: "
               "only what the one-time notice listed can change. A supervisor can unlock it."),
        detail };
}

/// \a before and \a after differ in what a clerk records (not the screen position).
bool recordedDiffers(const CaseDraft &before, const CaseDraft &after)
{
    return before.materials != after.materials || before.facts != after.facts
        || before.partiesJson() != after.partiesJson();
}

} // namespace

IntakeStore::IntakeStore(Storage::Database &db, Storage::CaseStore &cases,
    Storage::PageStore &pages, Security::AuditLog &audit, const Core::Clock &clock)
    : m_db(db)
    , m_cases(cases)
    , m_pages(pages)
    , m_audit(audit)
    , m_clock(clock)
{ }

static Storage::MigrationSet firstSchema()
{
    return { QStringLiteral("intake"),
        { { 1, QStringLiteral("cases as worked on, provisional numbers, mailing tasks"),
            {
                QStringLiteral("CREATE TABLE intake_cases ("
                               " case_id TEXT PRIMARY KEY NOT NULL REFERENCES cases(id),"
                               " provisional_number TEXT NOT NULL UNIQUE,"
                               " item_code TEXT NOT NULL,"
                               " state TEXT NOT NULL,"
                               " applicant_key TEXT,"
                               " applicant_name TEXT,"
                               " case_number TEXT,"
                               " draft TEXT NOT NULL,"
                               " created_at TEXT NOT NULL,"
                               " updated_at TEXT NOT NULL,"
                               " created_day TEXT NOT NULL,"
                               " updated_day TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX intake_cases_state ON intake_cases(state)"),
                QStringLiteral(
                    "CREATE INDEX intake_cases_applicant ON intake_cases(applicant_key)"),
                QStringLiteral("CREATE TABLE intake_sequences ("
                               " window_id TEXT NOT NULL, day TEXT NOT NULL,"
                               " last INTEGER NOT NULL, PRIMARY KEY (window_id, day))"),
                QStringLiteral("CREATE TABLE intake_resume ("
                               " slot INTEGER PRIMARY KEY CHECK (slot = 1),"
                               " case_id TEXT REFERENCES cases(id))"),
                QStringLiteral("CREATE TABLE intake_mailings ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " case_id TEXT NOT NULL REFERENCES cases(id),"
                               " materials TEXT NOT NULL,"
                               " due_date TEXT NOT NULL,"
                               " carrier TEXT, waybill TEXT, sent_at TEXT,"
                               " created_at TEXT NOT NULL,"
                               " UNIQUE (case_id))"),
            } } } };
}

Storage::MigrationSet IntakeStore::schema()
{
    Storage::MigrationSet set = firstSchema();
    set.migrations.append(
        { 2, QStringLiteral("mailing deadlines marked provisional (year not in the calendar)"),
            { QStringLiteral("ALTER TABLE intake_mailings"
                             " ADD COLUMN due_provisional INTEGER NOT NULL DEFAULT 0") } });
    return set;
}

Result<CaseDraft> IntakeStore::start(const QString &itemCode, const QString &catalogVersion,
    const Window &window, const QString &clerk)
{
    CaseDraft draft;
    const QDateTime now = m_clock.now();
    const QString day = Core::chinaStandardDate(now).toString(QStringLiteral("yyyyMMdd"));
    Status status = m_db.transaction([&]() -> Status {
        auto id = m_cases.create(itemCode);
        if (!id)
            return id.error();
        QSqlQuery query(m_db.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO intake_sequences(window_id, day, last) VALUES(?, ?, 1) "
            "ON CONFLICT(window_id, day) DO UPDATE SET last = last + 1 RETURNING last"));
        query.addBindValue(window.id);
        query.addBindValue(day);
        if (!query.exec() || !query.next())
            return Storage::Database::queryError(query, QStringLiteral("next provisional number"));
        const int sequence = query.value(0).toInt();
        query.finish();
        draft.caseId = id.value();
        draft.itemCode = itemCode;
        draft.catalogVersion = catalogVersion;
        draft.windowId = window.id;
        draft.clerk = clerk;
        draft.createdAt = now;
        draft.provisionalNumber = QStringLiteral("%1-%2-%3-%4")
                                      .arg(window.regionCode, window.code, day)
                                      .arg(sequence, 4, 10, QLatin1Char('0'));
        draft.screen = QStringLiteral("newCase");
        draft.steps.append(CaseStep { QStringLiteral("created"), clerk, now, 1 });
        if (Status written = writeRow(draft); !written)
            return written;
        return toStatus(m_audit.append(
            { clerk, window.id, QStringLiteral("case.create"), draft.provisionalNumber,
                QStringLiteral("ok"), QStringLiteral("item %1").arg(itemCode) }));
    });
    if (!status)
        return saveError(status.error());
    return draft;
}

Status IntakeStore::writeRow(CaseDraft &draft)
{
    draft.updatedAt = m_clock.now();
    const QByteArray json = QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact);
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
        "INSERT INTO intake_cases(case_id, provisional_number, item_code, state, applicant_key,"
        " applicant_name, case_number, draft, created_at, updated_at, created_day, updated_day)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(case_id) DO UPDATE SET state = excluded.state,"
        " applicant_key = excluded.applicant_key, applicant_name = excluded.applicant_name,"
        " case_number = excluded.case_number, draft = excluded.draft,"
        " updated_at = excluded.updated_at, updated_day = excluded.updated_day"));
    query.addBindValue(draft.caseId);
    query.addBindValue(draft.provisionalNumber);
    query.addBindValue(draft.itemCode);
    query.addBindValue(stateName(draft.state));
    query.addBindValue(applicantKey(draft));
    query.addBindValue(draft.applicant.name);
    query.addBindValue(draft.caseNumber);
    query.addBindValue(QString::fromUtf8(json));
    query.addBindValue(draft.createdAt.toString(Qt::ISODateWithMs));
    query.addBindValue(draft.updatedAt.toString(Qt::ISODateWithMs));
    query.addBindValue(Core::chinaStandardDate(draft.createdAt).toString(Qt::ISODate));
    query.addBindValue(Core::chinaStandardDate(draft.updatedAt).toString(Qt::ISODate));
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("save case"));
    query.prepare(QStringLiteral("INSERT INTO intake_resume(slot, case_id) VALUES(1, ?) "
                                 "ON CONFLICT(slot) DO UPDATE SET case_id = excluded.case_id"));
    query.addBindValue(draft.state == CaseDraft::State::Open
            ? QVariant(draft.caseId)
            : QVariant(QMetaType::fromType<QString>()));
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("save resume point"));
    return {};
}

QString IntakeStore::actorAccount() const
{
    return m_actor.account.isEmpty() ? QStringLiteral("system") : m_actor.account;
}

void IntakeStore::addStep(CaseDraft &draft, const QString &action)
{
    draft.steps.append(CaseStep { action, actorAccount(), m_clock.now(), draft.submission });
}

Status IntakeStore::noteHandover(CaseDraft &draft)
{
    // Another clerk taking the case on (a colleague's case reopened, resumed or
    // corrected): from here on the steps are theirs.
    if (m_actor.account.isEmpty() || draft.steps.isEmpty()
        || draft.steps.last().clerk == m_actor.account)
        return {};
    const QString from = draft.steps.last().clerk;
    addStep(draft, QStringLiteral("handover"));
    return audit(draft, QStringLiteral("case.handover"), QStringLiteral("from %1").arg(from));
}

Status IntakeStore::checkChangeable(const CaseDraft &draft, const QString &materialId) const
{
    if (draft.state != CaseDraft::State::Open) {
        return Error { Locked,
            Tr::tr("This case is no longer open for checking, so it cannot be changed here."),
            QStringLiteral("case %1 is %2").arg(draft.caseId, stateName(draft.state)) };
    }
    if (!draft.isMaterialOpen(materialId))
        return lockedError(QStringLiteral("material %1 of %2").arg(materialId, draft.caseId));
    return {};
}

Status IntakeStore::auditChanges(const CaseDraft &before, CaseDraft &after)
{
    if (Status s = noteHandover(after); !s)
        return s;
    for (const Internal::CaseChange &change : Internal::describeChanges(before, after)) {
        if (Status s = audit(after, change.action, change.detail); !s)
            return s;
    }
    // The applicant and agent are audited once the clerk has left the New case
    // screen (not at every keystroke), and always before a notice.
    if (after.screen != QLatin1String("newCase"))
        after.auditedParties = after.partiesJson();
    return {};
}

Status IntakeStore::save(CaseDraft &draft)
{
    Status status = m_db.transaction([&]() -> Status {
        auto stored = load(draft.caseId);
        if (!stored)
            return stored.error();
        const CaseDraft &was = stored.value();
        // What only the dedicated functions (and the platform) change is kept as stored.
        draft.state = was.state;
        draft.submission = was.submission;
        draft.openMaterials = was.openMaterials;
        draft.unlocked = was.unlocked;
        draft.steps = was.steps;
        draft.auditedParties = was.auditedParties;
        draft.caseNumber = was.caseNumber;
        draft.clerk = was.clerk;
        draft.createdAt = was.createdAt;
        draft.provisionalNumber = was.provisionalNumber;
        draft.windowId = was.windowId;
        draft.itemCode = was.itemCode;
        draft.catalogVersion = was.catalogVersion;
        if (was.state != CaseDraft::State::Open) {
            if (recordedDiffers(was, draft)) {
                return Error { Locked,
                    Tr::tr("This case is no longer open for checking, so it cannot be changed "
                           "here."),
                    QStringLiteral("case %1 is %2").arg(draft.caseId, stateName(was.state)) };
            }
        } else if (was.submission > 1) {
            if (!was.areFactsOpen() && was.facts != draft.facts)
                return lockedError(QStringLiteral("facts of %1").arg(draft.caseId));
            QStringList ids;
            for (const MaterialState &m : was.materials)
                ids << m.materialId;
            for (const MaterialState &m : draft.materials)
                ids << m.materialId;
            for (const QString &id : std::as_const(ids)) {
                if (!was.isMaterialOpen(id)
                    && Internal::materialStateOf(was, id) != Internal::materialStateOf(draft, id))
                    return lockedError(QStringLiteral("material %1 of %2").arg(id, draft.caseId));
            }
        }
        if (draft.state == CaseDraft::State::Open && recordedDiffers(was, draft)) {
            if (Status audited = auditChanges(was, draft); !audited)
                return audited;
        } else if (draft.state == CaseDraft::State::Open && draft.screen != QLatin1String("newCase")
            && draft.partiesJson() != draft.auditedParties) {
            if (Status audited = auditChanges(was, draft); !audited)
                return audited;
        }
        return writeRow(draft);
    });
    if (!status) {
        if (status.error().code == Locked)
            return status;
        return saveError(status.error());
    }
    return {};
}

Result<CaseDraft> IntakeStore::load(const QString &caseId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT draft FROM intake_cases WHERE case_id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("load case"));
    if (!query.next()) {
        return Error { CaseNotFound, Tr::tr("The case was not found on this workstation."),
            QStringLiteral("case %1").arg(caseId) };
    }
    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(query.value(0).toString().toUtf8(), &parseError);
    if (!doc.isObject()) {
        return Error { CaseNotFound,
            Tr::tr("The saved case cannot be read. Call IT support; its pages are kept."),
            parseError.errorString() };
    }
    return CaseDraft::fromJson(doc.object());
}

QString IntakeStore::resumeCaseId() const
{
    QSqlQuery query(m_db.connection());
    if (query.exec(QStringLiteral("SELECT r.case_id FROM intake_resume r JOIN intake_cases c"
                                  " ON c.case_id = r.case_id WHERE c.state = 'open'"))
        && query.next()) {
        return query.value(0).toString();
    }
    return {};
}

Status IntakeStore::clearResume()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("DELETE FROM intake_resume")))
        return Storage::Database::queryError(query, QStringLiteral("clear resume point"));
    return {};
}

Result<Storage::PageRecord> IntakeStore::addPage(CaseDraft &draft, const QString &materialId,
    const QByteArray &bytes, const QString &mediaType, int position)
{
    if (Status allowed = checkChangeable(draft, materialId); !allowed)
        return allowed.error();
    Storage::PageRecord record;
    const CaseDraft before = draft;
    Status status = m_db.transaction([&]() -> Status {
        if (Status s = noteHandover(draft); !s)
            return s;
        auto saved = m_pages.save(draft.caseId, bytes, mediaType);
        if (!saved)
            return saved.error();
        record = saved.value();
        MaterialState &state = draft.materialState(materialId);
        const int at
            = position < 0 || position > state.pages.size() ? int(state.pages.size()) : position;
        state.pages.insert(at, CapturedPage { record.id });
        state.absent = false;
        if (Status written = writeRow(draft); !written)
            return written;
        return toStatus(m_audit.append({ actorAccount(), draft.windowId,
            QStringLiteral("page.save"), draft.provisionalNumber, QStringLiteral("ok"),
            QStringLiteral("material %1 page %2 sha256 %3")
                .arg(materialId, record.id, record.sha256) }));
    });
    if (!status) {
        draft = before;
        return status.error().code == Locked ? status.error() : saveError(status.error());
    }
    return record;
}

Result<Storage::PageRecord> IntakeStore::replacePage(CaseDraft &draft, const QString &materialId,
    const QString &pageId, const QByteArray &bytes, const QString &mediaType)
{
    MaterialState *state = draft.material(materialId);
    int position = -1;
    if (state) {
        for (int i = 0; i < state->pages.size(); ++i) {
            if (state->pages[i].pageId == pageId)
                position = i;
        }
    }
    if (position < 0) {
        return Error { UnknownMaterial, Tr::tr("The page to retake is no longer in the case."),
            QStringLiteral("material %1 page %2").arg(materialId, pageId) };
    }
    Result<Storage::PageRecord> added = Error {};
    const CaseDraft before = draft;
    Status status = m_db.transaction([&]() -> Status {
        added = addPage(draft, materialId, bytes, mediaType, position);
        if (!added)
            return added.error();
        return removePage(draft, materialId, pageId);
    });
    if (!status) {
        draft = before;
        return status.error();
    }
    return added;
}

Status IntakeStore::removePage(CaseDraft &draft, const QString &materialId, const QString &pageId)
{
    if (Status allowed = checkChangeable(draft, materialId); !allowed)
        return allowed;
    const CaseDraft before = draft;
    Status status = m_db.transaction([&]() -> Status {
        if (Status s = noteHandover(draft); !s)
            return s;
        MaterialState *state = draft.material(materialId);
        if (!state)
            return Error { UnknownMaterial, Tr::tr("The material is not in the case."),
                materialId };
        state->pages.removeIf([&](const CapturedPage &p) { return p.pageId == pageId; });
        if (Status removed = m_pages.remove(pageId); !removed)
            return removed;
        if (Status written = writeRow(draft); !written)
            return written;
        return toStatus(m_audit.append({ actorAccount(), draft.windowId,
            QStringLiteral("page.remove"), draft.provisionalNumber, QStringLiteral("ok"),
            QStringLiteral("material %1 page %2").arg(materialId, pageId) }));
    });
    if (!status) {
        draft = before;
        return saveError(status.error());
    }
    return {};
}

Status IntakeStore::commitStep(CaseDraft &draft, const CaseDraft &before, const QString &step,
    Handover handover, const QString &action, const QString &detail)
{
    Status status = m_db.transaction([&]() -> Status {
        if (handover == Handover::Noted) {
            if (Status s = noteHandover(draft); !s)
                return s;
        }
        addStep(draft, step);
        if (Status written = writeRow(draft); !written)
            return written;
        return audit(draft, action, detail);
    });
    if (!status)
        draft = before;
    return status;
}

Status IntakeStore::markAwaitingCorrection(CaseDraft &draft, const QStringList &openMaterials)
{
    if (draft.state != CaseDraft::State::Open) {
        return Error { WrongState, Tr::tr("Only a case being checked can get a one-time notice."),
            stateName(draft.state) };
    }
    if (draft.submission > 1) {
        // One-time: a later notice never demands what the earlier one did not.
        for (const QString &id : openMaterials) {
            if (!draft.openMaterials.contains(id)) {
                return Error { NotAllowed,
                    Tr::tr("The one-time notice already issued did not ask for this material, "
                           "so a new notice cannot demand it."),
                    QStringLiteral("material %1 of %2").arg(id, draft.caseId) };
            }
        }
    }
    const CaseDraft before = draft;
    draft.state = CaseDraft::State::AwaitingCorrection;
    draft.openMaterials = openMaterials;
    draft.unlocked.clear();
    return commitStep(draft, before, QStringLiteral("awaitCorrection"), Handover::Noted,
        QStringLiteral("case.awaitCorrection"),
        QStringLiteral("submission %1, materials %2")
            .arg(draft.submission)
            .arg(openMaterials.join(QLatin1Char(','))));
}

Status IntakeStore::awaitRequestedCorrection(CaseDraft &draft, const QStringList &openMaterials)
{
    if (draft.state != CaseDraft::State::Complete || openMaterials.isEmpty()) {
        return Error { WrongState,
            Tr::tr("Only a transmitted case can be reopened for the home department's "
                   "request for correction."),
            stateName(draft.state) };
    }
    const CaseDraft before = draft;
    draft.state = CaseDraft::State::AwaitingCorrection;
    draft.openMaterials = openMaterials;
    draft.unlocked.clear();
    return commitStep(draft, before, QStringLiteral("awaitCorrection"), Handover::NotNoted,
        QStringLiteral("case.correctionRequested"),
        QStringLiteral("submission %1, materials %2")
            .arg(draft.submission)
            .arg(openMaterials.join(QLatin1Char(','))));
}

Status IntakeStore::unlock(CaseDraft &draft, const QString &target, const QString &reason)
{
    if (!m_actor.isSupervisor()) {
        return Error { NotAllowed,
            Tr::tr("Only a supervisor can unlock what the applicant's first visit accepted."),
            QStringLiteral("%1 unlocking %2").arg(actorAccount(), target) };
    }
    if (draft.state != CaseDraft::State::Open || draft.submission <= 1) {
        return Error { WrongState,
            Tr::tr("Only a correction visit has accepted materials to unlock."),
            stateName(draft.state) };
    }
    if (reason.trimmed().isEmpty()) {
        return Error { NotAllowed,
            Tr::tr("Give the reason for unlocking: it is kept in the trail."), target };
    }
    if (draft.unlocked.contains(target))
        return {};
    const CaseDraft before = draft;
    draft.unlocked.append(target);
    return commitStep(draft, before, QStringLiteral("unlock"), Handover::NotNoted,
        QStringLiteral("case.unlock"), QStringLiteral("%1: %2").arg(target, reason.trimmed()));
}

Status IntakeStore::reopenForCorrection(CaseDraft &draft)
{
    if (draft.state != CaseDraft::State::AwaitingCorrection) {
        return Error { WrongState, Tr::tr("Only a case awaiting correction can be corrected."),
            stateName(draft.state) };
    }
    const CaseDraft before = draft;
    draft.state = CaseDraft::State::Open;
    ++draft.submission;
    draft.unlocked.clear();
    for (const QString &id : std::as_const(draft.openMaterials)) {
        MaterialState &m = draft.materialState(id);
        if (m.absent) {
            // Brought now: checked from the start.
            m.absent = false;
            m.verdicts.clear();
            m.originalVerified = false;
        }
        for (ReviewVerdict &v : m.verdicts) {
            if (v.verdict == ReviewVerdict::Verdict::Fail)
                v = ReviewVerdict {};
        }
    }
    draft.screen = QStringLiteral("checklist");
    draft.currentMaterial = draft.openMaterials.value(0);
    return commitStep(draft, before, QStringLiteral("reopen"), Handover::Noted,
        QStringLiteral("case.reopen"), QStringLiteral("submission %1").arg(draft.submission));
}

Status IntakeStore::markComplete(CaseDraft &draft)
{
    if (draft.state != CaseDraft::State::Open) {
        return Error { WrongState, Tr::tr("Only a case being checked can be completed."),
            stateName(draft.state) };
    }
    const CaseDraft before = draft;
    draft.state = CaseDraft::State::Complete;
    draft.openMaterials.clear();
    draft.unlocked.clear();
    return commitStep(draft, before, QStringLiteral("complete"), Handover::Noted,
        QStringLiteral("case.complete"), QStringLiteral("submission %1").arg(draft.submission));
}

Status IntakeStore::abandon(CaseDraft &draft, const QString &reason)
{
    bool hasPages = false;
    for (const MaterialState &m : std::as_const(draft.materials))
        hasPages = hasPages || !m.pages.isEmpty();
    if (draft.state != CaseDraft::State::Open || draft.submission > 1 || hasPages) {
        return Error { WrongState,
            Tr::tr("Only a case with no page captured, at its first visit, can be cancelled."),
            stateName(draft.state) };
    }
    const CaseDraft before = draft;
    draft.state = CaseDraft::State::Abandoned;
    return commitStep(draft, before, QStringLiteral("abandon"), Handover::NotNoted,
        QStringLiteral("case.abandon"), reason.left(200));
}

Status IntakeStore::transmit(CaseDraft &draft, const QJsonObject &caseBody,
    const QStringList &paperToMail, const Core::DueDate &mailingDue,
    const std::function<Status(const QJsonObject &)> &enqueue)
{
    if (draft.state != CaseDraft::State::Open) {
        return Error { WrongState, Tr::tr("Only a case being checked can be transmitted."),
            stateName(draft.state) };
    }
    const CaseDraft before = draft;
    Status status = m_db.transaction([&]() -> Status {
        if (enqueue) {
            if (Status queued = enqueue(caseBody); !queued)
                return queued;
        }
        if (!paperToMail.isEmpty()) {
            if (auto task = addMailingTask(draft, paperToMail, mailingDue); !task)
                return task.error();
        }
        return markComplete(draft);
    });
    if (!status)
        draft = before;
    return status;
}

Status IntakeStore::setCaseNumber(const QString &caseId, const QString &caseNumber)
{
    return m_db.transaction([&]() -> Status {
        auto draft = load(caseId);
        if (!draft)
            return draft.error();
        if (draft->caseNumber == caseNumber)
            return {};
        draft->caseNumber = caseNumber;
        if (Status written = writeRow(draft.value()); !written)
            return written;
        return audit(draft.value(), QStringLiteral("case.numbered"), caseNumber);
    });
}

QList<CaseSummary> IntakeStore::summaries(const QString &where, const QVariantList &values) const
{
    QList<CaseSummary> list;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT case_id, provisional_number, case_number, item_code,"
                                 " applicant_name, state, created_at, updated_at"
                                 " FROM intake_cases WHERE %1 ORDER BY updated_at DESC")
                      .arg(where));
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec())
        return list;
    while (query.next()) {
        CaseSummary s;
        s.caseId = query.value(0).toString();
        s.provisionalNumber = query.value(1).toString();
        s.caseNumber = query.value(2).toString();
        s.itemCode = query.value(3).toString();
        s.applicantName = query.value(4).toString();
        s.state = stateFromName(query.value(5).toString());
        s.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
        s.updatedAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
        list.append(s);
    }
    return list;
}

QList<CaseSummary> IntakeStore::casesOf(const QDate &day) const
{
    const QString d = day.toString(Qt::ISODate);
    return summaries(
        QStringLiteral("(created_day = ? OR updated_day = ?) AND state != 'abandoned'"), { d, d });
}

QList<CaseSummary> IntakeStore::casesIn(CaseDraft::State state) const
{
    return summaries(QStringLiteral("state = ?"), { stateName(state) });
}

QList<CaseSummary> IntakeStore::findByApplicant(const QString &id) const
{
    const QString key = applicantKey(id);
    if (key.isEmpty())
        return {};
    return summaries(QStringLiteral("applicant_key = ?"), { key });
}

QList<CaseSummary> IntakeStore::findByCaseNumber(const QString &caseNumber) const
{
    if (caseNumber.isEmpty())
        return {};
    return summaries(QStringLiteral("case_number = ?"), { caseNumber });
}

QHash<QString, QString> IntakeStore::itemVersionsUsedBy(const QString &clerk) const
{
    QHash<QString, QString> used;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT item_code, json_extract(draft, '$.catalogVersion')"
                                 " FROM intake_cases WHERE json_extract(draft, '$.clerk') = ?"
                                 " ORDER BY updated_at"));
    query.addBindValue(clerk);
    if (!query.exec())
        return used;
    while (query.next())
        used.insert(query.value(0).toString(), query.value(1).toString());
    return used;
}

Result<qint64> IntakeStore::addMailingTask(
    const CaseDraft &draft, const QStringList &materialIds, const Core::DueDate &due)
{
    qint64 id = 0;
    Status status = m_db.transaction([&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(QStringLiteral(
            "INSERT INTO intake_mailings(case_id, materials, due_date, due_provisional,"
            " created_at) VALUES(?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET materials = "
            "excluded.materials"
            " RETURNING id"));
        query.addBindValue(draft.caseId);
        query.addBindValue(materialIds.join(QLatin1Char(',')));
        query.addBindValue(due.date.toString(Qt::ISODate));
        query.addBindValue(due.provisional ? 1 : 0);
        query.addBindValue(m_clock.now().toString(Qt::ISODateWithMs));
        if (!query.exec() || !query.next())
            return Storage::Database::queryError(query, QStringLiteral("add mailing task"));
        id = query.value(0).toLongLong();
        query.finish();
        return audit(draft, QStringLiteral("mailing.task"),
            QStringLiteral("due %1%2, materials %3")
                .arg(due.date.toString(Qt::ISODate),
                    due.provisional ? QStringLiteral(" (provisional)") : QString(),
                    materialIds.join(QLatin1Char(','))));
    });
    if (!status)
        return saveError(status.error());
    return id;
}

QList<MailingTask> IntakeStore::mailingTasks(bool openOnly) const
{
    QList<MailingTask> list;
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT m.id, m.case_id, c.provisional_number, m.materials,"
                                   " m.due_date, m.carrier, m.waybill, m.sent_at,"
                                   " m.due_provisional"
                                   " FROM intake_mailings m JOIN intake_cases c USING (case_id)%1"
                                   " ORDER BY m.due_date, m.id")
                        .arg(openOnly ? QStringLiteral(" WHERE m.sent_at IS NULL") : QString())))
        return list;
    while (query.next()) {
        MailingTask t;
        t.id = query.value(0).toLongLong();
        t.caseId = query.value(1).toString();
        t.provisionalNumber = query.value(2).toString();
        t.materialIds = query.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.due = QDate::fromString(query.value(4).toString(), Qt::ISODate);
        t.carrier = query.value(5).toString();
        t.waybill = query.value(6).toString();
        t.sentAt = QDateTime::fromString(query.value(7).toString(), Qt::ISODateWithMs);
        t.dueProvisional = query.value(8).toInt() != 0;
        list.append(t);
    }
    return list;
}

Status IntakeStore::recordMailing(qint64 taskId, const QString &carrier, const QString &waybill,
    const QString &clerk, const std::function<Status(const MailingTask &)> &queue)
{
    const QString trimmed = waybill.trimmed();
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{8,30}$"));
    if (!pattern.match(trimmed).hasMatch()) {
        return Error { InvalidApplicant,
            Tr::tr("The waybill number should be 8 to 30 letters or digits."), trimmed };
    }
    return m_db.transaction([&]() -> Status {
        MailingTask task;
        for (const MailingTask &t : mailingTasks(false)) {
            if (t.id == taskId)
                task = t;
        }
        if (task.id == 0) {
            return Error { CaseNotFound, Tr::tr("The mailing task was not found."),
                QString::number(taskId) };
        }
        if (task.isSent()) {
            return Error { WrongState, Tr::tr("The waybill of this mailing was already recorded."),
                QString::number(taskId) };
        }
        task.carrier = carrier;
        task.waybill = trimmed;
        task.sentAt = m_clock.now();
        QSqlQuery query(m_db.connection());
        query.prepare(QStringLiteral("UPDATE intake_mailings SET carrier = ?, waybill = ?,"
                                     " sent_at = ? WHERE id = ?"));
        query.addBindValue(carrier);
        query.addBindValue(trimmed);
        query.addBindValue(task.sentAt.toString(Qt::ISODateWithMs));
        query.addBindValue(taskId);
        if (!query.exec())
            return Storage::Database::queryError(query, QStringLiteral("record mailing"));
        query.finish();
        if (queue) {
            if (Status queued = queue(task); !queued)
                return queued;
        }
        return toStatus(m_audit.append({ clerk, {}, QStringLiteral("mailing.sent"), task.caseId,
            QStringLiteral("ok"), QStringLiteral("%1 %2").arg(carrier, trimmed) }));
    });
}

Status IntakeStore::audit(
    const CaseDraft &draft, const QString &action, const QString &detail, const QString &result)
{
    return toStatus(m_audit.append(
        { actorAccount(), draft.windowId, action, draft.provisionalNumber, result, detail }));
}

} // namespace Tongban::Intake
