// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Findings.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

namespace authlens::store {

QList<FindingRecord> Findings::list(bool includeDismissed)
{
    QSqlQuery query(m_database.connection());
    const QString sql = QStringLiteral(
        "SELECT id, finding_id, severity, subject, message, fix, corrected_record, reference, dismissed, "
        "dismissed_reason, first_seen_at, last_seen_at, occurrences, example_message_id FROM findings %1 "
        "ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, occurrences DESC, id");
    if (!query.exec(sql.arg(includeDismissed ? QString() : QStringLiteral("WHERE dismissed = 0")))) {
        m_lastError = query.lastError().text();
        return {};
    }
    QList<FindingRecord> result;
    while (query.next()) {
        FindingRecord finding;
        finding.rowId = query.value(0).toLongLong();
        finding.id = query.value(1).toString();
        finding.severity = column::severityFromWord(query.value(2).toString());
        finding.subject = query.value(3).toString();
        finding.message = query.value(4).toString();
        finding.fix = query.value(5).toString();
        finding.correctedRecord = query.value(6).toString();
        finding.reference = query.value(7).toString();
        finding.dismissed = query.value(8).toInt() != 0;
        finding.dismissedReason = query.value(9).toString();
        finding.firstSeenAt = column::toTime(query.value(10));
        finding.lastSeenAt = column::toTime(query.value(11));
        finding.occurrences = query.value(12).toLongLong();
        finding.exampleMessageId = query.value(13).toLongLong();
        result.append(finding);
    }
    return result;
}

bool Findings::dismiss(qint64 rowId, const QString& reason)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE findings SET dismissed = 1, dismissed_reason = ? WHERE id = ?"));
    update.addBindValue(reason);
    update.addBindValue(rowId);
    if (!update.exec() || update.numRowsAffected() != 1) {
        m_lastError =
            update.lastError().isValid() ? update.lastError().text() : QStringLiteral("no such finding");
        return false;
    }
    return true;
}

bool Findings::restore(qint64 rowId)
{
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE findings SET dismissed = 0, dismissed_reason = NULL WHERE id = ?"));
    update.addBindValue(rowId);
    if (!update.exec() || update.numRowsAffected() != 1) {
        m_lastError =
            update.lastError().isValid() ? update.lastError().text() : QStringLiteral("no such finding");
        return false;
    }
    return true;
}

bool Findings::replaceComputed(const QString& findingId, const QList<FindingRecord>& current)
{
    QSqlDatabase connection = m_database.connection();
    if (!connection.transaction()) {
        m_lastError = connection.lastError().text();
        return false;
    }
    const auto fail = [&](const QSqlQuery& query) {
        m_lastError = query.lastError().text();
        connection.rollback();
        return false;
    };
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList keys;
    const QStringList columns = {QStringLiteral("content_key"),  QStringLiteral("finding_id"),
                                 QStringLiteral("severity"),     QStringLiteral("subject"),
                                 QStringLiteral("message"),      QStringLiteral("fix"),
                                 QStringLiteral("reference"),    QStringLiteral("first_seen_at"),
                                 QStringLiteral("last_seen_at"), QStringLiteral("occurrences")};
    QSqlQuery upsert(connection);
    upsert.prepare(m_database.dialect().upsert(
        QStringLiteral("findings"), columns, {QStringLiteral("content_key")},
        QStringLiteral("severity = excluded.severity, message = excluded.message, fix = excluded.fix, "
                       "reference = excluded.reference, last_seen_at = excluded.last_seen_at, "
                       "occurrences = excluded.occurrences")));
    for (const FindingRecord& finding : current) {
        // Keyed without the message text, which carries the counts (unlike findings met on messages).
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(QByteArrayView("computed"));
        for (const QString& part : {finding.id, finding.subject}) {
            hash.addData(part.toUtf8());
            hash.addData(QByteArrayView("\0", 1));
        }
        const QString key = QString::fromLatin1(hash.result().toHex());
        keys << key;
        const QVariantList values = {key,
                                     finding.id,
                                     column::severityWord(finding.severity),
                                     column::fromText(finding.subject),
                                     column::fromText(finding.message),
                                     column::fromText(finding.fix),
                                     column::fromText(finding.reference),
                                     column::fromTime(now),
                                     column::fromTime(now),
                                     qMax<qint64>(1, finding.occurrences)};
        for (qsizetype i = 0; i < values.size(); ++i)
            upsert.bindValue(int(i), values.at(i));
        if (!upsert.exec())
            return fail(upsert);
    }
    // The ones that no longer hold go; dismissed ones keep the analyst's reason.
    QSqlQuery stale(connection);
    stale.prepare(
        QStringLiteral("SELECT id, content_key FROM findings WHERE finding_id = ? AND dismissed = 0"));
    stale.addBindValue(findingId);
    if (!stale.exec())
        return fail(stale);
    QList<qint64> staleIds;
    while (stale.next()) {
        if (!keys.contains(stale.value(1).toString()))
            staleIds << stale.value(0).toLongLong();
    }
    QSqlQuery remove(connection);
    remove.prepare(QStringLiteral("DELETE FROM findings WHERE id = ?"));
    for (qint64 id : staleIds) {
        remove.addBindValue(id);
        if (!remove.exec())
            return fail(remove);
    }
    if (!connection.commit()) {
        m_lastError = connection.lastError().text();
        return false;
    }
    return true;
}

} // namespace authlens::store
