#pragma once

#include <catalog/Condition.h>
#include <core/Error.h>

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Tongban::Intake {

enum ErrorCode {
    CaseNotFound = Core::ErrorRange::Intake + 1,
    InvalidApplicant,
    NotDecidable,
    WrongState,
    UnknownMaterial,
    NotTolerable,
    SaveFailed,
    Locked,
    NotAllowed,
};

/// Who applies (申请人): a natural person or a legal person.
struct Applicant
{
    enum class Kind { NaturalPerson, LegalPerson };
    Kind kind = Kind::NaturalPerson;
    QString name; ///< person's name, or the organisation's name
    QString idNumber; ///< GB 11643, natural person
    QString creditCode; ///< GB 32100, legal person
    QString representative; ///< legal representative, legal person
    QString phone;
};

/// Someone applying on the applicant's behalf (代办人); empty name = none.
struct Agent
{
    QString name;
    QString idNumber;
    QString phone;
    bool isEmpty() const { return name.isEmpty() && idNumber.isEmpty(); }
};

/// The clerk's verdict on one review point (审查要点) of one material.
struct ReviewVerdict
{
    enum class Verdict { Unmarked, Pass, Fail };
    Verdict verdict = Verdict::Unmarked;
    QString deficiencyCode; ///< the standard reason picked when failed
    QString remark; ///< optional free text of the clerk, explaining the standard reason
    bool operator==(const ReviewVerdict &) const = default;
};

/// One captured page of a material, in the order the applicant's document has them.
struct CapturedPage
{
    QString pageId; ///< Storage::PageRecord::id (a rotated page is stored again as a new page)
    bool operator==(const CapturedPage &) const = default;
};

/// What the clerk recorded about one material of the checklist.
struct MaterialState
{
    QString materialId;
    bool absent = false; ///< the applicant did not bring it (缺少)
    bool tolerated = false; ///< 容缺受理, with the applicant's commitment
    /// The commitment the applicant signs: the guide's standard text (toleranceCommitment).
    QString commitment;
    bool originalVerified = false; ///< 核验原件
    QList<CapturedPage> pages;
    QHash<QString, ReviewVerdict> verdicts; ///< by review point id
    bool operator==(const MaterialState &) const = default;
};

/// One step of a case and the clerk who took it (000 §14: every act under its clerk).
struct CaseStep
{
    QString action; ///< created, handover, awaitCorrection, reopen, complete, unlock
    QString clerk; ///< account
    QDateTime at;
    int submission = 1;
};

/*!
 * A case as the window works on it (办件), from the first keystroke until it
 * is transmitted: the item, the applicant, the answers to the item's
 * questions (情形), and what the clerk recorded per material.
 *
 * Plain data; IntakeStore keeps it on disk, assess() judges it.
 */
struct CaseDraft
{
    enum class State {
        Open, ///< being checked
        AwaitingCorrection, ///< a one-time notice was issued (待补正)
        Complete, ///< receipt issued, case in the outbox
        Abandoned, ///< the applicant left before a notice (kept for the trail)
    };

    QString caseId;
    QString itemCode;
    QString catalogVersion;
    QString provisionalNumber;
    QString windowId;
    QString clerk; ///< the account that created the case; steps say who handled what
    State state = State::Open;
    int submission = 1; ///< 1, then +1 for every correction visit
    QDateTime createdAt;
    QDateTime updatedAt;
    Applicant applicant;
    Agent agent;
    Catalog::CaseFacts facts;
    QList<MaterialState> materials;
    /// Materials the last one-time notice listed: only these may change on correction.
    QStringList openMaterials;
    /// What a supervisor unlocked on a correction visit: material ids, or "facts" (audited).
    QStringList unlocked;
    QList<CaseStep> steps;
    /// The applicant and agent as last recorded in the audit trail (edits are audited
    /// once the clerk leaves the New case screen, not at every keystroke).
    QJsonObject auditedParties;
    /// Where the clerk was: screen name and material, to return after a crash.
    QString screen;
    QString currentMaterial;
    QString caseNumber; ///< official number, once the platform gave it

    MaterialState *material(const QString &materialId);
    const MaterialState *material(const QString &materialId) const;
    /// The state of \a materialId, created empty when missing.
    MaterialState &materialState(const QString &materialId);

    /// On a correction visit, whether \a materialId may change (listed, or unlocked).
    bool isMaterialOpen(const QString &materialId) const;
    /// On a correction visit, whether the answers to the item's questions may change.
    bool areFactsOpen() const;
    /// Applicant and agent as JSON (compared to auditedParties).
    QJsonObject partiesJson() const;

    QJsonObject toJson() const;
    static CaseDraft fromJson(const QJsonObject &json);
};

QString stateName(CaseDraft::State state);
CaseDraft::State stateFromName(const QString &name);

} // namespace Tongban::Intake
