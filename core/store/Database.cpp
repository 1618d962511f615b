// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Database.h"

#include "store/Schema.h"
#include "store/SqliteDialect.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace authlens::store {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("authlens.store.%1").arg(++counter);
}

} // namespace

Database::Database(QString path, QString connectionName, std::unique_ptr<SqlDialect> dialect)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
    , m_dialect(std::move(dialect))
    , m_thread(QThread::currentThread())
{}

Database::~Database()
{
    if (!isOwnedByCurrentThread()) {
        qWarning("authlens store: database %s closed from a thread that did not open it",
                 qUtf8Printable(m_path));
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Database::OpenResult Database::open(const QString& path)
{
    return open(path, OpenOptions{});
}

Database::OpenResult Database::open(const QString& path, const OpenOptions& options)
{
    const QFileInfo info(path);
    if (options.mustExist && !info.exists())
        return {nullptr, QStringLiteral("%1: no such database file").arg(path)};
    if (info.exists() && !info.isFile())
        return {nullptr, QStringLiteral("%1: not a file").arg(path)};
    if (!info.exists() && !info.absoluteDir().exists())
        return {nullptr, QStringLiteral("%1: the folder does not exist").arg(path)};

    auto dialect = std::make_unique<SqliteDialect>();
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect->driverName(), name);
        if (!db.isValid()) {
            QSqlDatabase::removeDatabase(name);
            return {nullptr, QStringLiteral("%1: the Qt SQL driver %2 is not installed (libqt6sql6-sqlite)")
                                 .arg(path, dialect->driverName())};
        }
    }
    std::unique_ptr<Database> database(new Database(path, name, std::move(dialect)));
    QSqlDatabase db = database->connection();
    db.setDatabaseName(path);
    if (!db.open())
        return {nullptr, QStringLiteral("%1: cannot open: %2").arg(path, db.lastError().text())};

    for (const QString& statement : database->dialect().connectionSetup()) {
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            return {nullptr, QStringLiteral("%1: not an Authlens database or unreadable: %2")
                                 .arg(path, query.lastError().text())};
        }
    }
    if (const QString error = database->migrate(options.targetVersion); !error.isEmpty())
        return {nullptr, QStringLiteral("%1: %2").arg(path, error)};
    return {std::move(database), QString()};
}

QString Database::migrate(std::optional<int> targetVersion)
{
    QSqlDatabase db = connection();
    const std::optional<int> current = m_dialect->schemaVersion(db);
    if (!current)
        return QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
    const int target = targetVersion.value_or(Schema::latestVersion());
    if (*current > Schema::latestVersion()) {
        return QStringLiteral("the database has schema version %1, newer than this Authlens knows (%2)")
            .arg(*current)
            .arg(Schema::latestVersion());
    }
    for (const Migration& migration : Schema::migrations(*m_dialect)) {
        if (migration.version <= *current || migration.version > target)
            continue;
        // Each step is one transaction, version stamp included: a step either happens entirely or not.
        // The write lock comes first and the version is read again under it, because another process
        // may have migrated the same file while this one waited.
        if (QSqlQuery begin(db); !begin.exec(m_dialect->beginWriteTransactionStatement()))
            return QStringLiteral("cannot start migration %1: %2")
                .arg(migration.version)
                .arg(begin.lastError().text());
        const std::optional<int> underLock = m_dialect->schemaVersion(db);
        if (!underLock || *underLock >= migration.version) {
            db.commit();
            if (!underLock)
                return QStringLiteral("cannot read the schema version: %1").arg(db.lastError().text());
            continue;
        }
        QStringList statements = migration.statements;
        statements << m_dialect->setSchemaVersionStatement(migration.version);
        for (const QString& statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(statement)) {
                const QString error = QStringLiteral("migration to version %1 failed: %2 (in: %3)")
                                          .arg(migration.version)
                                          .arg(query.lastError().text(), statement.left(80));
                query.finish();
                db.rollback();
                return error;
            }
        }
        if (!db.commit())
            return QStringLiteral("migration to version %1 failed to commit: %2")
                .arg(migration.version)
                .arg(db.lastError().text());
    }
    return QString();
}

QSqlDatabase Database::connection() const
{
    if (!isOwnedByCurrentThread()) {
        qWarning("authlens store: database %s used from a thread that did not open it; open one per thread",
                 qUtf8Printable(m_path));
        return QSqlDatabase();
    }
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::isOwnedByCurrentThread() const
{
    return QThread::currentThread() == m_thread;
}

int Database::schemaVersion() const
{
    return m_dialect->schemaVersion(connection()).value_or(-1);
}

QString Database::integrityCheck() const
{
    return m_dialect->integrityCheck(connection());
}

bool Database::beginTransaction()
{
    QSqlDatabase db = connection();
    if (!db.isValid() || !db.transaction()) {
        m_lastError = db.isValid() ? db.lastError().text() : QStringLiteral("wrong thread");
        return false;
    }
    return true;
}

bool Database::commit()
{
    QSqlDatabase db = connection();
    if (!db.isValid() || !db.commit()) {
        m_lastError = db.isValid() ? db.lastError().text() : QStringLiteral("wrong thread");
        return false;
    }
    return true;
}

bool Database::rollback()
{
    QSqlDatabase db = connection();
    if (!db.isValid() || !db.rollback()) {
        m_lastError = db.isValid() ? db.lastError().text() : QStringLiteral("wrong thread");
        return false;
    }
    return true;
}

} // namespace authlens::store
