#include "CaseStore.h"

#include "Logging.h"
#include "security/Secrets.h"

#include <core/Hash.h>
#include <storage/Database.h>
#include <storage/FileSystem.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace Tongban::Hub {

CaseStore::CaseStore(Storage::Database &database, const QString &resultsDir)
    : m_database(database)
    , m_resultsDir(resultsDir)
{ }

Core::Status CaseStore::sealPlainBodies(Storage::Database &database, const Secrets &secrets)
{
    QSqlQuery plain(database.connection());
    if (!plain.exec(QStringLiteral("SELECT id, body FROM hub_cases WHERE body NOT LIKE 'tbs1:%'")))
        return Storage::Database::queryError(plain, QStringLiteral("list plain case bodies"));
    QList<QPair<QString, QString>> rows;
    while (plain.next())
        rows.append({ plain.value(0).toString(), plain.value(1).toString() });
    if (rows.isEmpty())
        return {};
    // The plain identity numbers are overwritten, not left in the file's free space (an
    // SQLite setting of this connection, kept on like SmsService::sealPlainPhones does).
    QSqlQuery pragma(database.connection());
    if (!pragma.exec(QStringLiteral("PRAGMA secure_delete = ON")))
        qCWarning(lcHub) << "secure_delete not set: plain case bodies may stay in free pages";
    const Core::Status sealed = database.transaction([&]() -> Core::Status {
        for (const auto &[id, body] : std::as_const(rows)) {
            QSqlQuery update(database.connection());
            update.prepare(QStringLiteral("UPDATE hub_cases SET body = ? WHERE id = ?"));
            update.addBindValue(secrets.seal(body));
            update.addBindValue(id);
            if (!update.exec())
                return Storage::Database::queryError(update, QStringLiteral("seal case body"));
        }
        return {};
    });
    if (sealed)
        qCInfo(lcHub) << rows.size() << "case bodies sealed at rest";
    return sealed;
}

QByteArray CaseStore::openBody(const QString &stored) const
{
    // Sealed (it holds the applicant's identity number), or plain when written before
    // sealing or by a hub without a key.
    if (!m_secrets)
        return stored.toUtf8();
    const Core::Result<QString> opened = m_secrets->open(stored);
    if (!opened) {
        qCWarning(lcHub).noquote()
            << "a stored case body cannot be opened:" << opened.error().detail;
        return {};
    }
    return opened->toUtf8();
}

Core::Result<std::optional<CaseStore::ClientCaseMatch>> CaseStore::findByClientCaseId(
    const QString &windowId, const QString &clientCaseId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(QStringLiteral(
        "SELECT id, body_sha256 FROM hub_cases WHERE window_id = ? AND client_case_id = ?"));
    existing.addBindValue(windowId);
    existing.addBindValue(clientCaseId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("find case by client id"));
    if (!existing.next())
        return std::optional<ClientCaseMatch>();
    return std::optional<ClientCaseMatch>(
        ClientCaseMatch { existing.value(0).toString(), existing.value(1).toString() });
}

Core::Status CaseStore::insert(const NewCase &newCase)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO hub_cases (id, client_case_id, body_sha256, body, account, window_id,"
            " item_code, home_jurisdiction, status, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'awaiting_files', ?)"));
        insert.addBindValue(newCase.id);
        insert.addBindValue(newCase.clientCaseId);
        insert.addBindValue(newCase.bodySha256);
        const QString body = QString::fromUtf8(newCase.body);
        insert.addBindValue(m_secrets ? m_secrets->seal(body) : body);
        insert.addBindValue(newCase.account);
        insert.addBindValue(newCase.windowId);
        insert.addBindValue(newCase.itemCode);
        insert.addBindValue(newCase.homeJurisdiction);
        insert.addBindValue(newCase.createdAtMs);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("insert case"));
        for (const CasePage &page : newCase.pages) {
            QSqlQuery insertPage(m_database.connection());
            insertPage.prepare(
                QStringLiteral("INSERT INTO hub_pages (client_page_id, case_id, material_id,"
                               " sha256, size_bytes, media_type) VALUES (?, ?, ?, ?, ?, ?)"));
            insertPage.addBindValue(page.clientPageId);
            insertPage.addBindValue(newCase.id);
            insertPage.addBindValue(page.materialId);
            insertPage.addBindValue(page.sha256);
            insertPage.addBindValue(page.sizeBytes);
            insertPage.addBindValue(page.mediaType);
            if (!insertPage.exec()) {
                // The primary key: a page id already used by another case.
                return Core::Error { DuplicatePage, QString(),
                    QStringLiteral("clientPageId %1 is already used").arg(page.clientPageId) };
            }
        }
        return {};
    });
}

Core::Result<std::optional<CaseRecord>> CaseStore::find(const QString &caseId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id, client_case_id, window_id, item_code, home_jurisdiction,"
                       " status, case_number, body FROM hub_cases WHERE id = ?"));
    query.addBindValue(caseId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("read case"));
    if (!query.next())
        return std::optional<CaseRecord>();
    CaseRecord row { query.value(0).toString(), query.value(1).toString(),
        query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
        query.value(5).toString(), query.value(6).toString(), {} };
    row.provisionalNumber = QJsonDocument::fromJson(openBody(query.value(7).toString()))
                                .object()
                                .value(QStringLiteral("provisionalNumber"))
                                .toString();
    return std::optional<CaseRecord>(row);
}

QList<CasePage> CaseStore::pages(const QString &caseId) const
{
    QList<CasePage> pages;
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT client_page_id, material_id, sha256, size_bytes, media_type"
                       " FROM hub_pages WHERE case_id = ? ORDER BY rowid"));
    query.addBindValue(caseId);
    if (query.exec()) {
        while (query.next())
            pages.append({ query.value(0).toString(), query.value(1).toString(),
                query.value(2).toString().toLower(), query.value(3).toLongLong(),
                query.value(4).toString() });
    }
    return pages;
}

Core::Result<QString> CaseStore::issueNumber(const QString &caseId, const QString &jurisdiction,
    const QString &day, qint64 submittedAtMs, const std::function<QString(qint64)> &format)
{
    QString number;
    const Core::Status issued = m_database.transaction([&]() -> Core::Status {
        QSqlQuery bump(m_database.connection());
        bump.prepare(QStringLiteral(
            "INSERT INTO hub_case_sequences (jurisdiction, day, last) VALUES (?, ?, 1)"
            " ON CONFLICT (jurisdiction, day) DO UPDATE SET last = last + 1"));
        bump.addBindValue(jurisdiction);
        bump.addBindValue(day);
        if (!bump.exec())
            return Storage::Database::queryError(bump, QStringLiteral("bump sequence"));
        QSqlQuery read(m_database.connection());
        read.prepare(QStringLiteral(
            "SELECT last FROM hub_case_sequences WHERE jurisdiction = ? AND day = ?"));
        read.addBindValue(jurisdiction);
        read.addBindValue(day);
        if (!read.exec() || !read.next())
            return Storage::Database::queryError(read, QStringLiteral("read sequence"));
        number = format(read.value(0).toLongLong());
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE hub_cases SET case_number = ?, status = 'submitted',"
                                      " submitted_at = ? WHERE id = ? AND case_number IS NULL"));
        update.addBindValue(number);
        update.addBindValue(submittedAtMs);
        update.addBindValue(caseId);
        if (!update.exec() || update.numRowsAffected() != 1)
            return Storage::Database::queryError(update, QStringLiteral("issue case number"));
        return {};
    });
    if (!issued)
        return issued.error();
    return number;
}

Core::Result<std::optional<ResultRecord>> CaseStore::resultOfCase(const QString &caseId) const
{
    QSqlQuery existing(m_database.connection());
    existing.prepare(
        QStringLiteral("SELECT id, decision, document_sha256 FROM hub_results WHERE case_id = ?"));
    existing.addBindValue(caseId);
    if (!existing.exec())
        return Storage::Database::queryError(existing, QStringLiteral("read result"));
    if (!existing.next())
        return std::optional<ResultRecord>();
    ResultRecord result;
    result.id = existing.value(0).toString();
    result.caseId = caseId;
    result.decision = existing.value(1).toString();
    result.documentSha256 = existing.value(2).toString();
    return std::optional<ResultRecord>(result);
}

Core::Status CaseStore::insertResult(const ResultRecord &result, const QString &byAccount,
    const std::function<Core::Status()> &alsoInTransaction)
{
    return m_database.transaction([&]() -> Core::Status {
        QSqlQuery insert(m_database.connection());
        insert.prepare(QStringLiteral(
            "INSERT INTO hub_results (id, case_id, decision, reasons, issued_at, document_sha256,"
            " by_account) VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(result.id);
        insert.addBindValue(result.caseId);
        insert.addBindValue(result.decision);
        insert.addBindValue(
            result.reasons.isNull() ? QStringLiteral("") : result.reasons); // NULL is refused
        insert.addBindValue(result.issuedAtMs);
        insert.addBindValue(result.documentSha256);
        insert.addBindValue(byAccount);
        if (!insert.exec())
            return Storage::Database::queryError(insert, QStringLiteral("insert result"));
        QSqlQuery update(m_database.connection());
        update.prepare(QStringLiteral("UPDATE hub_cases SET status = ? WHERE id = ?"));
        update.addBindValue(result.decision);
        update.addBindValue(result.caseId);
        if (!update.exec())
            return Storage::Database::queryError(update, QStringLiteral("update case"));
        return alsoInTransaction ? alsoInTransaction() : Core::Status();
    });
}

Core::Result<QList<ResultRecord>> CaseStore::results(const QString &sinceResultId, bool wide,
    bool home, const QString &homeJurisdiction, const QString &windowId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT r.id, r.case_id, c.case_number, r.decision, r.reasons, r.issued_at,"
        " r.document_sha256 FROM hub_results r JOIN hub_cases c ON c.id = r.case_id"
        " WHERE r.seq > COALESCE((SELECT seq FROM hub_results WHERE id = ?), 0)"
        " AND (? OR (? AND c.home_jurisdiction = ?) OR c.window_id = ?) ORDER BY r.seq"));
    query.addBindValue(sinceResultId);
    query.addBindValue(wide ? 1 : 0);
    query.addBindValue(home ? 1 : 0);
    query.addBindValue(homeJurisdiction);
    query.addBindValue(windowId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("list results"));
    QList<ResultRecord> list;
    while (query.next()) {
        list.append({ query.value(0).toString(), query.value(1).toString(),
            query.value(2).toString(), query.value(3).toString(), query.value(4).toString(),
            query.value(5).toLongLong(), query.value(6).toString() });
    }
    return list;
}

Core::Result<std::optional<QString>> CaseStore::caseOfResult(const QString &resultId) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT case_id FROM hub_results WHERE id = ?"));
    query.addBindValue(resultId);
    if (!query.exec())
        return Storage::Database::queryError(query, QStringLiteral("read result's case"));
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

QString CaseStore::resultPath(const QString &resultId) const
{
    return QString(m_resultsDir + QLatin1Char('/') + resultId + QStringLiteral(".pdf"));
}

Core::Status CaseStore::writeResultDocument(const QString &resultId, const QByteArray &pdf)
{
    const Core::Status ensured = Storage::FileSystem::system().ensureDirectory(m_resultsDir);
    if (!ensured)
        return ensured;
    return Storage::FileSystem::system().writeNewFile(resultPath(resultId), pdf);
}

void CaseStore::removeResultDocument(const QString &resultId)
{
    QFile::remove(resultPath(resultId));
}

Core::Result<QByteArray> CaseStore::readResultDocument(const QString &resultId) const
{
    QFile file(resultPath(resultId));
    if (!file.open(QIODevice::ReadOnly))
        return Core::Error { HubError::Cases + 41, QString(), file.errorString() };
    return file.readAll();
}

std::optional<QString> CaseStore::fileSha256(const QString &path)
{
    QFile file(path);
    Core::Sha256 hash;
    if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file))
        return std::nullopt;
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace Tongban::Hub
