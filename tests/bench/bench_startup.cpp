// Cold start to sign-in (issue 6; target <= 1.5 s): the real `tongban` binary started with
// `--data-dir` and `--report-ready` (it prints "ready <ms since main()>" once the first
// screen, the sign-in page, has been painted, then quits), QT_QPA_PLATFORM=offscreen and
// the simulated devices. Wall time from just before the fork (QProcess::start) to that
// line, on
// - a fresh, empty data folder each run (first start: database created, sample catalogue
//   imported), and
// - an already initialised folder (every later start at the window).
// Repeated (10 times, 2 with TONGBAN_BENCH_SMOKE); median and p95 printed, with the time
// the process spent before main() and after it (from its own "ready" figure) to show where
// a start-up goes, and `true` (fork + exec of a trivial program) as the floor.
#include "BenchFigures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <map>
#include <string>
#include <unistd.h>
#include <vector>

using Tongban::Bench::percentile;

namespace {

const bool kSmoke = qEnvironmentVariableIsSet("TONGBAN_BENCH_SMOKE");
const int kRuns = kSmoke ? 2 : 10;

std::map<std::string, double> g_figures;

struct Start
{
    double wallMs = -1; ///< fork to the "ready" line
    double inMainMs = -1; ///< the process's own figure: main() to ready
};

/// Starts tongban on \a dataDir; the wall time until it reports ready, or -1.
Start startOnce(const QString &dataDir, const QString &home)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TONGBAN_FAKE_DEVICES"), QStringLiteral("1"));
    // Settings and caches in the run's own folder, never the user's.
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/share"));
    process.setProcessEnvironment(env);
    process.setStandardErrorFile(QProcess::nullDevice());
    Start start;
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral(TONGBAN_APP),
        { QStringLiteral("--data-dir"), dataDir, QStringLiteral("--report-ready") });
    if (!process.waitForStarted(10000))
        return start;
    while (true) {
        if (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.startsWith("ready ")) {
                start.wallMs = double(clock.nsecsElapsed()) / 1e6;
                start.inMainMs = line.mid(6).toDouble();
                break;
            }
            continue;
        }
        if (!process.waitForReadyRead(30000))
            break;
    }
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished(10000);
    }
    return start;
}

double trueMs()
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(QStringLiteral("true"), {});
    process.waitForFinished(10000);
    return double(clock.nsecsElapsed()) / 1e6;
}

void record(benchmark::State &state, const std::string &name, const std::vector<Start> &starts)
{
    std::vector<double> wall, inMain, beforeMain;
    for (const Start &s : starts) {
        wall.push_back(s.wallMs);
        inMain.push_back(s.inMainMs);
        beforeMain.push_back(s.wallMs - s.inMainMs);
    }
    g_figures[name + " median ms"] = percentile(wall, 0.5);
    g_figures[name + " p95 ms"] = percentile(wall, 0.95);
    g_figures[name + " max ms"] = percentile(wall, 1.0);
    g_figures[name + " main() to ready median ms"] = percentile(inMain, 0.5);
    g_figures[name + " fork to main() (+ line back) median ms"] = percentile(beforeMain, 0.5);
    state.counters["median_ms"] = percentile(wall, 0.5);
    state.counters["p95_ms"] = percentile(wall, 0.95);
}

void ColdStartFreshFolder(benchmark::State &state)
{
    std::vector<Start> starts;
    for (auto _ : state) {
        QTemporaryDir dir;
        const Start s = startOnce(dir.filePath(QStringLiteral("data")), dir.path());
        if (s.wallMs < 0) {
            state.SkipWithError("tongban did not report ready");
            return;
        }
        starts.push_back(s);
        state.SetIterationTime(s.wallMs / 1000.0);
    }
    record(state, "fresh folder", starts);
}

void ColdStartInitialisedFolder(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    if (startOnce(data, dir.path()).wallMs < 0) { // initialises the folder, not measured
        state.SkipWithError("tongban did not report ready");
        return;
    }
    std::vector<Start> starts;
    for (auto _ : state) {
        const Start s = startOnce(data, dir.path());
        if (s.wallMs < 0) {
            state.SkipWithError("tongban did not report ready");
            return;
        }
        starts.push_back(s);
        state.SetIterationTime(s.wallMs / 1000.0);
    }
    record(state, "initialised folder", starts);
}

void ForkExecTrue(benchmark::State &state)
{
    std::vector<double> ms;
    for (auto _ : state) {
        ms.push_back(trueMs());
        state.SetIterationTime(ms.back() / 1000.0);
    }
    g_figures["peer: fork+exec of true median ms"] = percentile(ms, 0.5);
}

BENCHMARK(ColdStartFreshFolder)->Unit(benchmark::kMillisecond)->Iterations(kRuns)->UseManualTime();
BENCHMARK(ColdStartInitialisedFolder)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(kRuns)
    ->UseManualTime();
BENCHMARK(ForkExecTrue)->Unit(benchmark::kMillisecond)->Iterations(kRuns)->UseManualTime();

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::ConsoleReporter reporter(isatty(fileno(stdout))
            ? benchmark::ConsoleReporter::OO_ColorTabular
            : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    std::printf(
        "\nfigures (%d starts each; target: cold start to painted sign-in <= 1500 ms):\n", kRuns);
    for (const auto &[name, value] : g_figures)
        std::printf("  %-52s %10.1f\n", name.c_str(), value);
    if (g_figures["initialised folder median ms"] > 0)
        std::printf("  %-52s %10.2fx\n", "fresh / initialised folder (median)",
            g_figures["fresh folder median ms"] / g_figures["initialised folder median ms"]);
    std::fflush(stdout);
    benchmark::Shutdown();
    return 0;
}
