// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/RecordsFileParser.h"

#include "dns/Resolver.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

#include <optional>

namespace authlens::dns {

namespace {

struct Token
{
    QByteArray text; // escapes resolved
    bool quoted = false;
    bool escaped = false; // held at least one backslash escape
};

// One resource record's worth of tokens, possibly gathered from several physical lines by ( ).
struct Entry
{
    int line = 0;
    bool blankOwner = false; // the line began with white space: the owner is the previous one
    std::vector<Token> tokens;
};

struct ParseError
{
    int line = 0;
    QString message;
};

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// RFC 1035 5.1: \X is X itself, \DDD is the octet with that decimal value.
std::optional<QString> readEscape(QByteArrayView line, qsizetype& i, QByteArray& out)
{
    ++i; // the backslash
    if (i >= line.size())
        return QStringLiteral("backslash at the end of the line");
    if (line[i] >= '0' && line[i] <= '9') {
        if (i + 2 >= line.size() || line[i + 1] < '0' || line[i + 1] > '9' || line[i + 2] < '0' ||
            line[i + 2] > '9')
            return QStringLiteral("\\DDD escape needs three decimal digits");
        const int value = (line[i] - '0') * 100 + (line[i + 1] - '0') * 10 + (line[i + 2] - '0');
        if (value > 255)
            return QStringLiteral("\\DDD escape above 255");
        out.append(static_cast<char>(value));
        i += 3;
        return std::nullopt;
    }
    out.append(line[i]);
    ++i;
    return std::nullopt;
}

// Splits one physical line into tokens, tracking ( ) depth across lines; stops at a ";" comment.
std::optional<QString> tokenizeLine(QByteArrayView line, int& depth, std::vector<Token>& tokens)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (isBlank(c)) {
            ++i;
        } else if (c == ';') {
            break;
        } else if (c == '(') {
            ++depth;
            ++i;
        } else if (c == ')') {
            if (depth == 0)
                return QStringLiteral("\")\" without \"(\"");
            --depth;
            ++i;
        } else if (c == '"') {
            Token token;
            token.quoted = true;
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (line[i] == '\\') {
                    token.escaped = true;
                    if (auto error = readEscape(line, i, token.text))
                        return error;
                    continue;
                }
                token.text.append(line[i]);
                ++i;
            }
            if (!closed)
                return QStringLiteral("quoted string not closed on its line");
            tokens.push_back(std::move(token));
        } else {
            Token token;
            while (i < line.size() && !isBlank(line[i]) && line[i] != ';' && line[i] != '(' &&
                   line[i] != ')' && line[i] != '"') {
                if (line[i] == '\\') {
                    token.escaped = true;
                    if (auto error = readEscape(line, i, token.text))
                        return error;
                    continue;
                }
                token.text.append(line[i]);
                ++i;
            }
            tokens.push_back(std::move(token));
        }
    }
    return std::nullopt;
}

QString quotedForMessage(const QByteArray& text)
{
    QString shown = QString::fromUtf8(text.left(60));
    if (text.size() > 60)
        shown += QStringLiteral("...");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

std::optional<std::uint32_t> parseNumber(const QByteArray& text, std::uint64_t max)
{
    if (text.isEmpty() || text.size() > 10)
        return std::nullopt;
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + std::uint64_t(c - '0');
    }
    if (value > max)
        return std::nullopt;
    return std::uint32_t(value);
}

// "3600", or BIND's "1h30m" (s, m, h, d, w). RFC 2181 8: at most 2^31 - 1.
std::optional<std::uint32_t> parseTtl(const Token& token)
{
    if (token.quoted || token.escaped || token.text.isEmpty())
        return std::nullopt;
    constexpr std::uint64_t maxTtl = 0x7fffffff;
    if (const auto plain = parseNumber(token.text, maxTtl))
        return plain;
    if (token.text[0] < '0' || token.text[0] > '9')
        return std::nullopt;
    std::uint64_t total = 0;
    std::uint64_t current = 0;
    bool digits = false;
    for (char c : token.text) {
        if (c >= '0' && c <= '9') {
            current = current * 10 + std::uint64_t(c - '0');
            digits = true;
            if (current > maxTtl)
                return std::nullopt;
            continue;
        }
        std::uint64_t unit = 0;
        switch (c | 0x20) {
        case 's':
            unit = 1;
            break;
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        case 'w':
            unit = 604800;
            break;
        default:
            return std::nullopt;
        }
        if (!digits)
            return std::nullopt;
        total += current * unit;
        if (total > maxTtl)
            return std::nullopt;
        current = 0;
        digits = false;
    }
    if (digits)
        return std::nullopt; // "1h30": a number without unit after units is ambiguous
    return std::uint32_t(total);
}

bool isClass(const QByteArray& upper)
{
    return upper == "IN" || upper == "CH" || upper == "HS" || upper == "CS" || upper.startsWith("CLASS");
}

bool isSkippedType(const QByteArray& upper)
{
    static const QSet<QByteArray> skipped = {
        "SOA", "NS",      "SRV",        "CAA",        "DS",    "DNSKEY", "RRSIG", "NSEC",   "NSEC3",
        "SPF", "TLSA",    "SSHFP",      "NSEC3PARAM", "HINFO", "NAPTR",  "DNAME", "SVCB",   "HTTPS",
        "CDS", "CDNSKEY", "OPENPGPKEY", "SMIMEA",     "LOC",   "RP",     "URI",   "ZONEMD", "CSYNC",
    };
    static const QRegularExpression generic(QStringLiteral("^TYPE[0-9]+$"));
    return skipped.contains(upper) || generic.match(QString::fromLatin1(upper)).hasMatch();
}

class Parser
{
public:
    explicit Parser(const QString& fileName)
        : m_fileName(fileName)
    {
        m_zone->setSource(QStringLiteral("records file ") + fileName);
    }

    RecordsFileParser::Result run(QByteArrayView text)
    {
        RecordsFileParser::Result result;
        if (auto error = parseAll(text, result.warnings)) {
            result.errorLine = error->line;
            result.error = QStringLiteral("%1:%2: %3").arg(m_fileName).arg(error->line).arg(error->message);
            result.warnings.clear();
            return result;
        }
        result.zone = std::move(m_zone);
        return result;
    }

private:
    std::optional<ParseError> parseAll(QByteArrayView text, QStringList& warnings)
    {
        static const QRegularExpression tempFail(QStringLiteral("^\\s*;\\s*TEMPFAIL\\s+(\\S+)\\s*$"));
        Entry entry;
        int depth = 0;
        int lineNumber = 0;
        qsizetype pos = 0;
        while (pos < text.size()) {
            qsizetype end = text.indexOf('\n', pos);
            if (end < 0)
                end = text.size();
            const QByteArrayView line = text.sliced(pos, end - pos);
            pos = end + 1;
            ++lineNumber;
            if (line.contains('\0'))
                return ParseError{lineNumber, QStringLiteral("NUL byte in the line")};

            if (depth == 0 && line.contains("TEMPFAIL")) {
                const auto directive = tempFail.match(QString::fromUtf8(line));
                if (directive.hasMatch()) {
                    const QByteArray name = directive.captured(1).toUtf8();
                    const auto absolute = ownerName(Token{name, false, false});
                    if (!absolute)
                        return ParseError{lineNumber, QStringLiteral("TEMPFAIL: ") + m_nameError};
                    m_zone->addTempFail(*absolute);
                    continue;
                }
            }
            if (depth == 0) {
                entry = Entry{};
                entry.line = lineNumber;
                entry.blankOwner = !line.isEmpty() && isBlank(line[0]);
            }
            if (auto error = tokenizeLine(line, depth, entry.tokens))
                return ParseError{lineNumber, *error};
            if (depth > 0)
                continue;
            if (entry.tokens.empty())
                continue;
            if (auto error = parseEntry(entry, warnings))
                return error;
        }
        if (depth > 0)
            return ParseError{entry.line, QStringLiteral("\"(\" not closed before the end of the file")};
        return std::nullopt;
    }

    // An owner or target name as written: absolute with a final dot, "@" for the origin, else relative
    // to $ORIGIN (or taken as absolute when there is none). Returns lowercase-insensitive text without dot.
    std::optional<QByteArray> ownerName(const Token& token)
    {
        if (token.quoted || token.escaped) {
            m_nameError = QStringLiteral("escaped or quoted characters in names are not supported: %1")
                              .arg(quotedForMessage(token.text));
            return std::nullopt;
        }
        QByteArray name = token.text;
        if (name == "@") {
            if (m_origin.isEmpty()) {
                m_nameError = QStringLiteral("\"@\" used without $ORIGIN");
                return std::nullopt;
            }
            return m_origin;
        }
        if (name.endsWith('.'))
            name.chop(1);
        else if (!m_origin.isEmpty())
            name += '.' + m_origin;
        if (const QString error = Resolver::nameError(name); !error.isEmpty()) {
            m_nameError = error + QStringLiteral(": ") + quotedForMessage(token.text);
            return std::nullopt;
        }
        return name;
    }

    std::optional<ParseError> parseDirective(const Entry& entry)
    {
        const QByteArray keyword = entry.tokens[0].text.toUpper();
        if (keyword == "$TTL") {
            if (entry.tokens.size() != 2)
                return ParseError{entry.line, QStringLiteral("$TTL needs one value")};
            const auto ttl = parseTtl(entry.tokens[1]);
            if (!ttl)
                return ParseError{entry.line,
                                  QStringLiteral("bad TTL %1").arg(quotedForMessage(entry.tokens[1].text))};
            m_dollarTtl = *ttl;
            return std::nullopt;
        }
        if (keyword == "$ORIGIN") {
            if (entry.tokens.size() != 2)
                return ParseError{entry.line, QStringLiteral("$ORIGIN needs one name")};
            if (entry.tokens[1].text == ".") {
                m_origin.clear();
                return std::nullopt;
            }
            const auto origin = ownerName(entry.tokens[1]);
            if (!origin)
                return ParseError{entry.line, m_nameError};
            m_origin = *origin;
            return std::nullopt;
        }
        return ParseError{
            entry.line,
            QStringLiteral("unsupported directive %1").arg(quotedForMessage(entry.tokens[0].text))};
    }

    std::optional<ParseError> parseEntry(const Entry& entry, QStringList& warnings)
    {
        const auto error = [&](const QString& message) { return ParseError{entry.line, message}; };
        const std::vector<Token>& tokens = entry.tokens;
        if (!entry.blankOwner && !tokens[0].quoted && tokens[0].text.startsWith('$'))
            return parseDirective(entry);

        std::size_t next = 0;
        QByteArray owner;
        if (entry.blankOwner) {
            if (m_previousOwner.isEmpty())
                return error(QStringLiteral("no owner name and no previous record to take it from"));
            owner = m_previousOwner;
        } else {
            const auto name = ownerName(tokens[next++]);
            if (!name)
                return error(m_nameError);
            owner = *name;
        }

        std::optional<std::uint32_t> ttl;
        bool classSeen = false;
        while (next < tokens.size()) {
            const Token& token = tokens[next];
            const QByteArray upper = token.text.toUpper();
            if (!ttl && !token.quoted) {
                if (const auto value = parseTtl(token)) {
                    ttl = value;
                    ++next;
                    continue;
                }
            }
            if (!classSeen && !token.quoted && isClass(upper)) {
                if (upper != "IN")
                    return error(QStringLiteral("class %1 is not supported, only IN")
                                     .arg(QString::fromLatin1(token.text)));
                classSeen = true;
                ++next;
                continue;
            }
            break;
        }
        if (next >= tokens.size())
            return error(QStringLiteral("record type missing"));
        const Token& typeToken = tokens[next++];
        const QByteArray typeName = typeToken.text.toUpper();
        m_previousOwner = owner;
        // RFC 2308 4: $TTL for records without one; before any $TTL, RFC 1035 5.1's "the last TTL given".
        const std::uint32_t recordTtl =
            ttl ? *ttl : (m_dollarTtl ? *m_dollarTtl : (m_previousTtl ? *m_previousTtl : fallbackTtl));
        if (ttl)
            m_previousTtl = ttl;

        const auto type = typeToken.quoted ? std::nullopt : recordTypeFromName(typeName);
        if (!type) {
            if (!typeToken.quoted && isSkippedType(typeName)) {
                warnings.append(QStringLiteral("%1:%2: %3 record ignored (not used by Authlens)")
                                    .arg(m_fileName)
                                    .arg(entry.line)
                                    .arg(QString::fromLatin1(typeName)));
                return std::nullopt;
            }
            return error(QStringLiteral("unknown record type %1").arg(quotedForMessage(typeToken.text)));
        }

        const std::vector<Token> rdata(tokens.begin() + qsizetype(next), tokens.end());
        DnsRecord record;
        record.type = *type;
        record.ttl = recordTtl;
        if (auto message = parseRdata(record, rdata))
            return error(recordTypeName(*type) + QStringLiteral(": ") + *message);

        // RFC 1034 3.6.2 / RFC 2181 10.1: a CNAME owner holds no other data, and one CNAME only.
        for (const DnsRecord& existing : m_zone->recordsAt(owner)) {
            if (existing.type == RecordType::CNAME && record.type == RecordType::CNAME)
                return error(
                    QStringLiteral("%1 has a second CNAME (RFC 2181 10.1)").arg(QString::fromLatin1(owner)));
            if (existing.type == RecordType::CNAME || record.type == RecordType::CNAME)
                return error(QStringLiteral("%1 holds a CNAME and other data (RFC 1034 3.6.2)")
                                 .arg(QString::fromLatin1(owner)));
        }
        m_zone->add(owner, record);
        return std::nullopt;
    }

    std::optional<QString> parseRdata(DnsRecord& record, const std::vector<Token>& rdata)
    {
        const auto count = [&](std::size_t expected) -> std::optional<QString> {
            if (rdata.size() != expected)
                return QStringLiteral("expected %1 value(s), found %2").arg(expected).arg(rdata.size());
            return std::nullopt;
        };
        switch (record.type) {
        case RecordType::TXT: {
            if (rdata.empty())
                return QStringLiteral("no character-string");
            qsizetype total = 0;
            for (const Token& token : rdata) {
                // RFC 1035 3.3: a <character-string> is at most 255 octets.
                if (token.text.size() > 255)
                    return QStringLiteral(
                               "character-string of %1 octets, more than 255; split it into several "
                               "quoted strings")
                        .arg(token.text.size());
                total += token.text.size() + 1;
                record.strings.append(token.text);
            }
            if (total > 65535)
                return QStringLiteral("record longer than 65535 octets");
            return std::nullopt;
        }
        case RecordType::A: {
            if (auto error = count(1))
                return error;
            static const QRegularExpression dotted(QStringLiteral("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$"));
            const QString text = QString::fromLatin1(rdata[0].text);
            QHostAddress address;
            if (rdata[0].quoted || !dotted.match(text).hasMatch() || !address.setAddress(text) ||
                address.protocol() != QAbstractSocket::IPv4Protocol)
                return QStringLiteral("bad IPv4 address %1").arg(quotedForMessage(rdata[0].text));
            record.address = address;
            return std::nullopt;
        }
        case RecordType::AAAA: {
            if (auto error = count(1))
                return error;
            const QString text = QString::fromLatin1(rdata[0].text);
            QHostAddress address;
            if (rdata[0].quoted || !text.contains(QLatin1Char(':')) || text.contains(QLatin1Char('%')) ||
                !address.setAddress(text) || address.protocol() != QAbstractSocket::IPv6Protocol)
                return QStringLiteral("bad IPv6 address %1").arg(quotedForMessage(rdata[0].text));
            record.address = address;
            return std::nullopt;
        }
        case RecordType::MX: {
            if (auto error = count(2))
                return error;
            const auto preference = rdata[0].quoted ? std::nullopt : parseNumber(rdata[0].text, 65535);
            if (!preference)
                return QStringLiteral("bad preference %1").arg(quotedForMessage(rdata[0].text));
            record.preference = std::uint16_t(*preference);
            if (rdata[1].text == "." && !rdata[1].quoted) { // RFC 7505 null MX
                record.target.clear();
                return std::nullopt;
            }
            const auto target = ownerName(rdata[1]);
            if (!target)
                return m_nameError;
            record.target = *target;
            return std::nullopt;
        }
        case RecordType::CNAME:
        case RecordType::PTR: {
            if (auto error = count(1))
                return error;
            const auto target = ownerName(rdata[0]);
            if (!target)
                return m_nameError;
            record.target = *target;
            return std::nullopt;
        }
        }
        return QStringLiteral("unsupported type");
    }

    QString m_fileName;
    std::shared_ptr<Zone> m_zone = std::make_shared<Zone>();
    QByteArray m_origin;
    QByteArray m_previousOwner;
    std::optional<std::uint32_t> m_previousTtl;
    std::optional<std::uint32_t> m_dollarTtl;
    static constexpr std::uint32_t fallbackTtl = 300; // no TTL anywhere yet: be lenient
    QString m_nameError;
};

} // namespace

RecordsFileParser::Result RecordsFileParser::parse(QByteArrayView text, const QString& fileName)
{
    return Parser(fileName).run(text);
}

RecordsFileParser::Result RecordsFileParser::parseFile(const QString& path)
{
    Result result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > maxFileBytes) {
        result.error =
            QStringLiteral("%1: larger than %2 MiB, refused").arg(path).arg(maxFileBytes / (1024 * 1024));
        return result;
    }
    const QByteArray text = file.read(maxFileBytes + 1);
    if (text.size() > maxFileBytes) {
        result.error =
            QStringLiteral("%1: larger than %2 MiB, refused").arg(path).arg(maxFileBytes / (1024 * 1024));
        return result;
    }
    return parse(text, path);
}

} // namespace authlens::dns
