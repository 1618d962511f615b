// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliOutput.h"

#include <cstdio>

namespace authlens::cli {

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace authlens::cli
