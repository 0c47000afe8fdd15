// Storage benchmarks. Figures, and ratios against the peer measured in the
// same run:
// - PageStore::save (file + fsync + rename + directory fsync + committed row)
//   against RawDurableWrite (write + fsync + rename + directory fsync of the
//   same bytes, no database): the price of the row and the bookkeeping.
// - AuditLog::append, AuditLog::verify over 10,000 records.
#include <core/Clock.h>
#include <core/IdentityNumber.h>
#include <security/AuditLog.h>
#include <storage/CaseStore.h>
#include <storage/PageStore.h>
#include <storage/StorageSchema.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <unistd.h>

using namespace Tongban;

namespace {

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(
        reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes;
}

struct Fixture
{
    QTemporaryDir dir;
    Core::SystemClock clock;
    std::unique_ptr<Storage::Database> db;
    QString caseId;

    Fixture()
    {
        db = std::move(Storage::Database::open(dir.filePath(QStringLiteral("ws.sqlite")),
            { Storage::storageSchema(), Security::auditSchema() })
                           .value());
        caseId = *Storage::CaseStore(*db, clock).create(QStringLiteral("bench"));
    }
};

void PageStoreSave(benchmark::State &state)
{
    Fixture fixture;
    Storage::PageStore store(
        *fixture.db, fixture.dir.filePath(QStringLiteral("pages")), fixture.clock);
    for (auto _ : state) {
        state.PauseTiming();
        const QByteArray bytes = randomBytes(state.range(0));
        state.ResumeTiming();
        auto saved = store.save(fixture.caseId, bytes, QStringLiteral("image/jpeg"));
        if (!saved)
            state.SkipWithError(qPrintable(saved.error().toString()));
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
}

void RawDurableWrite(benchmark::State &state)
{
    QTemporaryDir dir;
    Storage::FileSystem &fs = Storage::FileSystem::system();
    int n = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const QByteArray bytes = randomBytes(state.range(0));
        const QString temporary = dir.filePath(QStringLiteral("t%1.part").arg(n));
        const QString target = dir.filePath(QStringLiteral("f%1").arg(n++));
        state.ResumeTiming();
        if (!fs.writeNewFile(temporary, bytes) || !fs.rename(temporary, target)
            || !fs.syncDirectory(dir.path()))
            state.SkipWithError("raw write failed");
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
}

void PageStoreRead(benchmark::State &state)
{
    Fixture fixture;
    Storage::PageStore store(
        *fixture.db, fixture.dir.filePath(QStringLiteral("pages")), fixture.clock);
    const auto saved
        = store.save(fixture.caseId, randomBytes(state.range(0)), QStringLiteral("image/jpeg"));
    for (auto _ : state)
        benchmark::DoNotOptimize(store.read(saved->id));
    state.SetBytesProcessed(state.iterations() * state.range(0));
}

void AuditAppend(benchmark::State &state)
{
    Fixture fixture;
    Security::AuditLog audit(*fixture.db, fixture.clock);
    const Security::AuditEntry entry { QStringLiteral("clerk-001"), QStringLiteral("window-01"),
        QStringLiteral("page.save"), QStringLiteral("case:bench"), QStringLiteral("ok"),
        QString() };
    for (auto _ : state)
        benchmark::DoNotOptimize(audit.append(entry));
}

void AuditVerify10k(benchmark::State &state)
{
    Fixture fixture;
    Security::AuditLog audit(*fixture.db, fixture.clock);
    const Security::AuditEntry entry { QStringLiteral("clerk-001"), QStringLiteral("window-01"),
        QStringLiteral("page.save"), QStringLiteral("case:bench"), QStringLiteral("ok"),
        QString() };
    (void)fixture.db->transaction([&]() -> Core::Status {
        for (int i = 0; i < 10000; ++i) {
            if (auto appended = audit.append(entry); !appended)
                return appended.error();
        }
        return {};
    });
    for (auto _ : state) {
        auto report = audit.verify();
        if (!report || !report->ok || report->recordsChecked != 10000)
            state.SkipWithError("verify failed");
    }
    state.SetItemsProcessed(state.iterations() * 10000);
}

void IdentityNumberParse(benchmark::State &state)
{
    const QString number = QStringLiteral("11010519491231002X");
    for (auto _ : state)
        benchmark::DoNotOptimize(Core::IdentityNumber::parse(number, QDate(2026, 1, 1)));
}

BENCHMARK(PageStoreSave)
    ->Arg(256 << 10)
    ->Arg(2 << 20)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(RawDurableWrite)
    ->Arg(256 << 10)
    ->Arg(2 << 20)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(PageStoreRead)->Arg(2 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(AuditAppend)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(AuditVerify10k)->Unit(benchmark::kMillisecond);
BENCHMARK(IdentityNumberParse)->Unit(benchmark::kNanosecond);

/// Console output plus, at the end, each ours/peer ratio measured in this run.
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    RatioReporter()
        : ConsoleReporter(isatty(fileno(stdout)) ? OO_ColorTabular : OO_Tabular)
    { }

    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs) {
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                m_realNs[run.benchmark_name()] = run.GetAdjustedRealTime();
        }
        ConsoleReporter::ReportRuns(runs);
    }

    void printRatios() const
    {
        std::printf("\nratio PageStoreSave / RawDurableWrite (same bytes, same run):\n");
        for (const char *size : { "262144", "2097152" }) {
            const auto ours = m_realNs.find(std::string("PageStoreSave/") + size + "/real_time");
            const auto peer = m_realNs.find(std::string("RawDurableWrite/") + size + "/real_time");
            if (ours != m_realNs.end() && peer != m_realNs.end() && peer->second > 0)
                std::printf("  %8s bytes: %.2fx\n", size, ours->second / peer->second);
        }
    }

private:
    std::map<std::string, double> m_realNs;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.printRatios();
    benchmark::Shutdown();
    return 0;
}
