// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <vector>

namespace authlens::cli {

// Exit codes shared by every subcommand, so scripts and CI can branch on them.
enum ExitCode
{
    ExitOk = 0,       // the check passed
    ExitNegative = 1, // the check ran and something did not pass
    ExitUsage = 2,    // bad arguments, unreadable input, or an I/O error
};

struct Subcommand
{
    const char* name;
    const char* summary;
    // `arguments` starts with the program name followed by the subcommand name. Parse
    // `arguments.mid(1)` with QCommandLineParser, so the subcommand name stands where it expects the
    // program name and is not taken for a positional argument.
    int (*run)(const QStringList& arguments);
};

// Every subcommand the tool knows, in the order --help lists them.
const std::vector<Subcommand>& subcommands();

} // namespace authlens::cli
