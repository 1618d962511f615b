// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/ReceiverVerdict.h"

#include "mail/Message.h"

namespace authlens::mail {

ReceiverVerdict ReceiverVerdict::fromMessage(const Message& message,
                                             const QList<QByteArray>& trustedAuthservIds)
{
    return fromResults(
        AuthenticationResults::trusted(AuthenticationResults::fromMessage(message), trustedAuthservIds),
        ReceivedSpf::fromMessage(message));
}

ReceiverVerdict ReceiverVerdict::fromResults(const std::vector<AuthenticationResults>& trusted,
                                             const std::vector<ReceivedSpf>& receivedSpf)
{
    ReceiverVerdict verdict;
    for (const AuthenticationResults& results : trusted) {
        verdict.authservIds.append(results.authservId);
        verdict.sources.append(QStringLiteral("Authentication-Results by %1 (line %2)")
                                   .arg(QString::fromUtf8(results.authservId))
                                   .arg(results.line));
        for (const AuthResMethod* dkim : results.methodsNamed("dkim"))
            verdict.dkim.push_back(
                {dkim->property("header", "d"), dkim->property("header", "s"), dkim->result, dkim->reason});
        if (verdict.spfResult.isEmpty()) {
            if (const auto spf = results.methodsNamed("spf"); !spf.empty()) {
                verdict.spfResult = spf.front()->result;
                verdict.spfMailFrom = spf.front()->property("smtp", "mailfrom");
                verdict.spfHelo = spf.front()->property("smtp", "helo");
            }
        }
        if (verdict.dmarcResult.isEmpty()) {
            if (const auto dmarc = results.methodsNamed("dmarc"); !dmarc.empty()) {
                verdict.dmarcResult = dmarc.front()->result;
                verdict.dmarcFrom = dmarc.front()->property("header", "from");
                verdict.dmarcPolicy = dmarc.front()->property("policy", "dmarc");
                if (verdict.dmarcPolicy.isEmpty())
                    verdict.dmarcPolicy = dmarc.front()->property("polrec", "p");
            }
        }
    }
    // RFC 7208 9.1: Received-SPF is prepended by the receiver, so only the topmost one is its own.
    if (verdict.spfResult.isEmpty() && !receivedSpf.empty() && !receivedSpf.front().result.isEmpty()) {
        const ReceivedSpf& spf = receivedSpf.front();
        verdict.spfResult = spf.result;
        verdict.spfMailFrom = spf.envelopeFrom();
        verdict.spfHelo = spf.helo();
        verdict.sources.append(QStringLiteral("Received-SPF (line %1)").arg(spf.line));
    }
    return verdict;
}

} // namespace authlens::mail
