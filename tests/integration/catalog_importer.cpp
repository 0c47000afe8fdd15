// Child of tst_catalogimportkill: imports two generated catalogues (A and B,
// 600 items each) in turn, forever, printing "imported <version>" after each
// import returns, until it is killed.
#include <catalog/CatalogStore.h>
#include <core/Clock.h>

#include <QCoreApplication>

#include <CatalogGenerator.h>
#include <cstdio>

using namespace Tongban;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    auto db = Storage::Database::open(
        QString::fromLocal8Bit(argv[1]), { Catalog::CatalogStore::schema() });
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return 1;
    }
    Core::SystemClock clock;
    Catalog::CatalogStore store(**db, clock);
    const QByteArray versions[2] = { TestSupport::generateCatalog(600, "gen.A", 1),
        TestSupport::generateCatalog(600, "gen.B", 2) };
    std::printf("ready\n");
    std::fflush(stdout);
    for (int n = 0;; ++n) {
        const auto report = store.import(versions[n % 2]);
        if (!report) {
            std::fprintf(stderr, "%s\n", qPrintable(report.error().toString()));
            return 1;
        }
        std::printf("imported %s\n", qPrintable(report->version.catalogVersion));
        std::fflush(stdout);
    }
}
