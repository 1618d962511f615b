// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Result.h"
#include "dmarc/Verdict.h"
#include "lint/Finding.h"
#include "mail/Envelope.h"
#include "mail/ReceiverVerdict.h"
#include "spf/Result.h"

#include <QString>

#include <optional>
#include <vector>

namespace authlens::pipeline {

// Everything Authlens concludes about one message, computed once, in core; the store keeps it and the
// views only show it.
struct Analysis
{
    std::vector<dkim::Result> dkim; // one per DKIM-Signature field, in header order

    mail::Envelope envelope;        // the SMTP envelope used for SPF (overrides applied)
    std::optional<spf::Result> spf; // empty when no client address is known
    QString spfNote;                // why SPF was not evaluated, or that it used today's DNS

    dmarc::Verdict dmarc;

    // What the receiving system recorded when it accepted the message (RFC 8601), for comparison.
    mail::ReceiverVerdict received;
    // Methods where our verdict differs from the receiver's: "spf", "dmarc", "dkim".
    QStringList disagreesWithReceiver;

    std::vector<lint::Finding> findings;

    // True when at least one DKIM signature passed.
    bool hasPassingDkim() const;
};

} // namespace authlens::pipeline
