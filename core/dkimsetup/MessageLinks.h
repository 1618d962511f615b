// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/Message.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace authlens::dkimsetup {

// The links and images of a message's text parts, for the sending best-practice checks. Walks the MIME
// structure (RFC 2046 5.1 multipart, nested), decodes quoted-printable and base64 text parts (RFC 2045 6),
// and finds http(s) URLs in text and HTML. Hostile input is bounded: at most maxDepth nested multiparts,
// maxTextBytes of decoded text and maxLinks links are looked at.
struct MessageLinks
{
    struct Link
    {
        QByteArray url;
        QByteArray host;    // lower case, no port, no userinfo
        bool image = false; // <img src=...> or another src= attribute
    };

    std::vector<Link> links;      // in order of appearance
    bool unsubscribeLink = false; // a link whose URL or nearby text says unsubscribe / opt out
    bool truncated = false;       // a limit was reached

    static constexpr int maxDepth = 8;
    static constexpr qsizetype maxTextBytes = 8 * 1024 * 1024;
    static constexpr int maxLinks = 2000;

    static MessageLinks of(const mail::Message& message);
    // The host of an http(s) URL, lower case; empty when it has none.
    static QByteArray hostOf(QByteArrayView url);
};

} // namespace authlens::dkimsetup
