#pragma once

#include <core/Error.h>

#include <QDate>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

namespace Tongban::Notices {

enum ErrorCode {
    RenderFailed = Core::ErrorRange::Notices + 1,
    StoreFailed,
    NoticeNotFound,
    PrintFailed,
    SerialsExhausted, ///< no serial left in the blocks the platform reserved for this window
};

enum class NoticeKind {
    Unknown,
    OneTimeNotice, ///< 一次性告知书: every deficiency of the submission
    Receipt, ///< 收件回执: everything received
    MailingSlip, ///< 纸质材料寄送单: paper originals going to the home department
};

/// One deficiency as the one-time notice states it.
struct Deficiency
{
    enum class Kind { Unknown, Missing, NotInLegalForm, ReviewPointFailed };
    Kind kind = Kind::Unknown;
    QString material; ///< material name as in the guide
    QString reason; ///< standard reason (or what is missing)
    QString correction; ///< how to correct it
    QString remark; ///< the clerk's optional remark: explains reason, never a demand of its own
};

/// One material as the receipt (or mailing slip) lists it.
struct ReceivedMaterial
{
    QString name;
    int originals = 0;
    int copies = 0;
    int pages = 0;
    QString medium; ///< 纸质 / 电子 / 纸质和电子, as shown
    bool tolerated = false;
    QString commitment; ///< for a tolerated absence: the catalogue's standard text
    QDate commitmentDue; ///< the date the tolerated material must be brought by
    bool commitmentDueProvisional = false; ///< computed on weekends only (year not in calendar)
};

/*!
 * Everything a notice states. A notice is rendered from this alone, so that
 * the stored content reproduces the issued document exactly.
 */
struct NoticeContent
{
    NoticeKind kind = NoticeKind::Unknown;
    QString serial; ///< unique city-wide (a number the platform reserved), assigned when issued
    QString itemCode;
    QString itemName;
    QString applicantName;
    QString
        applicantId; ///< identity number or credit code, as the applicant's own document shows it
    QString agentName; ///< 代办人, when someone applies on the applicant's behalf
    QString windowName;
    QString windowAddress; ///< where the applicant can come back (one-time notice)
    QString windowPhone;
    QString clerkName;
    QString homeDepartment; ///< for the mailing slip and the seal caption
    QDateTime issuedAt;
    QString provisionalNumber;
    QString caseNumber; ///< official number, when known
    QString qrText; ///< what the QR code encodes (case lookup)
    /// The platform's public lookup address; when set, the QR code is this URL followed by
    /// the notice's serial (assigned at issue), which a phone can open.
    QString lookupBaseUrl;
    QDate correctionDue; ///< one-time notice: bring the corrections by this date
    bool correctionDueProvisional = false; ///< computed on weekends only (year not in calendar)
    QByteArray sealSvg; ///< electronic seal image, when the catalogue provides one
    QList<Deficiency> deficiencies;
    QList<ReceivedMaterial> received;
    /// How the applicant receives the result, as the receipt states it (issue 17).
    QString resultDelivery;
    /// The provincial 好差评 address for this case (issue 17, 004); when set, the notice
    /// carries an evaluation QR code and the link.
    QString evaluationUrl;
    QString mailingAddress;
    QString mailingDueDate;
    bool mailingDueProvisional = false; ///< computed on weekends only (year not in calendar)
};

QString kindTitle(NoticeKind kind);

/*!
 * The handover slip (办件结果领取单) printed right after the platform's result document
 * (issue 17; 000 第三十二条, 004): what was handed over, how the applicant chose to receive
 * it, where the applicant signs, and the 好差评 QR code and link with the case number.
 * Rendered from this alone (NoticeRenderer::renderResultSlipPdf()); not stored.
 */
struct ResultSlipContent
{
    QString caseNumber; ///< the platform's official case number
    QString itemCode;
    QString itemName; ///< as the catalogue names it; the code alone when unknown
    QString resultId; ///< the platform's id of the result document
    bool accepted = false; ///< 受理通知书, else 不予受理通知书
    QDateTime decidedAt; ///< when the home department decided (the result's issuedAt)
    QDateTime printedAt; ///< when the result was printed for the applicant
    QString resultDelivery; ///< the applicant's choice at intake, as the receipt states it
    QString windowName;
    QString clerkName;
    /// The provincial 好差评 address for this case (Intake::evaluationUrl(), as the receipt).
    QString evaluationUrl;
};

} // namespace Tongban::Notices
