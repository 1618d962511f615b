// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SampleSpec.h"

#include <QByteArray>

#include <vector>

namespace authlens::samples {

// The sample mailbox, declared: every message with what it demonstrates and the verdicts Authlens must
// reach on it today with the DNS snapshot of SampleRecords.
class SampleCatalog
{
public:
    // In mailbox order (by date).
    static std::vector<SampleSpec> messages();
};

} // namespace authlens::samples
