// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapAccountMonitor.h"

#include "import/ImapAccountsController.h"
#include "import/ImapSecretSource.h"
#include "import/ImportController.h"
#include "import/KeychainSecrets.h"

#include <QLocale>

namespace authlens::desktop {

ImapAccountMonitor::ImapAccountMonitor(ImapAccountsController* accounts, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
{
    connect(m_accounts->imports(), &ImportController::finished, this, &ImapAccountMonitor::pollFinished);
}

ImapAccountMonitor::~ImapAccountMonitor() = default;

void ImapAccountMonitor::start()
{
    m_enabled = true;
    std::map<QString, AccountState> previous;
    previous.swap(m_states);
    for (const SavedImapAccount& account : ImapAccountSettings::load()) {
        if (account.monitorMinutes <= 0)
            continue;
        AccountState& state = m_states[account.id];
        state.account = account;
        state.timer = std::make_unique<QTimer>();
        state.timer->setSingleShot(true);
        const QString id = account.id;
        connect(state.timer.get(), &QTimer::timeout, this, [this, id] { poll(id); });
        if (auto old = previous.find(id); old != previous.end()) {
            // Edited while monitored: keep what is known, reschedule at the (maybe new) interval.
            state.lastSync = old->second.lastSync;
            state.lastNew = old->second.lastNew;
            state.lastError = old->second.lastError;
            state.heldSecret = old->second.heldSecret;
            schedule(state, state.lastSync.isValid() ? account.monitorMinutes * 60000 : 0);
        } else {
            schedule(state, 0); // first poll at once
        }
    }
    for (auto& [id, state] : previous)
        state.heldSecret.fill('\0');
    emit statusChanged(statusLine());
}

void ImapAccountMonitor::stop()
{
    m_enabled = false;
    for (auto& [id, state] : m_states)
        state.heldSecret.fill('\0');
    m_states.clear();
    // A poll already running finishes as an ordinary import (it can be cancelled in the window).
    m_polling.clear();
    emit statusChanged(statusLine());
}

void ImapAccountMonitor::pollNow(const QString& accountId)
{
    poll(accountId);
}

void ImapAccountMonitor::schedule(AccountState& state, int delayMs)
{
    state.nextRun = QDateTime::currentDateTime().addMSecs(delayMs);
    state.timer->start(delayMs);
}

void ImapAccountMonitor::poll(const QString& accountId)
{
    auto it = m_states.find(accountId);
    if (it == m_states.end())
        return;
    AccountState& state = it->second;
    if (m_accounts->imports()->isRunning() || !m_polling.isEmpty()) {
        schedule(state, m_retryDelayMs);
        emit statusChanged(statusLine());
        return;
    }
    if (!state.heldSecret.isEmpty()) {
        runPoll(accountId, state.heldSecret);
        return;
    }
    m_polling = accountId; // reserved while the secret is looked up
    m_accounts->secrets()->obtain(
        state.account,
        [this, accountId](std::optional<QByteArray> secret) {
            m_polling.clear();
            auto found = m_states.find(accountId);
            if (found == m_states.end())
                return; // stopped meanwhile
            if (!secret) {
                found->second.lastError = tr("no password given; monitoring of this account paused");
                found->second.nextRun = QDateTime();
                emit statusChanged(statusLine());
                return;
            }
            // Held for the next polls, so the analyst is not asked every few minutes.
            found->second.heldSecret = *secret;
            runPoll(accountId, *secret);
        },
        tr("While monitoring runs, Authlens keeps it in memory (never on disk) until monitoring stops."));
}

void ImapAccountMonitor::runPoll(const QString& accountId, const QByteArray& secret)
{
    auto it = m_states.find(accountId);
    if (it == m_states.end())
        return;
    AccountState& state = it->second;
    if (!m_accounts->startImport(state.account, secret, false)) {
        schedule(state, m_retryDelayMs);
        emit statusChanged(statusLine());
        return;
    }
    m_polling = accountId;
    emit statusChanged(statusLine());
}

void ImapAccountMonitor::pollFinished(const pipeline::ImportSummary& summary)
{
    if (m_polling.isEmpty())
        return;
    auto it = m_states.find(m_polling);
    m_polling.clear();
    if (it == m_states.end())
        return;
    AccountState& state = it->second;
    state.lastSync = QDateTime::currentDateTime();
    state.lastNew = summary.stored;
    state.lastError.clear();
    for (const pipeline::SourceImportSummary& source : summary.sources) {
        if (!source.error.isEmpty())
            state.lastError = source.error;
    }
    if (!summary.fatalError.isEmpty())
        state.lastError = summary.fatalError;
    // A refused sign-in with a typed password: ask again next time instead of repeating it.
    if (!state.lastError.isEmpty() && state.lastError.contains(QLatin1String("refused the login"))) {
        state.heldSecret.fill('\0');
        state.heldSecret.clear();
    }
    schedule(state, state.account.monitorMinutes * 60000);
    emit statusChanged(statusLine());
}

QString ImapAccountMonitor::statusLine() const
{
    if (m_states.empty())
        return QString();
    const QLocale locale;
    QStringList parts;
    for (const auto& [id, state] : m_states) {
        QString part = state.account.displayName() + QLatin1String(": ");
        if (id == m_polling)
            part += tr("checking now");
        else if (state.lastSync.isValid())
            part += tr("checked %1, %n new", nullptr, int(state.lastNew))
                        .arg(locale.toString(state.lastSync.time(), QLocale::ShortFormat));
        else
            part += tr("not checked yet");
        if (!state.lastError.isEmpty())
            part += QLatin1String(", ") + tr("error: %1").arg(state.lastError);
        if (id != m_polling && state.nextRun.isValid())
            part += QLatin1String(", ") +
                    tr("next %1").arg(locale.toString(state.nextRun.time(), QLocale::ShortFormat));
        parts << part;
    }
    return tr("IMAP monitor: %1").arg(parts.join(QLatin1String("; ")));
}

} // namespace authlens::desktop
