// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lint/Finding.h"
#include "pipeline/Analysis.h"

#include <vector>

namespace authlens::pipeline {

// The findings one message's verdicts raise: weak or refused DKIM signatures, DMARC problems with the
// From field or the records, and disagreement with the receiver's recorded verdict.
std::vector<lint::Finding> findingsFor(const Analysis& analysis);

} // namespace authlens::pipeline
