// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/VerificationRuns.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace authlens::store {

namespace {

QList<VerificationRun> runsFrom(QSqlQuery& query)
{
    QList<VerificationRun> runs;
    while (query.next()) {
        runs.append({query.value(0).toLongLong(), column::toTime(query.value(1)),
                     column::toTime(query.value(2)), column::toTime(query.value(3)),
                     query.value(4).toString()});
    }
    return runs;
}

} // namespace

qint64 VerificationRuns::begin(const QString& note, const QDateTime& asOf)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(m_database.dialect().insertReturningId(
        QStringLiteral("verification_runs"),
        {QStringLiteral("started_at"), QStringLiteral("as_of"), QStringLiteral("note")}));
    insert.addBindValue(column::fromTime(QDateTime::currentDateTimeUtc()));
    insert.addBindValue(column::fromTime(asOf));
    insert.addBindValue(column::fromText(note));
    if (!insert.exec() || !insert.next()) {
        m_lastError = insert.lastError().text();
        return 0;
    }
    return insert.value(0).toLongLong();
}

bool VerificationRuns::finish(qint64 runId)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE verification_runs SET finished_at = ? WHERE id = ?"));
    update.addBindValue(column::fromTime(QDateTime::currentDateTimeUtc()));
    update.addBindValue(runId);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return false;
    }
    return true;
}

QList<VerificationRun> VerificationRuns::all()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, started_at, finished_at, as_of, note FROM verification_runs ORDER BY id"))) {
        m_lastError = query.lastError().text();
        return {};
    }
    return runsFrom(query);
}

QList<VerificationRun> VerificationRuns::forMessage(qint64 messageId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT id, started_at, finished_at, as_of, note FROM verification_runs WHERE id IN ("
                       " SELECT run_id FROM dkim_signatures WHERE message_id = ?"
                       " UNION SELECT run_id FROM spf_results WHERE message_id = ?"
                       " UNION SELECT run_id FROM dmarc_results WHERE message_id = ?"
                       " UNION SELECT latest_run_id FROM messages WHERE id = ?) ORDER BY id"));
    for (int i = 0; i < 4; ++i)
        query.addBindValue(messageId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return {};
    }
    return runsFrom(query);
}

} // namespace authlens::store
