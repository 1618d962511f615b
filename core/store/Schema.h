// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace authlens::store {

class SqlDialect;

// One forward step of the schema: the statements that take a database at `version - 1` to `version`.
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
};

// The schema as an ordered list of forward migrations. A new database runs them all; an older one runs
// those above its stamp. Released steps are never edited: a change is a new step at the end.
// Types are standard SQL (BIGINT, VARCHAR, TEXT, SMALLINT for booleans, times as BIGINT milliseconds
// since the epoch, UTC); the two that differ between engines come from the dialect.
class Schema
{
public:
    static std::vector<Migration> migrations(const SqlDialect& dialect);
    static int latestVersion();

    // The triggers that keep the summary tables (version 7) exact, row by row.
    static QStringList summaryTriggerNames();
    // A bulk writer that inserts messages and their newest run's signatures with those triggers off (one
    // write transaction; nothing else changes the messages meanwhile) brings the summaries up to date once
    // per batch with these statements, in this order: each binds one value, the highest message id stored
    // before the triggers went off. Per table, the counts of the new rows grouped by the table's keys are
    // added to the rows that exist, then the groups not present yet are inserted.
    static QStringList summaryCatchUpStatements();
};

} // namespace authlens::store
