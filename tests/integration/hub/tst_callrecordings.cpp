// Call recordings on the platform (docs/platform-api.md §11.1, 000 §15): a recorded call's
// chunks and manifest go from the caller's workstation (Assist::RecordingOutbox, real HTTP)
// to the in-process tongban-hub, which links them to the call and its case, lets only an
// admin and the home department read them, and deletes them after 183 days. The calls are
// real calls through the hub's signalling (an application window of 新华区 410402 calls a
// home window of 410402); the chunks are synthetic bytes (tst_callmedia records real ones).

#include "CallWindow.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <assist/CallRecording.h>
#include <assist/CallRecordings.h>
#include <assist/RecordingOutbox.h>
#include <core/Hash.h>
#include <platform/ApiClient.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <recordings/RecordingService.h>

using namespace Tongban;
using Assist::CallRecording;
using Assist::RecordingOutbox;

namespace {
const QString AppWindow = QStringLiteral("410402-tb-03");
const QString AppClerk = QStringLiteral("xh-tb-03-wangli");
const QString HomeWindow = QStringLiteral("410402-tb-01");
const QString HomeClerk = QStringLiteral("xh-tb-01-liuyang");
const QString Item = QStringLiteral("41040201012001000"); // home jurisdiction 410402
const QString Password = QString::fromUtf8(Hub::DemoPassword);

QByteArray bytes(int size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (int i = 0; i < size; ++i) {
        x = x * 1664525u + 1013904223u;
        data[i] = char(x >> 24);
    }
    return data;
}

/// The real ApiClient with a signed-in window's bearer token; counts the chunk PUTs.
class BearerTransport : public Platform::Transport
{
public:
    BearerTransport(const QString &base, const QByteArray &token)
        : m_client(QUrl(base))
        , m_token(token)
    { }
    void send(const Platform::ApiRequest &request, Platform::ResponseCallback callback) override
    {
        if (request.path.contains(QLatin1String("/chunks/")))
            ++chunkPuts;
        Platform::ApiRequest withToken = request;
        withToken.headers.append(
            { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token });
        m_client.send(withToken, std::move(callback));
    }
    QUrl resolve(const Platform::ApiRequest &request) const override
    {
        return m_client.resolve(request);
    }
    int chunkPuts = 0;

private:
    Platform::ApiClient m_client;
    QByteArray m_token;
};
} // namespace

class TestCallRecordings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void theRecordingReachesThePlatformAndTheLocalCopyGoes();
    void onlyAnAdminAndTheHomeDepartmentMayReadIt();
    void anInterruptedUploadResumesWithTheChunksNotYetAcknowledged();
    void aChunkChangedOnDiskIsNeverSentAndABadChecksumIsRefused();
    void theHubKeepsRecordingsSixMonths();
    void aSharedPageAndItsMarksAreKeptWithTheCall();
    void theWindowsRecordingsArePrivateAndGoOnceTheCallHasEnded();

private:
    /// A call from the application window answered by the home window, then hung up.
    QString answeredCall();
    /// A finished recording of \a callId with \a chunks chunks, in m_folder.
    QString recordCall(const QString &callId, int chunks, const QString &caseId = {});
    std::unique_ptr<HubTestClient> signIn(const QString &account, const QString &window = {});

    std::unique_ptr<InProcessHub> m_platform;
    std::unique_ptr<QTemporaryDir> m_workstation;
    QString m_folder;
};

void TestCallRecordings::init()
{
    m_platform = std::make_unique<InProcessHub>();
    const QString started
        = m_platform->start([](Hub::HubConfig &config) { config.callTimeoutMs = 60000; });
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_workstation = std::make_unique<QTemporaryDir>();
    m_folder = m_workstation->filePath(QStringLiteral("recordings"));
    QVERIFY(QDir().mkpath(m_folder));
}

void TestCallRecordings::cleanup()
{
    m_platform.reset();
    m_workstation.reset();
}

QString TestCallRecordings::answeredCall()
{
    CallWindow app(m_platform->base, AppClerk, AppWindow);
    CallWindow home(m_platform->base, HomeClerk, HomeWindow);
    if (!app.open() || !home.open())
        return {};
    const auto callId = app.calls->invite(Item);
    if (!callId)
        return {};
    if (!QTest::qWaitFor([&] { return home.calls->incomingCalls().size() == 1; }, 5000))
        return {};
    if (!home.calls->accept(*callId).ok())
        return {};
    if (!QTest::qWaitFor(
            [&] { return app.calls->state() == Assist::CallSignalling::State::Active; }, 5000))
        return {};
    if (!app.calls->hangup().ok())
        return {};
    QTest::qWait(100);
    return *callId;
}

QString TestCallRecordings::recordCall(const QString &callId, int chunks, const QString &caseId)
{
    const QString directory = QDir(m_folder).filePath(callId);
    auto recording = CallRecording::create(directory,
        { callId, caseId, Item, AppWindow, AppClerk, HomeWindow, HomeClerk },
        m_platform->clock->now());
    if (!recording)
        return {};
    for (int i = 0; i < chunks; ++i) {
        const QString name = QStringLiteral("chunk-%1.mkv").arg(i, 5, 10, QLatin1Char('0'));
        QFile file(QDir(directory).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes(150000 + i, i)) < 0)
            return {};
        file.close();
        if (!recording->addChunk(name, i * 10000, (i + 1) * 10000).ok())
            return {};
    }
    if (!recording->finish(m_platform->clock->now().addSecs(chunks * 10), QStringLiteral("ended"))
             .ok())
        return {};
    return directory;
}

std::unique_ptr<HubTestClient> TestCallRecordings::signIn(
    const QString &account, const QString &window)
{
    auto client = std::make_unique<HubTestClient>(m_platform->base);
    if (client->login(account, Password, window).status != 200)
        return {};
    return client;
}

void TestCallRecordings::theRecordingReachesThePlatformAndTheLocalCopyGoes()
{
    // GIVEN a call about a case, answered and recorded at the caller in three chunks; the
    // case reaches the platform after the call (the usual order)
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    const QString directory = recordCall(callId, 3, QStringLiteral("ws-case-7"));
    QVERIFY(!directory.isEmpty());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    QStringList pageIds;
    const Reply created = caller->postJson(QStringLiteral("/api/v1/cases"),
        HubTestClient::caseBody(QStringLiteral("ws-case-7"), { bytes(100, 1) }, &pageIds));
    QCOMPARE(created.status, 201);
    const QString caseId = created.json().value(u"caseId").toString();
    QVERIFY(!caseId.isEmpty());
    BearerTransport transport(m_platform->base, caller->token);
    RecordingOutbox outbox(transport, m_folder);
    QSignalSpy acknowledged(&outbox, &RecordingOutbox::acknowledged);
    QSignalSpy failed(&outbox, &RecordingOutbox::failed);

    // WHEN its outbox runs
    outbox.start();

    // THEN the platform acknowledges it and the workstation's copy is deleted
    QTRY_COMPARE(acknowledged.size(), 1);
    QCOMPARE(acknowledged.first().first().toString(), callId);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(transport.chunkPuts, 3);
    QVERIFY(!QFileInfo::exists(directory));
    // AND the platform links it to the call (windows, clerks, item) with every chunk's hash
    auto admin = signIn(QStringLiteral("pds-admin"));
    QVERIFY(admin);
    const Reply got = admin->send("GET", QStringLiteral("/api/v1/calls/%1/recording").arg(callId));
    QCOMPARE(got.status, 200);
    const QJsonObject recording = got.json();
    QCOMPARE(recording.value(u"state").toString(), QStringLiteral("complete"));
    QCOMPARE(recording.value(u"callerWindow").toString(), AppWindow);
    QCOMPARE(recording.value(u"homeWindow").toString(), HomeWindow);
    QCOMPARE(recording.value(u"callerClerk").toString(), AppClerk);
    QCOMPARE(recording.value(u"homeClerk").toString(), HomeClerk);
    QCOMPARE(recording.value(u"itemCode").toString(), Item);
    QCOMPARE(recording.value(u"caseId").toString(), caseId);
    // AND it is listed with its case
    const Reply byCase
        = admin->send("GET", QStringLiteral("/api/v1/recordings?caseId=%1").arg(caseId));
    QCOMPARE(byCase.status, 200);
    QCOMPARE(byCase.json().value(u"recordings").toArray().size(), 1);
    QCOMPARE(
        byCase.json().value(u"recordings").toArray().first().toObject().value(u"callId"), callId);
    const QJsonArray chunks = recording.value(u"chunks").toArray();
    QCOMPARE(chunks.size(), 3);
    // AND each chunk downloads as it was recorded
    for (int i = 0; i < 3; ++i) {
        const Reply chunk = admin->send(
            "GET", QStringLiteral("/api/v1/calls/%1/recording/chunks/%2").arg(callId).arg(i));
        QCOMPARE(chunk.status, 200);
        QCOMPARE(chunk.body, bytes(150000 + i, i));
        QCOMPARE(chunks.at(i).toObject().value(u"sha256").toString(),
            Core::sha256Hex(bytes(150000 + i, i)));
    }
    // AND nothing is left to send
    QSignalSpy idle(&outbox, &RecordingOutbox::idle);
    outbox.start();
    QCOMPARE(idle.size(), 1);
    QCOMPARE(transport.chunkPuts, 3);
}

void TestCallRecordings::onlyAnAdminAndTheHomeDepartmentMayReadIt()
{
    // GIVEN a recording on the platform
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    QVERIFY(!recordCall(callId, 1).isEmpty());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    {
        BearerTransport transport(m_platform->base, caller->token);
        RecordingOutbox outbox(transport, m_folder);
        QSignalSpy acknowledged(&outbox, &RecordingOutbox::acknowledged);
        outbox.start();
        QTRY_COMPARE(acknowledged.size(), 1);
    }
    const QString path = QStringLiteral("/api/v1/calls/%1/recording").arg(callId);
    const QString chunk = path + QStringLiteral("/chunks/0");
    const QString listed = QStringLiteral("/api/v1/recordings?callId=%1").arg(callId);

    // THEN the department of the item's home jurisdiction (410402) lists and downloads it
    auto department = signIn(QStringLiteral("xh-scjg-chenjing"));
    QVERIFY(department);
    QCOMPARE(department->send("GET", path).status, 200);
    QCOMPARE(department->send("GET", chunk).status, 200);
    const Reply list = department->send("GET", listed);
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json().value(u"recordings").toArray().size(), 1);
    // AND an admin too
    auto admin = signIn(QStringLiteral("pds-admin"));
    QVERIFY(admin);
    QCOMPARE(admin->send("GET", chunk).status, 200);
    // AND nobody else: another jurisdiction's department, the calling window, the home window
    auto otherDepartment = signIn(QStringLiteral("wd-scjg-wutao"));
    QVERIFY(otherDepartment);
    QCOMPARE(otherDepartment->send("GET", path).status, 403);
    QCOMPARE(otherDepartment->send("GET", chunk).status, 403);
    QCOMPARE(otherDepartment->send("GET", listed).json().value(u"recordings").toArray().size(), 0);
    QCOMPARE(caller->send("GET", path).status, 403);
    QCOMPARE(caller->send("GET", chunk).status, 403);
    QCOMPARE(caller->send("GET", listed).status, 403);
    auto home = signIn(HomeClerk, HomeWindow);
    QVERIFY(home);
    QCOMPARE(home->send("GET", chunk).status, 403);
    // AND no window but the caller's can add to it: the home window's chunk is unknown
    const QByteArray data = bytes(1000, 7);
    const QList<QPair<QByteArray, QByteArray>> checksum { { "Upload-Checksum",
        "sha256 " + Core::sha256(data).toBase64() } };
    QCOMPARE(home->send("PUT", chunk.left(chunk.size() - 1) + u'5', data, checksum).status, 404);
}

void TestCallRecordings::anInterruptedUploadResumesWithTheChunksNotYetAcknowledged()
{
    // GIVEN a recording of four chunks whose outbox was stopped (the workstation closed)
    // once the platform had acknowledged two of them
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    const QString directory = recordCall(callId, 4);
    QVERIFY(!directory.isEmpty());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    {
        BearerTransport transport(m_platform->base, caller->token);
        auto outbox = std::make_unique<RecordingOutbox>(transport, m_folder);
        QSignalSpy uploaded(outbox.get(), &RecordingOutbox::chunkUploaded);
        RecordingOutbox *raw = outbox.get();
        connect(raw, &RecordingOutbox::chunkUploaded, raw, [&](const QString &, int index) {
            if (index == 1)
                outbox.release()->deleteLater(); // the workstation closes
        });
        raw->start();
        QTRY_COMPARE(uploaded.size(), 2);
        QTest::qWait(200);
    }
    QVERIFY(QFileInfo::exists(directory));
    auto left = CallRecording::load(directory);
    QVERIFY(left.ok());
    QVERIFY(left->chunks().at(0).uploaded && left->chunks().at(1).uploaded);
    QVERIFY(!left->chunks().at(2).uploaded);

    // WHEN the workstation starts again, first while the platform cannot be reached
    BearerTransport unreachable(QStringLiteral("http://127.0.0.1:9"), caller->token);
    {
        RecordingOutbox outbox(unreachable, m_folder);
        QSignalSpy retrying(&outbox, &RecordingOutbox::retrying);
        outbox.start();
        QTRY_COMPARE(retrying.size(), 1);
        QVERIFY(retrying.first().at(2).toLongLong() >= 500);
    }
    QVERIFY(QFileInfo::exists(directory));
    // THEN once it can, only the two chunks not acknowledged are sent, and the recording
    // completes
    BearerTransport transport(m_platform->base, caller->token);
    RecordingOutbox outbox(transport, m_folder);
    QSignalSpy acknowledged(&outbox, &RecordingOutbox::acknowledged);
    outbox.start();
    QTRY_COMPARE(acknowledged.size(), 1);
    QCOMPARE(transport.chunkPuts, 2);
    auto admin = signIn(QStringLiteral("pds-admin"));
    QVERIFY(admin);
    const Reply got = admin->send("GET", QStringLiteral("/api/v1/calls/%1/recording").arg(callId));
    QCOMPARE(got.json().value(u"chunks").toArray().size(), 4);
    QCOMPARE(got.json().value(u"state").toString(), QStringLiteral("complete"));
}

void TestCallRecordings::aChunkChangedOnDiskIsNeverSentAndABadChecksumIsRefused()
{
    // GIVEN a recording one of whose chunks changed on disk after it was closed
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    const QString directory = recordCall(callId, 2);
    QVERIFY(!directory.isEmpty());
    QFile file(QDir(directory).filePath(QStringLiteral("chunk-00001.mkv")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    file.seek(100);
    file.write("x");
    file.close();
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    BearerTransport transport(m_platform->base, caller->token);
    RecordingOutbox outbox(transport, m_folder);
    QSignalSpy failed(&outbox, &RecordingOutbox::failed);
    QSignalSpy acknowledged(&outbox, &RecordingOutbox::acknowledged);

    // WHEN the outbox runs
    outbox.start();

    // THEN the changed chunk is not sent, the recording is put aside and kept
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).value<Core::Error>().code, int(Assist::RecordingFailed));
    QCOMPARE(transport.chunkPuts, 1);
    QCOMPARE(acknowledged.size(), 0);
    QVERIFY(QFileInfo::exists(directory));
    // AND the platform refuses a chunk whose bytes do not match its checksum, and a manifest
    // naming chunks it lacks
    const QString path = QStringLiteral("/api/v1/calls/%1/recording").arg(callId);
    const QByteArray data = bytes(1000, 3);
    QCOMPARE(caller
                 ->send("PUT", path + QStringLiteral("/chunks/1"), data,
                     { { "Upload-Checksum", "sha256 " + Core::sha256(bytes(10, 1)).toBase64() } })
                 .status,
        460);
    auto recording = CallRecording::load(directory);
    QVERIFY(recording.ok());
    QCOMPARE(caller->send("PUT", path, QJsonDocument(recording->manifest()).toJson()).status, 409);
}

void TestCallRecordings::theHubKeepsRecordingsSixMonths()
{
    // GIVEN two recordings on the platform: one of a call today, one of a call two days later
    const QString older = answeredCall();
    QVERIFY(!older.isEmpty());
    QVERIFY(!recordCall(older, 1).isEmpty());
    m_platform->clock->advanceDays(2);
    const QString younger = answeredCall();
    QVERIFY(!younger.isEmpty());
    QVERIFY(!recordCall(younger, 1).isEmpty());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    {
        BearerTransport transport(m_platform->base, caller->token);
        RecordingOutbox outbox(transport, m_folder);
        QSignalSpy acknowledged(&outbox, &RecordingOutbox::acknowledged);
        outbox.start();
        QTRY_COMPARE(acknowledged.size(), 2);
    }
    const auto status = [&](const QString &callId) {
        // Signed in anew each time: a token does not outlive months.
        auto admin = signIn(QStringLiteral("pds-admin"));
        return admin
            ? admin->send("GET", QStringLiteral("/api/v1/calls/%1/recording").arg(callId)).status
            : -1;
    };
    const QString files
        = QDir(m_platform->dir->path()).filePath(QStringLiteral("files/recordings"));
    QCOMPARE(QDir(files).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
    Hub::RecordingService &recordings = m_platform->hub->recordings();

    // WHEN the older call is 182 days old (the younger 180): both are kept
    m_platform->clock->advanceDays(180);
    QCOMPARE(recordings.sweep(), 0);
    QCOMPARE(status(older), 200);
    // WHEN the older call is 184 days old (the younger 182): the older is deleted with its
    // files, the younger kept
    m_platform->clock->advanceDays(2);
    QCOMPARE(recordings.sweep(), 1);
    QCOMPARE(status(older), 404);
    QCOMPARE(status(younger), 200);
    QCOMPARE(QDir(files).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    // WHEN the younger is 184 days old: deleted too
    m_platform->clock->advanceDays(2);
    QCOMPARE(recordings.sweep(), 1);
    QCOMPARE(status(younger), 404);
}

void TestCallRecordings::aSharedPageAndItsMarksAreKeptWithTheCall()
{
    // GIVEN an answered call
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    const QByteArray page = bytes(900000, 42); // a captured page at full resolution
    const QString sha = Core::sha256Hex(page);
    const QString pagePath = QStringLiteral("/api/v1/calls/%1/pages/%2").arg(callId, sha);

    // WHEN the caller shares the captured page through the platform
    // THEN bytes that are not the named page are refused, the page itself stored once
    QCOMPARE(caller->send("PUT", pagePath, bytes(1000, 1)).status, 460);
    QCOMPARE(caller->send("PUT", pagePath, page).status, 201);
    QCOMPARE(caller->send("PUT", pagePath, page).status, 200);
    // AND the home window that answered gets it at full resolution
    auto home = signIn(HomeClerk, HomeWindow);
    QVERIFY(home);
    const Reply fetched = home->send("GET", pagePath);
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, page);

    // WHEN the home window keeps the marked-up page (its marks as JSON with the page's hash)
    const QJsonObject markup { { QStringLiteral("pageSha256"), sha },
        { QStringLiteral("width"), 2480 }, { QStringLiteral("height"), 3508 },
        { QStringLiteral("strokes"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("s1") },
                { QStringLiteral("kind"), QStringLiteral("box") },
                { QStringLiteral("points"), QJsonArray { 10, 10, 200, 200 } } } } } };
    const QString markupPath = QStringLiteral("/api/v1/calls/%1/markups/%2").arg(callId, sha);
    QCOMPARE(home->send("PUT", markupPath, QJsonDocument(markup).toJson()).status, 204);
    // THEN the call lists the page with its marks, for the parties and the home department
    auto department = signIn(QStringLiteral("xh-scjg-chenjing"));
    QVERIFY(department);
    const Reply listed
        = department->send("GET", QStringLiteral("/api/v1/calls/%1/markups").arg(callId));
    QCOMPARE(listed.status, 200);
    const QJsonArray pages = listed.json().value(u"pages").toArray();
    QCOMPARE(pages.size(), 1);
    QCOMPARE(pages.first().toObject().value(u"sha256").toString(), sha);
    QCOMPARE(pages.first().toObject().value(u"markup").toObject(), markup);
    QCOMPARE(pages.first().toObject().value(u"markedBy").toString(), HomeWindow);
    // AND nobody else sees the page, nobody else shares or marks one, nor marks a page that
    // was not shared
    auto otherDepartment = signIn(QStringLiteral("wd-scjg-wutao"));
    QVERIFY(otherDepartment);
    QCOMPARE(otherDepartment->send("GET", pagePath).status, 403);
    QCOMPARE(department->send("PUT", pagePath, page).status, 404);
    const QString otherSha = Core::sha256Hex(QByteArrayLiteral("not shared"));
    QJsonObject stray = markup;
    stray.insert(QStringLiteral("pageSha256"), otherSha);
    QCOMPARE(home->send("PUT", QStringLiteral("/api/v1/calls/%1/markups/%2").arg(callId, otherSha),
                     QJsonDocument(stray).toJson())
                 .status,
        404);

    // WHEN the call is 184 days old THEN the page goes with it
    m_platform->clock->advanceDays(184);
    QCOMPARE(m_platform->hub->recordings().sweep(), 1);
    auto admin = signIn(QStringLiteral("pds-admin"));
    QVERIFY(admin);
    QCOMPARE(admin->send("GET", pagePath).status, 404);
}

QTEST_MAIN(TestCallRecordings)
#include "tst_callrecordings.moc"

void TestCallRecordings::theWindowsRecordingsArePrivateAndGoOnceTheCallHasEnded()
{
    // GIVEN the recordings of a caller's window (Assist::CallRecordings, what the call screen
    // uses) on a folder not made yet, and a call answered and being recorded there: its
    // directory asked for with the call id (a '/' and a space in it)
    const QString callId = answeredCall();
    QVERIFY(!callId.isEmpty());
    const QString folder = m_workstation->filePath(QStringLiteral("window/recordings"));
    QStringList audited;
    Assist::CallRecordings recordings(folder,
        [&](const QString &action, const QString &call, const QString &result, const QString &) {
            audited << action + u' ' + call + u' ' + result;
        });
    const QString directory = recordings.recordingDirectory(callId + QStringLiteral("/x y"));
    QCOMPARE(QFileInfo(directory).fileName(), QString(callId + QStringLiteral("_x_y")));
    QCOMPARE(QFileInfo(directory).absolutePath(), QFileInfo(folder).absoluteFilePath());
    // THEN the folder and the call's directory are this account's only
    const QFile::Permissions owner = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    QCOMPARE(QFileInfo(folder).permissions() & ~QFile::Permissions(0x0700), owner);
    QCOMPARE(QFileInfo(directory).permissions() & ~QFile::Permissions(0x0700), owner);
    QVERIFY(recordings.isRecording());
    auto recording = CallRecording::create(directory,
        { callId, {}, Item, AppWindow, AppClerk, HomeWindow, HomeClerk }, m_platform->clock->now());
    QVERIFY(recording);
    QFile chunk(QDir(directory).filePath(QStringLiteral("chunk-00000.mkv")));
    QVERIFY(chunk.open(QIODevice::WriteOnly));
    QVERIFY(chunk.write(bytes(50000, 3)) > 0);
    chunk.close();
    // (GStreamer writes with the process umask)
    QVERIFY(chunk.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
        | QFile::ReadOther | QFile::ReadUser));
    QVERIFY(recording->addChunk(QStringLiteral("chunk-00000.mkv"), 0, 9000).ok());
    auto caller = signIn(AppClerk, AppWindow);
    QVERIFY(caller);
    BearerTransport transport(m_platform->base, caller->token);
    QObject link;

    // WHEN the window is told to send while the call is still recorded
    recordings.send(transport, &link);

    // THEN nothing goes, and the recording under way is not ended as an interrupted one
    QVERIFY(!recordings.outbox());
    QTest::qWait(200);
    QCOMPARE(transport.chunkPuts, 0);
    QVERIFY(!CallRecording::load(directory).value().isFinished());

    // WHEN the recording ends and the call's media stop
    QVERIFY(recording->finish(m_platform->clock->now().addSecs(9), QStringLiteral("ended")).ok());
    recordings.recordingFinished(directory);
    QSignalSpy ready(&recordings, &Assist::CallRecordings::readyToSend);
    recordings.callEnded();

    // THEN its files are made this account's only
    QCOMPARE(QFileInfo(chunk.fileName()).permissions() & ~QFile::Permissions(0x0700),
        QFile::ReadOwner | QFile::WriteOwner);
    // AND the window is told it may send, and what it sends reaches the platform, is audited
    // and goes from the disk
    QVERIFY(ready.wait(2000));
    QVERIFY(!recordings.isRecording());
    recordings.send(transport, &link);
    QVERIFY(recordings.outbox());
    QCOMPARE(recordings.outbox()->parent(), &link);
    QTRY_COMPARE(audited,
        QStringList { QStringLiteral("call.recording ") + callId + QStringLiteral(" uploaded") });
    QCOMPARE(transport.chunkPuts, 1);
    QVERIFY(!QFileInfo::exists(directory));
}
