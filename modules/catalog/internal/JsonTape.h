#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1String>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <string>
#include <vector>

namespace Tongban::Catalog {
class PublishedJson;
struct ParseOutcome;
} // namespace Tongban::Catalog

namespace Tongban::Catalog::Internal {

/*!
 * A JSON document read once into a flat list of tokens (a "tape") over its UTF-8 bytes:
 * no tree of values, no string decoded until someone asks for it.
 *
 * Reads only a strict, common subset of JSON on purpose: RFC 8259 with an object at the
 * top, keys of plain ASCII without escapes, no duplicate keys, no escaped surrogates, no
 * byte-order mark, no value nested deeper than CatalogParser::MaxDepth, no list longer
 * than CatalogParser::MaxItems, no key longer than 100 bytes. Whatever it accepts,
 * QJsonDocument::fromJson reads to the same values (so the typed reading over either gives
 * the same catalogue and the same diagnostics); anything else makes read() return false,
 * and the caller reads the document with Qt's parser, which reports it as before.
 */
class JsonTape
{
public:
    enum class Kind : quint8 { Null, False, True, Integer, Double, String, Object, Array };
    struct Node
    {
        Kind kind = Kind::Null;
        bool escaped = false; ///< a string with backslash escapes
        quint32 begin = 0; ///< first byte (strings: after the quote; containers: the bracket)
        quint32 size = 0; ///< bytes (strings: between the quotes; containers: with brackets)
        quint32 count = 0; ///< members of an object, elements of a list
        quint32 members = 0; ///< containers: where their members are in the member table
    };
    // A node per value: a large catalogue has over a million, each a fresh page touched
    // per 200 of them (an index of the node after each value, never read, was a sixth).
    static_assert(sizeof(Node) == 20);
    /// A container's member: a list's element node, or an object's value node with its
    /// key's tag (size and first bytes) and where the key's bytes are (keys have no node).
    struct Member
    {
        quint64 tag = 0;
        quint32 node = 0;
        quint32 key = 0; ///< an object's: first byte of the key (after the quote)
    };

    /// Reads \a json (must stay alive and unchanged while the tape is used).
    /// False when the document is outside the subset (see above).
    bool read(const QByteArray &json);

    const QByteArray &document() const { return m_json; }
    const Node &node(qsizetype index) const { return m_nodes[size_t(index)]; }
    const char *bytes(const Node &node) const { return m_json.constData() + node.begin; }
    /// The members of a container, node.count of them, in document order.
    const Member *members(const Node &node) const { return m_members.data() + node.members; }
    /// An object member's key: plain ASCII without escapes, keySize() bytes.
    const char *keyBytes(const Member &member) const { return m_json.constData() + member.key; }
    static quint32 keySize(const Member &member) { return quint32(member.tag >> 56); }

    QString string(const Node &node) const;
    double number(const Node &node) const;

    /// The value at \a index as QCborValue::fromJsonValue(value).toCbor() encodes it:
    /// maps with their keys in QJsonObject's (sorted) order, Qt's integers as integers.
    void appendCbor(qsizetype index, QByteArray &out) const;
    /// The same, into a plain buffer (no QByteArray growth checks per byte written).
    void appendCbor(qsizetype index, std::string &out) const;

private:
    bool value(int depth);
    bool string();
    bool number();
    void skipSpace();

    QByteArray m_json;
    std::vector<Node> m_nodes;
    std::vector<Member> m_members;
    std::vector<Member> m_scratch; ///< members of the containers being read
    const char *m_p = nullptr;
    const char *m_end = nullptr;
};

/// The parse with Qt's JSON tree for every document (CatalogParser::parse reads plain
/// documents from a JsonTape instead): the reference the tape's reading is tested against.
ParseOutcome parseWithQtTree(const QByteArray &json);

/// CatalogParser::parse for an import, and when the catalogue was read from a tape, each
/// item's hash in \a itemHashes (in item order: SHA-256 of PublishedJson::toCbor(), the
/// hash CatalogStore stores) made from that tape while it is still there. From a tape, the
/// catalogue holds only what the store keeps (Keep::ImportSummary in CatalogReading.h;
/// the same checks and diagnostics). \a itemHashes is left empty otherwise (an error, or a
/// document read by Qt's parser, whose catalogue is whole): hash the items then.
ParseOutcome parseForImport(const QByteArray &json, QStringList &itemHashes);

class TapeObject;
class TapeArray;

/// A value on a tape, with the part of QJsonValue's interface the catalogue reader uses.
class TapeValue
{
public:
    TapeValue() = default;
    TapeValue(const JsonTape *tape, qsizetype index)
        : m_tape(tape)
        , m_index(index)
    { }

    QJsonValue::Type type() const;
    bool isUndefined() const { return m_index < 0; }
    bool isNull() const { return type() == QJsonValue::Null; }
    bool isBool() const { return type() == QJsonValue::Bool; }
    bool isDouble() const { return type() == QJsonValue::Double; }
    bool isString() const { return type() == QJsonValue::String; }
    bool isArray() const { return type() == QJsonValue::Array; }
    bool isObject() const { return type() == QJsonValue::Object; }

    QString toString() const;
    /*!
     * Whether this is text that QString::trimmed() leaves as it is and that has from 1 to
     * \a maxLength UTF-16 code units: a string without escapes, not empty, with no white
     * space (QChar::isSpace) at either end. Tells without making the QString; false also
     * for anything it cannot tell that way (read toString() then).
     */
    bool fitsAsIs(qsizetype maxLength) const;
    double toDouble() const;
    int toInt() const; ///< as QJsonValue::toInt(): 0 unless a whole number in range
    bool toBool() const;
    TapeObject toObject() const;
    TapeArray toArray() const;

private:
    const JsonTape *m_tape = nullptr;
    qsizetype m_index = -1;
};

/// An object on a tape (empty when made from something else), like QJsonObject.
class TapeObject
{
public:
    TapeObject() = default;
    TapeObject(const JsonTape *tape, qsizetype index)
        : m_tape(tape)
        , m_index(index)
    { }

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    TapeValue value(QLatin1String key) const;
    bool contains(QLatin1String key) const { return !value(key).isUndefined(); }
    /// The keys in QJsonObject's order (sorted).
    QStringList keys() const;
    /// Whether every key of the object is one of \a known (one pass over its members).
    bool hasOnlyKeys(std::initializer_list<const char *> known) const;
    /// The object as published (its bytes in the document, shared).
    PublishedJson published() const;

private:
    const JsonTape *m_tape = nullptr;
    qsizetype m_index = -1;
    /// The member where the next lookup starts: after the key found last.
    mutable qsizetype m_hint = -1;
};

/// A list on a tape (empty when made from something else), like QJsonArray.
class TapeArray
{
public:
    TapeArray() = default;
    TapeArray(const JsonTape *tape, qsizetype index)
        : m_tape(tape)
        , m_index(index)
    { }

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }
    TapeValue at(qsizetype i) const;

private:
    const JsonTape *m_tape = nullptr;
    qsizetype m_index = -1;
};

} // namespace Tongban::Catalog::Internal
