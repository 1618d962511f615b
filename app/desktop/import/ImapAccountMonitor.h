// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImapAccountSettings.h"
#include "pipeline/Importer.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace authlens::desktop {

class ImapAccountsController;

// Polls the accounts that have a monitor interval while the app runs, importing what is new in their
// folders. Each poll is an ordinary incremental import (the core's ImapSync from the sync state stored
// with the messages), run by the window's ImportController on the importer's threads, so a poll is
// crash-safe and judged like any import; a poll due while another import runs waits for it. The
// secret is taken from the keychain (or, without one, asked for) at the first poll and held in memory
// only, until monitoring stops or the server refuses it.
class ImapAccountMonitor : public QObject
{
    Q_OBJECT
public:
    struct AccountState
    {
        SavedImapAccount account;
        QDateTime lastSync;
        QDateTime nextRun;
        qint64 lastNew = 0;
        QString lastError;
        QByteArray heldSecret; // in memory only; cleared by stop()
        std::unique_ptr<QTimer> timer;
    };

    explicit ImapAccountMonitor(ImapAccountsController* accounts, QObject* parent = nullptr);
    ~ImapAccountMonitor() override;

    // Watches every saved account with an interval (again after the accounts changed).
    void start();
    void stop();
    // Monitoring is on (start() called, stop() not since), even when no account has an interval.
    bool isEnabled() const { return m_enabled; }
    bool isActive() const { return !m_states.empty(); }
    // Polls an account now (tests, "Check Now").
    void pollNow(const QString& accountId);
    const std::map<QString, AccountState>& states() const { return m_states; }
    // "IMAP monitor: analyst@host:993 checked 14:32, 3 new, next 14:37"
    QString statusLine() const;

    // While another import runs, a due poll is tried again after this delay.
    void setRetryDelayMs(int ms) { m_retryDelayMs = ms; }

signals:
    void statusChanged(const QString& status);

private:
    void poll(const QString& accountId);
    void runPoll(const QString& accountId, const QByteArray& secret);
    void pollFinished(const pipeline::ImportSummary& summary);
    void schedule(AccountState& state, int delayMs);

    ImapAccountsController* m_accounts;
    std::map<QString, AccountState> m_states;
    QString m_polling; // the account whose import runs now
    bool m_enabled = false;
    int m_retryDelayMs = 30000;
};

} // namespace authlens::desktop
