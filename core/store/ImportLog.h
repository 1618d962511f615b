// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <optional>

namespace authlens::store {

class Database;

// Sources, the import runs over them, and each run's per-message errors.
class ImportLog
{
public:
    explicit ImportLog(Database& database)
        : m_database(database)
    {}

    // The source with this kind and locator, created on first use. 0 on error (see lastError()).
    qint64 sourceId(const QString& kind, const QString& locator, const QString& label = QString());
    QList<Source> sources();

    qint64 beginImport(qint64 sourceId);
    // Marks the source's runs still "running" as "interrupted": called as a new run of the source starts,
    // it finds only runs that were killed before they could record their end (or, rarely, one another
    // process still runs; its own end then overwrites the mark). Returns how many were marked, -1 on error.
    qint64 markInterrupted(qint64 sourceId);
    // Stores the counts and the final status ("finished", "cancelled", "failed").
    bool finishImport(const ImportRun& run);
    bool updateCounts(const ImportRun& run); // progress while running
    // Records how far the run got (committed messages only); the next import of the source reads on
    // from there when this run did not finish.
    bool saveResumePoint(qint64 importId, qint64 offset, qint64 index);
    std::optional<ImportRun> importRun(qint64 importId);
    QList<ImportRun> imports(qint64 sourceId = 0);

    bool logError(const ImportError& error);
    QList<ImportError> errors(qint64 importId);

    QString lastError() const { return m_lastError; }

private:
    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
