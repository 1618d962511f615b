// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/Record.h"
#include "dmarc/Verdict.h"

#include <QByteArray>

#include <functional>
#include <optional>

namespace authlens::dmarc {

// RFC 9989 4.4 (RFC 7489 3.1): identifier alignment. Strict: the names are identical. Relaxed: their
// Organizational Domains are equal, where the Organizational Domain comes from the method in use (the
// DNS Tree Walk for RFC 9989, the Public Suffix List for RFC 7489), supplied as a function.
class Alignment
{
public:
    // nullopt: could not be determined (temporary DNS failure).
    using OrganizationalDomainOf = std::function<std::optional<QByteArray>(const QByteArray&)>;

    // Case-insensitive, ignoring a final dot.
    static bool identical(QByteArrayView a, QByteArrayView b);

    // Checks one authenticated identifier. Only a "pass" can align (RFC 9989 4.4); for any other result
    // no DNS is asked. `authorOrganizationalDomain` may be nullopt when it could not be determined.
    static AlignmentCheck check(const QByteArray& method, const QByteArray& identifier,
                                const QByteArray& authResult, const QByteArray& authorDomain,
                                const std::optional<QByteArray>& authorOrganizationalDomain,
                                AlignmentMode mode, const OrganizationalDomainOf& organizationalDomainOf);
};

} // namespace authlens::dmarc
