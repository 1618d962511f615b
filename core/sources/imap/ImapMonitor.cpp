// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapMonitor.h"

namespace authlens::sources::imap {

namespace {
// RFC 2177 3: clients should re-issue IDLE at least every 29 minutes to avoid being logged off.
constexpr std::chrono::minutes kIdleRenewal(25);
} // namespace

ImapMonitor::ImapMonitor(ImapAccount account, SyncOptions options, SecretProvider secretProvider,
                         QObject* parent)
    : QObject(parent)
    , m_account(account)
    , m_sync(std::move(account))
    , m_options(std::move(options))
    , m_secretProvider(std::move(secretProvider))
{
    connect(&m_timer, &QTimer::timeout, this, &ImapMonitor::tick);
    m_idleRenewal.setInterval(kIdleRenewal);
    connect(&m_idleRenewal, &QTimer::timeout, this, [this] {
        if (ImapClient* watcher = m_watcher.data(); watcher && watcher->isIdling())
            watcher->stopIdle(); // the IDLE callback enters IDLE again
    });
}

ImapMonitor::~ImapMonitor()
{
    dropWatcher();
}

bool ImapMonitor::isIdling() const
{
    const ImapClient* watcher = m_watcher.data();
    return watcher && watcher->isIdling();
}

void ImapMonitor::start(SyncState state, std::chrono::milliseconds interval)
{
    m_state = state;
    m_timer.start(interval);
    tick();
}

void ImapMonitor::stop()
{
    m_timer.stop();
    m_syncAgain = false;
    dropWatcher();
    m_sync.cancel();
}

void ImapMonitor::tick()
{
    if (m_sync.isRunning()) {
        m_syncAgain = true;
        return;
    }
    m_syncAgain = false;
    m_sync.start(
        m_secretProvider ? m_secretProvider() : QByteArray(), m_state, m_options,
        [this](const FetchedMessage& message, const SyncState& state) {
            m_state = state;
            if (m_onMessage)
                m_onMessage(message, state);
        },
        [this](const SyncReport& report) {
            m_state = report.state;
            ++m_completed;
            if (m_onReport)
                m_onReport(report);
            if (!m_timer.isActive())
                return; // stopped meanwhile
            if (report.result.ok() && m_useIdle && !m_watcher)
                startWatcher();
            if (m_syncAgain)
                QTimer::singleShot(0, this, &ImapMonitor::tick);
        });
}

void ImapMonitor::startWatcher()
{
    auto* watcher = new ImapClient(m_account, this);
    m_watcher = watcher;
    watcher->open([this, watcher](const ImapResult& r) {
        if (!r.ok() || m_watcher != watcher)
            return dropWatcher();
        watcher->authenticate(m_secretProvider ? m_secretProvider() : QByteArray(), [this, watcher](
                                                                                        const ImapResult& a) {
            if (!a.ok() || m_watcher != watcher || !watcher->hasCapability("IDLE"))
                return dropWatcher(); // polling only
            watcher->examine(m_options.folder, [this, watcher](const ImapResult& e, const MailboxStatus&) {
                if (!e.ok() || m_watcher != watcher)
                    return dropWatcher();
                m_idleRenewal.start();
                enterIdle();
            });
        });
    });
}

void ImapMonitor::enterIdle()
{
    ImapClient* watcher = m_watcher.data();
    if (!watcher)
        return;
    watcher->idle([this](quint32) { tick(); },
                  [this](const ImapResult& r) {
                      if (!r.ok())
                          return dropWatcher(); // the next successful sync starts a new watcher
                      QTimer::singleShot(0, this, &ImapMonitor::enterIdle);
                  });
}

void ImapMonitor::dropWatcher()
{
    m_idleRenewal.stop();
    if (ImapClient* watcher = m_watcher.data()) {
        m_watcher.clear();
        watcher->abort();
        watcher->deleteLater();
    }
}

} // namespace authlens::sources::imap
