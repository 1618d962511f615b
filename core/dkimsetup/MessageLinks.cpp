// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/MessageLinks.h"

#include "mail/HeaderField.h"

namespace authlens::dkimsetup {

namespace {

// A MIME entity: its header (only the fields needed) and its raw body.
struct Entity
{
    QByteArray contentType = "text/plain"; // RFC 2045 5.2 default
    QByteArray boundary;
    QByteArray transferEncoding;
    QByteArrayView body;
};

// A parameter of a Content-Type value (RFC 2045 5.1), quoted or not; empty when absent.
QByteArray parameter(const QByteArray& value, QByteArrayView name)
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
Entity entityOf(QByteArrayView part)
{
    Entity entity;
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
        } else if (name == "content-transfer-encoding") {
            entity.transferEncoding = value.toLower();
        }
    }
    entity.body = part.sliced(bodyStart);
    return entity;
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

// RFC 2045 6.7: soft line breaks removed, =XX decoded; a malformed escape is kept as written.
QByteArray decodeQuotedPrintable(QByteArrayView text)
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

QByteArray decoded(const Entity& entity)
{
    if (entity.transferEncoding == "quoted-printable")
        return decodeQuotedPrintable(entity.body);
    if (entity.transferEncoding == "base64")
        return QByteArray::fromBase64(entity.body.toByteArray());
    return entity.body.toByteArray();
}

// The parts between the boundary delimiters (RFC 2046 5.1.1); the preamble and epilogue are dropped.
QList<QByteArrayView> splitMultipart(QByteArrayView body, const QByteArray& boundary)
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

class Collector
{
public:
    explicit Collector(MessageLinks& links)
        : m_links(links)
    {}

    void walk(const Entity& entity, int depth)
    {
        if (m_links.truncated)
            return;
        if (entity.contentType.startsWith("multipart/")) {
            if (depth >= MessageLinks::maxDepth || entity.boundary.isEmpty()) {
                m_links.truncated = m_links.truncated || depth >= MessageLinks::maxDepth;
                return;
            }
            for (QByteArrayView part : splitMultipart(entity.body, entity.boundary))
                walk(entityOf(part), depth + 1);
            return;
        }
        if (!entity.contentType.startsWith("text/"))
            return; // attachments, images, nested messages: not the sender's own links
        QByteArray text = decoded(entity);
        if (m_textBytes + text.size() > MessageLinks::maxTextBytes) {
            m_links.truncated = true;
            text.truncate(std::max<qsizetype>(0, MessageLinks::maxTextBytes - m_textBytes));
        }
        m_textBytes += text.size();
        scan(text);
    }

private:
    static bool urlEnds(char c)
    {
        const auto byte = static_cast<unsigned char>(c);
        return byte <= 0x20 || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' || byte == 0x7f;
    }

    void scan(const QByteArray& text)
    {
        const QByteArray lower = text.toLower();
        qsizetype pos = 0;
        while (true) {
            const qsizetype http = lower.indexOf("http", pos);
            if (http < 0)
                return;
            qsizetype schemeEnd = -1;
            if (lower.mid(http, 7) == "http://")
                schemeEnd = http + 7;
            else if (lower.mid(http, 8) == "https://")
                schemeEnd = http + 8;
            if (schemeEnd < 0) {
                pos = http + 4;
                continue;
            }
            qsizetype end = schemeEnd;
            while (end < text.size() && !urlEnds(text[end]))
                ++end;
            QByteArray url = text.mid(http, end - http);
            // Trailing punctuation of prose is not part of a URL in text/plain.
            while (!url.isEmpty() && QByteArrayView(".,;:!?)]").contains(url.back()))
                url.chop(1);
            pos = end;
            const QByteArray host = MessageLinks::hostOf(url);
            if (host.isEmpty())
                continue;
            if (int(m_links.links.size()) >= MessageLinks::maxLinks) {
                m_links.truncated = true;
                return;
            }
            // src= right before the URL: an image (or another embedded resource) rather than a link.
            const QByteArray before =
                lower.mid(std::max<qsizetype>(0, http - 12), std::min<qsizetype>(http, 12));
            const bool image = before.contains("src=") || before.contains("background=");
            m_links.links.push_back({url, host, image});
            if (!image && !m_links.unsubscribeLink) {
                // The URL itself, or the text around it (the anchor text or the sentence before it).
                const QByteArray around =
                    lower.mid(std::max<qsizetype>(0, http - 200), end - http + 400).replace("-", "");
                m_links.unsubscribeLink = around.contains("unsubscribe") || around.contains("optout") ||
                                          around.contains("opt out") || around.contains("abmelden") ||
                                          around.contains("désinscri") || around.contains("desinscri");
            }
        }
    }

    MessageLinks& m_links;
    qsizetype m_textBytes = 0;
};

} // namespace

QByteArray MessageLinks::hostOf(QByteArrayView url)
{
    const qsizetype scheme = url.indexOf("://");
    if (scheme < 0)
        return {};
    QByteArrayView rest = url.sliced(scheme + 3);
    qsizetype end = 0;
    while (end < rest.size() && rest[end] != '/' && rest[end] != '?' && rest[end] != '#' && rest[end] != '\\')
        ++end;
    QByteArrayView authority = rest.first(end);
    if (const qsizetype at = authority.lastIndexOf('@'); at >= 0)
        authority = authority.sliced(at + 1);
    if (authority.startsWith('[')) // IPv6 literal
        return authority.first(std::max<qsizetype>(0, authority.indexOf(']') + 1)).toByteArray().toLower();
    if (const qsizetype colon = authority.indexOf(':'); colon >= 0)
        authority = authority.first(colon);
    QByteArray host = authority.toByteArray().toLower();
    while (host.endsWith('.'))
        host.chop(1);
    return host;
}

MessageLinks MessageLinks::of(const mail::Message& message)
{
    MessageLinks links;
    Entity top;
    if (const mail::HeaderField* type = message.firstFieldNamed("Content-Type")) {
        const QByteArray value = type->unfoldedValue().trimmed();
        const qsizetype semicolon = value.indexOf(';');
        top.contentType = (semicolon < 0 ? value : value.first(semicolon)).trimmed().toLower();
        top.boundary = parameter(value, "boundary");
    }
    if (const mail::HeaderField* encoding = message.firstFieldNamed("Content-Transfer-Encoding"))
        top.transferEncoding = encoding->unfoldedValue().trimmed().toLower();
    top.body = message.body();
    Collector(links).walk(top, 0);
    return links;
}

} // namespace authlens::dkimsetup
