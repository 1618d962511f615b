// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/SetupState.h"

namespace authlens::dkimsetup {

namespace {

constexpr SetupState allStates[] = {SetupState::Generated,
                                    SetupState::WaitingForDns,
                                    SetupState::PublishedDifferent,
                                    SetupState::PublishedMatching,
                                    SetupState::Enabled,
                                    SetupState::Disabled,
                                    SetupState::Retired};

bool isPublicationState(SetupState state)
{
    return state == SetupState::Generated || state == SetupState::WaitingForDns ||
           state == SetupState::PublishedDifferent || state == SetupState::PublishedMatching;
}

} // namespace

QString setupStateName(SetupState state)
{
    switch (state) {
    case SetupState::Generated:
        return QStringLiteral("generated");
    case SetupState::WaitingForDns:
        return QStringLiteral("waiting-for-dns");
    case SetupState::PublishedDifferent:
        return QStringLiteral("published-different");
    case SetupState::PublishedMatching:
        return QStringLiteral("published-matching");
    case SetupState::Enabled:
        return QStringLiteral("enabled");
    case SetupState::Disabled:
        return QStringLiteral("disabled");
    case SetupState::Retired:
        return QStringLiteral("retired");
    }
    return {};
}

std::optional<SetupState> setupStateFromName(QStringView name)
{
    for (SetupState state : allStates) {
        if (name == setupStateName(state))
            return state;
    }
    return std::nullopt;
}

QString transitionRefusal(SetupState from, SetupState to)
{
    if (from == SetupState::Retired)
        return QStringLiteral("the selector is retired; generate a new selector instead");
    switch (to) {
    case SetupState::Generated:
        return QStringLiteral("a selector is generated once; generate a new selector for a new key");
    case SetupState::WaitingForDns:
    case SetupState::PublishedDifferent:
    case SetupState::PublishedMatching:
        // Checks move a selector between these until it is enabled; after that they are only recorded.
        if (!isPublicationState(from))
            return QStringLiteral("the selector is %1; publication checks no longer change its state")
                .arg(setupStateName(from));
        return {};
    case SetupState::Enabled:
        if (from == SetupState::PublishedMatching || from == SetupState::Disabled)
            return {};
        if (from == SetupState::Enabled)
            return QStringLiteral("the selector is already enabled");
        return QStringLiteral("the selector is %1; it can be enabled only once the published record matches "
                              "the key")
            .arg(setupStateName(from));
    case SetupState::Disabled:
        if (from == SetupState::Enabled)
            return {};
        return QStringLiteral("the selector is %1; only an enabled selector can be disabled")
            .arg(setupStateName(from));
    case SetupState::Retired:
        return {};
    }
    return QStringLiteral("unknown state");
}

} // namespace authlens::dkimsetup
