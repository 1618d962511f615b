// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsRecord.h"

#include <QByteArray>
#include <QHostAddress>

namespace authlens::spf {

// The <ip> of check_host(): the SMTP client's address, with an IPv4-mapped IPv6 address taken as the
// IPv4 address it carries (RFC 7208 5: IPv4 clients are matched against A records and ip4).
class ClientAddress
{
public:
    explicit ClientAddress(const QHostAddress& ip);

    const QHostAddress& address() const { return m_address; }
    bool isIPv4() const { return m_address.protocol() == QAbstractSocket::IPv4Protocol; }
    // RFC 7208 5.3: A records for an IPv4 client, AAAA for an IPv6 one.
    dns::RecordType addressRecordType() const
    {
        return isIPv4() ? dns::RecordType::A : dns::RecordType::AAAA;
    }

    // RFC 7208 5.6: is the client inside network/prefix? Only addresses of the same family compare;
    // host bits set in `network` are ignored.
    bool isIn(const QHostAddress& network, int prefix) const;
    // The prefix that applies to this client's family, for a/mx dual-cidr-length (RFC 7208 5.3).
    bool isIn(const QHostAddress& network, int ip4Prefix, int ip6Prefix) const
    {
        return isIn(network, isIPv4() ? ip4Prefix : ip6Prefix);
    }
    // RFC 7208 5.5: the in-addr.arpa / ip6.arpa name the PTR query asks.
    QByteArray reverseName() const;

private:
    QHostAddress m_address;
};

} // namespace authlens::spf
