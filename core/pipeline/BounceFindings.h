// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace authlens::store {
class Database;
}

namespace authlens::pipeline {

// The bounce-rate findings (issue 9): unlike the other findings they are not met on one message but
// counted over the whole store, so they are recomputed after every import and re-verification: one
// "practice.bounce.rate-high" warning per sending domain whose bounce rate is over 5%
// (dkimsetup::BounceRate), none for the others.
class BounceFindings
{
public:
    // Empty on success, else what went wrong.
    static QString refresh(store::Database& database);
};

} // namespace authlens::pipeline
