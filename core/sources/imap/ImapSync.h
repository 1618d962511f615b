// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>

#include <functional>
#include <map>

namespace authlens::sources::imap {

// What must survive between syncs of one folder of one account (RFC 3501 2.3.1.1): the caller
// persists it together with the messages it stored, so a crash never loses or repeats one.
struct SyncState
{
    quint32 uidValidity = 0; // 0: never synced
    quint32 highestUid = 0;  // every message with a UID up to this one has been delivered

    bool operator==(const SyncState&) const = default;
};

struct SyncOptions
{
    QString folder = QStringLiteral("INBOX");
    std::optional<QDate> since; // only messages with an internal date on or after this day
    int batchSize = 250;        // UIDs per UID FETCH command
    int inFlight = 4;           // UID FETCH commands outstanding at once
    int windowSize = 2000;      // UIDs fetched before delivery order is settled (bounds memory)
    qint64 maxMessageSize = 100LL * 1024 * 1024; // larger messages are skipped with a note
    // One literal in a response; 0: maxMessageSize + 64 KiB. A literal past it breaks the connection
    // with an error naming the limit: only a server that sends more than the size it announced hits it.
    qint64 maxLiteralSize = 0;
};

// A message the sync did not deliver, for the import log.
struct SkippedMessage
{
    quint32 uid = 0;
    QString reason;
};

struct SyncReport
{
    ImapResult result;
    SyncState state;         // the state to persist; valid even when result failed
    bool fullResync = false; // UIDVALIDITY changed: every message was fetched again
    QStringList notes;       // plain-language remarks for the import log
    QList<SkippedMessage> skipped;
    int found = 0;     // UIDs the search returned
    int delivered = 0; // messages passed to onMessage in this run
    qint64 bytes = 0;
    double seconds = 0;
    double messagesPerSecond() const { return seconds > 0 ? delivered / seconds : 0; }
};

// One incremental sync of one folder: connect, authenticate, EXAMINE, UID SEARCH for what is new,
// fetch it. Messages are delivered in ascending UID order together with the state that includes
// them, so a sync that is cut off (server drop, timeout, cancel) resumes next time with exactly the
// messages still missing.
class ImapSync : public QObject
{
    Q_OBJECT

public:
    using MessageHandler = std::function<void(const FetchedMessage&, const SyncState&)>;
    using ReportHandler = std::function<void(const SyncReport&)>;

    explicit ImapSync(ImapAccount account, QObject* parent = nullptr);
    ~ImapSync() override;

    // `secret` is the password or XOAUTH2 token; it is handed to the client and not kept.
    void start(QByteArray secret, SyncState state, SyncOptions options, MessageHandler onMessage,
               ReportHandler done);
    void cancel();
    bool isRunning() const { return m_client != nullptr; }

    // Runs a sync to the end in a local event loop: for the command line, tests and worker threads;
    // never call it on a GUI thread.
    static SyncReport runBlocking(const ImapAccount& account, QByteArray secret, const SyncState& state,
                                  const SyncOptions& options, const MessageHandler& onMessage);

private:
    void afterOpen(QByteArray secret);
    void afterExamine(const MailboxStatus& status);
    void afterSearch(const QList<quint32>& uids);
    void fetchWindow();
    void accept(FetchedMessage&& message);
    void deliver(const FetchedMessage& message);
    void finish(const ImapResult& result);

    ImapAccount m_account;
    ImapClient* m_client = nullptr;
    SyncOptions m_options;
    MessageHandler m_onMessage;
    ReportHandler m_done;
    SyncReport m_report;
    QList<quint32> m_uids; // to fetch, ascending
    quint32 m_highestFound = 0;
    qsizetype m_windowStart = 0;
    qsizetype m_windowEnd = 0;
    qsizetype m_nextExpected = 0;              // index in m_uids of the next UID to deliver
    std::map<quint32, FetchedMessage> m_early; // arrived ahead of a lower UID in this window
    QElapsedTimer m_clock;
};

} // namespace authlens::sources::imap
