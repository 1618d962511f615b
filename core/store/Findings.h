// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

namespace authlens::store {

class Database;

// The findings view's reads and the analyst's dismissals (a dismissed finding keeps its reason and
// leaves the headline counts).
class Findings
{
public:
    explicit Findings(Database& database)
        : m_database(database)
    {}

    // Worst first, then most frequent.
    QList<FindingRecord> list(bool includeDismissed = false);
    bool dismiss(qint64 rowId, const QString& reason);
    bool restore(qint64 rowId);
    // Findings computed over the whole store rather than met on a message (bounce rates per domain):
    // after this call the undismissed findings with id `findingId` are exactly `current`. A finding is
    // kept by (id, subject), so its text follows the newest counts and a dismissed one stays dismissed.
    bool replaceComputed(const QString& findingId, const QList<FindingRecord>& current);
    QString lastError() const { return m_lastError; }

private:
    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
