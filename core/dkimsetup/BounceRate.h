// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"

#include <QByteArray>

#include <optional>

namespace authlens::dkimsetup {

// The bounce rate of one sending domain: delivery status notifications attributed to it (see
// DeliveryStatusNotification) against the messages it sent. Mailbox providers and sending platforms
// treat rates over 5% as a sign of a badly kept list.
struct BounceRate
{
    QByteArray domain;
    qint64 sent = 0;
    qint64 bounced = 0;

    static constexpr double defaultThreshold = 0.05;

    double rate() const { return sent > 0 ? double(bounced) / double(sent) : 0.0; }
    // practice.bounce.rate-high when the rate is over `threshold` (and something was sent).
    std::optional<lint::Finding> finding(double threshold = defaultThreshold) const;
};

} // namespace authlens::dkimsetup
