// The rules of cases without HTTP (issue 13, the hub layered like a server): CaseService and
// UploadService on a temporary SQLite file through their stores, no router, no socket.

#include <core/Clock.h>
#include <storage/Database.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <HubConfig.h>
#include <HubSchema.h>
#include <SampleCase.h>
#include <accounts/AccountService.h>
#include <cases/CaseService.h>
#include <catalogue/CatalogueService.h>
#include <tus/UploadService.h>

using namespace Tongban;
using Hub::CaseService;
using Hub::UploadService;

namespace {

Hub::AuthContext atWindow(const QString &windowId)
{
    return { QStringLiteral("clerk-") + windowId, QStringLiteral("application"), windowId.left(6),
        windowId, QStringLiteral("session-") + windowId };
}

Hub::AuthContext department(const QString &jurisdiction)
{
    return { QStringLiteral("dept-") + jurisdiction, QStringLiteral("department"), jurisdiction,
        QString(), QStringLiteral("session-dept-") + jurisdiction };
}

} // namespace

class TestHubCaseService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aClientCaseIdIsTheWindowsOwn();
    void onlyItsWindowAndItsHomeDepartmentReadACase();
    void submitNeedsEveryDeclaredPageWithItsHash();
    void decisionRulesComeBeforeTheDocument();
    void anUploadIsItsWindowsOnlyAndWithinItsQuota();

private:
    /// Uploads \a bytes as page \a pageId of \a caseId from \a context's window.
    void upload(const QString &caseId, const QString &pageId, const QByteArray &bytes,
        const Hub::AuthContext &context);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Core::ManualClock> m_clock;
    Hub::HubConfig m_config;
    Hub::CatalogueService m_catalogue;
    std::unique_ptr<UploadService> m_uploads;
    std::unique_ptr<CaseService> m_cases;
};

void TestHubCaseService::init()
{
    m_config = Hub::HubConfig(); // a test may narrow it
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto database = Storage::Database::open(
        m_dir->filePath(QStringLiteral("hub.db")), { Hub::hubSchema(), Hub::hubOwnershipSchema() });
    QVERIFY2(database, database ? "" : qPrintable(database.error().toString()));
    m_database = std::move(*database);
    m_clock = std::make_unique<Core::ManualClock>(
        QDateTime::fromString(QStringLiteral("2026-11-24T09:00:00+08:00"), Qt::ISODate));
    QVERIFY(m_catalogue.load(QString()));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("uploads"))));
    m_uploads = std::make_unique<UploadService>(
        *m_database, m_config, *m_clock, m_dir->filePath(QStringLiteral("uploads")));
    m_cases = std::make_unique<CaseService>(*m_database, m_config, *m_clock, &m_catalogue,
        m_uploads.get(), m_dir->filePath(QStringLiteral("results")));
}

void TestHubCaseService::cleanup()
{
    m_cases.reset();
    m_uploads.reset();
    m_database.reset();
    m_dir.reset();
}

void TestHubCaseService::upload(const QString &caseId, const QString &pageId,
    const QByteArray &bytes, const Hub::AuthContext &context)
{
    const auto created = m_uploads->create(
        { caseId, pageId,
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
            QStringLiteral("image/jpeg"), bytes.size() },
        context);
    QVERIFY2(created, created ? "" : qPrintable(created.error().toString()));
    auto file = m_uploads->openForPatch(created->upload);
    QVERIFY(file);
    QVERIFY((*file)->write(bytes) && (*file)->sync());
    const auto committed = m_uploads->commit(created->upload, bytes.size());
    QVERIFY2(committed, committed ? "" : qPrintable(committed.error().toString()));
    QCOMPARE(committed->state, QStringLiteral("complete"));
}

void TestHubCaseService::aClientCaseIdIsTheWindowsOwn()
{
    // GIVEN a case sent by window tb-03 as "c-1"
    QStringList pages;
    const QJsonObject body = Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-1"),
        { Tongban::TestSupport::samplePage(QStringLiteral("p-1"), QByteArray(10, 'a')) });
    const auto first = m_cases->create(body, atWindow(QStringLiteral("410402-tb-03")));
    QVERIFY2(first, first ? "" : qPrintable(first.error().toString()));
    QVERIFY(first->created);
    QCOMPARE(first->missingPages, QStringList { QStringLiteral("p-1") });

    // WHEN the same window sends it again THEN it is the same case, not a new one
    const auto again = m_cases->create(body, atWindow(QStringLiteral("410402-tb-03")));
    QVERIFY(again);
    QVERIFY(!again->created);
    QCOMPARE(again->record.id, first->record.id);

    // WHEN it sends another body under the same id THEN that is a conflict
    QJsonObject other = body;
    other.insert(QStringLiteral("receivedAt"), QStringLiteral("2026-11-24T10:00:00+08:00"));
    const auto conflict = m_cases->create(other, atWindow(QStringLiteral("410402-tb-03")));
    QVERIFY(!conflict);
    QCOMPARE(conflict.error().code, int(CaseService::IdempotencyConflict));

    // WHEN another window uses the same clientCaseId (with other page ids) THEN it is its
    // own new case
    const QJsonObject elsewhere = Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-1"),
        { Tongban::TestSupport::samplePage(QStringLiteral("p-2"), QByteArray(10, 'b')) });
    const auto second = m_cases->create(elsewhere, atWindow(QStringLiteral("410402-tb-01")));
    QVERIFY2(second, second ? "" : qPrintable(second.error().toString()));
    QVERIFY(second->created);
    QVERIFY(second->record.id != first->record.id);

    // WHEN a page id already declared by another case is declared again THEN it is refused
    const QJsonObject reused = Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-2"),
        { Tongban::TestSupport::samplePage(QStringLiteral("p-1"), QByteArray(10, 'a')) });
    const auto taken = m_cases->create(reused, atWindow(QStringLiteral("410402-tb-01")));
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, int(CaseService::ValidationFailed));

    // AND a session at no window cannot create cases at all
    const auto noWindow = m_cases->create(body, department(QStringLiteral("410402")));
    QVERIFY(!noWindow);
    QCOMPARE(noWindow.error().code, int(CaseService::Forbidden));
}

void TestHubCaseService::onlyItsWindowAndItsHomeDepartmentReadACase()
{
    // GIVEN a case of window tb-03
    const auto created = m_cases->create(
        Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-read"),
            { Tongban::TestSupport::samplePage(QStringLiteral("p-r"), QByteArray(5, 'r')) }),
        atWindow(QStringLiteral("410402-tb-03")));
    QVERIFY(created);
    const QString caseId = created->record.id;
    const QString home = created->record.homeJurisdiction;
    QVERIFY(!home.isEmpty());

    // THEN its window and its home department read it, with its provisional number (from the
    // stored body) and its page not yet received
    for (const Hub::AuthContext &reader :
        { atWindow(QStringLiteral("410402-tb-03")), department(home) }) {
        const auto detail = m_cases->get(caseId, reader);
        QVERIFY2(detail, detail ? "" : qPrintable(detail.error().toString()));
        QCOMPARE(detail->record.provisionalNumber, QStringLiteral("410402-TB03-20261124-0007"));
        QCOMPARE(detail->pages.size(), 1);
        QVERIFY(!detail->pages.first().received);
    }
    // AND another window, or the department of another county, learns nothing of it: the
    // same answer as for a case that does not exist
    for (const Hub::AuthContext &stranger :
        { atWindow(QStringLiteral("410402-tb-01")), department(QStringLiteral("410421")) }) {
        const auto detail = m_cases->get(caseId, stranger);
        QVERIFY(!detail);
        QCOMPARE(detail.error().code, int(CaseService::CaseNotFound));
    }
    const auto unknown = m_cases->get(QStringLiteral("no-such-case"), department(home));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, int(CaseService::CaseNotFound));
    // AND another window cannot submit it
    const auto submitted = m_cases->submit(caseId, atWindow(QStringLiteral("410402-tb-01")));
    QVERIFY(!submitted);
    QCOMPARE(submitted.error().code, int(CaseService::CaseNotFound));
}

void TestHubCaseService::submitNeedsEveryDeclaredPageWithItsHash()
{
    // GIVEN a case with two declared pages
    const QByteArray one(64, '1');
    const QByteArray two(32, '2');
    const Hub::AuthContext clerk = atWindow(QStringLiteral("410402-tb-03"));
    const auto created = m_cases->create(
        Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-submit"),
            { Tongban::TestSupport::samplePage(QStringLiteral("page-1"), one),
                Tongban::TestSupport::samplePage(QStringLiteral("page-2"), two) }),
        clerk);
    QVERIFY(created);
    const QString caseId = created->record.id;

    // WHEN it is submitted with only one page uploaded THEN the other is named as missing
    upload(caseId, QStringLiteral("page-1"), one, clerk);
    auto submitted = m_cases->submit(caseId, clerk);
    QVERIFY(!submitted);
    QCOMPARE(submitted.error().code, int(CaseService::PagesMissing));
    QCOMPARE(submitted.error().detail, QStringLiteral("page-2"));

    // WHEN the second page is uploaded and then changed on disk THEN the hash recomputed from
    // the file refuses it
    upload(caseId, QStringLiteral("page-2"), two, clerk);
    const QString path = m_uploads->completedFile(caseId, QStringLiteral("page-2"));
    QVERIFY(!path.isEmpty());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(QByteArray(32, 'X')), qint64(32));
    }
    submitted = m_cases->submit(caseId, clerk);
    QVERIFY(!submitted);
    QCOMPARE(submitted.error().code, int(CaseService::HashMismatch));
    QCOMPARE(submitted.error().detail, QStringLiteral("page-2"));

    // WHEN the file is right again THEN the case gets its official number, once
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(two), qint64(two.size()));
    }
    submitted = m_cases->submit(caseId, clerk);
    QVERIFY2(submitted, submitted ? "" : qPrintable(submitted.error().toString()));
    QCOMPARE(submitted->status, QStringLiteral("submitted"));
    QVERIFY2(QRegularExpression(
                 QStringLiteral("^%1-20261124-000001$").arg(created->record.homeJurisdiction))
                 .match(submitted->caseNumber)
                 .hasMatch(),
        qPrintable(submitted->caseNumber));
    const auto again = m_cases->submit(caseId, clerk);
    QVERIFY(again);
    QCOMPARE(again->caseNumber, submitted->caseNumber);
}

void TestHubCaseService::decisionRulesComeBeforeTheDocument()
{
    // GIVEN a case not yet submitted
    const auto created = m_cases->create(
        Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-decide"),
            { Tongban::TestSupport::samplePage(QStringLiteral("p-d"), QByteArray(5, 'd')) }),
        atWindow(QStringLiteral("410402-tb-03")));
    QVERIFY(created);
    const QString caseId = created->record.id;
    const QString home = created->record.homeJurisdiction;
    const QByteArray pdf = QByteArrayLiteral("%PDF-1.4 notice");
    const auto decide = [&](const Hub::AuthContext &who, const QString &decision,
                            const QString &reasons, std::optional<QByteArray> document) {
        const auto outcome = m_cases->decideAs(caseId, decision, reasons, document, who);
        return outcome ? 0 : outcome.error().code;
    };

    // THEN a window cannot decide, nor the department of another county (it learns nothing)
    QCOMPARE(decide(atWindow(QStringLiteral("410402-tb-03")), QStringLiteral("accepted"), {}, pdf),
        int(CaseService::Forbidden));
    QCOMPARE(decide(department(QStringLiteral("410421")), QStringLiteral("accepted"), {}, pdf),
        int(CaseService::CaseNotFound));
    // AND its home department needs a document, reasons for a rejection, and a submitted case
    QCOMPARE(decide(department(home), QStringLiteral("accepted"), {}, std::nullopt),
        int(CaseService::ValidationFailed));
    QCOMPARE(decide(department(home), QStringLiteral("rejected"), QStringLiteral("  "), pdf),
        int(CaseService::ReasonsRequired));
    QCOMPARE(decide(department(home), QStringLiteral("maybe"), {}, pdf),
        int(CaseService::InvalidDecision));
    QCOMPARE(decide(department(home), QStringLiteral("accepted"), {}, QByteArray("not a pdf")),
        int(CaseService::InvalidDecision));
    QCOMPARE(decide(department(home), QStringLiteral("accepted"), {}, pdf),
        int(CaseService::NotSubmitted));
}

void TestHubCaseService::anUploadIsItsWindowsOnlyAndWithinItsQuota()
{
    // GIVEN a window's quota of 100 declared bytes and a case with pages of 60 and 50 bytes
    m_config.windowUploadQuotaBytes = 100;
    const Hub::AuthContext clerk = atWindow(QStringLiteral("410402-tb-03"));
    const QByteArray first(60, 'f');
    const QByteArray second(50, 's');
    const auto created = m_cases->create(
        Tongban::TestSupport::sampleCaseBody(QStringLiteral("c-quota"),
            { Tongban::TestSupport::samplePage(QStringLiteral("q-1"), first),
                Tongban::TestSupport::samplePage(QStringLiteral("q-2"), second) }),
        clerk);
    QVERIFY(created);
    const QString caseId = created->record.id;
    const auto declared = [&](const QString &pageId, const QByteArray &bytes) {
        return Hub::NewUpload { caseId, pageId,
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()),
            QStringLiteral("image/jpeg"), bytes.size() };
    };

    // WHEN another window creates an upload for the case's page THEN the page is not found
    const auto stranger = m_uploads->create(
        declared(QStringLiteral("q-1"), first), atWindow(QStringLiteral("410402-tb-01")));
    QVERIFY(!stranger);
    QCOMPARE(stranger.error().code, int(UploadService::PageNotFound));

    // WHEN the case's window opens both uploads THEN the second passes the quota
    const auto open = m_uploads->create(declared(QStringLiteral("q-1"), first), clerk);
    QVERIFY2(open, open ? "" : qPrintable(open.error().toString()));
    const auto over = m_uploads->create(declared(QStringLiteral("q-2"), second), clerk);
    QVERIFY(!over);
    QCOMPARE(over.error().code, int(UploadService::QuotaExceeded));
    // AND a retried creation of the first is the same upload, not another
    const auto retried = m_uploads->create(declared(QStringLiteral("q-1"), first), clerk);
    QVERIFY(retried);
    QVERIFY(!retried->created);
    QCOMPARE(retried->upload.id, open->upload.id);

    // AND another window can neither read, write nor delete the open upload
    const QString uploadId = open->upload.id;
    const Hub::AuthContext other = atWindow(QStringLiteral("410402-tb-01"));
    QCOMPARE(m_uploads->state(uploadId, other).error().code, int(UploadService::NotFound));
    QCOMPARE(m_uploads->writable(uploadId, other).error().code, int(UploadService::NotFound));
    QCOMPARE(m_uploads->terminate(uploadId, other).error().code, int(UploadService::NotFound));

    // AND its own window writes only at the committed offset, one PATCH at a time
    const auto writable = m_uploads->writable(uploadId, clerk);
    QVERIFY(writable);
    QCOMPARE(m_uploads->checkPatch(*writable, 5, std::nullopt).error().code,
        int(UploadService::OffsetMismatch));
    QCOMPARE(m_uploads->checkPatch(*writable, 0, 61).error().code, int(UploadService::TooLarge));
    QVERIFY(m_uploads->checkPatch(*writable, 0, 60));
    m_uploads->beginStreaming(uploadId);
    QCOMPARE(m_uploads->checkPatch(*writable, 0, 60).error().code, int(UploadService::Locked));
    m_uploads->endStreaming(uploadId);

    // WHEN the upload passes its expiry THEN it answers Expired and no longer counts
    m_clock->advanceSecs(qint64(m_config.uploadExpirySecs) + 1);
    QCOMPARE(m_uploads->state(uploadId, clerk).error().code, int(UploadService::Expired));
    const auto afterExpiry = m_uploads->create(declared(QStringLiteral("q-2"), second), clerk);
    QVERIFY2(afterExpiry, afterExpiry ? "" : qPrintable(afterExpiry.error().toString()));
}

QTEST_GUILESS_MAIN(TestHubCaseService)
#include "tst_hubcaseservice.moc"
