// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analysis.h"
#include "store/Records.h"

namespace authlens::mail {
class Message;
}

namespace authlens::pipeline {

// Maps what the analysis concluded about one message into the rows the store keeps. The store knows
// results, not how they were computed (STYLE.md): this is the one place that knows both.
class AnalysisRecords
{
public:
    // The header facts the dashboard groups on: From address and domain, Subject (RFC 2047 decoded),
    // Message-ID, Date (UTC, invalid when missing or unreadable) and the size. Source, import and
    // locator are the caller's.
    static store::MessageRecord messageRecord(const mail::Message& message);
    // Whether the message is a delivery status notification (RFC 3464) and, if so, the action and status
    // it reports (the first failed recipient's, else the first's) and who sent the original. Part of
    // messageRecord(); on its own for re-verification.
    static store::DeliveryStatusRecord deliveryStatus(const mail::Message& message);

    // Every result of one verification run: one row per DKIM signature, SPF, DMARC, the DNS records
    // they rest on, and the findings.
    static store::VerificationResults results(const Analysis& analysis);

    static store::DkimSignatureRecord dkimSignature(const dkim::Result& result);
    static std::optional<store::SpfRecord> spf(const Analysis& analysis);
    static store::DmarcRecord dmarc(const dmarc::Verdict& verdict);
    static store::FindingRecord finding(const lint::Finding& finding);

    // RFC 5322 3.3 date-time, comments and the obsolete zone names allowed; invalid when unreadable.
    static QDateTime parseDate(QByteArrayView value);
};

} // namespace authlens::pipeline
