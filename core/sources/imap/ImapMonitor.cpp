// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/ImapMonitor.h"

namespace authlens::sources::imap {

ImapMonitor::ImapMonitor(ImapAccount account, SyncOptions options, SecretProvider secretProvider,
                         QObject* parent)
    : QObject(parent)
    , m_sync(std::move(account))
    , m_options(std::move(options))
    , m_secretProvider(std::move(secretProvider))
{
    connect(&m_timer, &QTimer::timeout, this, &ImapMonitor::tick);
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
    m_sync.cancel();
}

void ImapMonitor::tick()
{
    if (m_sync.isRunning())
        return;
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
        });
}

} // namespace authlens::sources::imap
