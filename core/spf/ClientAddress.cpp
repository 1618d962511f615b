// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/ClientAddress.h"

#include "spf/MacroExpander.h"

#include <QList>

#include <algorithm>

namespace authlens::spf {

ClientAddress::ClientAddress(const QHostAddress& ip)
    : m_address(ip)
{
    bool isMapped = false;
    const quint32 v4 = ip.toIPv4Address(&isMapped);
    if (ip.protocol() == QAbstractSocket::IPv6Protocol && isMapped)
        m_address = QHostAddress(v4);
}

bool ClientAddress::isIn(const QHostAddress& network, int prefix) const
{
    if (m_address.protocol() != network.protocol())
        return false;
    if (isIPv4()) {
        if (prefix <= 0)
            return true;
        const quint32 mask = prefix >= 32 ? 0xffffffffu : ~(0xffffffffu >> prefix);
        return (m_address.toIPv4Address() & mask) == (network.toIPv4Address() & mask);
    }
    const Q_IPV6ADDR a = m_address.toIPv6Address();
    const Q_IPV6ADDR b = network.toIPv6Address();
    int bits = std::clamp(prefix, 0, 128);
    for (int i = 0; i < 16 && bits > 0; ++i, bits -= 8) {
        const quint8 mask = bits >= 8 ? 0xff : quint8(0xff << (8 - bits));
        if ((a[i] & mask) != (b[i] & mask))
            return false;
    }
    return true;
}

QByteArray ClientAddress::reverseName() const
{
    QList<QByteArray> parts = MacroExpander::ipMacroValue(m_address).split('.');
    std::reverse(parts.begin(), parts.end());
    return parts.join('.') + (isIPv4() ? ".in-addr.arpa" : ".ip6.arpa");
}

} // namespace authlens::spf
