// Catalogue benchmarks on a generated 5,000-item catalogue (3 materials x 2
// review points each):
// - CatalogParse: parse + validate;
// - CatalogImportEmpty / CatalogImportOverPrevious: the whole import, into an
//   empty database and over a previous version (validation, diff, store);
// - CatalogSearch: our index over a mixed query set, with p50/p95 per query;
// - SqliteLikePeer: SELECT ... WHERE name LIKE '%q%' over the same names.
#include <catalog/CatalogParser.h>
#include <catalog/CatalogSearch.h>
#include <catalog/CatalogStore.h>
#include <core/Clock.h>
#include <storage/Database.h>

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <CatalogGenerator.h>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <map>
#include <numeric>
#include <unistd.h>

using namespace Tongban;

namespace {

// The suite runs a smoke pass (TONGBAN_BENCH_SMOKE=1) on a small catalogue so
// that the benchmark keeps working; real figures use 5,000 items.
const int kItems = qEnvironmentVariableIsSet("TONGBAN_BENCH_SMOKE") ? 300 : 5000;

const QByteArray &catalogA()
{
    static const QByteArray bytes = TestSupport::generateCatalog(kItems, "bench.A", 7);
    return bytes;
}

const QByteArray &catalogB()
{
    static const QByteArray bytes = TestSupport::generateCatalog(kItems, "bench.B", 8);
    return bytes;
}

const QStringList &queries()
{
    static const QStringList list = { QStringLiteral("gtgsh"), QStringLiteral("个体工商户"),
        QStringLiteral("公积金"), QStringLiteral("zfgjj"), QStringLiteral("注销"),
        QStringLiteral("1141040000"), QStringLiteral("114104000000004321"),
        QStringLiteral("社会保障卡补领"), QStringLiteral("ylbx"), QStringLiteral("（123）"),
        QStringLiteral("ＧＴＧＳＨ"), QStringLiteral("食品经营许可证核发"),
        QStringLiteral("不存在的事项"), QStringLiteral("bg") };
    return list;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t index = std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

std::map<std::string, double> g_figures;

void CatalogParse(benchmark::State &state)
{
    for (auto _ : state) {
        const auto outcome = Catalog::CatalogParser::parse(catalogA());
        if (!outcome.ok())
            state.SkipWithError("generated catalogue invalid");
    }
    state.counters["items"] = kItems;
    state.counters["MiB"] = double(catalogA().size()) / (1024 * 1024);
}

void importBench(benchmark::State &state, bool overPrevious)
{
    Core::SystemClock clock;
    std::vector<double> seconds;
    // Generated outside the timed region (the generator itself takes ~0.5 s).
    const QByteArray &previous = catalogA();
    const QByteArray &next = overPrevious ? catalogB() : catalogA();
    for (auto _ : state) {
        state.PauseTiming();
        QTemporaryDir dir;
        auto db = Storage::Database::open(
            dir.filePath(QStringLiteral("ws.sqlite")), { Catalog::CatalogStore::schema() });
        Catalog::CatalogStore store(**db, clock);
        if (overPrevious)
            (void)store.import(previous);
        state.ResumeTiming();
        const auto start = std::chrono::steady_clock::now();
        const auto report = store.import(next);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (!report)
            state.SkipWithError(qPrintable(report.error().toString()));
    }
    state.counters["max_s"] = *std::max_element(seconds.begin(), seconds.end());
    state.counters["median_s"] = percentile(seconds, 0.5);

    g_figures[overPrevious ? "import over previous, max s" : "import into empty, max s"]
        = state.counters["max_s"];
}

void CatalogImportEmpty(benchmark::State &state)
{
    importBench(state, false);
}

void CatalogImportOverPrevious(benchmark::State &state)
{
    importBench(state, true);
}

void CatalogSearch(benchmark::State &state)
{
    const auto outcome = Catalog::CatalogParser::parse(catalogA());
    const Catalog::CatalogIndex index(*outcome.catalog);
    std::vector<double> ms;
    size_t n = 0;
    for (auto _ : state) {
        const QString &q = queries().at(qsizetype(n++ % size_t(queries().size())));
        const auto start = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(index.search(q, 50));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p95_ms"] = percentile(ms, 0.95);
    g_figures["search p95 ms"] = state.counters["p95_ms"];
    g_figures["search mean ms"] = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
}

void SqliteLikePeer(benchmark::State &state)
{
    const auto outcome = Catalog::CatalogParser::parse(catalogA());
    QTemporaryDir dir;
    auto db = Storage::Database::open(dir.filePath(QStringLiteral("peer.sqlite")), {});
    QSqlQuery q((*db)->connection());
    q.exec(QStringLiteral("CREATE TABLE items(code TEXT, name TEXT)"));
    q.exec(QStringLiteral("BEGIN"));
    q.prepare(QStringLiteral("INSERT INTO items VALUES(?, ?)"));
    for (const auto &item : outcome.catalog->items) {
        q.addBindValue(item.itemCode);
        q.addBindValue(item.name);
        q.exec();
    }
    q.exec(QStringLiteral("COMMIT"));
    std::vector<double> ms;
    size_t n = 0;
    QSqlQuery search((*db)->connection());
    search.prepare(
        QStringLiteral("SELECT code, name FROM items WHERE name LIKE ? OR code LIKE ? LIMIT 50"));
    for (auto _ : state) {
        const QString &text = queries().at(qsizetype(n++ % size_t(queries().size())));
        const auto start = std::chrono::steady_clock::now();
        search.addBindValue(QString(QLatin1Char('%') + text + QLatin1Char('%')));
        search.addBindValue(QString(text + QLatin1Char('%')));
        search.exec();
        int rows = 0;
        while (search.next())
            ++rows;
        benchmark::DoNotOptimize(rows);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
    }
    state.counters["p50_ms"] = percentile(ms, 0.50);
    state.counters["p95_ms"] = percentile(ms, 0.95);
    g_figures["peer LIKE p95 ms"] = state.counters["p95_ms"];
    g_figures["peer LIKE mean ms"] = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
}

BENCHMARK(CatalogParse)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(CatalogImportEmpty)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(CatalogImportOverPrevious)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(CatalogSearch)->Unit(benchmark::kMicrosecond)->Iterations(2800);
BENCHMARK(SqliteLikePeer)->Unit(benchmark::kMicrosecond)->Iterations(2800);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::ConsoleReporter reporter(isatty(fileno(stdout))
            ? benchmark::ConsoleReporter::OO_ColorTabular
            : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf("\nfigures (5,000 items; targets: import <= 1 s, search p95 <= 2 ms):\n");
    for (const auto &[name, value] : g_figures)
        std::printf("  %-30s %10.3f\n", name.c_str(), value);
    if (g_figures.count("search mean ms") && g_figures.count("peer LIKE mean ms"))
        std::printf("  ratio search mean / SQLite LIKE mean (same queries, same run): %.2fx\n",
            g_figures["search mean ms"] / g_figures["peer LIKE mean ms"]);
    benchmark::Shutdown();
    return 0;
}
