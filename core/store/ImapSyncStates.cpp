// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/ImapSyncStates.h"

#include "store/ColumnValues.h"
#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace authlens::store {

std::optional<ImapSyncState> ImapSyncStates::find(const QString& account, const QString& folder)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT uidvalidity, highest_uid, updated_at FROM imap_sync_state "
                                 "WHERE account = ? AND folder = ?"));
    query.addBindValue(account);
    query.addBindValue(folder);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return ImapSyncState{account, folder, query.value(0).toLongLong(), query.value(1).toLongLong(),
                         column::toTime(query.value(2))};
}

bool ImapSyncStates::save(const ImapSyncState& state)
{
    QSqlQuery upsert(m_database.connection());
    upsert.prepare(m_database.dialect().upsert(
        QStringLiteral("imap_sync_state"),
        {QStringLiteral("account"), QStringLiteral("folder"), QStringLiteral("uidvalidity"),
         QStringLiteral("highest_uid"), QStringLiteral("updated_at")},
        {QStringLiteral("account"), QStringLiteral("folder")},
        QStringLiteral("uidvalidity = excluded.uidvalidity, highest_uid = excluded.highest_uid, "
                       "updated_at = excluded.updated_at")));
    upsert.addBindValue(state.account);
    upsert.addBindValue(state.folder);
    upsert.addBindValue(state.uidValidity);
    upsert.addBindValue(state.highestUid);
    upsert.addBindValue(
        column::fromTime(state.updatedAt.isValid() ? state.updatedAt : QDateTime::currentDateTimeUtc()));
    if (!upsert.exec()) {
        m_lastError = upsert.lastError().text();
        return false;
    }
    return true;
}

} // namespace authlens::store
