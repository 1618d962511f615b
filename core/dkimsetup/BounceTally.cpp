// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/BounceTally.h"

#include "dkimsetup/DeliveryStatusNotification.h"
#include "dmarc/AuthorDomain.h"

namespace authlens::dkimsetup {

void BounceTally::add(const mail::Message& message)
{
    if (const auto dsn = DeliveryStatusNotification::parse(message)) {
        if (!dsn->isBounce())
            return;
        const QByteArray domain = dsn->sendingDomain();
        if (domain.isEmpty()) {
            ++m_unattributed;
            return;
        }
        BounceRate& rate = m_domains[domain];
        rate.domain = domain;
        ++rate.bounced;
        return;
    }
    const dmarc::AuthorDomain author = dmarc::AuthorDomain::fromMessage(message);
    if (!author.ok())
        return;
    BounceRate& rate = m_domains[author.domain];
    rate.domain = author.domain;
    ++rate.sent;
}

std::vector<BounceRate> BounceTally::rates() const
{
    std::vector<BounceRate> rates;
    rates.reserve(m_domains.size());
    for (const auto& [domain, rate] : m_domains)
        rates.push_back(rate);
    return rates;
}

std::vector<lint::Finding> BounceTally::findings(double threshold) const
{
    std::vector<lint::Finding> findings;
    for (const auto& [domain, rate] : m_domains) {
        if (auto finding = rate.finding(threshold))
            findings.push_back(std::move(*finding));
    }
    return findings;
}

} // namespace authlens::dkimsetup
