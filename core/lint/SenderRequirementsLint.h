// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/Record.h"
#include "lint/Finding.h"
#include "mail/Message.h"

#include <QByteArray>

#include <optional>
#include <vector>

namespace authlens::lint {

// What is known about one message when checking the large mailbox providers' sender requirements. Plain
// facts, so the check does not care how they were computed (our verifier, a stored verdict, the receiver's
// Authentication-Results).
struct SenderFacts
{
    mail::Message message;                    // for List-Unsubscribe, Precedence, List-Id
    QByteArray fromDomain;                    // RFC5322.From domain, for the findings' subject
    bool spfPass = false;                     // SPF passed for the MAIL FROM (or HELO) domain
    bool dkimPass = false;                    // at least one DKIM signature passed
    std::optional<dmarc::Policy> dmarcPolicy; // p= of the From domain's DMARC record; nullopt: no record
    bool aligned = false;                     // From aligned with a passing DKIM d= or SPF domain
    int dkimKeyBits = 0;                      // the key behind the passing signature; 0: unknown
    std::optional<bool> bulk;                 // set by the analyst; otherwise guessed from the header
};

// The Gmail and Yahoo bulk sender requirements in force since February 2024, checked on one message:
// SPF and DKIM both passing, a DMARC record (p=none is enough), From aligned, one-click unsubscribe
// (RFC 8058) on bulk mail, DKIM keys of at least 1024 bits. For mail that is not bulk, the rules that apply
// to every sender (SPF or DKIM) are errors and the bulk-only ones warnings.
//
// Finding ids: sender.spf.missing, sender.dkim.missing, sender.dmarc.missing, sender.from.unaligned,
// sender.unsubscribe.missing, sender.unsubscribe.no-https, sender.unsubscribe.not-one-click,
// sender.dkim.key-short.
class SenderRequirementsLint
{
public:
    static std::vector<Finding> check(const SenderFacts& facts);

    // Bulk by its header: Precedence: bulk or list, a List-Id, or a List-Unsubscribe field.
    static bool looksBulk(const mail::Message& message);
};

} // namespace authlens::lint
