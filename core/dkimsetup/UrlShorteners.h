// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace authlens::dkimsetup {

// The URL shorteners of core/dkimsetup/url-shorteners.txt, compiled in at build time (a generated header),
// so the list is maintained as a plain file in the repository.
class UrlShorteners
{
public:
    // True when `host` is a listed shortener or a subdomain of one (case-insensitive, final dot allowed).
    static bool isShortener(QByteArrayView host);
    static const QList<QByteArray>& hosts();
    // Parses the list format: one host per line, # comments, blank lines ignored; lower-cased.
    static QList<QByteArray> parse(QByteArrayView text);
};

} // namespace authlens::dkimsetup
