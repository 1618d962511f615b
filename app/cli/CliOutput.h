// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QTextStream>

namespace authlens::cli {

// Standard output and error as text streams; flushed per line so JSON Lines stream to a pipe.
QTextStream& out();
QTextStream& err();

// QCommandLineParser's help with its first line ("Usage: <argv0> [options]", which does not know about
// subcommands) replaced by the subcommand's own usage line.
QString helpWithUsage(const QCommandLineParser& parser, const QString& usage);

} // namespace authlens::cli
