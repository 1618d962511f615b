// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SqlDialect.h"

namespace authlens::store {

// The one place that knows SQLite: PRAGMAs, upsert syntax, user_version, EXPLAIN QUERY PLAN.
class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QStringList connectionSetup() const override;
    QString autoIdColumn() const override;
    QString blobType() const override;
    QString beginWriteTransactionStatement() const override;
    std::optional<int> schemaVersion(const QSqlDatabase& connection) const override;
    QString setSchemaVersionStatement(int version) const override;
    QString insertReturningIdUnlessConflict(const QString& table, const QStringList& columns,
                                            const QStringList& conflictColumns) const override;
    QString insertRowsUnlessConflict(const QString& table, const QStringList& columns,
                                     const QStringList& conflictColumns, int rows) const override;
    QString upsert(const QString& table, const QStringList& columns, const QStringList& conflictColumns,
                   const QString& updateAssignments) const override;
    QString insertReturningId(const QString& table, const QStringList& columns) const override;
    bool suspendTriggers(const QSqlDatabase& connection,
                         const QStringList& maintainedByCaller) const override;
    void resumeTriggers(const QSqlDatabase& connection) const override;
    QString integrityCheck(const QSqlDatabase& connection) const override;
    QStringList queryPlan(const QSqlDatabase& connection, const QString& sql,
                          const QVariantList& bindings) const override;
};

} // namespace authlens::store
