// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace authlens::bench {

// Writes a large, realistic Authlens database straight through SQL (prepared inserts, one transaction
// per batch) instead of importing mail: a million messages in about a minute, not hours. The spread
// follows what an analyst's export looks like: ~200 sending domains with a long tail (a few big
// senders, many small ones), 1-3 selectors each, mostly passing DKIM/SPF/DMARC with realistic shares
// of fail, policy, softfail, temperror and none, dates spread over the last year.
class BenchDatabase
{
public:
    struct Result
    {
        bool ok = false;
        QString error;
        qint64 messages = 0;
        qint64 signatures = 0;
        double seconds = 0;
    };

    static constexpr int kDomains = 200;

    // Creates (or replaces) the database at `path` with `messages` messages.
    static Result generate(const QString& path, qint64 messages, quint32 seed = 20261123);
    // The number of messages in an existing database at `path`, or -1.
    static qint64 existingMessages(const QString& path);
    // The domain name the generator gives to rank `rank` (0 = the biggest sender).
    static QString domainName(int rank);
};

} // namespace authlens::bench
