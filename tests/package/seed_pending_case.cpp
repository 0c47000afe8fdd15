// Test fixture for tests/package/chroot-install.sh (issue 16): a case checked complete and
// transmitted at a window while the platform is out of reach, so that it waits in the
// outbox, through the product's own code (IntakeStore::transmit into Platform::Outbox), as
// the checklist's decision leaves it. The upgrade check then asks the upgraded
// `tongban-cli outbox status` for it.
//
//   tongban_seed_pending_case DATA_DIR ITEM_CODE CLERK
//
// Prints "pending <provisional case number>"; exit 0, or 1 with the reason on stderr.
#include "CheckedDraft.h"

#include <intake/MailingDeadline.h>
#include <platform/ApiClient.h>
#include <platform/Outbox.h>
#include <storage/PageStore.h>

#include <QCoreApplication>

#include <common/Workstation.h>
#include <cstdio>

using namespace Tongban;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 4) {
        std::fprintf(stderr, "usage: tongban_seed_pending_case DATA_DIR ITEM_CODE CLERK\n");
        return 2;
    }
    auto station = App::Workstation::open(QString::fromLocal8Bit(argv[1]));
    if (!station) {
        std::fprintf(stderr, "%s\n", qPrintable(station.error().toString()));
        return 1;
    }
    auto checked = Testing::checkedCompleteDraft(
        **station, QString::fromUtf8(argv[2]), QString::fromUtf8(argv[3]));
    if (!checked) {
        std::fprintf(stderr, "the case could not be checked complete\n");
        return 1;
    }
    // Nothing is sent: the outbox is never started (the platform is down for this window).
    Platform::ApiClient api(QUrl(QStringLiteral("http://127.0.0.1:9")));
    Storage::PageStore &pages = (*station)->pages();
    Platform::Outbox outbox((*station)->database(), api, (*station)->clock(),
        [&pages](const QString &sha256) { return pages.readContent(sha256); });
    auto due = Intake::mailingDueDate((*station)->calendar(), (*station)->clock().today());
    if (!due) {
        std::fprintf(stderr, "%s\n", qPrintable(due.error().toString()));
        return 1;
    }
    const Core::Status sent = (*station)->intake().transmit(checked->draft, checked->body,
        checked->assessment.paperToMail(), due.value(),
        [&outbox](const QJsonObject &caseBody) { return outbox.enqueueWithin(caseBody); });
    if (!sent) {
        std::fprintf(stderr, "%s\n", qPrintable(sent.error().toString()));
        return 1;
    }
    std::printf("pending %s\n", qPrintable(checked->draft.provisionalNumber));
    return 0;
}
