// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/ImportJob.h"
#include "sources/imap/ImapAccount.h"

#include <atomic>
#include <functional>

namespace authlens::store {
class Database;
}

namespace authlens::pipeline {

struct ImportOptions;

// The import's reader for one IMAP folder, given as imaps://user@host[:port]/Folder (implicit TLS,
// port 993) or imap://user@host[:port]/Folder (STARTTLS, port 143). Incremental through
// sources::imap::ImapSync: it starts from the sync state stored with the messages, and every job
// carries the state that includes its message, which the writer stores only after the message is
// committed, so a killed import fetches exactly what is missing next time.
class ImapImportReader
{
public:
    ImapImportReader(const QString& url, const ImportOptions& options);

    QString error() const { return m_error; }
    // imaps://user@host:port/Folder: never a secret.
    QString locator() const;

    // Runs the sync on this thread (a local event loop); true when the folder was read to the end.
    bool read(store::Database& database, const std::function<void(ImportJob&&)>& push,
              const std::atomic_bool& cancel, const std::atomic_bool& failed, qint64& bytesRead);

private:
    sources::imap::ImapAccount m_account;
    QString m_folder = QStringLiteral("INBOX");
    QByteArray m_secret;
    qint64 m_maxMessageSize = 0;
    qint64 m_maxLiteralSize = 0;
    QString m_error;
};

} // namespace authlens::pipeline
