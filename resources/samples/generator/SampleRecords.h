// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SampleKeys.h"

#include <QByteArray>

namespace authlens::samples {

// records.zone, the offline DNS snapshot the samples are verified with: the keys' public halves (some
// through a provider CNAME, one revoked, one with t=y, one missing, one that fails temporarily), SPF with
// includes and a few mistakes, DMARC under none/quarantine/reject, MX and A records for the linter.
class SampleRecords
{
public:
    static QByteArray zone(const SampleKeys& keys);
};

} // namespace authlens::samples
