// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ImapSync.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace authlens::sources::imap {

// Watches a seed account: syncs one folder now and then again every interval, delivering only what is
// new. When the server offers IDLE (RFC 2177), a second connection waits in IDLE on the folder and a
// new message starts a sync at once; polling stays as the fallback. A sync asked for while one runs
// follows right after it. The secret is asked for at each connection (from the keychain, or the
// analyst), so the monitor never holds it.
class ImapMonitor : public QObject
{
    Q_OBJECT

public:
    using SecretProvider = std::function<QByteArray()>;

    ImapMonitor(ImapAccount account, SyncOptions options, SecretProvider secretProvider,
                QObject* parent = nullptr);
    ~ImapMonitor() override;

    void setMessageHandler(ImapSync::MessageHandler handler) { m_onMessage = std::move(handler); }
    void setReportHandler(ImapSync::ReportHandler handler) { m_onReport = std::move(handler); }
    void setUseIdle(bool useIdle) { m_useIdle = useIdle; }

    void start(SyncState state, std::chrono::milliseconds interval);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    bool isIdling() const;
    const SyncState& state() const { return m_state; }
    int syncsCompleted() const { return m_completed; }

private:
    void tick();
    void startWatcher();
    void enterIdle();
    void dropWatcher();

    ImapAccount m_account;
    ImapSync m_sync;
    SyncOptions m_options;
    SecretProvider m_secretProvider;
    ImapSync::MessageHandler m_onMessage;
    ImapSync::ReportHandler m_onReport;
    SyncState m_state;
    QTimer m_timer;
    QTimer m_idleRenewal;
    QPointer<ImapClient> m_watcher;
    bool m_useIdle = true;
    bool m_syncAgain = false;
    int m_completed = 0;
};

} // namespace authlens::sources::imap
