// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Verifier.h"
#include "mail/Message.h"

#include <vector>

namespace authlens::bench {

// Where one thread's verification time goes: each step of RFC 6376 6.1 run alone over the whole
// corpus, with its inputs prepared beforehand, timed in CPU seconds. What is left of a full verification
// is the verifier's own bookkeeping (results, diagnostics, DNS cache, reasons).
class StageProfile
{
public:
    struct Stages
    {
        double signatureParse = 0;  // DKIM-Signature tag lists (3.5)
        double keyLoad = 0;         // key record parse + OpenSSL key decode (3.6.1)
        double bodyHash = 0;        // canonicalize + SHA-256 of the body, once per distinct body (3.7 step 1)
        double bodyHashOnly = 0;    // SHA-256 of the raw body bytes alone: the part no canonicalizer avoids
        double headerSelect = 0;    // choose and canonicalize the signed fields (3.7 step 2, 5.4.2)
        double publicKeyVerify = 0; // Crypto::verify over the signed data (SHA-256 + RSA / Ed25519)
    };

    static Stages measure(const std::vector<mail::Message>& messages, const dkim::Verifier& verifier);
};

} // namespace authlens::bench
