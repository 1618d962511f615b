// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/ImapImportReader.h"

#include "pipeline/Importer.h"
#include "sources/imap/ImapSync.h"
#include "store/ImapSyncStates.h"

#include <QDateTime>
#include <QEventLoop>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace authlens::pipeline {

ImapImportReader::ImapImportReader(const QString& url, const ImportOptions& options)
    : m_secret(options.imapSecret)
    , m_maxMessageSize(options.reader.maxMessageSize)
    , m_maxLiteralSize(options.imapMaxLiteralSize)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    const QString scheme = url.left(schemeEnd).toLower();
    m_account.security = scheme == QLatin1String("imaps") ? sources::imap::ImapAccount::Security::ImplicitTls
                                                          : sources::imap::ImapAccount::Security::StartTls;
    m_account.port = scheme == QLatin1String("imaps") ? 993 : 143;
    QString rest = url.mid(schemeEnd + 3);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash >= 0) {
        const QString folder = QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8());
        if (!folder.isEmpty())
            m_folder = folder;
        rest = rest.left(slash);
    }
    // The user name may itself hold '@' (user@example.com@imap.example.com): the last one separates.
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at <= 0) {
        m_error = QStringLiteral("give the account as imaps://user@host[:port]/Folder");
        return;
    }
    m_account.user = QUrl::fromPercentEncoding(rest.left(at).toUtf8());
    QString hostPort = rest.mid(at + 1);
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && !hostPort.endsWith(QLatin1Char(']'))) {
        bool ok = false;
        const uint port = hostPort.mid(colon + 1).toUInt(&ok);
        if (!ok || port == 0 || port > 65535) {
            m_error = QStringLiteral("the port must be a number from 1 to 65535");
            return;
        }
        m_account.port = quint16(port);
        hostPort = hostPort.left(colon);
    }
    if (hostPort.startsWith(QLatin1Char('[')) && hostPort.endsWith(QLatin1Char(']')))
        hostPort = hostPort.mid(1, hostPort.size() - 2);
    m_account.host = hostPort;
    if (m_account.host.isEmpty()) {
        m_error = QStringLiteral("no host name");
        return;
    }
    m_account.authMethod =
        options.imapXOAuth2 ? sources::imap::ImapAccount::AuthMethod::XOAuth2 : options.imapAuthMethod;
    m_account.pinnedSha256 = sources::imap::ImapAccount::normalizedFingerprint(options.imapPinnedSha256);
    m_account.connectTimeoutMs = std::max(1, options.imapConnectTimeoutMs);
    m_account.commandTimeoutMs = std::max(1, options.imapCommandTimeoutMs);
}

QString ImapImportReader::locator() const
{
    const bool implicitTls = m_account.security == sources::imap::ImapAccount::Security::ImplicitTls;
    return (implicitTls ? QStringLiteral("imaps://") : QStringLiteral("imap://")) + m_account.key() +
           QLatin1Char('/') + m_folder;
}

bool ImapImportReader::read(store::Database& database, const std::function<void(ImportJob&&)>& push,
                            const std::atomic_bool& cancel, const std::atomic_bool& failed, qint64& bytesRead)
{
    namespace imap = sources::imap;
    const QString account = m_account.key();
    imap::SyncState state;
    store::ImapSyncStates states(database);
    if (const std::optional<store::ImapSyncState> stored = states.find(account, m_folder)) {
        state.uidValidity = quint32(stored->uidValidity);
        state.highestUid = quint32(stored->highestUid);
    }
    imap::SyncOptions options;
    options.folder = m_folder;
    options.maxMessageSize = m_maxMessageSize;
    options.maxLiteralSize = m_maxLiteralSize;
    const QString where = locator();

    QEventLoop loop;
    imap::ImapSync sync(m_account);
    imap::SyncReport report;
    bool done = false;
    QTimer cancelWatch;
    QObject::connect(&cancelWatch, &QTimer::timeout, &sync, [&] {
        if (cancel || failed)
            sync.cancel();
    });
    cancelWatch.start(100);
    const auto onMessage = [&](const imap::FetchedMessage& message, const imap::SyncState& after) {
        ImportJob job;
        job.locator.path = where;
        job.locator.imapFolder = m_folder;
        job.locator.imapUidValidity = after.uidValidity;
        job.locator.imapUid = message.uid;
        job.errorPath = where;
        job.uid = message.uid;
        job.bytes = message.bytes;
        bytesRead += message.bytes.size();
        job.resume.imapState = store::ImapSyncState{account, m_folder, after.uidValidity, after.highestUid,
                                                    QDateTime::currentDateTimeUtc()};
        push(std::move(job));
    };
    sync.start(m_secret, state, options, onMessage, [&](const imap::SyncReport& r) {
        report = r;
        done = true;
        loop.quit();
    });
    m_secret.fill('\0'); // handed to the client; not kept here
    if (!done)
        loop.exec();

    // Skipped messages and notes go to the import log beside the messages, with the final state (a
    // folder with nothing new still records that it was looked at).
    ImportJob tail;
    for (const imap::SkippedMessage& skipped : report.skipped) {
        store::ImportError entry;
        entry.path = where;
        entry.uid = skipped.uid;
        entry.message = QStringLiteral("error: ") + skipped.reason;
        tail.logEntries.append(entry);
        ++tail.failedMessages;
    }
    for (const QString& note : report.notes) {
        store::ImportError entry;
        entry.path = where;
        entry.message = QStringLiteral("note: ") + note;
        tail.logEntries.append(entry);
    }
    if (!report.result.ok() && report.result.status != sources::imap::ImapResult::Status::Cancelled) {
        m_error = report.result.reason; // shown beside the source (CLI) or in the log row naming it
        store::ImportError entry;
        entry.path = where;
        entry.message = QStringLiteral("error: ") + m_error;
        tail.logEntries.append(entry);
    } else if (report.result.ok()) {
        tail.resume.imapState =
            store::ImapSyncState{account, m_folder, report.state.uidValidity, report.state.highestUid,
                                 QDateTime::currentDateTimeUtc()};
    }
    push(std::move(tail));
    return report.result.ok() && !cancel;
}

} // namespace authlens::pipeline
