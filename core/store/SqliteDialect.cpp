// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/SqliteDialect.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace authlens::store {

namespace {

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks << QStringLiteral("?");
    return marks.join(QLatin1Char(','));
}

QString plainInsert(const QString& table, const QStringList& columns)
{
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
        .arg(table, columns.join(QLatin1Char(',')), placeholders(columns.size()));
}

// The connection's sqlite3 handle (Qt's QSQLITE driver links the system SQLite this library links), or
// null for another driver.
sqlite3* handleOf(const QSqlDatabase& connection)
{
    if (!connection.isValid() || connection.driver() == nullptr)
        return nullptr;
    const QVariant handle = connection.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(handle.constData());
}

bool setTriggersEnabled(sqlite3* database, bool enabled)
{
    int now = -1;
    return sqlite3_db_config(database, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0, &now) == SQLITE_OK &&
           now == (enabled ? 1 : 0);
}

} // namespace

QString SqliteDialect::driverName() const
{
    return QStringLiteral("QSQLITE");
}

QStringList SqliteDialect::connectionSetup() const
{
    // WAL: readers (the views) never block the import's writer, and a killed writer loses at most the
    // open transaction. synchronous=NORMAL is durable across process crashes in WAL mode (only a power
    // loss can drop the last commits), at a fraction of FULL's fsyncs. SQLite leaves foreign keys off
    // unless asked, per connection. A 32 MB page cache keeps the random-keyed indexes (content hash) of
    // a whole batch in memory instead of spilling dirty pages before the commit.
    // 16 KB pages (set before the first write, so only new databases get them): the compressed raw
    // messages are overflow chains, and SQLite writes each WAL page with its own system calls; writing
    // 20,000 blobs of the benchmark corpus's sizes took 1.8 times the CPU time with 4 KB pages.
    return {QStringLiteral("PRAGMA page_size=16384"),    QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),    QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA busy_timeout=10000"), QStringLiteral("PRAGMA cache_size=-32768")};
}

QString SqliteDialect::autoIdColumn() const
{
    // An alias of the rowid: the cheapest key SQLite has.
    return QStringLiteral("INTEGER PRIMARY KEY");
}

QString SqliteDialect::blobType() const
{
    return QStringLiteral("BLOB");
}

QString SqliteDialect::beginWriteTransactionStatement() const
{
    // A deferred BEGIN would read the old version, then fail on "table already exists" (or with a
    // stale WAL snapshot) once the other process has committed; IMMEDIATE waits for it (busy_timeout).
    return QStringLiteral("BEGIN IMMEDIATE");
}

std::optional<int> SqliteDialect::schemaVersion(const QSqlDatabase& connection) const
{
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return std::nullopt;
    return query.value(0).toInt();
}

QString SqliteDialect::setSchemaVersionStatement(int version) const
{
    return QStringLiteral("PRAGMA user_version=%1").arg(version);
}

QString SqliteDialect::insertReturningIdUnlessConflict(const QString& table, const QStringList& columns,
                                                       const QStringList& conflictColumns) const
{
    // SQLite 3.35+ (Debian 12 has 3.40): no row comes back when the conflict clause skipped the insert.
    return plainInsert(table, columns) + QStringLiteral(" ON CONFLICT (%1) DO NOTHING RETURNING id")
                                             .arg(conflictColumns.join(QLatin1Char(',')));
}

QString SqliteDialect::insertRowsUnlessConflict(const QString& table, const QStringList& columns,
                                                const QStringList& conflictColumns, int rows) const
{
    const QString row = QStringLiteral("(%1)").arg(placeholders(columns.size()));
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values << row;
    return QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (%4) DO NOTHING")
        .arg(table, columns.join(QLatin1Char(',')), values.join(QLatin1Char(',')),
             conflictColumns.join(QLatin1Char(',')));
}

QString SqliteDialect::upsert(const QString& table, const QStringList& columns,
                              const QStringList& conflictColumns, const QString& updateAssignments) const
{
    return plainInsert(table, columns) + QStringLiteral(" ON CONFLICT (%1) DO UPDATE SET %2")
                                             .arg(conflictColumns.join(QLatin1Char(',')), updateAssignments);
}

QString SqliteDialect::insertReturningId(const QString& table, const QStringList& columns) const
{
    return plainInsert(table, columns) + QStringLiteral(" RETURNING id");
}

bool SqliteDialect::suspendTriggers(const QSqlDatabase& connection,
                                    const QStringList& maintainedByCaller) const
{
    sqlite3* database = handleOf(connection);
    if (database == nullptr)
        return false;
    QSqlQuery triggers(connection);
    if (!triggers.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
        return false;
    while (triggers.next()) {
        if (!maintainedByCaller.contains(triggers.value(0).toString()))
            return false; // someone else's trigger: it must run
    }
    triggers.finish();
    // Per connection, not stored: other connections (the views, a second writer) keep their triggers, and a
    // killed writer leaves nothing behind. SQLite re-prepares the connection's statements on their next
    // step, so statements prepared earlier follow the switch.
    if (setTriggersEnabled(database, false))
        return true;
    setTriggersEnabled(database, true);
    return false;
}

void SqliteDialect::resumeTriggers(const QSqlDatabase& connection) const
{
    if (sqlite3* database = handleOf(connection))
        setTriggersEnabled(database, true);
}

QString SqliteDialect::integrityCheck(const QSqlDatabase& connection) const
{
    QSqlQuery query(connection);
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return query.lastError().text();
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(QLatin1Char('\n'));
}

QStringList SqliteDialect::queryPlan(const QSqlDatabase& connection, const QString& sql,
                                     const QVariantList& bindings) const
{
    QSqlQuery query(connection);
    query.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    for (const QVariant& value : bindings)
        query.addBindValue(value);
    QStringList steps;
    if (!query.exec())
        return {QStringLiteral("error: ") + query.lastError().text()};
    while (query.next())
        steps << query.value(3).toString(); // columns: id, parent, notused, detail
    return steps;
}

} // namespace authlens::store
