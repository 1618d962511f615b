// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"
#include "mail/Message.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <vector>

namespace authlens::dkimsetup {

// What is known about one message a sending platform sent for a customer.
struct SendingFacts
{
    mail::Message message;
    // The customer's own domain (the analyst knows it); empty: the From domain is taken as the customer's.
    QByteArray customerDomain;
    // d= of every DKIM signature that passed.
    QList<QByteArray> passingDkimDomains;
    // The platform's shared signing domains (e.g. "mailplatform.example"): signing only with these means
    // the customer's own domain is not authenticated and shares the platform's reputation.
    QList<QByteArray> platformSigningDomains;
    // Marketing/bulk mail (an unsubscribe option expected). Empty: guessed; a sending platform's mail is
    // taken as bulk unless the header says nothing of the kind and the analyst says it is transactional.
    std::optional<bool> bulk;
};

// The sending best practices that platforms' setup guides ask of their customers, checked on a message.
// Complements lint::SenderRequirementsLint (Gmail/Yahoo rules: SPF+DKIM, DMARC, List-Unsubscribe https and
// one-click), whose findings are not repeated here.
//
// Finding ids:
//   practice.from.not-customer-domain  From is not in the customer's domain
//   practice.dkim.platform-domain      signed only with the platform's shared domain, not the From domain
//   practice.dkim.unaligned            no passing DKIM d= aligned with the From domain
//   practice.unsubscribe.none          neither List-Unsubscribe nor an unsubscribe link in the body
//   practice.unsubscribe.body-only     an unsubscribe link in the body but no List-Unsubscribe header
//   practice.links.shortener           links through URL shorteners (url-shorteners.txt)
//   practice.links.unrelated-hosts     link and image hosts unrelated to the sender, summarized
class SendingPracticesLint
{
public:
    static std::vector<lint::Finding> check(const SendingFacts& facts);
};

} // namespace authlens::dkimsetup
