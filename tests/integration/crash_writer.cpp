// Child process of tst_crashrecovery: opens the store in the given folder,
// sweeps what an earlier kill left behind, then creates cases and pages until
// it is killed. After each save() returns it prints "saved <page id> <sha256>",
// which is the promise under test: a page reported saved survives SIGKILL.
#include <core/Clock.h>
#include <storage/CaseStore.h>
#include <storage/PageStore.h>
#include <storage/StorageSchema.h>

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Tongban;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: tongban_crash_writer FOLDER SEED\n");
        return 2;
    }
    const QString folder = QString::fromLocal8Bit(argv[1]);
    QRandomGenerator random(quint32(QByteArray(argv[2]).toUInt()));
    Core::SystemClock clock;

    auto db = Storage::Database::open(
        folder + QStringLiteral("/ws.sqlite"), { Storage::storageSchema() });
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().toString()));
        return 1;
    }
    Storage::CaseStore cases(**db, clock);
    Storage::PageStore pages(**db, folder + QStringLiteral("/pages"), clock);
    // One writer at a time: whatever is unreferenced now was left by a kill.
    const auto swept = pages.sweep(std::chrono::seconds(0));
    if (!swept) {
        std::fprintf(stderr, "sweep: %s\n", qPrintable(swept.error().toString()));
        return 1;
    }
    std::printf("ready %d %d\n", swept->removedFiles, swept->removedTemporaries);
    std::fflush(stdout);

    QString caseId;
    for (quint64 n = 0;; ++n) {
        if (n % 5 == 0) {
            auto created = cases.create(QStringLiteral("114104000000000001"));
            if (!created) {
                std::fprintf(stderr, "case: %s\n", qPrintable(created.error().toString()));
                return 1;
            }
            caseId = *created;
        }
        QByteArray bytes(int(random.bounded(1024, 96 * 1024)), Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
        const auto saved = pages.save(caseId, bytes, QStringLiteral("image/jpeg"));
        if (!saved) {
            std::fprintf(stderr, "save: %s\n", qPrintable(saved.error().toString()));
            return 1;
        }
        std::printf("saved %s %s\n", qPrintable(saved->id), qPrintable(saved->sha256));
        std::fflush(stdout);
    }
}
