// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace authlens::mail {

// Bounds on what Message::parse accepts from hostile bytes. Past any of them the message is refused
// with Message::limitError() (naming the limit, its value and the position), and the caller reports
// that message and goes on with the next. Defaults are far above real mail: RFC 5322 2.1.1 allows 998
// characters a line; real headers are a few kilobytes with well under a hundred fields.
struct MessageLimits
{
    // The header block: every header line with its line break, without an mbox postmark line and
    // without the empty line that ends the header.
    qsizetype maxHeaderBytes = qsizetype(1) * 1024 * 1024;
    // Header fields, counting a folded field once.
    int maxHeaderFields = 1000;
    // One line, header or body, without its line break.
    qsizetype maxLineBytes = qsizetype(1) * 1024 * 1024;
};

} // namespace authlens::mail
