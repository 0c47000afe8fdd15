#include "NoticeStore.h"

#include "NoticeRenderer.h"
#include "Tr.h"

#include <core/Hash.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTimeZone>

namespace Tongban::Notices {

using Core::Error;
using Core::Result;
using Core::Status;

namespace {
using Core::sha256Hex;

QString kindCode(NoticeKind kind)
{
    switch (kind) {
    case NoticeKind::OneTimeNotice:
        return QStringLiteral("GZ"); // 告知
    case NoticeKind::Receipt:
        return QStringLiteral("HZ"); // 回执
    case NoticeKind::MailingSlip:
        return QStringLiteral("JS"); // 寄送
    case NoticeKind::Unknown:
        break;
    }
    return QString();
}

const QString kSelect = QStringLiteral(
    "SELECT n.id, n.serial, n.kind, n.case_id, n.window_id, n.clerk, n.issued_at, n.sha256,"
    " (SELECT count(*) FROM notice_reprints r WHERE r.notice_id = n.id) FROM notices n ");

IssuedNotice noticeFrom(const QSqlQuery &q)
{
    return IssuedNotice { q.value(0).toLongLong(), q.value(1).toString(),
        NoticeKind(q.value(2).toInt()), q.value(3).toString(), q.value(4).toString(),
        q.value(5).toString(), QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs),
        q.value(7).toString(), q.value(8).toInt() };
}

Error storeError(const Error &cause)
{
    return Error { StoreFailed,
        Tr::tr("The notice could not be saved, so it was not issued. %1").arg(cause.message),
        cause.detail };
}

Error reprintStoreError(const Error &cause)
{
    return Error { StoreFailed,
        Tr::tr("The reprint could not be saved, so it was not printed or counted. %1")
            .arg(cause.message),
        cause.detail };
}

} // namespace

NoticeStore::NoticeStore(Storage::Database &db, Security::AuditLog &audit, const Core::Clock &clock)
    : m_db(db)
    , m_audit(audit)
    , m_clock(clock)
{ }

Storage::MigrationSet NoticeStore::schema()
{
    Storage::MigrationSet set;
    set.module = QStringLiteral("notices");
    set.migrations << Storage::Migration { 1,
        QStringLiteral("issued notices, immutable, and their reprints"),
        { QStringLiteral("CREATE TABLE notices ("
                         " id INTEGER PRIMARY KEY,"
                         " serial TEXT NOT NULL UNIQUE,"
                         " kind INTEGER NOT NULL,"
                         " window_id TEXT NOT NULL,"
                         " year INTEGER NOT NULL,"
                         " sequence INTEGER NOT NULL,"
                         " case_id TEXT NOT NULL,"
                         " clerk TEXT NOT NULL,"
                         " issued_at TEXT NOT NULL,"
                         " content TEXT NOT NULL,"
                         " pdf BLOB NOT NULL,"
                         " sha256 TEXT NOT NULL,"
                         " UNIQUE (window_id, kind, year, sequence))"),
            QStringLiteral("CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices BEGIN"
                           " SELECT RAISE(ABORT, 'an issued notice never changes'); END"),
            QStringLiteral("CREATE TRIGGER notices_kept BEFORE DELETE ON notices BEGIN"
                           " SELECT RAISE(ABORT, 'an issued notice is kept'); END"),
            QStringLiteral("CREATE TABLE notice_reprints ("
                           " id INTEGER PRIMARY KEY,"
                           " notice_id INTEGER NOT NULL REFERENCES notices(id),"
                           " clerk TEXT NOT NULL,"
                           " at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX notices_case ON notices(case_id)") } };
    // Serials from blocks the platform reserves (unique city-wide). The notices table is
    // rebuilt without its per-kind-and-year uniqueness, which a platform number could meet
    // in a notice numbered locally before; the platform's numbers are unique per window.
    // notice_reprints is rebuilt with it so that its reference follows the renamed table.
    set.migrations << Storage::Migration { 2,
        QStringLiteral("serials from blocks the platform reserves for the window"),
        { QStringLiteral("CREATE TABLE notices_v2 ("
                         " id INTEGER PRIMARY KEY,"
                         " serial TEXT NOT NULL UNIQUE,"
                         " kind INTEGER NOT NULL,"
                         " window_id TEXT NOT NULL,"
                         " year INTEGER NOT NULL,"
                         " sequence INTEGER NOT NULL,"
                         " numbering TEXT NOT NULL," // 'platform' (block) or 'local' (before v2)
                         " case_id TEXT NOT NULL,"
                         " clerk TEXT NOT NULL,"
                         " issued_at TEXT NOT NULL,"
                         " content TEXT NOT NULL,"
                         " pdf BLOB NOT NULL,"
                         " sha256 TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO notices_v2 SELECT id, serial, kind, window_id, year,"
                           " sequence, 'local', case_id, clerk, issued_at, content, pdf, sha256"
                           " FROM notices"),
            QStringLiteral("CREATE TABLE notice_reprints_v2 ("
                           " id INTEGER PRIMARY KEY,"
                           " notice_id INTEGER NOT NULL REFERENCES notices_v2(id),"
                           " clerk TEXT NOT NULL,"
                           " at TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO notice_reprints_v2 SELECT id, notice_id, clerk, at"
                           " FROM notice_reprints"),
            QStringLiteral("DROP TABLE notice_reprints"), QStringLiteral("DROP TABLE notices"),
            QStringLiteral("ALTER TABLE notices_v2 RENAME TO notices"),
            QStringLiteral("ALTER TABLE notice_reprints_v2 RENAME TO notice_reprints"),
            QStringLiteral("CREATE TRIGGER notices_immutable BEFORE UPDATE ON notices BEGIN"
                           " SELECT RAISE(ABORT, 'an issued notice never changes'); END"),
            QStringLiteral("CREATE TRIGGER notices_kept BEFORE DELETE ON notices BEGIN"
                           " SELECT RAISE(ABORT, 'an issued notice is kept'); END"),
            QStringLiteral("CREATE INDEX notices_case ON notices(case_id)"),
            QStringLiteral("CREATE UNIQUE INDEX notices_platform_number ON notices(window_id,"
                           " sequence) WHERE numbering = 'platform'"),
            QStringLiteral("CREATE TABLE notice_serial_blocks ("
                           " id INTEGER PRIMARY KEY,"
                           " window_id TEXT NOT NULL,"
                           " prefix TEXT NOT NULL,"
                           " first INTEGER NOT NULL,"
                           " last INTEGER NOT NULL,"
                           " next INTEGER NOT NULL," // next number to issue; > last when used up
                           " received_at TEXT NOT NULL,"
                           " UNIQUE (window_id, first),"
                           " CHECK (first >= 1 AND last >= first AND next >= first"
                           " AND next <= last + 1))") } };
    set.migrations << Storage::Migration { 3,
        QStringLiteral("补打 copies stored as printed; reprints counted once a printer took them"),
        { QStringLiteral("CREATE TABLE notice_copies ("
                         " id INTEGER PRIMARY KEY,"
                         " notice_id INTEGER NOT NULL REFERENCES notices(id),"
                         " clerk TEXT NOT NULL,"
                         " rendered_at TEXT NOT NULL,"
                         " case_number TEXT NOT NULL DEFAULT '',"
                         " pdf BLOB NOT NULL,"
                         " sha256 TEXT NOT NULL)"),
            QStringLiteral("CREATE TRIGGER notice_copies_immutable BEFORE UPDATE ON notice_copies"
                           " BEGIN SELECT RAISE(ABORT, 'a stored reprint never changes'); END"),
            QStringLiteral("CREATE TRIGGER notice_copies_kept BEFORE DELETE ON notice_copies"
                           " BEGIN SELECT RAISE(ABORT, 'a stored reprint is kept'); END"),
            QStringLiteral("CREATE INDEX notice_copies_notice ON notice_copies(notice_id)"),
            // From version 2 a row here means a printer accepted the copy.
            QStringLiteral("ALTER TABLE notice_reprints ADD COLUMN copy_id INTEGER"
                           " REFERENCES notice_copies(id)"),
            QStringLiteral("ALTER TABLE notice_reprints ADD COLUMN printer TEXT"),
            QStringLiteral("ALTER TABLE notice_reprints ADD COLUMN job_id INTEGER") } };
    return set;
}

QByteArray NoticeStore::toJson(const NoticeContent &c)
{
    QJsonArray deficiencies;
    for (const Deficiency &d : c.deficiencies) {
        deficiencies.append(QJsonObject { { QStringLiteral("kind"), int(d.kind) },
            { QStringLiteral("material"), d.material }, { QStringLiteral("reason"), d.reason },
            { QStringLiteral("correction"), d.correction },
            { QStringLiteral("remark"), d.remark } });
    }
    QJsonArray received;
    for (const ReceivedMaterial &m : c.received) {
        received.append(QJsonObject { { QStringLiteral("name"), m.name },
            { QStringLiteral("originals"), m.originals }, { QStringLiteral("copies"), m.copies },
            { QStringLiteral("pages"), m.pages }, { QStringLiteral("medium"), m.medium },
            { QStringLiteral("tolerated"), m.tolerated },
            { QStringLiteral("commitment"), m.commitment },
            { QStringLiteral("commitmentDue"), m.commitmentDue.toString(Qt::ISODate) },
            { QStringLiteral("commitmentDueProvisional"), m.commitmentDueProvisional } });
    }
    QJsonObject o { { QStringLiteral("kind"), int(c.kind) }, { QStringLiteral("serial"), c.serial },
        { QStringLiteral("itemCode"), c.itemCode }, { QStringLiteral("itemName"), c.itemName },
        { QStringLiteral("applicantName"), c.applicantName },
        { QStringLiteral("applicantId"), c.applicantId },
        { QStringLiteral("agentName"), c.agentName },
        { QStringLiteral("windowName"), c.windowName },
        { QStringLiteral("clerkName"), c.clerkName },
        { QStringLiteral("homeDepartment"), c.homeDepartment },
        { QStringLiteral("issuedAt"), c.issuedAt.toString(Qt::ISODateWithMs) },
        { QStringLiteral("provisionalNumber"), c.provisionalNumber },
        { QStringLiteral("caseNumber"), c.caseNumber }, { QStringLiteral("qrText"), c.qrText },
        { QStringLiteral("sealSvg"), QString::fromLatin1(c.sealSvg.toBase64()) },
        { QStringLiteral("deficiencies"), deficiencies }, { QStringLiteral("received"), received },
        { QStringLiteral("mailingAddress"), c.mailingAddress },
        { QStringLiteral("mailingDueDate"), c.mailingDueDate } };
    // Members added with version 2 of the notice (older stored notices lack them).
    o.insert(QStringLiteral("windowAddress"), c.windowAddress);
    o.insert(QStringLiteral("windowPhone"), c.windowPhone);
    o.insert(QStringLiteral("lookupBaseUrl"), c.lookupBaseUrl);
    o.insert(QStringLiteral("correctionDue"), c.correctionDue.toString(Qt::ISODate));
    o.insert(QStringLiteral("correctionDueProvisional"), c.correctionDueProvisional);
    o.insert(QStringLiteral("mailingDueProvisional"), c.mailingDueProvisional);
    // Issue 17: the delivery choice and the evaluation link (absent from older notices).
    o.insert(QStringLiteral("resultDelivery"), c.resultDelivery);
    o.insert(QStringLiteral("evaluationUrl"), c.evaluationUrl);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

NoticeContent NoticeStore::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const auto s = [&](const char *key) {
        return o.value(QLatin1String(key)).toString();
    };
    NoticeContent c;
    c.kind = NoticeKind(o.value(QLatin1String("kind")).toInt());
    c.serial = s("serial");
    c.itemCode = s("itemCode");
    c.itemName = s("itemName");
    c.applicantName = s("applicantName");
    c.applicantId = s("applicantId");
    c.agentName = s("agentName");
    c.windowName = s("windowName");
    c.clerkName = s("clerkName");
    c.homeDepartment = s("homeDepartment");
    c.issuedAt = QDateTime::fromString(s("issuedAt"), Qt::ISODateWithMs);
    c.provisionalNumber = s("provisionalNumber");
    c.caseNumber = s("caseNumber");
    c.qrText = s("qrText");
    c.sealSvg = QByteArray::fromBase64(s("sealSvg").toLatin1());
    c.mailingAddress = s("mailingAddress");
    c.mailingDueDate = s("mailingDueDate");
    c.windowAddress = s("windowAddress");
    c.windowPhone = s("windowPhone");
    c.lookupBaseUrl = s("lookupBaseUrl");
    c.correctionDue = QDate::fromString(s("correctionDue"), Qt::ISODate);
    c.correctionDueProvisional = o.value(QLatin1String("correctionDueProvisional")).toBool();
    c.mailingDueProvisional = o.value(QLatin1String("mailingDueProvisional")).toBool();
    c.resultDelivery = s("resultDelivery");
    c.evaluationUrl = s("evaluationUrl");
    for (const QJsonValue &v : o.value(QLatin1String("deficiencies")).toArray()) {
        const QJsonObject d = v.toObject();
        c.deficiencies << Deficiency { Deficiency::Kind(d.value(QLatin1String("kind")).toInt()),
            d.value(QLatin1String("material")).toString(),
            d.value(QLatin1String("reason")).toString(),
            d.value(QLatin1String("correction")).toString(),
            d.value(QLatin1String("remark")).toString() };
    }
    for (const QJsonValue &v : o.value(QLatin1String("received")).toArray()) {
        const QJsonObject m = v.toObject();
        c.received << ReceivedMaterial { m.value(QLatin1String("name")).toString(),
            m.value(QLatin1String("originals")).toInt(), m.value(QLatin1String("copies")).toInt(),
            m.value(QLatin1String("pages")).toInt(), m.value(QLatin1String("medium")).toString(),
            m.value(QLatin1String("tolerated")).toBool(),
            m.value(QLatin1String("commitment")).toString(),
            QDate::fromString(m.value(QLatin1String("commitmentDue")).toString(), Qt::ISODate),
            m.value(QLatin1String("commitmentDueProvisional")).toBool() };
    }
    return c;
}

Status NoticeStore::addSerialBlock(const SerialBlock &block)
{
    if (block.windowId.isEmpty() || block.prefix.isEmpty() || block.first < 1
        || block.last < block.first) {
        return Error { StoreFailed,
            Tr::tr("The numbers received from the platform are not valid; nothing was kept. "
                   "Call IT support."),
            QStringLiteral("serial block %1 %2..%3")
                .arg(block.windowId)
                .arg(block.first)
                .arg(block.last) };
    }
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT prefix, first, last FROM notice_serial_blocks"
                                 " WHERE window_id = ? AND first <= ? AND last >= ?"));
        q.addBindValue(block.windowId);
        q.addBindValue(block.last);
        q.addBindValue(block.first);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("serial block lookup"));
        if (q.next()) {
            if (q.value(0).toString() == block.prefix && q.value(1).toLongLong() == block.first
                && q.value(2).toLongLong() == block.last)
                return {}; // the same block again (an answer repeated)
            return Error { StoreFailed,
                Tr::tr("The platform sent numbers this window already holds; nothing was kept. "
                       "Call IT support."),
                QStringLiteral("serial block %1 %2..%3 overlaps %4..%5")
                    .arg(block.windowId)
                    .arg(block.first)
                    .arg(block.last)
                    .arg(q.value(1).toLongLong())
                    .arg(q.value(2).toLongLong()) };
        }
        q.prepare(QStringLiteral("INSERT INTO notice_serial_blocks(window_id, prefix, first,"
                                 " last, next, received_at) VALUES(?,?,?,?,?,?)"));
        q.addBindValue(block.windowId);
        q.addBindValue(block.prefix);
        q.addBindValue(block.first);
        q.addBindValue(block.last);
        q.addBindValue(block.first);
        q.addBindValue(m_clock.now().toString(Qt::ISODateWithMs));
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("keep serial block"));
        const auto audited = m_audit.append({ QStringLiteral("system"), block.windowId,
            QStringLiteral("serial.block"), QStringLiteral("serials:%1").arg(block.prefix),
            QStringLiteral("ok"), QStringLiteral("%1..%2").arg(block.first).arg(block.last) });
        if (!audited)
            return audited.error();
        return {};
    });
}

qint64 NoticeStore::serialsLeft(const QString &windowId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT coalesce(sum(last - next + 1), 0) FROM notice_serial_blocks"
                             " WHERE window_id = ? AND next <= last"));
    q.addBindValue(windowId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

Status NoticeStore::checkSerialsLeft(const QString &windowId, int count) const
{
    if (serialsLeft(windowId) >= count)
        return {};
    return Error { SerialsExhausted,
        Tr::tr("This window has no notice number left, so nothing was issued or printed. "
               "Connect the workstation to the platform (check the network, then sign in "
               "again): the platform gives the window new numbers within a few seconds. "
               "Then issue again."),
        QStringLiteral("fewer than %1 serial(s) left for window %2").arg(count).arg(windowId) };
}

Result<IssuedNotice> NoticeStore::issue(NoticeContent content, const Issuer &issuer)
{
    IssuedNotice issued;
    bool exhausted = false;
    content.issuedAt = m_clock.now();
    const int year
        = content.issuedAt.toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai"))).date().year();
    Status status = m_db.transaction([&]() -> Status {
        // The oldest block with a number left; the number is taken in this transaction, so
        // a notice that is not stored leaves it unused.
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT id, prefix, next FROM notice_serial_blocks"
                                 " WHERE window_id = ? AND next <= last ORDER BY first LIMIT 1"));
        q.addBindValue(issuer.windowId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("next serial"));
        if (!q.next()) {
            exhausted = true;
            return Error { SerialsExhausted, {}, issuer.windowId };
        }
        const qint64 blockId = q.value(0).toLongLong();
        const QString prefix = q.value(1).toString();
        const qint64 number = q.value(2).toLongLong();
        q.prepare(QStringLiteral("UPDATE notice_serial_blocks SET next = next + 1 WHERE id = ?"));
        q.addBindValue(blockId);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("take serial"));
        content.serial = QStringLiteral("%1-%2-%3-%4")
                             .arg(prefix, kindCode(content.kind))
                             .arg(year)
                             .arg(number, 6, 10, QLatin1Char('0'));
        if (!content.lookupBaseUrl.isEmpty())
            content.qrText = content.lookupBaseUrl + content.serial;
        const Result<QByteArray> pdf = NoticeRenderer::renderPdf(content);
        if (!pdf)
            return pdf.error();
        issued = IssuedNotice { 0, content.serial, content.kind, issuer.caseId, issuer.windowId,
            issuer.clerk, content.issuedAt, sha256Hex(*pdf), 0 };
        q.prepare(QStringLiteral(
            "INSERT INTO notices(serial, kind, window_id, year, sequence, numbering, case_id,"
            " clerk, issued_at, content, pdf, sha256) VALUES(?,?,?,?,?,'platform',?,?,?,?,?,?)"));
        q.addBindValue(content.serial);
        q.addBindValue(int(content.kind));
        q.addBindValue(issuer.windowId);
        q.addBindValue(year);
        q.addBindValue(number);
        q.addBindValue(issuer.caseId);
        q.addBindValue(issuer.clerk);
        q.addBindValue(content.issuedAt.toString(Qt::ISODateWithMs));
        q.addBindValue(QString::fromUtf8(toJson(content)));
        q.addBindValue(*pdf);
        q.addBindValue(issued.sha256);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("insert notice"));
        issued.id = q.lastInsertId().toLongLong();
        const auto audited
            = m_audit.append({ issuer.clerk, issuer.windowId, QStringLiteral("notice.issue"),
                QStringLiteral("notice:") + content.serial, QStringLiteral("ok"),
                QStringLiteral("case:%1 sha256:%2").arg(issuer.caseId, issued.sha256) });
        if (!audited)
            return audited.error();
        return {};
    });
    if (exhausted) {
        return Error {
            SerialsExhausted,
            Tr::tr("This window has no notice number left, so nothing was issued or printed. "
                   "Connect the workstation to the platform (check the network, then sign in "
                   "again): the platform gives the window new numbers within a few seconds. "
                   "Then issue again."),
            QStringLiteral("no serial block with a number left for window %1").arg(issuer.windowId)
        };
    }
    if (!status)
        return storeError(status.error());
    if (m_issued)
        m_issued();
    return issued;
}

Result<IssuedNotice> NoticeStore::notice(qint64 noticeId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral("WHERE n.id = ?"));
    q.addBindValue(noticeId);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("read notice"));
    if (!q.next())
        return Error { NoticeNotFound, Tr::tr("This notice is not stored here."),
            QString::number(noticeId) };
    return noticeFrom(q);
}

QList<IssuedNotice> NoticeStore::noticesOfCase(const QString &caseId) const
{
    QList<IssuedNotice> list;
    QSqlQuery q(m_db.connection());
    q.prepare(kSelect + QStringLiteral("WHERE n.case_id = ? ORDER BY n.id"));
    q.addBindValue(caseId);
    if (q.exec()) {
        while (q.next())
            list << noticeFrom(q);
    }
    return list;
}

Result<QSqlQuery> NoticeStore::row(const QString &columns, qint64 noticeId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM notices WHERE id = ?"));
    q.addBindValue(noticeId);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("read notice"));
    if (!q.next())
        return Error { NoticeNotFound, Tr::tr("This notice is not stored here."),
            QString::number(noticeId) };
    return q;
}

Result<QByteArray> NoticeStore::pdf(qint64 noticeId) const
{
    const Result<QSqlQuery> q = row(QStringLiteral("pdf, sha256"), noticeId);
    if (!q)
        return q.error();
    const QByteArray bytes = q->value(0).toByteArray();
    if (sha256Hex(bytes) != q->value(1).toString()) {
        return Error { StoreFailed,
            Tr::tr("The stored notice is damaged: it no longer matches what was issued. "
                   "Call IT support; do not reprint it."),
            QStringLiteral("hash mismatch for notice %1").arg(noticeId) };
    }
    return bytes;
}

Result<NoticeContent> NoticeStore::content(qint64 noticeId) const
{
    const Result<QSqlQuery> q = row(QStringLiteral("content"), noticeId);
    if (!q)
        return q.error();
    return fromJson(q->value(0).toString().toUtf8());
}

Result<ReprintCopy> NoticeStore::makeReprint(
    qint64 noticeId, const QString &clerk, const QString &caseNumber)
{
    const Result<IssuedNotice> original = notice(noticeId);
    if (!original)
        return original.error();
    if (const Result<QByteArray> intact = pdf(noticeId); !intact)
        return intact.error();
    Result<NoticeContent> stored = content(noticeId);
    if (!stored)
        return stored.error();
    // A receipt reprinted after the platform numbered the case carries the official number.
    const bool numberAdded = !caseNumber.isEmpty() && stored->caseNumber.isEmpty();
    if (numberAdded)
        stored->caseNumber = caseNumber;
    NoticeRenderer::Options options;
    options.reprint = true;
    options.reprintedAt = m_clock.now();
    options.caseNumberAdded = numberAdded;
    const Result<QByteArray> rendered = NoticeRenderer::renderPdf(*stored, options);
    if (!rendered)
        return rendered.error();
    ReprintCopy copy { 0, noticeId, original->serial, clerk, options.reprintedAt,
        sha256Hex(*rendered), *rendered, false };
    Status status = m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("INSERT INTO notice_copies(notice_id, clerk, rendered_at,"
                                 " case_number, pdf, sha256) VALUES(?, ?, ?, ?, ?, ?)"));
        q.addBindValue(noticeId);
        q.addBindValue(clerk);
        q.addBindValue(copy.renderedAt.toString(Qt::ISODateWithMs));
        q.addBindValue(numberAdded ? caseNumber : QStringLiteral(""));
        q.addBindValue(copy.pdf);
        q.addBindValue(copy.sha256);
        if (!q.exec())
            return Storage::Database::queryError(q, QStringLiteral("store reprint"));
        copy.id = q.lastInsertId().toLongLong();
        const auto audited
            = m_audit.append({ clerk, original->windowId, QStringLiteral("notice.reprint.copy"),
                QStringLiteral("notice:") + original->serial, QStringLiteral("ok"),
                QStringLiteral("case:%1 copy:%2 sha256:%3")
                    .arg(original->caseId)
                    .arg(copy.id)
                    .arg(copy.sha256) });
        if (!audited)
            return audited.error();
        return {};
    });
    if (!status)
        return reprintStoreError(status.error());
    return copy;
}

namespace {
const QString kSelectCopy
    = QStringLiteral("SELECT c.id, c.notice_id, n.serial, c.clerk, c.rendered_at, c.sha256,"
                     " EXISTS(SELECT 1 FROM notice_reprints r WHERE r.copy_id = c.id), %1"
                     " FROM notice_copies c JOIN notices n ON n.id = c.notice_id ");

ReprintCopy copyFrom(const QSqlQuery &q, bool withPdf)
{
    return ReprintCopy { q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
        q.value(3).toString(), QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs),
        q.value(5).toString(), withPdf ? q.value(7).toByteArray() : QByteArray(),
        q.value(6).toBool() };
}
} // namespace

Result<ReprintCopy> NoticeStore::reprintCopy(qint64 copyId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kSelectCopy.arg(QStringLiteral("c.pdf")) + QStringLiteral("WHERE c.id = ?"));
    q.addBindValue(copyId);
    if (!q.exec())
        return Storage::Database::queryError(q, QStringLiteral("read reprint"));
    if (!q.next())
        return Error { NoticeNotFound, Tr::tr("This reprint is not stored here."),
            QString::number(copyId) };
    ReprintCopy copy = copyFrom(q, true);
    if (sha256Hex(copy.pdf) != copy.sha256) {
        return Error { StoreFailed,
            Tr::tr("The stored reprint is damaged: it no longer matches what was rendered. "
                   "Make a new reprint; if it happens again, call IT support."),
            QStringLiteral("hash mismatch for reprint %1").arg(copyId) };
    }
    return copy;
}

QList<ReprintCopy> NoticeStore::reprintCopies(qint64 noticeId) const
{
    QList<ReprintCopy> list;
    QSqlQuery q(m_db.connection());
    q.prepare(kSelectCopy.arg(QStringLiteral("NULL"))
        + QStringLiteral("WHERE c.notice_id = ? ORDER BY c.id"));
    q.addBindValue(noticeId);
    if (q.exec()) {
        while (q.next())
            list << copyFrom(q, false);
    }
    return list;
}

Status NoticeStore::recordPrinted(
    qint64 noticeId, qint64 copyId, const QString &clerk, const QString &printer, int jobId)
{
    const Result<IssuedNotice> original = notice(noticeId);
    if (!original)
        return original.error();
    const QString at = m_clock.now().toString(Qt::ISODateWithMs);
    Status status = m_db.transaction([&]() -> Status {
        if (copyId > 0) {
            QSqlQuery q(m_db.connection());
            q.prepare(QStringLiteral("INSERT INTO notice_reprints(notice_id, clerk, at, copy_id,"
                                     " printer, job_id)"
                                     " SELECT notice_id, ?, ?, id, ?, ? FROM notice_copies"
                                     " WHERE id = ? AND notice_id = ?"));
            q.addBindValue(clerk);
            q.addBindValue(at);
            q.addBindValue(printer);
            q.addBindValue(jobId);
            q.addBindValue(copyId);
            q.addBindValue(noticeId);
            if (!q.exec())
                return Storage::Database::queryError(q, QStringLiteral("record reprint"));
            if (q.numRowsAffected() != 1) {
                return Error { NoticeNotFound, Tr::tr("This reprint is not stored here."),
                    QStringLiteral("copy %1 of notice %2").arg(copyId).arg(noticeId) };
            }
        }
        const auto audited = m_audit.append({ clerk, original->windowId,
            copyId > 0 ? QStringLiteral("notice.reprint") : QStringLiteral("notice.print"),
            QStringLiteral("notice:") + original->serial, QStringLiteral("ok"),
            QStringLiteral("case:%1%2 printer:%3 job:%4")
                .arg(original->caseId,
                    copyId > 0 ? QStringLiteral(" copy:%1").arg(copyId) : QString(), printer)
                .arg(jobId) });
        if (!audited)
            return audited.error();
        return {};
    });
    if (!status)
        return Error { StoreFailed,
            Tr::tr("The document was printed, but the workstation could not record it. %1")
                .arg(status.error().message),
            status.error().detail };
    return {};
}

Status NoticeStore::recordNotPrinted(qint64 noticeId, qint64 copyId, const QString &clerk,
    const QString &printer, const QString &why)
{
    const Result<IssuedNotice> original = notice(noticeId);
    if (!original)
        return original.error();
    const auto audited = m_audit.append({ clerk, original->windowId,
        copyId > 0 ? QStringLiteral("notice.reprint") : QStringLiteral("notice.print"),
        QStringLiteral("notice:") + original->serial, QStringLiteral("failed"),
        QStringLiteral("case:%1%2 printer:%3 not printed: %4")
            .arg(original->caseId, copyId > 0 ? QStringLiteral(" copy:%1").arg(copyId) : QString(),
                printer.isEmpty() ? QStringLiteral("(default)") : printer, why.left(300)) });
    if (!audited)
        return audited.error();
    return {};
}

} // namespace Tongban::Notices
