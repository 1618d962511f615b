// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/Analysis.h"

#include <algorithm>

namespace authlens::pipeline {

bool Analysis::hasPassingDkim() const
{
    return std::any_of(dkim.begin(), dkim.end(), [](const dkim::Result& r) { return r.passed(); });
}

} // namespace authlens::pipeline
