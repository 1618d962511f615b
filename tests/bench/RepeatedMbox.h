// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace authlens::bench {

// A large mbox for the memory figure, made from a corpus mbox written N times over. Each copy's
// messages get an unsigned "X-Bench-Copy: N" header field after the separator line, so every message
// is new to the importer (its content hash differs) and its DKIM signatures still verify.
class RepeatedMbox
{
public:
    struct Result
    {
        QString error;
        int copies = 0;
        qint64 messages = 0;
        qint64 bytes = 0;
        bool ok() const { return error.isEmpty(); }
    };

    // Copies `source` until `target` holds at least `minimumBytes`.
    static Result write(const QString& source, const QString& target, qint64 minimumBytes);
};

} // namespace authlens::bench
