// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/InputLimits.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

namespace authlens::cli {

// --limit NAME=VALUE, repeatable, for the commands that read mail (verify, import); `--limit help`
// lists the names and defaults.
class LimitOption
{
public:
    static QCommandLineOption option();

    struct Read
    {
        std::optional<pipeline::InputLimits> limits; // empty: stop with exitCode
        int exitCode = 0;
    };
    // The limits given on the command line, or, after `--limit help` (exit 0) or a refused value (exit 2,
    // with the reason on standard error), none.
    static Read read(const QCommandLineParser& parser, const QString& command);
};

} // namespace authlens::cli
