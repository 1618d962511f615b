// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/MessageLinks.h"

#include "dkimsetup/MimePart.h"
#include "mail/HeaderField.h"

namespace authlens::dkimsetup {

namespace {

class Collector
{
public:
    explicit Collector(MessageLinks& links)
        : m_links(links)
    {}

    void walk(const MimePart& entity, int depth)
    {
        if (m_links.truncated)
            return;
        if (entity.contentType.startsWith("multipart/")) {
            if (depth >= MessageLinks::maxDepth || entity.boundary.isEmpty()) {
                m_links.truncated = m_links.truncated || depth >= MessageLinks::maxDepth;
                return;
            }
            for (QByteArrayView part : entity.parts())
                walk(MimePart::parse(part), depth + 1);
            return;
        }
        if (!entity.contentType.startsWith("text/"))
            return; // attachments, images, nested messages: not the sender's own links
        QByteArray text = entity.decodedBody();
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
    Collector(links).walk(MimePart::ofMessage(message), 0);
    return links;
}

} // namespace authlens::dkimsetup
