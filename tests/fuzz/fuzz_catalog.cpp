// libFuzzer target: the catalogue parser and validator (also the import's reading, which
// keeps only what the store keeps), and the condition parser, on arbitrary bytes. Hostile
// input must give errors, never a crash, a sanitizer report or a hang (libFuzzer -timeout
// catches hangs).
#include <catalog/CatalogParser.h>
#include <catalog/CatalogSearch.h>
#include <catalog/Condition.h>
#include <catalog/internal/JsonTape.h>

#include <QByteArray>
#include <QCoreApplication>

#include <cstdint>
#include <cstdlib>

using namespace Tongban::Catalog;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ParseOutcome outcome = CatalogParser::parse(input);
    if (outcome.ok()) {
        // A catalogue that validates must be usable: every material's condition
        // evaluates, and the index searches it.
        for (const ServiceItem &item : outcome.catalog->items)
            (void)item.applicableMaterials({});
        const CatalogIndex index(*outcome.catalog);
        (void)index.search(QStringLiteral("gtgsh"));
    } else if (outcome.errorCount() == 0) {
        std::abort(); // refused without saying why: a bug
    }
    // The import's reading finds the same problems, and takes the same catalogues.
    QStringList hashes;
    const ParseOutcome imported = Internal::parseForImport(input, hashes);
    if (imported.ok() != outcome.ok() || imported.diagnostics.size() != outcome.diagnostics.size())
        std::abort();
    for (qsizetype i = 0; i < outcome.diagnostics.size(); ++i) {
        if (imported.diagnostics.at(i).pointer != outcome.diagnostics.at(i).pointer
            || imported.diagnostics.at(i).message != outcome.diagnostics.at(i).message)
            std::abort();
    }
    // The same bytes as a condition expression over two declared facts.
    static const QList<Fact> facts
        = { Fact { QStringLiteral("agentApplies"), QStringLiteral("?"), Fact::Type::Bool, {} },
              Fact { QStringLiteral("applicantType"), QStringLiteral("?"), Fact::Type::Enum,
                  { { QStringLiteral("naturalPerson"), QStringLiteral("a") },
                      { QStringLiteral("legalPerson"), QStringLiteral("b") } } } };
    const auto condition = Condition::parse(QString::fromUtf8(input.left(600)), facts);
    if (condition)
        (void)condition->evaluate({ { QStringLiteral("agentApplies"), true } });
    return 0;
}

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // Resources (the pinyin table) and Qt's text codecs need an application object.
    static QCoreApplication app(*argc, *argv);
    return 0;
}
