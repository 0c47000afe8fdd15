// tongban-hub under hostile load (issue 13), the hub a child process on loopback:
//
// - BM_SmallRequestUnderSlowClients/N: p50/p99 of a small request (OPTIONS /api/v1/uploads on
//   a kept-alive connection) from a normal client while N slow clients each hold a connection
//   with half a request head (spread over loopback addresses, 100 per address, under the
//   per-address cap) and one client streams an oversized chunked body into the sign-in route
//   over and over. N = 0 is the peer (the same hub, unloaded). Targets: p99 <= 100 ms; hub
//   RSS growth <= 50 MB (counter rss_growth_mb).
// - BM_CasesPerSecond/C: C concurrent clients (one session, C connections) each creating a
//   case with one 16 KiB page, uploading it (tus POST + PATCH) and submitting it; counter
//   cases_per_s. C = 1, 8, 32.
//
// TONGBAN_BENCH_SMOKE=1 keeps it short (the ctest smoke run): 200 slow clients, fewer cases.

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

#include <SampleCase.h>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <benchmark/benchmark.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

bool smoke()
{
    return qEnvironmentVariableIntValue("TONGBAN_BENCH_SMOKE") != 0;
}

/// A blocking TCP connection from \a from (a loopback address) to 127.0.0.1:\a port.
int connectTo(quint16 port, const char *from = "127.0.0.1")
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local {};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    sockaddr_in remote {};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr);
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    timeval timeout { 10, 0 };
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local) != 0
        || ::connect(fd, reinterpret_cast<sockaddr *>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool sendAll(int fd, const QByteArray &data)
{
    qsizetype sent = 0;
    while (sent < data.size()) {
        const ssize_t n
            = ::send(fd, data.constData() + sent, size_t(data.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        sent += n;
    }
    return true;
}

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

/// One request and its whole answer on a kept-alive connection.
std::optional<Answer> exchange(int fd, const QByteArray &method, const QByteArray &path,
    const QList<QPair<QByteArray, QByteArray>> &headers = {}, const QByteArray &body = {})
{
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: hub\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PATCH")
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    request += "\r\n" + body;
    if (!sendAll(fd, request))
        return std::nullopt;
    QByteArray buffer;
    char chunk[16384];
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end >= 0) {
            Answer answer;
            answer.head = buffer.left(end);
            answer.status = buffer.mid(9, 3).toInt();
            const qint64 length = answer.header("Content-Length").toLongLong();
            if (buffer.size() >= end + 4 + length) {
                answer.body = buffer.mid(end + 4, length);
                return answer;
            }
        }
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return std::nullopt;
        buffer.append(chunk, n);
    }
}

/// The tongban-hub child on a fresh data folder with the demo seed.
class HubChild
{
public:
    explicit HubChild(const QStringList &extra = {})
    {
        m_process.setProgram(QStringLiteral(TONGBAN_HUB));
        m_process.setArguments(
            QStringList { QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed-demo"),
                QStringLiteral("--pbkdf2-iterations"), QStringLiteral("1000") }
            + extra);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            if (!m_process.canReadLine())
                m_process.waitForReadyRead(1000);
            const QByteArray line = m_process.readLine();
            if (line.startsWith("listening on ")) {
                port = quint16(line.mid(line.lastIndexOf(':') + 1).trimmed().toUInt());
                return;
            }
        }
    }
    ~HubChild()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    /// Resident set of the hub (bytes), from /proc.
    qint64 rss() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return 0;
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
        return 0;
    }
    quint16 port = 0;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
};

void BM_SmallRequestUnderSlowClients(benchmark::State &state)
{
    const int slow = int(state.range(0));
    HubChild hub;
    if (!hub.port) {
        state.SkipWithError("tongban-hub did not start");
        return;
    }
    const qint64 rssBefore = hub.rss();
    // The peer: the same small request on the same hub before any slow client.
    const auto measure = [&](int fd, int count, std::vector<double> *into) {
        for (int i = 0; i < count; ++i) {
            QElapsedTimer timer;
            timer.start();
            const std::optional<Answer> answer = exchange(fd, "OPTIONS", "/api/v1/uploads");
            if (!answer || answer->status != 204)
                return false;
            into->push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        return true;
    };
    const auto p99 = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        return values.empty() ? 0.0 : values[std::min(values.size() - 1, values.size() * 99 / 100)];
    };
    std::vector<double> unloaded;
    {
        const int fd = connectTo(hub.port);
        measure(fd, 200, &unloaded);
        ::close(fd);
    }
    // The slow clients: half a head each, 100 per loopback address 127.0.1.x.
    std::vector<int> held;
    for (int i = 0; i < slow; ++i) {
        const std::string from = "127.0.1." + std::to_string(1 + i / 100);
        const int fd = connectTo(hub.port, from.c_str());
        if (fd >= 0 && sendAll(fd, "GET /api/v1/catalogue HTTP/1.1\r\nHost: hub\r\nX-Slow: a"))
            held.push_back(fd);
        else if (fd >= 0)
            ::close(fd);
    }
    // One oversized request streaming in, again and again (cut at 1 MiB each time).
    std::atomic<bool> stop { false };
    std::atomic<qint64> streamed { 0 };
    std::thread streamer;
    if (slow > 0) {
        streamer = std::thread([&] {
            const QByteArray piece = "10000\r\n" + QByteArray(0x10000, ' ') + "\r\n";
            while (!stop) {
                const int fd = connectTo(hub.port, "127.0.2.1");
                if (fd < 0)
                    break;
                sendAll(fd,
                    "POST /api/v1/session HTTP/1.1\r\nHost: hub\r\nTransfer-Encoding: "
                    "chunked\r\n\r\n");
                while (!stop && sendAll(fd, piece))
                    streamed += piece.size();
                ::close(fd);
            }
        });
    }
    const int fd = connectTo(hub.port);
    std::vector<double> latencies;
    for (auto _ : state) {
        if (!measure(fd, 1, &latencies)) {
            state.SkipWithError("small request failed");
            break;
        }
    }
    const qint64 rssAfter = hub.rss();
    stop = true;
    if (streamer.joinable())
        streamer.join();
    ::close(fd);
    for (const int h : held)
        ::close(h);
    if (latencies.empty())
        return;
    std::sort(latencies.begin(), latencies.end());
    state.counters["held"] = double(held.size());
    state.counters["p50_ms"] = latencies[latencies.size() / 2];
    state.counters["p99_ms"] = p99(latencies);
    // Ratio against the peer (the unloaded hub, measured first): how much the load costs.
    state.counters["p99_vs_unloaded"] = p99(latencies) / std::max(0.001, p99(unloaded));
    state.counters["streamed_mb"] = double(streamed) / 1e6;
    state.counters["rss_growth_mb"] = double(rssAfter - rssBefore) / 1e6;
}

/// Signs in the demo clerk of window 410402-tb-03 and returns the bearer token.
QByteArray signIn(quint16 port)
{
    const int fd = connectTo(port);
    const QByteArray body = QJsonDocument(
        QJsonObject { { QStringLiteral("account"), QStringLiteral("xh-tb-03-wangli") },
            { QStringLiteral("password"), QStringLiteral("Tongban@2026") },
            { QStringLiteral("windowId"), QStringLiteral("410402-tb-03") } })
                                .toJson(QJsonDocument::Compact);
    const std::optional<Answer> answer
        = exchange(fd, "POST", "/api/v1/session", { { "Content-Type", "application/json" } }, body);
    ::close(fd);
    if (!answer || answer->status != 200)
        return {};
    return QJsonDocument::fromJson(answer->body)
        .object()
        .value(QStringLiteral("accessToken"))
        .toString()
        .toLatin1();
}

/// One case: create with one page, upload it, submit. False on any unexpected status.
bool oneCase(int fd, const QByteArray &bearer, const QByteArray &page)
{
    const QString pageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QJsonObject caseBody
        = Tongban::TestSupport::sampleCaseBody(QUuid::createUuid().toString(QUuid::WithoutBraces),
            QJsonArray { Tongban::TestSupport::samplePage(pageId, page) });
    const auto created = exchange(fd, "POST", "/api/v1/cases",
        { { "Authorization", bearer }, { "Content-Type", "application/json" } },
        QJsonDocument(caseBody).toJson(QJsonDocument::Compact));
    if (!created || created->status != 201)
        return false;
    const QByteArray caseId = QJsonDocument::fromJson(created->body)
                                  .object()
                                  .value(QStringLiteral("caseId"))
                                  .toString()
                                  .toLatin1();
    const QByteArray sha = QCryptographicHash::hash(page, QCryptographicHash::Sha256).toHex();
    const QByteArray metadata = "caseId " + caseId.toBase64() + ",clientPageId "
        + pageId.toLatin1().toBase64() + ",sha256 " + sha.toBase64() + ",mediaType "
        + QByteArray("image/jpeg").toBase64();
    const auto upload = exchange(fd, "POST", "/api/v1/uploads",
        { { "Authorization", bearer }, { "Tus-Resumable", "1.0.0" },
            { "Upload-Length", QByteArray::number(page.size()) },
            { "Upload-Metadata", metadata } });
    if (!upload || upload->status != 201)
        return false;
    const auto patched = exchange(fd, "PATCH", upload->header("Location"),
        { { "Authorization", bearer }, { "Tus-Resumable", "1.0.0" },
            { "Content-Type", "application/offset+octet-stream" }, { "Upload-Offset", "0" } },
        page);
    if (!patched || patched->status != 204)
        return false;
    const auto submitted = exchange(
        fd, "POST", "/api/v1/cases/" + caseId + "/submit", { { "Authorization", bearer } });
    return submitted && submitted->status < 300;
}

void BM_CasesPerSecond(benchmark::State &state)
{
    const int clients = int(state.range(0));
    HubChild hub({ QStringLiteral("--case-creations-per-minute"), QStringLiteral("0") });
    const QByteArray token = hub.port ? signIn(hub.port) : QByteArray();
    if (token.isEmpty()) {
        state.SkipWithError("tongban-hub did not start or sign-in failed");
        return;
    }
    const QByteArray bearer = "Bearer " + token;
    const QByteArray page(16 * 1024, 'p');
    const int perClient = smoke() ? 2 : std::max(4, 160 / clients);
    qint64 total = 0;
    double seconds = 0;
    for (auto _ : state) {
        std::atomic<int> done { 0 };
        std::atomic<int> failed { 0 };
        QElapsedTimer timer;
        timer.start();
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&] {
                const int fd = connectTo(hub.port);
                for (int i = 0; i < perClient; ++i) {
                    if (oneCase(fd, bearer, page))
                        ++done;
                    else
                        ++failed;
                }
                ::close(fd);
            });
        }
        for (auto &thread : threads)
            thread.join();
        seconds += double(timer.nsecsElapsed()) / 1e9;
        total += done;
        if (failed > 0) {
            state.SkipWithError("a case failed");
            break;
        }
    }
    state.counters["cases_per_s"] = seconds > 0 ? double(total) / seconds : 0;
}

} // namespace

BENCHMARK(BM_SmallRequestUnderSlowClients)
    ->Arg(0)
    ->Arg(smoke() ? 200 : 1000)
    ->Iterations(smoke() ? 100 : 2000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CasesPerSecond)
    ->Arg(1)
    ->Arg(8)
    ->Arg(32)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
