// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapSync.h"

#include <QEventLoop>

#include <algorithm>
#include <limits>

namespace authlens::sources::imap {

ImapSync::ImapSync(ImapAccount account, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
{}

ImapSync::~ImapSync()
{
    delete m_client;
}

void ImapSync::start(QByteArray secret, SyncState state, SyncOptions options, MessageHandler onMessage,
                     ReportHandler done)
{
    if (m_client) {
        secret.fill('\0');
        SyncReport busy;
        busy.state = state;
        busy.result = ImapResult::failure(ImapResult::Status::Cancelled,
                                          tr("A sync of this account is already running."));
        done(busy);
        return;
    }
    m_options = std::move(options);
    m_onMessage = std::move(onMessage);
    m_done = std::move(done);
    m_report = SyncReport{};
    m_report.state = state;
    m_uids.clear();
    m_early.clear();
    m_windowStart = m_windowEnd = m_nextExpected = 0;
    m_clock.start();
    m_highestFound = 0;
    m_client = new ImapClient(m_account, this);
    ResponseParser::Limits limits;
    limits.maxLiteralSize = m_options.maxLiteralSize > 0
                                ? m_options.maxLiteralSize
                                : std::max<qint64>(m_options.maxMessageSize, 1) + 64 * 1024;
    limits.maxResponseSize = std::max(limits.maxResponseSize, limits.maxLiteralSize + limits.maxLineLength);
    m_client->setResponseLimits(limits);
    m_client->open([this, secret = std::move(secret)](const ImapResult& r) mutable {
        if (!r.ok()) {
            secret.fill('\0');
            return finish(r);
        }
        afterOpen(std::move(secret));
    });
}

void ImapSync::cancel()
{
    if (m_client)
        m_client->abort();
}

void ImapSync::afterOpen(QByteArray secret)
{
    if (m_client->pinnedCertificateUsed())
        m_report.notes << tr("Connected to %1 with the pinned certificate.").arg(m_account.host);
    m_client->authenticate(std::move(secret), [this](const ImapResult& r) {
        if (!r.ok())
            return finish(r);
        m_client->examine(m_options.folder, [this](const ImapResult& e, const MailboxStatus& status) {
            if (!e.ok())
                return finish(e);
            afterExamine(status);
        });
    });
}

void ImapSync::afterExamine(const MailboxStatus& status)
{
    SyncState& state = m_report.state;
    if (state.uidValidity != 0 && state.uidValidity != status.uidValidity) {
        // RFC 3501 2.3.1.1: a new UIDVALIDITY means the old UIDs name nothing any more; the folder was
        // recreated or renumbered, so everything in it is fetched again.
        m_report.fullResync = true;
        m_report.notes << tr("The UIDVALIDITY of \"%1\" changed from %2 to %3 (the folder was recreated or "
                             "renumbered on the server): fetching all its messages again.")
                              .arg(m_options.folder)
                              .arg(state.uidValidity)
                              .arg(status.uidValidity);
        state.highestUid = 0;
    }
    state.uidValidity = status.uidValidity;
    if (status.exists == 0)
        return finish(ImapResult::success());
    if (state.highestUid == std::numeric_limits<quint32>::max())
        return finish(ImapResult::success());
    SearchCriteria criteria;
    criteria.minUid = state.highestUid + 1;
    criteria.since = m_options.since;
    m_client->uidSearch(criteria, [this](const ImapResult& r, const QList<quint32>& uids) {
        if (!r.ok())
            return finish(r);
        afterSearch(uids);
    });
}

void ImapSync::afterSearch(const QList<quint32>& uids)
{
    m_report.found = int(uids.size());
    m_highestFound = uids.isEmpty() ? 0 : uids.last();
    if (uids.isEmpty())
        return finish(ImapResult::success());
    // Sizes first: a message over the limit is skipped with a note instead of breaking the
    // connection (the parser's literal limit is only the backstop for a server that lies).
    m_client->fetchSizes(uids, [this, uids](const ImapResult& r, const QMap<quint32, quint64>& sizes) {
        if (!r.ok())
            return finish(r);
        for (quint32 uid : uids) {
            const quint64 size = sizes.value(uid, 0);
            if (size > quint64(m_options.maxMessageSize)) {
                m_report.skipped.append({uid, tr("Message UID %1 in \"%2\" is %3 bytes, over the limit of %4 "
                                                 "bytes (message-size); not imported.")
                                                  .arg(uid)
                                                  .arg(m_options.folder)
                                                  .arg(size)
                                                  .arg(m_options.maxMessageSize)});
                continue;
            }
            m_uids.append(uid);
        }
        if (!m_report.skipped.isEmpty())
            m_report.notes << tr("%n message(s) over the size limit were not imported.", "",
                                 int(m_report.skipped.size()));
        fetchWindow();
    });
}

void ImapSync::fetchWindow()
{
    if (m_windowEnd >= m_uids.size())
        return finish(ImapResult::success());
    m_windowStart = m_windowEnd;
    m_windowEnd = std::min<qsizetype>(m_uids.size(), m_windowStart + std::max(1, m_options.windowSize));
    const QList<quint32> window = m_uids.mid(m_windowStart, m_windowEnd - m_windowStart);
    m_client->fetch(
        window, [this](FetchedMessage&& m) { accept(std::move(m)); },
        [this](const ImapResult& r) {
            if (!r.ok())
                return finish(r); // messages held back for order are dropped: the next sync fetches them
            int vanished = 0;
            for (; m_nextExpected < m_windowEnd; ++m_nextExpected) {
                auto it = m_early.find(m_uids[m_nextExpected]);
                if (it == m_early.end()) {
                    ++vanished; // expunged between UID SEARCH and UID FETCH
                    continue;
                }
                deliver(it->second);
                m_early.erase(it);
            }
            m_early.clear();
            // Every UID of the window is now delivered or gone, so the state may pass the gaps.
            m_report.state.highestUid = std::max(m_report.state.highestUid, m_uids[m_windowEnd - 1]);
            if (vanished > 0)
                m_report.notes << tr("%n message(s) were deleted on the server while being fetched.", "",
                                     vanished);
            fetchWindow();
        },
        m_options.batchSize, m_options.inFlight);
}

void ImapSync::accept(FetchedMessage&& message)
{
    if (m_nextExpected >= m_windowEnd)
        return;
    if (message.uid == m_uids[m_nextExpected]) {
        deliver(message);
        ++m_nextExpected;
        // Deliver what arrived early and is now next in line.
        while (m_nextExpected < m_windowEnd) {
            auto it = m_early.find(m_uids[m_nextExpected]);
            if (it == m_early.end())
                break;
            deliver(it->second);
            m_early.erase(it);
            ++m_nextExpected;
        }
        return;
    }
    const auto begin = m_uids.begin() + m_nextExpected;
    const auto end = m_uids.begin() + m_windowEnd;
    if (std::binary_search(begin, end, message.uid))
        m_early.emplace(message.uid, std::move(message)); // duplicates and strays are ignored
}

void ImapSync::deliver(const FetchedMessage& message)
{
    m_report.state.highestUid = message.uid;
    ++m_report.delivered;
    m_report.bytes += message.bytes.size();
    if (m_onMessage)
        m_onMessage(message, m_report.state);
}

void ImapSync::finish(const ImapResult& result)
{
    m_report.result = result;
    if (result.ok()) // every UID found is now delivered, skipped or gone
        m_report.state.highestUid = std::max(m_report.state.highestUid, m_highestFound);
    m_report.seconds = m_clock.nsecsElapsed() / 1e9;
    ImapClient* client = std::exchange(m_client, nullptr);
    ReportHandler done = std::exchange(m_done, {});
    const SyncReport report = m_report;
    if (result.ok() && client && client->isConnected()) {
        client->logout([client](const ImapResult&) { client->deleteLater(); });
    } else if (client) {
        client->abort();
        client->deleteLater();
    }
    if (done)
        done(report);
}

SyncReport ImapSync::runBlocking(const ImapAccount& account, QByteArray secret, const SyncState& state,
                                 const SyncOptions& options, const MessageHandler& onMessage)
{
    QEventLoop loop;
    ImapSync sync(account);
    SyncReport report;
    bool finished = false;
    sync.start(std::move(secret), state, options, onMessage, [&](const SyncReport& r) {
        report = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return report;
}

} // namespace authlens::sources::imap
