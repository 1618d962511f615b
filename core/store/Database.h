// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

class QThread;

namespace authlens::store {

// One open connection to the Authlens database file.
//
// Threads: a Qt SQL connection belongs to the thread that opened it. Each Database therefore owns a
// uniquely named connection bound to the thread that called open(); every other thread (the import's
// writer thread, a view's loader) opens its own Database on the same file. Using one from another
// thread is refused: connection() returns an invalid connection and logs a warning, so queries fail
// with an error instead of corrupting Qt's driver state.
class Database
{
public:
    struct OpenOptions
    {
        // Migrate up to this version only (tests build databases at every earlier version).
        std::optional<int> targetVersion;
        // Refuse to create a new file (the CLI's read-only commands).
        bool mustExist = false;
    };

    struct OpenResult
    {
        std::unique_ptr<Database> database; // null on error
        QString error;                      // names the path and the cause
    };

    static OpenResult open(const QString& path);
    static OpenResult open(const QString& path, const OpenOptions& options);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // The connection, or an invalid one when called from a thread other than the opening one.
    QSqlDatabase connection() const;
    bool isOwnedByCurrentThread() const;
    const SqlDialect& dialect() const { return *m_dialect; }
    QString path() const { return m_path; }
    int schemaVersion() const;
    QString integrityCheck() const;

    // Transactions for readers and writers that group statements; false with lastError() on failure.
    bool beginTransaction();
    bool commit();
    bool rollback();
    QString lastError() const { return m_lastError; }

private:
    Database(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect);
    QString migrate(std::optional<int> targetVersion);

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<SqlDialect> m_dialect;
    QThread* m_thread = nullptr;
    QString m_lastError;
};

} // namespace authlens::store
