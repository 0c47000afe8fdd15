#include "JsonTape.h"

#include "../Catalog.h"
#include "../CatalogParser.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

namespace Tongban::Catalog::Internal {

namespace {

constexpr int kMaxKeyBytes = 100;
/// Objects with more members than this go to Qt's parser: the duplicate-key check here is
/// quadratic, and no catalogue object comes near it.
constexpr quint32 kMaxMembers = 64;

/// Bytes that may stand in a string as they are: not '"', '\\' or a control character.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain {};
    for (int c = 0x20; c < 256; ++c)
        plain[size_t(c)] = c != '"' && c != '\\';
    return plain;
}();

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// A key's size and first seven bytes: most keys differ there, so a lookup compares
/// one number per member and reads the bytes only on a match.
quint64 keyTag(const char *key, qsizetype size)
{
    quint64 tag = quint64(size) << 56;
    for (qsizetype i = 0; i < std::min<qsizetype>(size, 7); ++i)
        tag |= quint64(uchar(key[i])) << (8 * i);
    return tag;
}

/// A CBOR head (RFC 8949 §3): major type and argument, shortest form, as Qt writes it.
void appendHead(std::string &out, quint8 major, quint64 value)
{
    const char type = char(major << 5);
    if (value < 24) {
        out.push_back(char(type | char(value)));
    } else if (value <= 0xff) {
        out.push_back(char(type | 24));
        out.push_back(char(value));
    } else if (value <= 0xffff) {
        out.push_back(char(type | 25));
        char bytes[2];
        qToBigEndian(quint16(value), bytes);
        out.append(bytes, 2);
    } else if (value <= 0xffffffffu) {
        out.push_back(char(type | 26));
        char bytes[4];
        qToBigEndian(quint32(value), bytes);
        out.append(bytes, 4);
    } else {
        out.push_back(char(type | 27));
        char bytes[8];
        qToBigEndian(value, bytes);
        out.append(bytes, 8);
    }
}

} // namespace

inline void JsonTape::skipSpace()
{
    while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
        ++m_p;
}

bool JsonTape::read(const QByteArray &json)
{
    m_json = json;
    // Reserved for a compact document (a node per 8 bytes and a member per 16 are more than
    // the generated catalogues need: keys have no node): growing a vector of millions of
    // nodes copied it and touched twice its pages. Pages reserved and never written cost
    // no memory.
    m_nodes.clear();
    m_nodes.reserve(size_t(json.size() / 8 + 16));
    m_members.clear();
    m_members.reserve(size_t(json.size() / 16 + 16));
    m_scratch.clear();
    m_p = json.constData();
    m_end = m_p + json.size();
    skipSpace();
    if (m_p == m_end || *m_p != '{' || !value(0))
        return false;
    skipSpace();
    return m_p == m_end;
}

bool JsonTape::value(int depth)
{
    if (depth > CatalogParser::MaxDepth || m_p == m_end)
        return false;
    const char *const start = m_json.constData();
    const size_t index = m_nodes.size();
    switch (*m_p) {
    case '{':
    case '[': {
        const bool isObject = *m_p == '{';
        const char close = isObject ? '}' : ']';
        m_nodes.push_back(
            Node { isObject ? Kind::Object : Kind::Array, false, quint32(m_p - start), 0, 0, 0 });
        ++m_p;
        skipSpace();
        // This container's members gather at the end of the scratch list (a nested
        // container's come after them and are moved out when it closes).
        const size_t mark = m_scratch.size();
        quint32 count = 0;
        if (m_p < m_end && *m_p == close) {
            ++m_p;
        } else {
            for (;;) {
                if (isObject) {
                    if (m_p == m_end || *m_p != '"' || !string())
                        return false;
                    // Keys get no node (half the nodes of a catalogue): their place is kept
                    // in the member, their size in its tag. The value's node takes its slot.
                    const Node key = m_nodes.back();
                    m_nodes.pop_back();
                    if (key.escaped || key.size > kMaxKeyBytes || ++count > kMaxMembers)
                        return false;
                    const char *keyText = start + key.begin;
                    for (quint32 k = 0; k < key.size; ++k) {
                        if (uchar(keyText[k]) >= 0x80)
                            return false;
                    }
                    const quint64 tag = keyTag(keyText, key.size);
                    // No duplicate keys: Qt keeps one of them, this reader would see both.
                    for (size_t other = mark; other < m_scratch.size(); ++other) {
                        const Member &seen = m_scratch[other];
                        if (seen.tag == tag && std::memcmp(keyBytes(seen), keyText, key.size) == 0)
                            return false;
                    }
                    skipSpace();
                    if (m_p == m_end || *m_p != ':')
                        return false;
                    ++m_p;
                    skipSpace();
                    m_scratch.push_back(Member { tag, quint32(m_nodes.size()), key.begin });
                } else {
                    if (++count > quint32(CatalogParser::MaxItems))
                        return false;
                    m_scratch.push_back(Member { 0, quint32(m_nodes.size()), 0 });
                }
                if (!value(depth + 1))
                    return false;
                skipSpace();
                if (m_p == m_end)
                    return false;
                if (*m_p == ',') {
                    ++m_p;
                    skipSpace();
                    continue;
                }
                if (*m_p != close)
                    return false;
                ++m_p;
                break;
            }
        }
        Node &node = m_nodes[index];
        node.count = count;
        node.size = quint32(m_p - start) - node.begin;
        node.members = quint32(m_members.size());
        m_members.insert(m_members.end(), m_scratch.begin() + qsizetype(mark), m_scratch.end());
        m_scratch.resize(mark);
        return true;
    }
    case '"':
        return string();
    case 't':
    case 'f':
    case 'n': {
        const char *word = *m_p == 't' ? "true" : *m_p == 'f' ? "false" : "null";
        const size_t length = std::strlen(word);
        if (size_t(m_end - m_p) < length || std::memcmp(m_p, word, length) != 0)
            return false;
        m_nodes.push_back(Node { *m_p == 't' ? Kind::True
                : *m_p == 'f'                ? Kind::False
                                             : Kind::Null,
            false, quint32(m_p - start), quint32(length), 0, 0 });
        m_p += length;
        return true;
    }
    default:
        return number();
    }
}

bool JsonTape::string()
{
    const char *const start = m_json.constData();
    ++m_p; // the quote
    const char *const first = m_p;
    bool escaped = false;
    for (;;) {
        // Plain text runs up to a quote, a backslash or a control character: eight bytes
        // at a time while none of them is one (SWAR: a byte's high bit set in `stop` marks
        // it), then byte by byte.
        while (m_end - m_p >= 8) {
            quint64 word;
            std::memcpy(&word, m_p, 8);
            constexpr quint64 ones = 0x0101010101010101ull;
            constexpr quint64 highs = 0x8080808080808080ull;
            const quint64 quote = word ^ (ones * '"');
            const quint64 backslash = word ^ (ones * '\\');
            const quint64 stop = ((quote - ones) & ~quote & highs) // a zero byte: '"'
                | ((backslash - ones) & ~backslash & highs) // a zero byte: '\\'
                | ((word - ones * 0x20) & ~word & highs); // a byte below 0x20
            if (stop)
                break;
            m_p += 8;
        }
        while (m_p < m_end && kPlain[uchar(*m_p)])
            ++m_p;
        if (m_p == m_end)
            return false;
        const uchar c = uchar(*m_p);
        if (c == '"')
            break;
        if (c < 0x20)
            return false;
        if (c == '\\') {
            escaped = true;
            if (m_end - m_p < 2)
                return false;
            const char e = m_p[1];
            if (e == 'u') {
                if (m_end - m_p < 6)
                    return false;
                int code = 0;
                for (int k = 2; k < 6; ++k) {
                    const int h = hexValue(m_p[k]);
                    if (h < 0)
                        return false;
                    code = code * 16 + h;
                }
                // Surrogates (pairs or lone) are left to Qt's parser.
                if (code >= 0xd800 && code <= 0xdfff)
                    return false;
                m_p += 6;
                continue;
            }
            if (!std::strchr("\"\\/bfnrt", e) || e == '\0')
                return false;
            m_p += 2;
            continue;
        }
        ++m_p;
    }
    m_nodes.push_back(
        Node { Kind::String, escaped, quint32(first - start), quint32(m_p - first), 0, 0 });
    ++m_p; // the closing quote
    return true;
}

bool JsonTape::number()
{
    const char *const start = m_json.constData();
    const char *const first = m_p;
    if (m_p < m_end && *m_p == '-')
        ++m_p;
    if (m_p == m_end || !isDigit(*m_p))
        return false;
    if (*m_p == '0') {
        ++m_p;
    } else {
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    bool isInteger = true;
    if (m_p < m_end && *m_p == '.') {
        isInteger = false;
        ++m_p;
        if (m_p == m_end || !isDigit(*m_p))
            return false;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
    }
    if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
        isInteger = false;
        ++m_p;
        if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
            ++m_p;
        const char *digits = m_p;
        while (m_p < m_end && isDigit(*m_p))
            ++m_p;
        // Huge or tiny exponents (overflow, underflow) are left to Qt's parser.
        if (m_p == digits || m_p - digits > 2)
            return false;
    }
    Kind kind = Kind::Double;
    if (isInteger) {
        qint64 n = 0;
        const auto result = std::from_chars(first, m_p, n);
        if (result.ec == std::errc() && result.ptr == m_p)
            kind = Kind::Integer;
    }
    if (kind == Kind::Double) {
        double d = 0;
        const auto result = std::from_chars(first, m_p, d);
        if (result.ec != std::errc() || result.ptr != m_p || !std::isfinite(d))
            return false;
        // A non-zero number read as zero or a subnormal: left to Qt's parser.
        if (std::fpclassify(d) == FP_SUBNORMAL || (d == 0 && std::find_if(first, m_p, [](char c) {
                return c >= '1' && c <= '9';
            }) < std::find_if(first, m_p, [](char c) { return c == 'e' || c == 'E'; })))
            return false;
    }
    m_nodes.push_back(Node { kind, false, quint32(first - start), quint32(m_p - first), 0, 0 });
    return true;
}

QString JsonTape::string(const Node &node) const
{
    const char *p = bytes(node);
    if (!node.escaped)
        return QString::fromUtf8(p, node.size);
    QString text;
    text.reserve(node.size);
    const char *const end = p + node.size;
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\')
            ++p;
        if (p > run)
            text += QString::fromUtf8(run, p - run);
        if (p == end)
            break;
        const char e = p[1];
        switch (e) {
        case 'u': {
            int code = 0;
            for (int k = 2; k < 6; ++k)
                code = code * 16 + hexValue(p[k]);
            text += QChar(char16_t(code));
            p += 6;
            continue;
        }
        case 'b':
            text += QLatin1Char('\b');
            break;
        case 'f':
            text += QLatin1Char('\f');
            break;
        case 'n':
            text += QLatin1Char('\n');
            break;
        case 'r':
            text += QLatin1Char('\r');
            break;
        case 't':
            text += QLatin1Char('\t');
            break;
        default: // " \ /
            text += QLatin1Char(e);
            break;
        }
        p += 2;
    }
    return text;
}

double JsonTape::number(const Node &node) const
{
    const char *p = bytes(node);
    if (node.kind == Kind::Integer) {
        qint64 n = 0;
        std::from_chars(p, p + node.size, n);
        return double(n);
    }
    double d = 0;
    std::from_chars(p, p + node.size, d);
    return d;
}

void JsonTape::appendCbor(qsizetype index, QByteArray &out) const
{
    std::string cbor;
    cbor.reserve(size_t(m_nodes[size_t(index)].size));
    appendCbor(index, cbor);
    out.append(cbor.data(), qsizetype(cbor.size()));
}

void JsonTape::appendCbor(qsizetype index, std::string &out) const
{
    const Node &node = m_nodes[size_t(index)];
    switch (node.kind) {
    case Kind::Null:
        out.push_back(char(0xf6));
        return;
    case Kind::False:
        out.push_back(char(0xf4));
        return;
    case Kind::True:
        out.push_back(char(0xf5));
        return;
    case Kind::Integer: {
        qint64 n = 0;
        std::from_chars(bytes(node), bytes(node) + node.size, n);
        if (n >= 0)
            appendHead(out, 0, quint64(n));
        else
            appendHead(out, 1, quint64(-1 - n));
        return;
    }
    case Kind::Double: {
        const double d = number(node);
        // QCborValue::fromJsonValue makes a whole double that fits in 64 bits an integer
        // (1.0, -0.0, 1e2 are written as integers).
        if (d == std::floor(d) && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
            const auto n = qint64(d);
            if (n >= 0)
                appendHead(out, 0, quint64(n));
            else
                appendHead(out, 1, quint64(-1 - n));
            return;
        }
        out.push_back(char(0xfb));
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        char be[8];
        qToBigEndian(bits, be);
        out.append(be, 8);
        return;
    }
    case Kind::String: {
        if (!node.escaped) {
            appendHead(out, 3, node.size);
            out.append(bytes(node), node.size);
        } else {
            const QByteArray utf8 = string(node).toUtf8();
            appendHead(out, 3, quint64(utf8.size()));
            out.append(utf8.constData(), size_t(utf8.size()));
        }
        return;
    }
    case Kind::Array: {
        appendHead(out, 4, node.count);
        for (quint32 m = 0; m < node.count; ++m)
            appendCbor(m_members[node.members + m].node, out);
        return;
    }
    case Kind::Object: {
        appendHead(out, 5, node.count);
        // QJsonObject keeps its keys sorted; the keys here are plain ASCII (see read()),
        // so byte order is Qt's order.
        QVarLengthArray<const Member *, 32> sorted;
        for (quint32 m = 0; m < node.count; ++m)
            sorted.append(&m_members[node.members + m]);
        std::sort(sorted.begin(), sorted.end(), [this](const Member *a, const Member *b) {
            const quint32 x = keySize(*a);
            const quint32 y = keySize(*b);
            const int c = std::memcmp(keyBytes(*a), keyBytes(*b), std::min(x, y));
            return c != 0 ? c < 0 : x < y;
        });
        for (const Member *member : sorted) {
            // A key is plain ASCII without escapes (see read()): its bytes are its text.
            appendHead(out, 3, keySize(*member));
            out.append(keyBytes(*member), keySize(*member));
            appendCbor(member->node, out);
        }
        return;
    }
    }
}

QJsonValue::Type TapeValue::type() const
{
    if (m_index < 0)
        return QJsonValue::Undefined;
    switch (m_tape->node(m_index).kind) {
    case JsonTape::Kind::Null:
        return QJsonValue::Null;
    case JsonTape::Kind::False:
    case JsonTape::Kind::True:
        return QJsonValue::Bool;
    case JsonTape::Kind::Integer:
    case JsonTape::Kind::Double:
        return QJsonValue::Double;
    case JsonTape::Kind::String:
        return QJsonValue::String;
    case JsonTape::Kind::Object:
        return QJsonValue::Object;
    case JsonTape::Kind::Array:
        return QJsonValue::Array;
    }
    return QJsonValue::Undefined;
}

QString TapeValue::toString() const
{
    return isString() ? m_tape->string(m_tape->node(m_index)) : QString();
}

bool TapeValue::fitsAsIs(qsizetype maxLength) const
{
    if (!isString())
        return false;
    const JsonTape::Node &node = m_tape->node(m_index);
    if (node.escaped || node.size == 0)
        return false;
    // The document is valid UTF-8 (checked before it is read): decode the first and the
    // last code point.
    const auto *const begin = reinterpret_cast<const uchar *>(m_tape->bytes(node));
    const auto *const end = begin + node.size;
    const auto decode = [](const uchar *p) {
        const uchar lead = *p;
        if (lead < 0x80)
            return char32_t(lead);
        const int extra = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
        char32_t code = lead & (0x3f >> extra);
        for (int k = 1; k <= extra; ++k)
            code = (code << 6) | (p[k] & 0x3f);
        return code;
    };
    const uchar *last = end - 1;
    while (last > begin && (*last & 0xc0) == 0x80)
        --last;
    if (QChar::isSpace(decode(begin)) || QChar::isSpace(decode(last)))
        return false;
    // UTF-16 never needs more code units than UTF-8 needs bytes.
    if (qsizetype(node.size) <= maxLength)
        return true;
    qsizetype units = 0;
    for (const uchar *p = begin; p < end; ++p)
        units += ((*p & 0xc0) != 0x80) + (*p >= 0xf0);
    return units <= maxLength;
}

double TapeValue::toDouble() const
{
    return isDouble() ? m_tape->number(m_tape->node(m_index)) : 0;
}

int TapeValue::toInt() const
{
    if (!isDouble())
        return 0;
    const double d = toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(std::numeric_limits<int>::min())
        || d > double(std::numeric_limits<int>::max()))
        return 0;
    return int(d);
}

bool TapeValue::toBool() const
{
    return m_index >= 0 && m_tape->node(m_index).kind == JsonTape::Kind::True;
}

TapeObject TapeValue::toObject() const
{
    return isObject() ? TapeObject(m_tape, m_index) : TapeObject();
}

TapeArray TapeValue::toArray() const
{
    return isArray() ? TapeArray(m_tape, m_index) : TapeArray();
}

qsizetype TapeObject::size() const
{
    return m_index < 0 ? 0 : qsizetype(m_tape->node(m_index).count);
}

TapeValue TapeObject::value(QLatin1String key) const
{
    if (m_index < 0)
        return {};
    const JsonTape::Node &object = m_tape->node(m_index);
    const qsizetype count = object.count;
    if (count == 0)
        return {};
    const JsonTape::Member *members = m_tape->members(object);
    const quint64 tag = keyTag(key.data(), key.size());
    if (m_hint < 0 || m_hint >= count)
        m_hint = 0;
    // From the hint round to it: keys are mostly read in the order they are written.
    for (qsizetype n = 0, m = m_hint; n < count; ++n, m = m + 1 == count ? 0 : m + 1) {
        if (members[m].tag != tag)
            continue;
        if (key.size() <= 7
            || std::memcmp(m_tape->keyBytes(members[m]), key.data(), size_t(key.size())) == 0) {
            m_hint = m + 1;
            return TapeValue(m_tape, members[m].node);
        }
    }
    return {};
}

QStringList TapeObject::keys() const
{
    QStringList list;
    if (m_index < 0)
        return list;
    const JsonTape::Node &object = m_tape->node(m_index);
    for (quint32 m = 0; m < object.count; ++m) {
        const JsonTape::Member &member = m_tape->members(object)[m];
        list << QString::fromLatin1(m_tape->keyBytes(member), JsonTape::keySize(member));
    }
    list.sort();
    return list;
}

bool TapeObject::hasOnlyKeys(std::initializer_list<const char *> known) const
{
    if (m_index < 0)
        return true;
    QVarLengthArray<quint64, 32> tags;
    for (const char *k : known)
        tags.append(keyTag(k, qsizetype(std::strlen(k))));
    const JsonTape::Node &object = m_tape->node(m_index);
    const JsonTape::Member *members = m_tape->members(object);
    for (quint32 m = 0; m < object.count; ++m) {
        const quint32 size = JsonTape::keySize(members[m]);
        bool found = false;
        for (qsizetype i = 0; i < tags.size() && !found; ++i) {
            found = tags[i] == members[m].tag
                && (size <= 7
                    || std::memcmp(m_tape->keyBytes(members[m]), known.begin()[i], size) == 0);
        }
        if (!found)
            return false;
    }
    return true;
}

PublishedJson TapeObject::published() const
{
    if (m_index < 0)
        return {};
    const JsonTape::Node &node = m_tape->node(m_index);
    return PublishedJson(m_tape->document(), node.begin, node.size);
}

qsizetype TapeArray::size() const
{
    return m_index < 0 ? 0 : qsizetype(m_tape->node(m_index).count);
}

TapeValue TapeArray::at(qsizetype i) const
{
    if (i < 0 || i >= size())
        return {};
    return TapeValue(m_tape, m_tape->members(m_tape->node(m_index))[i].node);
}

} // namespace Tongban::Catalog::Internal
