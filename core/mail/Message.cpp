// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/Message.h"

#include <algorithm>
#include <cstring>

namespace authlens::mail {

namespace {

struct Line
{
    qsizetype start = 0;  // first byte
    qsizetype length = 0; // without the line break
    qsizetype next = 0;   // first byte of the following line
    bool bareLf = false;
    bool terminated = false;
};

Line lineAt(const QByteArray& bytes, qsizetype start)
{
    Line line;
    line.start = start;
    const char* data = bytes.constData();
    const auto* found =
        static_cast<const char*>(std::memchr(data + start, '\n', size_t(bytes.size() - start)));
    if (!found) {
        line.length = bytes.size() - start;
        line.next = bytes.size();
        return line;
    }
    const qsizetype lf = found - data;
    line.terminated = true;
    line.next = lf + 1;
    if (lf > start && data[lf - 1] == '\r') {
        line.length = lf - 1 - start;
    } else {
        line.length = lf - start;
        line.bareLf = true;
    }
    return line;
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// RFC 5322 3.6.8: ftext is printable US-ASCII except colon.
bool isValidFieldName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 33 || u > 126 || c == ':')
            return false;
    }
    return true;
}

// One pass over the body: whether any line ends in a bare LF, and the first line over the length limit.
struct BodyScan
{
    bool bareLf = false;
    qsizetype longLineStart = -1; // offset in the body, -1: none
    qsizetype longLineLength = 0;
    int longLineIndex = 0; // 0-based line of the body
};

BodyScan scanBody(QByteArrayView data, qsizetype maxLineBytes)
{
    BodyScan scan;
    const char* begin = data.data();
    const char* p = begin;
    const char* end = p + data.size();
    int index = 0;
    while (p < end) {
        const auto* lf = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        const bool crlf = lf && lf > begin && lf[-1] == '\r';
        const qsizetype length = lf ? (lf - p) - (crlf && lf > p ? 1 : 0) : end - p;
        if (lf && !crlf)
            scan.bareLf = true;
        if (length > maxLineBytes) {
            scan.longLineStart = p - begin;
            scan.longLineLength = length;
            scan.longLineIndex = index;
            return scan;
        }
        if (!lf)
            break;
        p = lf + 1;
        ++index;
    }
    return scan;
}

QString lineTooLong(int line, qsizetype length, qsizetype limit)
{
    return QStringLiteral("line %1 is %2 bytes long: over the line-length limit of %3 bytes")
        .arg(line)
        .arg(length)
        .arg(limit);
}

QByteArray withCrlf(QByteArrayView data)
{
    QByteArray out;
    out.reserve(data.size() + data.size() / 32 + 2);
    for (qsizetype i = 0; i < data.size(); ++i) {
        if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
            out.append('\r');
        out.append(data[i]);
    }
    return out;
}

} // namespace

Message Message::parse(QByteArray bytes)
{
    return parse(std::move(bytes), MessageLimits());
}

Message Message::parse(QByteArray bytes, const MessageLimits& limits)
{
    Message message;
    message.m_bytes = std::move(bytes);
    message.splitHeader(limits);
    return message;
}

void Message::splitHeader(const MessageLimits& limits)
{
    qsizetype pos = 0;
    int lineNumber = 1;

    // An mbox postmark ("From sender date") is envelope, not header (RFC 4155).
    if (m_bytes.startsWith("From ")) {
        const Line line = lineAt(m_bytes, 0);
        if (line.length > limits.maxLineBytes) {
            m_limitError = ParseProblem{0, 1, lineTooLong(1, line.length, limits.maxLineBytes)};
            return;
        }
        m_envelopeFrom = m_bytes.mid(0, line.length);
        m_hadBareLf |= line.bareLf;
        pos = line.next;
        ++lineNumber;
    }
    const qsizetype headerStart = pos;

    HeaderField* current = nullptr;
    while (pos < m_bytes.size()) {
        const Line line = lineAt(m_bytes, pos);
        m_hadBareLf |= line.bareLf;
        const QByteArrayView text(m_bytes.constData() + line.start, line.length);

        if (text.isEmpty() && line.terminated) {
            locateBody(line.next, limits, lineNumber + 1);
            return;
        }
        // Checked before anything is copied, so a hostile header costs at most the limits in memory.
        if (line.length > limits.maxLineBytes) {
            m_limitError = ParseProblem{line.start, lineNumber,
                                        lineTooLong(lineNumber, line.length, limits.maxLineBytes)};
            return;
        }
        if (line.next - headerStart > limits.maxHeaderBytes) {
            m_limitError =
                ParseProblem{line.start, lineNumber,
                             QStringLiteral("the header is over the header-size limit of %1 bytes at line %2")
                                 .arg(limits.maxHeaderBytes)
                                 .arg(lineNumber)};
            return;
        }
        const bool continuation = !text.isEmpty() && isWsp(text[0]) && current;
        if (!continuation && m_fields.size() >= size_t(std::max(limits.maxHeaderFields, 0))) {
            m_limitError = ParseProblem{
                line.start, lineNumber,
                QStringLiteral("header field %1 (line %2) is over the header-fields limit of %3 fields")
                    .arg(m_fields.size() + 1)
                    .arg(lineNumber)
                    .arg(limits.maxHeaderFields)};
            return;
        }
        if (continuation) {
            current->raw.append(text.data(), text.size()).append("\r\n");
        } else {
            HeaderField field;
            field.offset = line.start;
            field.line = lineNumber;
            field.raw = QByteArray(text.data(), text.size()) + "\r\n";
            const qsizetype colon = text.indexOf(':');
            if (colon < 0) {
                field.malformed = true;
                m_problems.push_back(
                    {line.start, lineNumber, QStringLiteral("header line %1 has no colon").arg(lineNumber)});
            } else {
                QByteArrayView name = text.first(colon);
                while (!name.isEmpty() && isWsp(name.back()))
                    name.chop(1);
                field.name = name.toByteArray();
                if (!isValidFieldName(name)) {
                    field.malformed = true;
                    m_problems.push_back(
                        {line.start, lineNumber,
                         QStringLiteral("header line %1 has an invalid field name").arg(lineNumber)});
                }
            }
            if (!text.isEmpty() && isWsp(text[0])) {
                m_problems.push_back(
                    {line.start, lineNumber,
                     QStringLiteral("line %1 continues a field that does not exist").arg(lineNumber)});
                field.malformed = true;
            }
            m_fields.push_back(std::move(field));
            current = &m_fields.back();
        }
        if (!line.terminated) {
            // RFC 5322 allows a message that is all header; a last line without a break is kept as is.
            current->raw.chop(2);
            m_problems.push_back(
                {line.start, lineNumber,
                 QStringLiteral("the message ends inside the header, without an empty line")});
        }
        pos = line.next;
        ++lineNumber;
    }
}

void Message::locateBody(qsizetype offset, const MessageLimits& limits, int firstBodyLine)
{
    m_bodyOffset = offset;
    const QByteArrayView body(m_bytes.constData() + offset, m_bytes.size() - offset);
    const BodyScan scan = scanBody(body, limits.maxLineBytes);
    if (scan.longLineStart >= 0) {
        const int line = firstBodyLine + scan.longLineIndex;
        m_limitError = ParseProblem{offset + scan.longLineStart, line,
                                    lineTooLong(line, scan.longLineLength, limits.maxLineBytes)};
        return;
    }
    m_bodyHadBareLf = scan.bareLf;
    if (m_bodyHadBareLf) {
        m_hadBareLf = true;
        m_crlfBody = withCrlf(body);
    }
}

QByteArrayView Message::body() const
{
    if (m_bodyOffset < 0)
        return {};
    if (m_bodyHadBareLf)
        return m_crlfBody;
    return QByteArrayView(m_bytes.constData() + m_bodyOffset, m_bytes.size() - m_bodyOffset);
}

std::vector<const HeaderField*> Message::fieldsNamed(QByteArrayView name) const
{
    std::vector<const HeaderField*> found;
    for (const HeaderField& field : m_fields) {
        if (!field.malformed && field.hasName(name))
            found.push_back(&field);
    }
    return found;
}

const HeaderField* Message::firstFieldNamed(QByteArrayView name) const
{
    for (const HeaderField& field : m_fields) {
        if (!field.malformed && field.hasName(name))
            return &field;
    }
    return nullptr;
}

} // namespace authlens::mail
