// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsAnswer.h"

#include <QByteArray>

#include <functional>

namespace authlens::dns {

// Every DNS question the verifiers ask goes through this. Implementations are thread-safe: the import
// pipeline calls query() from many worker threads at once.
class Resolver
{
public:
    virtual ~Resolver() = default;

    // Blocking lookup. `name` may have a final dot and any case.
    virtual DnsAnswer query(const QByteArray& name, RecordType type) = 0;

    // Non-blocking lookup: `done` runs once, on a thread of the implementation's choosing. The default
    // answers at once from query(), which suits resolvers that never wait on the network.
    virtual void queryAsync(const QByteArray& name, RecordType type, std::function<void(DnsAnswer)> done)
    {
        done(query(name, type));
    }

    // Lowercase, no final dot: the form names are compared and cached in.
    static QByteArray normalizedName(QByteArrayView name);

    // Empty when `name` (final dot allowed) can be asked at all; otherwise why not: empty label, label over
    // 63 or name over 253 characters (RFC 1035 2.3.4), space or control character.
    static QString nameError(QByteArrayView name);
};

} // namespace authlens::dns
