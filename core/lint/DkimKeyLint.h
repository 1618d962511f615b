// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"
#include "lint/Finding.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace authlens::dns {
class Resolver;
}

namespace authlens::lint {

// Lints the DKIM key record at <selector>._domainkey.<domain> (RFC 6376 3.6, RFC 8301, RFC 8463),
// parsed with dkim::TagList / dkim::KeyRecord and loaded with dkim::Crypto. When the key was met through a
// signature, the signature's algorithm and AUID add the checks that need them.
//
// Finding ids: dkim.key.missing, dkim.key.multiple, dkim.txt.string-too-long, dkim.key.syntax,
// dkim.key.duplicate-tag, dkim.key.version, dkim.key.base64, dkim.key.truncated, dkim.key.invalid,
// dkim.key.pkcs1, dkim.key.revoked, dkim.key.type-unknown, dkim.key.rsa-too-short, dkim.key.rsa-weak,
// dkim.key.testing, dkim.key.flags-unknown, dkim.key.hash-no-sha256, dkim.key.service-not-email,
// dkim.key.type-mismatch, dkim.key.strict-subdomain-auid, dkim.signature.rsa-sha1, dkim.selector.cname,
// dkim.dns.temperror.
class DkimKeyLint
{
public:
    // What a signature says about how the key is used; every member optional.
    struct SignatureFacts
    {
        std::optional<dkim::Algorithm> algorithm; // a=
        QByteArray auidDomain;                    // the domain of i= (empty: none given)
    };

    struct Report
    {
        std::vector<Finding> findings;
        QByteArray record; // the key record text (the first when there are several)
        int keyBits = 0;   // RSA modulus size, 256 for Ed25519; 0 when no key loaded
        std::optional<dkim::KeyType> keyType;
        QByteArray cnameTarget; // where the selector's CNAME chain ends, when it has one
    };

    explicit DkimKeyLint(dns::Resolver& resolver);

    Report check(const QByteArray& domain, const QByteArray& selector,
                 const SignatureFacts& facts = {}) const;
    // The key a signature names (s=, d=), with its a= and i= as facts.
    Report check(const dkim::Signature& signature) const;

private:
    dns::Resolver& m_resolver;
};

} // namespace authlens::lint
