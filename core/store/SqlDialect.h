// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace authlens::store {

// Everything that differs between SQL engines lives behind this interface, so the schema and the
// queries stay standard SQL. SQLite is the only engine today (SqliteDialect); PostgreSQL comes later
// as a second implementation.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    // Statements run once on every new connection (journal mode, foreign keys, timeouts).
    virtual QStringList connectionSetup() const = 0;

    // Column types that have no common spelling.
    virtual QString autoIdColumn() const = 0; // "id <this>"
    virtual QString blobType() const = 0;

    // Begins a transaction that holds the write lock from its first statement, so that two processes
    // opening one database at once (the desktop and authlens-cli) migrate it one after the other.
    virtual QString beginWriteTransactionStatement() const = 0;
    // The schema version stamp, written inside the migration's transaction.
    virtual std::optional<int> schemaVersion(const QSqlDatabase& connection) const = 0;
    virtual QString setSchemaVersionStatement(int version) const = 0;

    // INSERT that does nothing when a row with the same `conflictColumns` exists and returns the new
    // row's id (one row) when it inserted; no row when it did not.
    virtual QString insertReturningIdUnlessConflict(const QString& table, const QStringList& columns,
                                                    const QStringList& conflictColumns) const = 0;
    // INSERT of `rows` rows in one statement (the placeholders row after row) that skips the rows whose
    // `conflictColumns` are stored already.
    virtual QString insertRowsUnlessConflict(const QString& table, const QStringList& columns,
                                             const QStringList& conflictColumns, int rows) const = 0;
    // INSERT, or on conflict UPDATE SET `updateAssignments` (which may name `excluded.<column>`).
    virtual QString upsert(const QString& table, const QStringList& columns,
                           const QStringList& conflictColumns, const QString& updateAssignments) const = 0;
    // INSERT returning the new row's id.
    virtual QString insertReturningId(const QString& table, const QStringList& columns) const = 0;

    // Bulk inserts: switches the triggers of this connection off and returns true when every trigger in the
    // schema is one of `maintainedByCaller` (the caller then does their work itself, once per batch, before
    // resumeTriggers()). False when the engine cannot or another trigger exists: nothing changed, the
    // triggers keep running (the portable path).
    virtual bool suspendTriggers(const QSqlDatabase& connection, const QStringList& maintainedByCaller) const
    {
        Q_UNUSED(connection);
        Q_UNUSED(maintainedByCaller);
        return false;
    }
    virtual void resumeTriggers(const QSqlDatabase& connection) const { Q_UNUSED(connection); }

    // "ok" when the database file is sound, else the engine's description of what is not.
    virtual QString integrityCheck(const QSqlDatabase& connection) const = 0;
    // The engine's query plan for `sql`, one line per step (for tests that check index use).
    virtual QStringList queryPlan(const QSqlDatabase& connection, const QString& sql,
                                  const QVariantList& bindings) const = 0;
};

} // namespace authlens::store
