// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/SetupStates.h"
#include "lint/Finding.h"

#include <vector>

namespace authlens::dkimsetup {

// Findings about the setup list as a whole, against what imported mail shows (SetupStates::list and
// SetupStates::signingSelectors):
//   dkim.setup.ed25519-only          a domain's enabled selectors are all Ed25519 (RFC 8463 receivers are
//   few) dkim.setup.retired-still-signing a retired selector signed mail dated after its retirement
//   dkim.setup.disabled-still-signing a disabled selector signed mail dated after it was disabled
//   dkim.setup.unlisted-selector     a selector signs mail for a listed domain but is not in the list
//   dkim.setup.enabled-not-seen      an enabled selector has not been seen signing any imported message
class SetupReview
{
public:
    static std::vector<lint::Finding> review(const std::vector<SetupEntry>& entries,
                                             const std::vector<SigningSelector>& signing);
};

} // namespace authlens::dkimsetup
