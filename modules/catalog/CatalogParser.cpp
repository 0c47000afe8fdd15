#include "CatalogParser.h"

#include "Tr.h"
#include "internal/CatalogReading.h"

#include <core/Hash.h>

#include <QFuture>
#include <QHash>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>

#include <cstring>
#include <string>
#include <vector>

namespace Tongban::Catalog {

using Internal::DiagnosticSink;
using Internal::JsonTape;
using Internal::Keep;
using Internal::QtJson;
using Internal::TapeJson;

namespace {

/// Whether every object key in \a json is at most \a limit bytes as written. A key of at
/// most that many bytes (UTF-8, escapes) has at most that many characters, so the tree walk
/// below need not make a string of each key to measure it. Strings are skipped with their
/// escapes; a string followed by ':' is a key.
bool allKeysShort(const QByteArray &json, qsizetype limit)
{
    const char *p = json.constData();
    const char *const end = p + json.size();
    while (p < end) {
        if (*p != '"') {
            ++p;
            continue;
        }
        const char *start = ++p;
        while (p < end && *p != '"')
            p += *p == '\\' ? 2 : 1;
        const qsizetype length = (p < end ? p : end) - start;
        ++p;
        const char *next = p;
        while (next < end && (*next == ' ' || *next == '\n' || *next == '\r' || *next == '\t'))
            ++next;
        if (next < end && *next == ':' && length > limit)
            return false;
    }
    return true;
}

/// Walks the parsed document once: nesting depth, list sizes, key lengths.
/// Returns false when the document must not be read further. The pointer of
/// the current value is kept as a stack of containers and positions and made
/// into a string only to report a problem: building a string for every value,
/// or even every key, of a large catalogue would dominate.
class LimitChecker
{
public:
    LimitChecker(DiagnosticSink &reader, bool measureKeys)
        : m_reader(reader)
        , m_measureKeys(measureKeys)
    { }

    bool check(const QJsonValue &value, int depth)
    {
        if (m_reported >= kMaxReports)
            return false;
        if (depth > CatalogParser::MaxDepth) {
            report(Tr::tr("nested deeper than %1 levels").arg(CatalogParser::MaxDepth));
            return false;
        }
        // Strings are not decoded here: the typed reading bounds every string it
        // uses, and values under unknown keys are ignored. Decoding each string
        // twice was a fifth of the parse time of a large catalogue.
        bool fine = true;
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (array.size() > CatalogParser::MaxItems) {
                report(Tr::tr("has %1 entries, more than the limit of %2")
                           .arg(array.size())
                           .arg(CatalogParser::MaxItems));
                return false;
            }
            // Numbers and strings inside need no look unless they are too deep.
            if (depth + 1 <= CatalogParser::MaxDepth && !hasContainers(array))
                return true;
            m_stack.append(Frame { {}, array, 0, true });
            for (qsizetype i = 0; i < array.size(); ++i) {
                m_stack.last().index = i;
                fine = check(array.at(i), depth + 1) && fine;
            }
            m_stack.removeLast();
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            m_stack.append(Frame { object, {}, 0, false });
            qsizetype index = 0;
            for (auto it = object.constBegin(); it != object.constEnd(); ++it, ++index) {
                m_stack.last().index = index;
                if (m_measureKeys && it.key().size() > 100) {
                    m_stack.removeLast(); // the pointer is the object's, not the key's
                    report(Tr::tr("has a key longer than 100 characters"));
                    m_stack.append(Frame { object, {}, index, false });
                    fine = false;
                    continue;
                }
                const QJsonValue child = it.value();
                if (child.isArray() || child.isObject() || depth + 1 > CatalogParser::MaxDepth)
                    fine = check(child, depth + 1) && fine;
            }
            m_stack.removeLast();
        }
        return fine;
    }

private:
    static constexpr int kMaxReports = 100;

    struct Frame
    {
        QJsonObject object; ///< the container, when an object
        QJsonArray array; ///< the container, when a list
        qsizetype index = 0; ///< position of the value being checked
        bool isArray = false;
    };

    static bool hasContainers(const QJsonArray &array)
    {
        for (const QJsonValue &v : array) {
            if (v.isArray() || v.isObject())
                return true;
        }
        return false;
    }

    void report(const QString &message)
    {
        QString pointer;
        for (const Frame &frame : std::as_const(m_stack)) {
            if (!frame.isArray)
                pointer = DiagnosticSink::child(
                    pointer, (frame.object.constBegin() + frame.index).key());
            else
                pointer = DiagnosticSink::child(pointer, frame.index);
        }
        m_reader.error(pointer, message);
        ++m_reported;
    }

    DiagnosticSink &m_reader;
    const bool m_measureKeys;
    QList<Frame> m_stack;
    int m_reported = 0;
};

} // namespace

int ParseOutcome::errorCount() const
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; }));
}

int ParseOutcome::warningCount() const
{
    return int(std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Warning; }));
}

QString ParseOutcome::report() const
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics) {
        lines << (d.severity == Diagnostic::Severity::Error ? Tr::tr("error") : Tr::tr("warning"))
                + QLatin1Char(' ') + (d.pointer.isEmpty() ? QStringLiteral("/") : d.pointer)
                + QStringLiteral(": ") + d.message;
    }
    return lines.join(QLatin1Char('\n'));
}

namespace {

/// The document's size and encoding, checked before any reading: false (and the reason in
/// \a outcome) when it must not be read.
bool readable(const QByteArray &json, ParseOutcome &outcome)
{
    DiagnosticSink sink(outcome.diagnostics);
    if (json.size() > CatalogParser::MaxDocumentBytes) {
        sink.error(QString(),
            Tr::tr("the document is %1 MiB, more than the limit of %2 MiB")
                .arg(json.size() / (1024 * 1024))
                .arg(CatalogParser::MaxDocumentBytes / (1024 * 1024)));
        return false;
    }
    // Qt's JSON parser also rejects invalid UTF-8, but only inside strings;
    // check the whole document so that the reason is precise.
    // Validated in place: decoding into a string only to throw it away cost a copy
    // twice the document's size.
    if (!json.isValidUtf8()) {
        sink.error(QString(), Tr::tr("the document is not valid UTF-8 text"));
        return false;
    }
    return true;
}

/// Qt's parser, the limits, then the typed reading over Qt's tree.
void readWithQtTree(const QByteArray &json, ParseOutcome &outcome)
{
    DiagnosticSink r(outcome.diagnostics);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.error(QString(),
            Tr::tr("not valid JSON at byte %1: %2")
                .arg(parseError.offset)
                .arg(parseError.errorString()));
        return;
    }
    if (!doc.isObject()) {
        r.error(QString(), Tr::tr("the document must be a JSON object"));
        return;
    }
    if (!LimitChecker(r, !allKeysShort(json, 100)).check(doc.object(), 0))
        return;
    Catalog catalog;
    if (Internal::readCatalog<QtJson>(
            doc.object(), Keep::Everything, catalog, outcome.diagnostics)) {
        outcome.catalog = std::move(catalog);
        outcome.valid = true;
    }
}

} // namespace

namespace {

/// Each item's hash (SHA-256 of its canonical CBOR, as CatalogStore stores it) from the
/// tape the document was read from: the item's bytes are not read a second time. Started
/// on the thread pool as soon as the tape is read, before the catalogue is validated: the
/// tape is all it needs. The tape must outlive the future.
QFuture<QString> startItemHashes(const JsonTape &tape)
{
    const JsonTape::Node &root = tape.node(0);
    const JsonTape::Member *members = tape.members(root);
    std::vector<quint32> items;
    for (quint32 m = 0; m < root.count; ++m) {
        if (JsonTape::keySize(members[m]) == 5
            && std::memcmp(tape.keyBytes(members[m]), "items", 5) == 0) {
            const JsonTape::Node &list = tape.node(members[m].node);
            if (list.kind != JsonTape::Kind::Array) // not validated yet: anything may be here
                break;
            const JsonTape::Member *elements = tape.members(list);
            items.reserve(list.count);
            for (quint32 i = 0; i < list.count; ++i)
                items.push_back(elements[i].node);
            break;
        }
    }
    // Independent per item: spread over the cores (two on a window PC).
    // Each thread writes its items' CBOR into one buffer it keeps: a fresh one per item was
    // a large allocation each (and glibc consolidates its free lists before every one).
    return QtConcurrent::mapped(std::move(items), [&tape](quint32 node) {
        thread_local std::string cbor;
        cbor.clear();
        cbor.reserve(size_t(tape.node(node).size));
        tape.appendCbor(node, cbor);
        return Core::sha256Hex(QByteArray::fromRawData(cbor.data(), qsizetype(cbor.size())));
    });
}

/// The parse; for an import (\a itemHashes given), only what the store keeps (Keep) and
/// each item's hash.
ParseOutcome parseDocument(const QByteArray &json, QStringList *itemHashes)
{
    ParseOutcome outcome;
    if (!readable(json, outcome))
        return outcome;
    // The common case: a plain document is read straight from its bytes, without Qt's
    // tree (building and freeing it, and every lookup in it, were most of the parse time).
    // The reading and its diagnostics are the same code over either (readCatalog<J>).
    // The catalogue keeps the document's bytes (PublishedJson): own them, also when the
    // caller only lent them (QByteArray::fromRawData) and may free them after parsing.
    QByteArray document = json; // shared, not copied
    if (!document.data_ptr().isMutable())
        document = QByteArray(json.constData(), json.size());
    JsonTape tape;
    if (tape.read(document)) {
        // The hashes are made on the pool while this thread validates (they overlap on two
        // cores); thrown away if the catalogue is refused. Waited for before the tape goes.
        QFuture<QString> hashes;
        if (itemHashes)
            hashes = startItemHashes(tape);
        const auto waitForHashes = qScopeGuard([&hashes] {
            hashes.cancel();
            hashes.waitForFinished();
        });
        const Internal::TapeObject root(&tape, 0);
        Catalog catalog;
        if (Internal::readCatalog<TapeJson>(root,
                itemHashes ? Keep::ImportSummary : Keep::Everything, catalog,
                outcome.diagnostics)) {
            outcome.valid = true;
            if (itemHashes) {
                *itemHashes = hashes.results();
                if (itemHashes->size() != catalog.items.size()) {
                    // The reading passed over an entry of the list (an empty object): the
                    // hashes are not the items'. Read the catalogue whole (the same
                    // diagnostics again, dropped); the store hashes its items then.
                    itemHashes->clear();
                    QList<Diagnostic> again;
                    catalog = Catalog();
                    Internal::readCatalog<TapeJson>(root, Keep::Everything, catalog, again);
                }
            }
            outcome.catalog = std::move(catalog);
        }
        return outcome;
    }
    // Anything else (not JSON, too deep, too long, duplicate or unusual keys, odd
    // numbers...) is read by Qt's parser and checked against the limits, as it always was
    // (and kept whole: an import hashes its items from it).
    readWithQtTree(json, outcome);
    return outcome;
}

} // namespace

ParseOutcome CatalogParser::parse(const QByteArray &json)
{
    return parseDocument(json, nullptr);
}

namespace Internal {

ParseOutcome parseForImport(const QByteArray &json, QStringList &itemHashes)
{
    itemHashes.clear();
    return parseDocument(json, &itemHashes);
}

ParseOutcome parseWithQtTree(const QByteArray &json)
{
    ParseOutcome outcome;
    if (readable(json, outcome))
        readWithQtTree(json, outcome);
    return outcome;
}

} // namespace Internal

} // namespace Tongban::Catalog
