// SPDX-License-Identifier: GPL-3.0-or-later
#include "Subcommand.h"

namespace authlens::cli {

// Each subcommand lives in its own file and is declared here.

const std::vector<Subcommand>& subcommands()
{
    static const std::vector<Subcommand> all = {
        // {"name", "one-line summary", runName},
    };
    return all;
}

} // namespace authlens::cli
