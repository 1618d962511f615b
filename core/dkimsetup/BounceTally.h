// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/BounceRate.h"
#include "mail/Message.h"

#include <QByteArray>

#include <map>
#include <vector>

namespace authlens::dkimsetup {

// Counts bounces per sending domain over the messages of an imported mailbox: a delivery status
// notification reporting a permanent failure counts against the domain that sent the original (see
// DeliveryStatusNotification::sendingDomain); every other message counts as sent by its From domain.
// Delays and other reports count as neither. Domains are compared by their exact From domain.
class BounceTally
{
public:
    void add(const mail::Message& message);

    // One rate per domain that sent or bounced, by domain.
    std::vector<BounceRate> rates() const;
    // The findings for the domains over `threshold`.
    std::vector<lint::Finding> findings(double threshold = BounceRate::defaultThreshold) const;
    // Bounces whose report did not say who sent the original.
    qint64 unattributedBounces() const { return m_unattributed; }

private:
    std::map<QByteArray, BounceRate> m_domains;
    qint64 m_unattributed = 0;
};

} // namespace authlens::dkimsetup
