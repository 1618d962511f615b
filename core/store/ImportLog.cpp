// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ImportLog.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace authlens::store {

namespace {

ImportRun importFromRow(const QSqlQuery& query)
{
    ImportRun run;
    run.id = query.value(0).toLongLong();
    run.sourceId = query.value(1).toLongLong();
    run.startedAt = column::toTime(query.value(2));
    run.finishedAt = column::toTime(query.value(3));
    run.status = query.value(4).toString();
    run.messagesSeen = query.value(5).toLongLong();
    run.messagesNew = query.value(6).toLongLong();
    run.messagesDuplicate = query.value(7).toLongLong();
    run.messagesFailed = query.value(8).toLongLong();
    run.bytesRead = query.value(9).toLongLong();
    run.resumeOffset = column::toOptional(query.value(10));
    run.resumeIndex = column::toOptional(query.value(11));
    return run;
}

const char* const kImportSelect =
    "SELECT id, source_id, started_at, finished_at, status, messages_seen, messages_new, "
    "messages_duplicate, messages_failed, bytes_read, resume_offset, resume_index FROM imports";

} // namespace

qint64 ImportLog::sourceId(const QString& kind, const QString& locator, const QString& label)
{
    QSqlQuery find(m_database.connection());
    find.prepare(QStringLiteral("SELECT id FROM sources WHERE kind = ? AND locator = ?"));
    find.addBindValue(kind);
    find.addBindValue(locator);
    if (find.exec() && find.next())
        return find.value(0).toLongLong();
    QSqlQuery insert(m_database.connection());
    insert.prepare(m_database.dialect().insertReturningId(
        QStringLiteral("sources"), {QStringLiteral("kind"), QStringLiteral("locator"),
                                    QStringLiteral("label"), QStringLiteral("created_at")}));
    insert.addBindValue(kind);
    insert.addBindValue(locator);
    insert.addBindValue(column::fromText(label));
    insert.addBindValue(column::fromTime(QDateTime::currentDateTimeUtc()));
    if (!insert.exec() || !insert.next()) {
        m_lastError = insert.lastError().text();
        return 0;
    }
    return insert.value(0).toLongLong();
}

QList<Source> ImportLog::sources()
{
    QSqlQuery query(m_database.connection());
    QList<Source> result;
    if (!query.exec(QStringLiteral("SELECT id, kind, locator, label, created_at FROM sources ORDER BY id"))) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                       query.value(3).toString(), column::toTime(query.value(4))});
    }
    return result;
}

qint64 ImportLog::beginImport(qint64 sourceId)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(m_database.dialect().insertReturningId(
        QStringLiteral("imports"),
        {QStringLiteral("source_id"), QStringLiteral("started_at"), QStringLiteral("status")}));
    insert.addBindValue(column::fromId(sourceId));
    insert.addBindValue(column::fromTime(QDateTime::currentDateTimeUtc()));
    insert.addBindValue(QStringLiteral("running"));
    if (!insert.exec() || !insert.next()) {
        m_lastError = insert.lastError().text();
        return 0;
    }
    return insert.value(0).toLongLong();
}

qint64 ImportLog::markInterrupted(qint64 sourceId)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral(
        "UPDATE imports SET status = 'interrupted' WHERE source_id = ? AND status = 'running'"));
    update.addBindValue(sourceId);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return -1;
    }
    return update.numRowsAffected();
}

bool ImportLog::updateCounts(const ImportRun& run)
{
    QSqlQuery update(m_database.connection());
    update.prepare(
        QStringLiteral("UPDATE imports SET messages_seen = ?, messages_new = ?, messages_duplicate = ?, "
                       "messages_failed = ?, bytes_read = ? WHERE id = ?"));
    for (const QVariant& value :
         {QVariant(run.messagesSeen), QVariant(run.messagesNew), QVariant(run.messagesDuplicate),
          QVariant(run.messagesFailed), QVariant(run.bytesRead), QVariant(run.id)})
        update.addBindValue(value);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return false;
    }
    return true;
}

bool ImportLog::saveResumePoint(qint64 importId, qint64 offset, qint64 index)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE imports SET resume_offset = ?, resume_index = ? WHERE id = ?"));
    update.addBindValue(offset);
    update.addBindValue(index);
    update.addBindValue(importId);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return false;
    }
    return true;
}

bool ImportLog::finishImport(const ImportRun& run)
{
    if (!updateCounts(run))
        return false;
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE imports SET finished_at = ?, status = ? WHERE id = ?"));
    update.addBindValue(
        column::fromTime(run.finishedAt.isValid() ? run.finishedAt : QDateTime::currentDateTimeUtc()));
    update.addBindValue(run.status.isEmpty() ? QStringLiteral("finished") : run.status);
    update.addBindValue(run.id);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return false;
    }
    return true;
}

std::optional<ImportRun> ImportLog::importRun(qint64 importId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QString::fromLatin1(kImportSelect) + QStringLiteral(" WHERE id = ?"));
    query.addBindValue(importId);
    if (!query.exec() || !query.next())
        return std::nullopt;
    return importFromRow(query);
}

QList<ImportRun> ImportLog::imports(qint64 sourceId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QString::fromLatin1(kImportSelect) +
        (sourceId > 0 ? QStringLiteral(" WHERE source_id = ? ORDER BY id") : QStringLiteral(" ORDER BY id")));
    if (sourceId > 0)
        query.addBindValue(sourceId);
    QList<ImportRun> result;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(importFromRow(query));
    return result;
}

bool ImportLog::logError(const ImportError& error)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(m_database.dialect().insertReturningId(
        QStringLiteral("import_errors"),
        {QStringLiteral("import_id"), QStringLiteral("path"), QStringLiteral("byte_offset"),
         QStringLiteral("uid"), QStringLiteral("message"), QStringLiteral("occurred_at")}));
    insert.addBindValue(error.importId);
    insert.addBindValue(column::fromText(error.path));
    insert.addBindValue(column::fromOptional(error.offset));
    insert.addBindValue(column::fromOptional(error.uid));
    insert.addBindValue(error.message);
    insert.addBindValue(
        column::fromTime(error.occurredAt.isValid() ? error.occurredAt : QDateTime::currentDateTimeUtc()));
    if (!insert.exec()) {
        m_lastError = insert.lastError().text();
        return false;
    }
    return true;
}

QList<ImportError> ImportLog::errors(qint64 importId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral(
        "SELECT id, import_id, path, byte_offset, uid, message, occurred_at FROM import_errors "
        "WHERE import_id = ? ORDER BY id"));
    query.addBindValue(importId);
    QList<ImportError> result;
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return result;
    }
    while (query.next()) {
        result.append({query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                       column::toOptional(query.value(3)), column::toOptional(query.value(4)),
                       query.value(5).toString(), column::toTime(query.value(6))});
    }
    return result;
}

} // namespace authlens::store
