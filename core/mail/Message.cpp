// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/Message.h"

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

bool hasBareLf(QByteArrayView data)
{
    const char* p = data.data();
    const char* end = p + data.size();
    while (p < end) {
        const auto* lf = static_cast<const char*>(std::memchr(p, '\n', size_t(end - p)));
        if (!lf)
            return false;
        if (lf == data.data() || lf[-1] != '\r')
            return true;
        p = lf + 1;
    }
    return false;
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
    Message message;
    message.m_bytes = std::move(bytes);
    message.splitHeader();
    return message;
}

void Message::splitHeader()
{
    qsizetype pos = 0;
    int lineNumber = 1;

    // An mbox postmark ("From sender date") is envelope, not header (RFC 4155).
    if (m_bytes.startsWith("From ")) {
        const Line line = lineAt(m_bytes, 0);
        m_envelopeFrom = m_bytes.mid(0, line.length);
        m_hadBareLf |= line.bareLf;
        pos = line.next;
        ++lineNumber;
    }

    HeaderField* current = nullptr;
    while (pos < m_bytes.size()) {
        const Line line = lineAt(m_bytes, pos);
        m_hadBareLf |= line.bareLf;
        const QByteArrayView text(m_bytes.constData() + line.start, line.length);

        if (text.isEmpty() && line.terminated) {
            locateBody(line.next);
            return;
        }
        if (!text.isEmpty() && isWsp(text[0]) && current) {
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

void Message::locateBody(qsizetype offset)
{
    m_bodyOffset = offset;
    const QByteArrayView body(m_bytes.constData() + offset, m_bytes.size() - offset);
    m_bodyHadBareLf = hasBareLf(body);
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
