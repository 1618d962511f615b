// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Records.h"

#include <optional>

namespace authlens::store {

class Database;

// Where the incremental IMAP sync of each account's folder stands (RFC 3501 2.3.1.1).
class ImapSyncStates
{
public:
    explicit ImapSyncStates(Database& database)
        : m_database(database)
    {}

    std::optional<ImapSyncState> find(const QString& account, const QString& folder);
    bool save(const ImapSyncState& state); // inserts or replaces
    QString lastError() const { return m_lastError; }

private:
    Database& m_database;
    QString m_lastError;
};

} // namespace authlens::store
