// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapSync.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace authlens::sources::imap {

// Watches a seed account: syncs one folder now and then again every interval, delivering only what is
// new. A tick that comes while a sync is still running is skipped. The secret is asked for at each
// sync (from the keychain, or the analyst) so the monitor never holds it.
class ImapMonitor : public QObject
{
    Q_OBJECT

public:
    using SecretProvider = std::function<QByteArray()>;

    ImapMonitor(ImapAccount account, SyncOptions options, SecretProvider secretProvider,
                QObject* parent = nullptr);

    void setMessageHandler(ImapSync::MessageHandler handler) { m_onMessage = std::move(handler); }
    void setReportHandler(ImapSync::ReportHandler handler) { m_onReport = std::move(handler); }

    void start(SyncState state, std::chrono::milliseconds interval);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    const SyncState& state() const { return m_state; }
    int syncsCompleted() const { return m_completed; }

private:
    void tick();

    ImapSync m_sync;
    SyncOptions m_options;
    SecretProvider m_secretProvider;
    ImapSync::MessageHandler m_onMessage;
    ImapSync::ReportHandler m_onReport;
    SyncState m_state;
    QTimer m_timer;
    int m_completed = 0;
};

} // namespace authlens::sources::imap
