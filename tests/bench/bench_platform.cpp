// Outbox upload figures against tongban-hub as a child process on 127.0.0.1 (issue 5):
// (a) OutboxVsCurl: a 200-page case (pages of 200 KiB of incompressible bytes, about
//     41 MB) transmitted by the Outbox (POST /cases, per page a tus creation carrying the
//     page (creation-with-upload; further chunks would be PATCHes), whose answer, given after
//     the hub's whole-file check, is the confirmation (no HEAD: docs/platform-api.md §6),
//     two pages in flight (Outbox::kParallelUploads), submit), against curl sending the same
//     bytes to the same hub in the same run: POST /cases, then ONE curl process with all 200
//     creations-with-upload (one keep-alive connection; same headers as the outbox:
//     Tus-Resumable, Upload-Length, Upload-Metadata, Content-Type, Upload-Checksum sha256,
//     computed before the clock starts) and the submit. (Until issue 18's last stop the peer
//     sent a creation and a PATCH a page, and the outbox a confirming HEAD.) Target: outbox >= 0.8
//     x curl (issue 18: >= 0.95). OutboxVsCurl/2 does the same with a defined load on the machine
//     (issue 18: "under load"): two threads spinning at normal priority for the whole
//     measurement, one per core of a window PC, so that both uploaders compete alike.
// (b) CappedUpload: the first pages of that case (about 3 s of upload at the cap) with
//     Outbox::setBandwidthLimit at 100, 20 and 5 Mbit/s; achieved rate (PATCH bytes over the whole
//     case, start to case number) as a fraction of the cap. Target >= 90 %.
// (c) HubDownThenUp: 50 cases (2 pages each) queued while the hub is down; the outbox
//     retries with its backoff for TONGBAN_BENCH_OUTAGE_S (default 10 and 60 s); then the
//     hub starts on the same port: seconds until 95 % are acknowledged. Target <= 60 s.
// TONGBAN_BENCH_SMOKE=1 runs a token version of each (the suite's bench_platform_smoke).
#include "HubProcess.h"

#include <core/Clock.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <storage/Database.h>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <SampleCase.h>
#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace Tongban;
using namespace Tongban::Platform;
using namespace Tongban::Platform::Testing;

namespace {

const bool kSmoke = qEnvironmentVariableIsSet("TONGBAN_BENCH_SMOKE");
int fromEnvironment(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

// TONGBAN_BENCH_PAGES / TONGBAN_BENCH_PAGE_BYTES change the case of (a) and (b).
const int kPages = fromEnvironment("TONGBAN_BENCH_PAGES", kSmoke ? 8 : 200);
const int kPageBytes = fromEnvironment("TONGBAN_BENCH_PAGE_BYTES", kSmoke ? 20 * 1024 : 200 * 1024);
const int kQueuedCases = kSmoke ? 5 : 50;

std::map<std::string, double> g_figures;
std::vector<std::string> g_notes;

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/*!
 * Runs a real event loop until \a done() holds (checked whenever \a sender emits \a signal
 * and every 50 ms) or \a timeoutMs passed. Not QTest::qWait: it sleeps between event
 * batches, which would add milliseconds to every request.
 */
template<typename Sender, typename Signal>
bool runUntil(const std::function<bool()> &done, Sender *sender, Signal signal, int timeoutMs)
{
    QEventLoop loop;
    const auto check = [&] {
        if (done())
            loop.quit();
    };
    QObject::connect(sender, signal, &loop, check, Qt::QueuedConnection);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, check);
    poll.start(50);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
    return done();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/// The hub, the signed-in client and the page bytes, for the whole run.
struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<HubProcess> hub;
    std::unique_ptr<ApiClient> api;
    QList<QByteArray> pages;
    QHash<QString, QByteArray> bySha;
    Core::SystemClock clock;
    int databases = 0;

    bool ok() const { return api != nullptr; }

    static Fixture &instance()
    {
        static Fixture fixture;
        return fixture;
    }

    Fixture()
    {
        hub = std::make_unique<HubProcess>(
            QStringLiteral(TONGBAN_HUB), dir.filePath(QStringLiteral("hub")));
        const QString base = hub->start();
        if (base.isEmpty()) {
            std::fprintf(stderr, "bench_platform: tongban-hub did not start\n");
            return;
        }
        auto client = std::make_unique<ApiClient>(QUrl(base));
        if (!signInDemoClerk(*client)) {
            std::fprintf(stderr, "bench_platform: sign-in failed\n");
            return;
        }
        api = std::move(client);
        for (int i = 0; i < kPages; ++i) {
            pages.append(pageBytes(kPageBytes, 1000 + i));
            bySha.insert(
                QString::fromLatin1(
                    QCryptographicHash::hash(pages.last(), QCryptographicHash::Sha256).toHex()),
                pages.last());
        }
    }

    qint64 totalBytes() const { return qint64(pages.size()) * kPageBytes; }

    PageContentSource content()
    {
        return [this](const QString &sha) -> Core::Result<QByteArray> {
            if (!bySha.contains(sha))
                return Core::Error { 1, QStringLiteral("no page"), sha };
            return bySha.value(sha);
        };
    }

    /// A case body declaring \a files under fresh ids (page ids out in \a pageIds).
    static QJsonObject caseBody(const QList<QByteArray> &files, QStringList *pageIds = nullptr)
    {
        QJsonArray list;
        for (const QByteArray &file : files) {
            const QJsonObject page = TestSupport::samplePage(uuid(), file);
            if (pageIds)
                pageIds->append(page.value(QStringLiteral("clientPageId")).toString());
            list.append(page);
        }
        return TestSupport::sampleCaseBody(uuid(), list);
    }

    std::unique_ptr<Storage::Database> openDb()
    {
        auto db
            = Storage::Database::open(dir.filePath(QString(QStringLiteral("outbox-")
                                          + QString::number(++databases) + QStringLiteral(".db"))),
                { Outbox::schema() });
        return db ? std::move(*db) : nullptr;
    }
};

/*!
 * Forwards to the real transport and adds up, per method, the time requests were in
 * flight, and the time between one answer and the next request (the outbox's own work:
 * SQLite, hashing, the event loop; with two pages in flight, only the spells in which
 * nothing was sent): the profile printed with (a).
 */
class TimingTransport : public Transport
{
public:
    explicit TimingTransport(Transport &inner)
        : m_inner(inner)
    {
        m_clock.start();
    }
    std::map<std::string, std::pair<int, double>> inFlight; // method -> count, seconds
    double between = 0;
    qint64 lastAnswerNs = -1;

    void send(const ApiRequest &request, ResponseCallback callback) override
    {
        const qint64 sentNs = m_clock.nsecsElapsed();
        if (lastAnswerNs >= 0)
            between += double(sentNs - lastAnswerNs) / 1e9;
        const std::string method = request.method.toStdString();
        m_inner.send(request,
            [this, sentNs, method, callback = std::move(callback)](
                Core::Result<ApiResponse> response) {
                lastAnswerNs = m_clock.nsecsElapsed();
                auto &[count, seconds] = inFlight[method];
                ++count;
                seconds += double(lastAnswerNs - sentNs) / 1e9;
                callback(std::move(response));
            });
    }
    QUrl resolve(const ApiRequest &request) const override { return m_inner.resolve(request); }

    void print() const
    {
        std::printf("    profile: between answer and next request %.2f s;", between);
        for (const auto &[method, figures] : inFlight)
            std::printf(" %s %d x %.2f ms", method.c_str(), figures.first,
                1000.0 * figures.second / qMax(1, figures.first));
        std::printf("\n");
    }

private:
    Transport &m_inner;
    QElapsedTimer m_clock;
};

/// Transmits one case of \a files with a fresh outbox; seconds from start() to its case number.
double outboxSeconds(Fixture &f, const QList<QByteArray> &files, qint64 bytesPerSecond)
{
    auto db = f.openDb();
    if (!db)
        return -1;
    TimingTransport timing(*f.api);
    Outbox outbox(*db, timing, f.clock, f.content());
    outbox.setBandwidthLimit(bytesPerSecond);
    if (const int chunk = fromEnvironment("TONGBAN_BENCH_CHUNK_BYTES", 0); chunk > 0)
        outbox.setChunkSizeBytes(chunk);
    bool done = false;
    bool failed = false;
    QObject::connect(&outbox, &Outbox::caseAcknowledged, &outbox, [&] { done = true; });
    QObject::connect(&outbox, &Outbox::caseError, &outbox,
        [&](const QString &, const Core::Error &error, const QDateTime &) {
            std::fprintf(stderr, "outbox error: %s\n", qPrintable(error.toString()));
            failed = true;
        });
    if (!outbox.enqueue(Fixture::caseBody(files)))
        return -1;
    QElapsedTimer timer;
    timer.start();
    outbox.start();
    if (!runUntil([&] { return done || failed; }, &outbox, &Outbox::caseAcknowledged, 600000)
        || failed)
        return -1;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    timing.print();
    return seconds;
}

/// Runs curl with \a arguments; its stdout, or an empty array when it failed.
QByteArray runCurl(const QStringList &arguments)
{
    QProcess curl;
    curl.start(QStringLiteral("curl"), arguments);
    if (!curl.waitForFinished(600000) || curl.exitCode() != 0) {
        std::fprintf(stderr, "curl failed: %s\n", curl.readAllStandardError().constData());
        return {};
    }
    return curl.readAllStandardOutput();
}

QByteArray configLine(const char *name, const QByteArray &value)
{
    return QByteArray(name) + " = \"" + value + "\"\n";
}

/*!
 * The curl peer: the same bytes to the same hub as the outbox, with the same tus
 * requests: one creation-with-upload a page, one after another on one connection.
 * Files and config files are written before the clock starts; the clock covers the two
 * curl processes. With \a nagle the pages go without TCP_NODELAY (curl sets it by
 * default; Qt's HTTP client does not), to show what Nagle's algorithm costs. Seconds, or -1.
 */
double curlSeconds(Fixture &f, const QList<QByteArray> &files, bool nagle = false)
{
    const QString base = f.hub->base();
    const QByteArray auth = "Authorization: Bearer " + f.api->bearerToken();
    QTemporaryDir work(f.dir.filePath(QStringLiteral("curl-XXXXXX")));
    QStringList pageIds;
    const QJsonObject body = Fixture::caseBody(files, &pageIds);
    QFile caseFile(work.filePath(QStringLiteral("case.json")));
    if (!caseFile.open(QIODevice::WriteOnly))
        return -1;
    caseFile.write(QJsonDocument(body).toJson(QJsonDocument::Compact));
    caseFile.close();
    QList<QByteArray> shas;
    QList<QByteArray> checksums;
    for (int i = 0; i < files.size(); ++i) {
        QFile page(work.filePath(QString(QStringLiteral("page-") + QString::number(i))));
        if (!page.open(QIODevice::WriteOnly))
            return -1;
        page.write(files.at(i));
        shas.append(QCryptographicHash::hash(files.at(i), QCryptographicHash::Sha256).toHex());
        checksums.append(
            QCryptographicHash::hash(files.at(i), QCryptographicHash::Sha256).toBase64());
    }

    QElapsedTimer timer;
    timer.start();
    // 1. POST /cases
    const QByteArray created = runCurl({ QStringLiteral("-s"), QStringLiteral("-X"),
        QStringLiteral("POST"), QStringLiteral("-H"), QString::fromLatin1(auth),
        QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
        QStringLiteral("--data-binary"), QString(QLatin1Char('@') + caseFile.fileName()),
        QString(base + QStringLiteral("/api/v1/cases")) });
    const QString caseId
        = QJsonDocument::fromJson(created).object().value(QStringLiteral("caseId")).toString();
    if (caseId.isEmpty())
        return -1;
    // 2. all pages and the submit in one curl process (the caseId is known only now): each
    // page in its creation (creation-with-upload, as the outbox sends it to tongban-hub: one
    // request a page, answered after the hub's whole-file check)
    QByteArray requests;
    for (int i = 0; i < files.size(); ++i) {
        const QByteArray metadata = "caseId " + caseId.toUtf8().toBase64() + ",clientPageId "
            + pageIds.at(i).toUtf8().toBase64() + ",sha256 " + shas.at(i).toBase64() + ",mediaType "
            + QByteArray("image/jpeg").toBase64();
        requests += configLine("url", QString(base + QStringLiteral("/api/v1/uploads")).toUtf8())
            + configLine("request", "POST") + configLine("header", "Tus-Resumable: 1.0.0")
            + configLine("header", "Upload-Length: " + QByteArray::number(files.at(i).size()))
            + configLine("header", "Upload-Metadata: " + metadata)
            + configLine("header", "Content-Type: application/offset+octet-stream")
            + configLine("header", "Upload-Checksum: sha256 " + checksums.at(i))
            + configLine("header", "Expect:") + configLine("header", auth)
            + (nagle ? QByteArray("no-tcp-nodelay\n") : QByteArray())
            + configLine("data-binary",
                QString(QLatin1Char('@')
                    + work.filePath(QString(QStringLiteral("page-")) + QString::number(i)))
                    .toUtf8())
            + configLine("output", "/dev/null")
            + configLine("write-out", "%{http_code} %header{upload-offset}\\n") + "next\n";
    }
    requests
        += configLine("url",
               QString(base + QStringLiteral("/api/v1/cases/") + caseId + QStringLiteral("/submit"))
                   .toUtf8())
        + configLine("request", "POST") + configLine("header", "Content-Type: application/json")
        + configLine("header", auth) + configLine("data", "{}")
        + configLine("write-out", "\\n%{http_code}\\n");
    QFile config(work.filePath(QStringLiteral("upload.cfg")));
    if (!config.open(QIODevice::WriteOnly))
        return -1;
    config.write(requests);
    config.close();
    const QByteArray out
        = runCurl({ QStringLiteral("-s"), QStringLiteral("-K"), config.fileName() });
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const QList<QByteArray> lines = out.trimmed().split('\n');
    int accepted = 0;
    for (int i = 0; i < files.size() && i < lines.size(); ++i) {
        if (lines.at(i).trimmed() == "201 " + QByteArray::number(files.at(i).size()))
            ++accepted;
    }
    if (accepted != files.size() || lines.last() != "200" || !out.contains("caseNumber")) {
        std::fprintf(stderr, "curl peer: %d of %d pages accepted whole, submit: %s\n", accepted,
            int(files.size()), lines.last().constData());
        return -1;
    }
    return seconds;
}

// Busy threads at normal priority: a defined load, stopped when destroyed.
class CpuLoad
{
public:
    explicit CpuLoad(int threads)
    {
        for (int i = 0; i < threads; ++i) {
            m_threads.emplace_back([this] {
                volatile quint64 x = 0;
                while (!m_stop.load(std::memory_order_relaxed))
                    x = x + 1;
            });
        }
    }
    ~CpuLoad()
    {
        m_stop = true;
        for (std::thread &t : m_threads)
            t.join();
    }

private:
    std::atomic<bool> m_stop { false };
    std::vector<std::thread> m_threads;
};

void OutboxVsCurl(benchmark::State &state)
{
    Fixture &f = Fixture::instance();
    if (!f.ok()) {
        state.SkipWithError("no hub");
        return;
    }
    const int loadThreads = int(state.range(0));
    const std::string tag = loadThreads ? "a under load " : "a ";
    CpuLoad load(loadThreads);
    std::vector<double> outbox;
    std::vector<double> curl;
    std::vector<double> curlNagle;
    for (auto _ : state) {
        // Interleaved, so that load from the machine's other users hits both alike.
        const double c = curlSeconds(f, f.pages);
        const double o = outboxSeconds(f, f.pages, 0);
        const double n = curlSeconds(f, f.pages, true);
        if (o <= 0 || c <= 0 || n <= 0) {
            state.SkipWithError("an upload failed");
            return;
        }
        outbox.push_back(o);
        curl.push_back(c);
        curlNagle.push_back(n);
        state.SetIterationTime(o);
        std::printf("  iteration: outbox %.2f s, curl %.2f s, ratio %.2f; curl without "
                    "TCP_NODELAY %.2f s\n",
            o, c, c / o, n);
    }
    g_figures[tag + "curl without TCP_NODELAY MB/s (median)"]
        = double(f.totalBytes()) / 1e6 / median(curlNagle);
    const double mb = double(f.totalBytes()) / 1e6;
    g_figures[tag + "outbox MB/s (median)"] = mb / median(outbox);
    g_figures[tag + "curl MB/s (median)"] = mb / median(curl);
    g_figures[tag + "ratio outbox/curl (median)"] = median(curl) / median(outbox);
    std::vector<double> ratios;
    for (size_t i = 0; i < outbox.size(); ++i)
        ratios.push_back(curl[i] / outbox[i]);
    g_figures[tag + "ratio outbox/curl (worst iteration)"]
        = *std::min_element(ratios.begin(), ratios.end());
    state.counters["MB"] = mb;
}

void CappedUpload(benchmark::State &state)
{
    Fixture &f = Fixture::instance();
    if (!f.ok()) {
        state.SkipWithError("no hub");
        return;
    }
    const qint64 bitsPerSecond = state.range(0) * 1000000;
    const qint64 bytesPerSecond = bitsPerSecond / 8;
    // About 3 s of upload at the cap.
    const int pages = int(qBound<qint64>(
        2, 3 * bytesPerSecond / kPageBytes / (kSmoke ? 20 : 1), qint64(f.pages.size())));
    const QList<QByteArray> files = f.pages.mid(0, pages);
    const double mb = double(pages) * kPageBytes / 1e6;
    std::vector<double> fractions;
    for (auto _ : state) {
        const double seconds = outboxSeconds(f, files, bytesPerSecond);
        if (seconds <= 0) {
            state.SkipWithError("upload failed");
            return;
        }
        state.SetIterationTime(seconds);
        fractions.push_back(mb * 1e6 / seconds / double(bytesPerSecond));
        std::printf("  cap %lld Mbit/s: %.2f MB in %.2f s = %.2f MB/s, %.1f %% of the cap\n",
            static_cast<long long>(state.range(0)), mb, seconds, mb / seconds,
            100.0 * fractions.back());
    }
    g_figures[std::string("b fraction of cap % at ") + std::to_string(state.range(0))
        + " Mbit/s (median)"]
        = 100.0 * median(fractions);
}

void HubDownThenUp(benchmark::State &state)
{
    Fixture &f = Fixture::instance();
    if (!f.ok()) {
        state.SkipWithError("no hub");
        return;
    }
    const int outageMs = int(state.range(0));
    for (auto _ : state) {
        auto db = f.openDb();
        if (!db) {
            state.SkipWithError("no database");
            return;
        }
        // GIVEN the hub down and 50 cases queued in a running outbox
        f.hub->kill();
        Outbox outbox(*db, *f.api, f.clock, f.content());
        int acknowledged = 0;
        QObject::connect(&outbox, &Outbox::caseAcknowledged, &outbox, [&] { ++acknowledged; });
        for (int i = 0; i < kQueuedCases; ++i) {
            if (!outbox.enqueue(Fixture::caseBody({ f.pages.at((2 * i) % f.pages.size()),
                    f.pages.at((2 * i + 1) % f.pages.size()) })))
                state.SkipWithError("enqueue failed");
        }
        outbox.start();
        runUntil([] { return false; }, &outbox, &Outbox::idle, outageMs);
        // WHEN the hub starts again on the same port
        QElapsedTimer timer;
        timer.start();
        if (f.hub->start().isEmpty()) {
            state.SkipWithError("hub did not restart");
            return;
        }
        const int wanted = (kQueuedCases * 95 + 99) / 100;
        double at95 = -1;
        QObject::connect(&outbox, &Outbox::caseAcknowledged, &outbox, [&] {
            if (at95 < 0 && acknowledged >= wanted)
                at95 = double(timer.nsecsElapsed()) / 1e9;
        });
        runUntil([&] { return acknowledged >= kQueuedCases; }, &outbox, &Outbox::caseAcknowledged,
            kSmoke ? 120000 : 400000);
        const double all = double(timer.nsecsElapsed()) / 1e9;
        if (at95 < 0) {
            state.SkipWithError("95 % not acknowledged in time");
            return;
        }
        state.SetIterationTime(at95);
        std::printf("  outage %.0f s: 95 %% (%d cases) acknowledged %.2f s after the hub "
                    "started, all %d after %.2f s\n",
            outageMs / 1000.0, wanted, at95, acknowledged, all);
        g_figures[std::string("c s to 95 % after ") + std::to_string(outageMs / 1000) + " s outage"]
            = at95;
    }
}

BENCHMARK(OutboxVsCurl)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(kSmoke ? 1 : 3)
    ->Apply([](benchmark::internal::Benchmark *b) {
        b->Arg(0); // quiet
        if (!kSmoke)
            b->Arg(2); // two busy threads
    });
BENCHMARK(CappedUpload)
    ->Unit(benchmark::kMillisecond)
    ->UseManualTime()
    ->Iterations(kSmoke ? 1 : 2)
    ->Arg(100)
    ->Arg(20)
    ->Arg(5);
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    // Outages in seconds: TONGBAN_BENCH_OUTAGE_S, or 10 and 60 (1 in the smoke run).
    QList<int> outages = { 10, 60 };
    if (qEnvironmentVariableIsSet("TONGBAN_BENCH_OUTAGE_S"))
        outages = { qEnvironmentVariableIntValue("TONGBAN_BENCH_OUTAGE_S") };
    else if (kSmoke)
        outages = { 1 };
    for (const int seconds : outages)
        benchmark::RegisterBenchmark("HubDownThenUp", HubDownThenUp)
            ->Unit(benchmark::kMillisecond)
            ->UseManualTime()
            ->Iterations(1)
            ->Arg(seconds * 1000);
    benchmark::ConsoleReporter reporter(isatty(fileno(stdout))
            ? benchmark::ConsoleReporter::OO_ColorTabular
            : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nfigures (%d pages of %d bytes; targets: (a) outbox/curl >= 0.95, (b) >= 90 %% "
                "of the cap, (c) <= 60 s):\n",
        kPages, kPageBytes);
    for (const auto &[name, value] : g_figures)
        std::printf("  %-50s %10.2f\n", name.c_str(), value);
    benchmark::Shutdown();
    return 0;
}
