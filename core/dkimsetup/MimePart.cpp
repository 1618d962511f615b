// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/MimePart.h"

#include "mail/HeaderField.h"

namespace authlens::dkimsetup {

namespace {

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

} // namespace

// A parameter of a Content-Type value (RFC 2045 5.1), quoted or not; empty when absent.
QByteArray MimePart::parameter(const QByteArray& value, QByteArrayView name)
{
    const QByteArray lower = value.toLower();
    qsizetype pos = 0;
    while ((pos = lower.indexOf(name.toByteArray().toLower() + '=', pos)) >= 0) {
        // Only at a parameter start: after ';' and optional whitespace.
        qsizetype before = pos - 1;
        while (before >= 0 && (lower[before] == ' ' || lower[before] == '\t'))
            --before;
        if (before >= 0 && lower[before] != ';') {
            pos += name.size();
            continue;
        }
        qsizetype start = pos + name.size() + 1;
        if (start < value.size() && value[start] == '"') {
            const qsizetype end = value.indexOf('"', start + 1);
            return value.mid(start + 1, end < 0 ? -1 : end - start - 1);
        }
        qsizetype end = start;
        while (end < value.size() && value[end] != ';' && value[end] != ' ' && value[end] != '\t')
            ++end;
        return value.mid(start, end - start);
    }
    return {};
}

// Splits a part into its header fields (only Content-Type and Content-Transfer-Encoding) and body.
MimePart MimePart::parse(QByteArrayView part)
{
    MimePart entity;
    qsizetype headerEnd = -1;
    qsizetype bodyStart = 0;
    if (part.startsWith("\r\n")) {
        headerEnd = 0;
        bodyStart = 2;
    } else if (part.startsWith("\n")) {
        headerEnd = 0;
        bodyStart = 1;
    } else if (const qsizetype crlf = part.indexOf("\r\n\r\n"); crlf >= 0) {
        headerEnd = crlf;
        bodyStart = crlf + 4;
    } else if (const qsizetype lf = part.indexOf("\n\n"); lf >= 0) {
        headerEnd = lf;
        bodyStart = lf + 2;
    }
    if (headerEnd < 0) {
        entity.body = part;
        return entity;
    }
    // Unfold (RFC 5322 2.2.3) and pick the two fields.
    QByteArray header = part.first(headerEnd).toByteArray();
    header.replace("\r\n", "\n");
    header.replace("\n ", " ");
    header.replace("\n\t", " ");
    for (const QByteArray& line : header.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.first(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-type") {
            const qsizetype semicolon = value.indexOf(';');
            entity.contentType = (semicolon < 0 ? value : value.first(semicolon)).trimmed().toLower();
            entity.boundary = parameter(value, "boundary");
            entity.reportType = parameter(value, "report-type").toLower();
        } else if (name == "content-transfer-encoding") {
            entity.transferEncoding = value.toLower();
        }
    }
    entity.header = part.first(headerEnd);
    entity.body = part.sliced(bodyStart);
    return entity;
}

// RFC 2045 6.7: soft line breaks removed, =XX decoded; a malformed escape is kept as written.
MimePart MimePart::ofMessage(const mail::Message& message)
{
    MimePart top;
    if (const mail::HeaderField* type = message.firstFieldNamed("Content-Type")) {
        const QByteArray value = type->unfoldedValue().trimmed();
        const qsizetype semicolon = value.indexOf(';');
        top.contentType = (semicolon < 0 ? value : value.first(semicolon)).trimmed().toLower();
        top.boundary = parameter(value, "boundary");
        top.reportType = parameter(value, "report-type").toLower();
    }
    if (const mail::HeaderField* encoding = message.firstFieldNamed("Content-Transfer-Encoding"))
        top.transferEncoding = encoding->unfoldedValue().trimmed().toLower();
    if (message.hasBodySeparator())
        top.header = QByteArrayView(message.bytes()).first(message.bodyOffset());
    top.body = message.body();
    return top;
}

QByteArray MimePart::decodeQuotedPrintable(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '\n') {
            i += 1;
        } else if (i + 2 < text.size() && text[i + 1] == '\r' && text[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out += char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

QByteArray MimePart::decodedBody() const
{
    if (transferEncoding == "quoted-printable")
        return decodeQuotedPrintable(body);
    if (transferEncoding == "base64")
        return QByteArray::fromBase64(body.toByteArray());
    return body.toByteArray();
}

// The parts between the boundary delimiters (RFC 2046 5.1.1); the preamble and epilogue are dropped.
QList<QByteArrayView> MimePart::parts() const
{
    return split(body, boundary);
}

QList<QByteArrayView> MimePart::split(QByteArrayView body, const QByteArray& boundary)
{
    QList<QByteArrayView> parts;
    const QByteArray delimiter = "--" + boundary;
    qsizetype pos = 0;
    qsizetype partStart = -1;
    while (pos <= body.size()) {
        const qsizetype found = body.indexOf(delimiter, pos);
        if (found < 0)
            break;
        // A delimiter starts a line.
        if (found > 0 && body[found - 1] != '\n') {
            pos = found + delimiter.size();
            continue;
        }
        if (partStart >= 0) {
            qsizetype end = found;
            // The line break before the delimiter belongs to it.
            if (end > partStart && body[end - 1] == '\n')
                --end;
            if (end > partStart && body[end - 1] == '\r')
                --end;
            parts.append(body.sliced(partStart, end - partStart));
        }
        partStart = -1;
        const qsizetype after = found + delimiter.size();
        if (body.sliced(after).startsWith("--"))
            return parts; // close-delimiter
        const qsizetype lineEnd = body.indexOf('\n', after);
        if (lineEnd < 0)
            break;
        partStart = lineEnd + 1;
        pos = partStart;
    }
    // No close-delimiter (a truncated message): the last part runs to the end, as mail clients show it.
    if (partStart >= 0 && partStart < body.size())
        parts.append(body.sliced(partStart));
    return parts;
}

} // namespace authlens::dkimsetup
