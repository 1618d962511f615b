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
};

} // namespace authlens::store
