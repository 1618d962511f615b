// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

namespace authlens::store {

class Database;

// Verification runs: the import's own, then each re-verification. Results of every run are kept;
// the message's summary columns follow the newest.
class VerificationRuns
{
public:
    explicit VerificationRuns(Database& database)
        : m_database(database)
    {}

    qint64 begin(const QString& note, const QDateTime& asOf = QDateTime()); // 0 on error
    bool finish(qint64 runId);
    QList<VerificationRun> all();
    // The runs that hold results for one message, oldest first.
    QList<VerificationRun> forMessage(qint64 messageId);
    QString lastError() const { return m_lastError; }

private:
    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
