// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/UrlShorteners.h"

#include "dkimsetup/UrlShortenerList.h" // generated from url-shorteners.txt

namespace authlens::dkimsetup {

QList<QByteArray> UrlShorteners::parse(QByteArrayView text)
{
    QList<QByteArray> hosts;
    for (const QByteArray& line : text.toByteArray().split('\n')) {
        const QByteArray host = line.trimmed().toLower();
        if (host.isEmpty() || host.startsWith('#'))
            continue;
        hosts.append(host);
    }
    return hosts;
}

const QList<QByteArray>& UrlShorteners::hosts()
{
    static const QList<QByteArray> list = parse(urlShortenerListText);
    return list;
}

bool UrlShorteners::isShortener(QByteArrayView host)
{
    QByteArray name = host.toByteArray().trimmed().toLower();
    while (name.endsWith('.'))
        name.chop(1);
    if (name.isEmpty())
        return false;
    for (const QByteArray& listed : hosts()) {
        if (name == listed || (name.endsWith(listed) && name.at(name.size() - listed.size() - 1) == '.'))
            return true;
    }
    return false;
}

} // namespace authlens::dkimsetup
