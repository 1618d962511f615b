// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SampleSpec.h"

#include <vector>

namespace authlens::samples {

// The delivery status notifications (RFC 3464) in the sample mailbox, so the first-run dashboard shows
// bounce rates: news.example's newsletter bounced for two readers whose mailboxes are gone (2 bounces
// against the 10 messages whose author is news.example, 20%, over the 5% providers tolerate), and
// shop.example got a delay report (not a bounce).
class SampleBounces
{
public:
    static void add(std::vector<SampleSpec>& messages);
};

} // namespace authlens::samples
