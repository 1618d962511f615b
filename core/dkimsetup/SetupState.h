// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace authlens::dkimsetup {

// Where one domain/selector stands in the setup flow:
//
//   generated -> waiting-for-dns -> published-different | published-matching -> enabled <-> disabled
//                                                                     any state but retired -> retired
//
// The publication states follow the checks; enabling and disabling are the analyst's decisions;
// retired is final (a rotated-out selector is never signed with again).
enum class SetupState
{
    Generated,
    WaitingForDns,
    PublishedDifferent,
    PublishedMatching,
    Enabled,
    Disabled,
    Retired,
};

QString setupStateName(SetupState state); // "generated", "waiting-for-dns", ...
std::optional<SetupState> setupStateFromName(QStringView name);

// Why a transition is not allowed by the state machine alone, or empty when it is. The rules that need
// other selectors (the only enabled selector of a domain) are SetupStates' job.
QString transitionRefusal(SetupState from, SetupState to);

} // namespace authlens::dkimsetup
