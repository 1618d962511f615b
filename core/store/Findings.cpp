// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/Findings.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

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

} // namespace authlens::store
