// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Result.h"
#include "dns/Resolver.h"
#include "mail/Message.h"

#include <memory>
#include <optional>
#include <vector>

namespace authlens::dkim {

// Verifies every DKIM-Signature field of a message (RFC 6376 6, RFC 8301, RFC 8463). Holds no mutable
// state: one Verifier can be used from any number of threads at once (given a thread-safe Resolver).
class Verifier
{
public:
    struct Options
    {
        int maxSignatures = 8;         // fields past this many are `neutral`, "not evaluated: limit"
        std::optional<qint64> now;     // Unix seconds for x=/t=; empty: the system clock
        qint64 clockSkewSeconds = 300; // allowed for x= and a t= in the future
        int minimumRsaBits = 1024;     // RFC 8301 3.2
        // RFC 8301 3.1 says verifiers MUST NOT consider rsa-sha1 valid: refused as `policy` by default.
        // An analyst reproducing a receiver that still accepts it (legacy systems) can turn this on.
        bool acceptRsaSha1 = false;
        bool keepSignedData = true; // fill Diagnostics::canonicalizedHeaders/signedData
    };

    explicit Verifier(std::shared_ptr<dns::Resolver> resolver);
    Verifier(std::shared_ptr<dns::Resolver> resolver, Options options);

    // One Result per DKIM-Signature field, in header order; empty when the message has none.
    std::vector<Result> verify(const mail::Message& message) const;

    const Options& options() const { return m_options; }

private:
    std::shared_ptr<dns::Resolver> m_resolver;
    Options m_options;
};

} // namespace authlens::dkim
