// Issue 17, the window's side through the platform contract (§15): Platform::DeliveryClient
// over a real ApiClient against the in-process hub reads the window's delivery tasks (overdue
// under a moved clock: what Today shows), records the hand-over in the ledger and sends the
// applicant's rating; a malformed answer is an error, not an empty list.

#include "DeliveryHelpers.h"
#include "HubTestClient.h"
#include "InProcessHub.h"

#include <platform/ApiClient.h>
#include <platform/DeliveryClient.h>

#include <QTest>

#include <DemoSeed.h>
#include <cases/CaseService.h>

using namespace Tongban;

namespace {

const QString Password = QString::fromUtf8(Hub::DemoPassword);
const QByteArray Pdf = QByteArrayLiteral("%PDF-1.4\n% notice\n%%EOF\n");

class BearerTransport : public Platform::Transport
{
public:
    BearerTransport(const QString &base, const QByteArray &token)
        : m_client(QUrl(base))
        , m_token(token)
    { }
    void send(const Platform::ApiRequest &request, Platform::ResponseCallback callback) override
    {
        Platform::ApiRequest withToken = request;
        withToken.headers.append(
            { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_token });
        m_client.send(withToken, std::move(callback));
    }
    QUrl resolve(const Platform::ApiRequest &request) const override
    {
        return m_client.resolve(request);
    }

private:
    Platform::ApiClient m_client;
    QByteArray m_token;
};

template<typename T>
T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> result;
    start([&result](T value) { result = std::move(value); });
    if (!QTest::qWaitFor([&result]() { return result.has_value(); }, 20000))
        return T(Core::Error { 0, QStringLiteral("no answer within 20 s"), {} });
    return std::move(*result);
}

} // namespace

class TestDeliveryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theWindowSeesRecordsAndRates()
    {
        // GIVEN an accepted case completed for pickup at the application window
        InProcessHub platform;
        const QString started = platform.start([](Hub::HubConfig &config) {
            config.accessTokenSecs = 30 * 24 * 3600;
            config.sms.drainMs = 3600 * 1000;
        });
        QVERIFY2(started.isEmpty(), qPrintable(started));
        HubTestClient window(platform.base);
        QCOMPARE(
            window
                .login(QStringLiteral("xh-tb-03-wangli"), Password, QStringLiteral("410402-tb-03"))
                .status,
            200);
        const QString caseId
            = DeliveryHelpers::submitCase(window, QStringLiteral("41040201012001000"),
                QStringLiteral("2026-11-24T09:00:00+08:00"), QStringLiteral("13912345678"));
        QVERIFY(!caseId.isEmpty());
        QVERIFY(platform.hub->cases().decide(
            caseId, QStringLiteral("accepted"), {}, Pdf, QStringLiteral("xh-scjg-chenjing")));
        HubTestClient department(platform.base);
        QCOMPARE(department.login(QStringLiteral("xh-scjg-chenjing"), Password).status, 200);
        QCOMPARE(department
                     .postJson(QString(QStringLiteral("/api/v1/cases/") + caseId
                                   + QStringLiteral("/completion")),
                         QJsonObject {
                             { QStringLiteral("document"), QString::fromLatin1(Pdf.toBase64()) } })
                     .status,
            201);
        BearerTransport transport(platform.base, window.token);
        Platform::DeliveryClient client(transport);
        using Tasks = Core::Result<QList<Platform::DeliveryTask>>;

        // WHEN the window reads its tasks THEN the one task is there, not overdue
        Tasks tasks = waitFor<Tasks>([&](auto done) { client.pending(done); });
        QVERIFY(tasks);
        QCOMPARE(tasks->size(), 1);
        QVERIFY(!tasks->first().overdue);
        QCOMPARE(tasks->first().method, QStringLiteral("application_window"));
        // WHEN two days pass THEN it is overdue
        platform.clock->advanceDays(2);
        tasks = waitFor<Tasks>([&](auto done) { client.pending(done); });
        QVERIFY(tasks && tasks->first().overdue);

        // WHEN the hand-over is recorded THEN the ledger holds the receiver, nothing is pending
        using Task = Core::Result<Platform::DeliveryTask>;
        const Task handed = waitFor<Task>([&](auto done) {
            client.handOver(
                tasks->first().deliveryId, QStringLiteral("王丽"), QStringLiteral("张三"), done);
        });
        QVERIFY(handed);
        QCOMPARE(handed->state, QStringLiteral("handed_over"));
        QCOMPARE(handed->receivedBy, QStringLiteral("张三"));
        tasks = waitFor<Tasks>([&](auto done) { client.pending(done); });
        QVERIFY(tasks && tasks->isEmpty());
        // AND an empty receiver is refused by the platform, as an error
        const Task refused = waitFor<Task>([&](auto done) {
            client.handOver(QStringLiteral("no-such-delivery"), QStringLiteral("王丽"), {}, done);
        });
        QVERIFY(!refused);

        // WHEN the applicant rates the service THEN it is stored; a different second rating
        // is refused
        const Core::Status rated = waitFor<Core::Status>(
            [&](auto done) { client.rate(caseId, 4, QStringLiteral("很满意"), done); });
        QVERIFY2(rated, rated ? "" : qPrintable(rated.error().toString()));
        const Core::Status again
            = waitFor<Core::Status>([&](auto done) { client.rate(caseId, 1, {}, done); });
        QVERIFY(!again);
    }

    void aMalformedAnswerIsAnError()
    {
        QVERIFY(!Platform::parseDeliveries(QByteArrayLiteral("{}")));
        QVERIFY(!Platform::parseDeliveries(
            QByteArrayLiteral("{\"deliveries\":[{\"deliveryId\":\"d\"}]}")));
        const auto ordered = Platform::parseDeliveries(QByteArrayLiteral(
            "{\"deliveries\":[{\"deliveryId\":\"a\",\"dueAt\":\"2026-11-26T23:59:59+08:00\"},"
            "{\"deliveryId\":\"b\",\"dueAt\":\"2026-11-27T23:59:59+08:00\",\"overdue\":true}]}"));
        QVERIFY(ordered);
        QCOMPARE(ordered->first().deliveryId, QStringLiteral("b")); // overdue first
    }
};

QTEST_GUILESS_MAIN(TestDeliveryClient)
#include "tst_deliveryclient.moc"
