// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextStream>

namespace authlens::cli {

// Standard output and error as text streams; flushed per line so JSON Lines stream to a pipe.
QTextStream& out();
QTextStream& err();

} // namespace authlens::cli
