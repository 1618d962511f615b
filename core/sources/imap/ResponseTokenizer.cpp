// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ResponseTokenizer.h"

#include <algorithm>
#include <limits>

namespace authlens::sources::imap {

namespace {

// Shows up to 24 bytes at `at` in a form safe for a log line: printable ASCII as is, the rest as \xNN.
QString excerpt(QByteArrayView bytes, qsizetype at)
{
    QString out;
    const qsizetype end = std::min(bytes.size(), at + 24);
    for (qsizetype i = std::max<qsizetype>(at, 0); i < end; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c >= 0x20 && c < 0x7f && c != '\\')
            out += QChar(c);
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    if (end < bytes.size())
        out += QStringLiteral("...");
    return out.isEmpty() ? QStringLiteral("end of response") : QLatin1Char('"') + out + QLatin1Char('"');
}

bool isCtl(unsigned char c)
{
    return c < 0x20 || c == 0x7f;
}

// RFC 3501 9: ATOM-CHAR is any CHAR except atom-specials. We are lenient towards what servers really
// send: '\' (flags), '*' and '%' (list wildcards) and ']' are accepted inside atoms, and a '[' opens a
// section spec ("BODY[HEADER.FIELDS (FROM)]") that runs to its matching ']'.
bool isAtomChar(unsigned char c)
{
    return !isCtl(c) && c < 0x80 && c != ' ' && c != '(' && c != ')' && c != '{' && c != '"';
}

bool isTagChar(unsigned char c)
{
    return isAtomChar(c) && c != '+' && c != '*' && c != '%' && c != '\\';
}

std::optional<quint64> parseNumber(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 19)
        return std::nullopt;
    quint64 value = 0;
    for (char ch : digits) {
        if (ch < '0' || ch > '9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(ch - '0');
    }
    return value;
}

// Reads tokens across the line segments of one framed response; a literal sits at the end of the
// segment whose line announced it.
class Reader
{
public:
    Reader(const std::vector<ResponseParser::Segment>& segments, int maxDepth)
        : m_segments(segments)
        , m_maxDepth(maxDepth)
    {}

    std::optional<ResponseParser::Error> error;

    bool atEnd() const { return m_seg + 1 >= m_segments.size() && m_pos >= line().size(); }
    bool atLineEnd() const { return m_pos >= line().size(); }
    char peek() const { return atLineEnd() ? '\0' : line()[m_pos]; }
    qint64 offset() const { return m_segments[m_seg].offset + m_pos; }
    const QByteArray& line() const { return m_segments[m_seg].line; }
    qsizetype position() const { return m_pos; }
    // Moves to `pos` on the current line (only forward).
    void skipTo(qsizetype pos) { m_pos = std::clamp(pos, m_pos, line().size()); }

    bool fail(const QString& what)
    {
        if (!error)
            error = ResponseParser::Error{offset(), what + QStringLiteral(" at ") + excerpt(line(), m_pos)};
        return false;
    }

    bool expect(char c)
    {
        if (peek() != c)
            return fail(QStringLiteral("expected '%1'").arg(QLatin1Char(c)));
        ++m_pos;
        return true;
    }

    // Spaces between tokens: exactly one is the grammar, more are tolerated.
    bool skipSpaces()
    {
        bool any = false;
        while (peek() == ' ') {
            ++m_pos;
            any = true;
        }
        return any;
    }

    QByteArray restOfLine()
    {
        QByteArray rest = line().mid(m_pos);
        m_pos = line().size();
        return rest;
    }

    std::optional<QByteArray> atom()
    {
        const qsizetype start = m_pos;
        int depth = 0;
        while (!atLineEnd()) {
            const auto c = static_cast<unsigned char>(line()[m_pos]);
            if (c == '[') {
                ++depth;
            } else if (c == ']' && depth > 0) {
                --depth;
            } else if (depth == 0 && !isAtomChar(c)) {
                break;
            } else if (depth > 0 && (isCtl(c) || c >= 0x80)) {
                break;
            }
            ++m_pos;
        }
        if (depth != 0) {
            fail(QStringLiteral("unterminated '[' in atom"));
            return std::nullopt;
        }
        if (m_pos == start) {
            fail(QStringLiteral("expected an atom"));
            return std::nullopt;
        }
        return line().mid(start, m_pos - start);
    }

    std::optional<Value> value(int depth = 0)
    {
        Value v;
        v.streamOffset = offset();
        const char c = peek();
        if (atLineEnd()) {
            fail(QStringLiteral("expected a value"));
            return std::nullopt;
        }
        if (c == '"')
            return quoted(v);
        if (c == '{' || (c == '~' && m_pos + 1 < line().size() && line()[m_pos + 1] == '{'))
            return literal(v);
        if (c == '(') {
            if (depth >= m_maxDepth) {
                fail(QStringLiteral("lists nested deeper than %1").arg(m_maxDepth));
                return std::nullopt;
            }
            ++m_pos;
            v.kind = Value::Kind::List;
            skipSpaces();
            while (peek() != ')') {
                if (atLineEnd()) {
                    fail(QStringLiteral("unterminated list"));
                    return std::nullopt;
                }
                auto item = value(depth + 1);
                if (!item)
                    return std::nullopt;
                v.items.push_back(std::move(*item));
                if (!skipSpaces() && peek() != ')' && !atLineEnd()) {
                    fail(QStringLiteral("expected a space or ')' after a list item"));
                    return std::nullopt;
                }
            }
            ++m_pos;
            return v;
        }
        auto text = atom();
        if (!text)
            return std::nullopt;
        if (text->compare("NIL", Qt::CaseInsensitive) == 0) {
            v.kind = Value::Kind::Nil;
        } else {
            v.kind = Value::Kind::Atom;
            v.text = *text;
        }
        return v;
    }

    // Values up to the end of the response.
    std::optional<std::vector<Value>> values()
    {
        std::vector<Value> out;
        skipSpaces();
        while (!atEnd()) {
            auto v = value();
            if (!v)
                return std::nullopt;
            out.push_back(std::move(*v));
            if (!skipSpaces() && !atEnd()) {
                fail(QStringLiteral("expected a space between values"));
                return std::nullopt;
            }
        }
        return out;
    }

private:
    std::optional<Value> quoted(Value& v)
    {
        const qsizetype start = m_pos;
        ++m_pos; // opening quote
        v.kind = Value::Kind::String;
        const QByteArray& l = line();
        while (m_pos < l.size()) {
            const char ch = l[m_pos++];
            if (ch == '"')
                return v;
            if (ch == '\0') {
                --m_pos;
                fail(QStringLiteral("NUL byte in a quoted string"));
                return std::nullopt;
            }
            if (ch == '\\') {
                // RFC 3501 9: quoted-specials are '"' and '\'; any other escaped byte is kept as is.
                if (m_pos >= l.size())
                    break;
                v.text += l[m_pos++];
                continue;
            }
            v.text += ch;
        }
        m_pos = start;
        fail(QStringLiteral("unterminated quoted string"));
        return std::nullopt;
    }

    std::optional<Value> literal(Value& v)
    {
        // The framer already checked "{digits}" or "~{digits}" ends this line; the bytes are in the
        // segment. RFC 3516 literal8 (~{n}) is accepted as a plain literal.
        const auto& seg = m_segments[m_seg];
        if (seg.literalSize < 0 || line().indexOf('}', m_pos) != line().size() - 1) {
            fail(QStringLiteral("'{' that is not a literal at the end of a line"));
            return std::nullopt;
        }
        v.kind = Value::Kind::String;
        v.fromLiteral = true;
        v.text = seg.literal;
        v.streamOffset = seg.literalOffset;
        ++m_seg;
        m_pos = 0;
        return v;
    }

    const std::vector<ResponseParser::Segment>& m_segments;
    std::size_t m_seg = 0;
    qsizetype m_pos = 0;
    int m_maxDepth;
};

std::optional<Response::Status> statusFromWord(QByteArrayView word)
{
    static const std::pair<const char*, Response::Status> words[] = {
        {"OK", Response::Status::Ok},   {"NO", Response::Status::No},
        {"BAD", Response::Status::Bad}, {"PREAUTH", Response::Status::PreAuth},
        {"BYE", Response::Status::Bye},
    };
    for (const auto& [text, status] : words) {
        if (word.compare(QByteArrayView(text), Qt::CaseInsensitive) == 0)
            return status;
    }
    return std::nullopt;
}

// RFC 3501 7.1: resp-text = ["[" resp-text-code "]" SP] text
bool readResponseText(Reader& r, Response& response)
{
    r.skipSpaces();
    if (r.peek() == '[') {
        const QByteArray& line = r.line();
        const qsizetype close = line.indexOf(']', r.position());
        if (close < 0)
            return r.fail(QStringLiteral("unterminated response code"));
        QByteArray inside = line.mid(r.position() + 1, close - r.position() - 1);
        const qsizetype space = inside.indexOf(' ');
        response.code = (space < 0 ? inside : inside.left(space)).toUpper();
        response.codeArguments = space < 0 ? QByteArray() : inside.mid(space + 1);
        if (response.code.isEmpty())
            return r.fail(QStringLiteral("empty response code"));
        for (char c : std::as_const(response.code)) {
            if (!isAtomChar(static_cast<unsigned char>(c)))
                return r.fail(QStringLiteral("invalid response code"));
        }
        r.skipTo(close + 1);
        r.skipSpaces();
    }
    response.text = r.restOfLine();
    if (!r.atEnd())
        return r.fail(QStringLiteral("a literal in the text of a status response"));
    return true;
}

std::optional<quint32> toUint32(const Value& v)
{
    const auto n = v.toNumber();
    if (!n || *n > std::numeric_limits<quint32>::max())
        return std::nullopt;
    return static_cast<quint32>(*n);
}

// RFC 3501 7.4.2: msg-att is a list of name / value pairs.
std::optional<ResponseParser::Error> interpretFetch(Response& response)
{
    auto errorAt = [](const Value& v, const QString& message) {
        return ResponseParser::Error{v.streamOffset, message};
    };
    if (response.data.size() != 1 || response.data[0].kind != Value::Kind::List)
        return ResponseParser::Error{response.streamOffset,
                                     QStringLiteral("FETCH data is not one parenthesized list")};
    const auto& items = response.data[0].items;
    if (items.size() % 2 != 0)
        return errorAt(items.empty() ? response.data[0] : items.back(),
                       QStringLiteral("FETCH data item without a value"));
    FetchData fetch;
    fetch.sequenceNumber = response.number.value_or(0);
    for (std::size_t i = 0; i < items.size(); i += 2) {
        const Value& name = items[i];
        const Value& value = items[i + 1];
        if (name.kind != Value::Kind::Atom)
            return errorAt(name, QStringLiteral("FETCH data item name is not an atom"));
        const QByteArray upper = name.text.toUpper();
        if (upper == "UID") {
            const auto uid = toUint32(value);
            if (!uid || *uid == 0)
                return errorAt(value, QStringLiteral("UID is not a number between 1 and 4294967295"));
            fetch.uid = uid;
        } else if (upper == "BODY[]" || upper == "BINARY[]" || upper == "RFC822") {
            if (value.kind == Value::Kind::Nil)
                fetch.body = QByteArray();
            else if (value.kind == Value::Kind::String)
                fetch.body = value.text;
            else
                return errorAt(value, QStringLiteral("%1 is not a string").arg(QString::fromLatin1(upper)));
        } else if (upper == "INTERNALDATE") {
            if (value.kind != Value::Kind::String)
                return errorAt(value, QStringLiteral("INTERNALDATE is not a string"));
            fetch.internalDate = value.text;
        } else if (upper == "RFC822.SIZE") {
            const auto size = value.toNumber();
            if (!size)
                return errorAt(value, QStringLiteral("RFC822.SIZE is not a number"));
            fetch.rfc822Size = size;
        } else if (upper == "FLAGS") {
            if (value.kind != Value::Kind::List)
                return errorAt(value, QStringLiteral("FLAGS is not a list"));
            QList<QByteArray> flags;
            for (const Value& flag : value.items)
                flags.append(flag.text);
            fetch.flags = flags;
        }
    }
    response.fetch = std::move(fetch);
    return std::nullopt;
}

// Untagged data whose arguments we check strictly; other names keep their text raw.
bool isKnownData(const QByteArray& name)
{
    static const char* const known[] = {"CAPABILITY", "LIST",   "LSUB",    "FLAGS", "SEARCH",  "STATUS",
                                        "EXISTS",     "RECENT", "EXPUNGE", "FETCH", "ENABLED", "ESEARCH"};
    for (const char* k : known) {
        if (name == k)
            return true;
    }
    return false;
}

} // namespace

std::optional<ResponseParser::Error>
ResponseTokenizer::interpret(const std::vector<ResponseParser::Segment>& segments, int maxDepth,
                             Response& response)
{
    Reader r(segments, maxDepth);
    response.streamOffset = segments.front().offset;
    const char first = r.peek();
    if (first == '+') {
        // RFC 3501 7.5: continue-req = "+" SP (resp-text / base64)
        response.kind = Response::Kind::Continuation;
        r.expect('+');
        r.skipSpaces();
        response.text = r.restOfLine();
        if (!r.atEnd())
            r.fail(QStringLiteral("a literal in a continuation request"));
        return r.error;
    }
    if (first == '*') {
        response.kind = Response::Kind::Untagged;
        r.expect('*');
        if (!r.expect(' '))
            return r.error;
        auto word = r.atom();
        if (!word)
            return r.error;
        if (const auto number = parseNumber(*word)) {
            // RFC 3501 7.3, 7.4: message-data and EXISTS / RECENT
            if (*number > std::numeric_limits<quint32>::max()) {
                r.fail(QStringLiteral("number larger than 4294967295"));
                return r.error;
            }
            response.number = static_cast<quint32>(*number);
            if (!r.expect(' '))
                return r.error;
            word = r.atom();
            if (!word)
                return r.error;
        }
        if (!response.number) {
            if (const auto status = statusFromWord(*word)) {
                response.status = *status;
                readResponseText(r, response);
                return r.error;
            }
        }
        response.name = word->toUpper();
        if (!isKnownData(response.name)) {
            r.skipSpaces();
            response.text = r.restOfLine();
            if (!r.atEnd())
                r.fail(QStringLiteral("a literal in unknown response data"));
            return r.error;
        }
        auto values = r.values();
        if (!values)
            return r.error;
        response.data = std::move(*values);
        if (response.name == "FETCH")
            return interpretFetch(response);
        if (response.name == "SEARCH") {
            for (const Value& v : response.data) {
                if (v.kind == Value::Kind::Atom && !toUint32(v))
                    return ResponseParser::Error{v.streamOffset,
                                                 QStringLiteral("SEARCH result is not a number")};
            }
        }
        return std::nullopt;
    }
    // RFC 3501 9: tag = 1*<any ASTRING-CHAR except "+">
    response.kind = Response::Kind::Tagged;
    const QByteArray& line = r.line();
    qsizetype end = 0;
    while (end < line.size() && isTagChar(static_cast<unsigned char>(line[end])))
        ++end;
    if (end == 0 || end >= line.size() || line[end] != ' ') {
        r.skipTo(end);
        r.fail(end == 0 ? QStringLiteral("not an IMAP response: expected '*', '+' or a tag")
                        : QStringLiteral("invalid tag"));
        return r.error;
    }
    response.tag = line.left(end);
    r.skipTo(end);
    r.expect(' ');
    auto word = r.atom();
    if (!word)
        return r.error;
    const auto status = statusFromWord(*word);
    if (!status || *status == Response::Status::PreAuth || *status == Response::Status::Bye) {
        r.fail(QStringLiteral("tagged response is not OK, NO or BAD"));
        r.error->offset -= word->size();
        return r.error;
    }
    response.status = *status;
    readResponseText(r, response);
    return r.error;
}

std::optional<quint64> ResponseTokenizer::parseNumber(QByteArrayView digits)
{
    return imap::parseNumber(digits);
}

} // namespace authlens::sources::imap
