// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/ImapAccountsDialog.h"

#include "import/ImapAccountMonitor.h"
#include "import/ImapAccountSettings.h"
#include "import/ImapAccountsController.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace authlens::desktop {

ImapAccountsDialog::ImapAccountsDialog(ImapAccountsController* accounts, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
{
    setObjectName(QStringLiteral("imapAccountsDialog"));
    setWindowTitle(tr("IMAP Accounts"));
    resize(620, 380);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("imapAccountList"));
    auto* add = new QPushButton(tr("&Add…"), this);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_import = new QPushButton(tr("&Import Now"), this);
    m_monitor = new QPushButton(this);
    m_monitor->setObjectName(QStringLiteral("imapMonitorToggle"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {add, m_edit, m_remove, m_import, m_monitor})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_status);
    layout->addWidget(close);

    connect(add, &QPushButton::clicked, m_accounts, &ImapAccountsController::newAccount);
    connect(m_edit, &QPushButton::clicked, this, [this] { m_accounts->editAccount(selectedId()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { m_accounts->editAccount(selectedId()); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const QString id = selectedId();
        if (id.isEmpty())
            return;
        const auto answer = QMessageBox::question(
            this, tr("Remove Account"),
            tr("Remove %1 and its password in the system keychain? Messages already imported stay in the "
               "database.")
                .arg(m_list->currentItem()->text()));
        if (answer == QMessageBox::Yes)
            m_accounts->removeAccount(id);
    });
    connect(m_import, &QPushButton::clicked, this, [this] { m_accounts->importAccount(selectedId()); });
    connect(m_monitor, &QPushButton::clicked, this, [this] {
        ImapAccountMonitor* monitor = m_accounts->monitor();
        if (monitor->isEnabled())
            monitor->stop();
        else
            monitor->start();
        updateButtons();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ImapAccountsDialog::updateButtons);
    connect(m_accounts, &ImapAccountsController::accountsChanged, this, &ImapAccountsDialog::refresh);
    connect(m_accounts->monitor(), &ImapAccountMonitor::statusChanged, this, [this](const QString& status) {
        m_status->setText(status);
        updateButtons();
    });
    refresh();
    m_status->setText(m_accounts->monitor()->statusLine());
}

void ImapAccountsDialog::refresh()
{
    const QString current = selectedId();
    m_list->clear();
    for (const SavedImapAccount& account : ImapAccountSettings::load()) {
        const QString monitor = account.monitorMinutes > 0
                                    ? tr("checked every %n minute(s)", nullptr, account.monitorMinutes)
                                    : tr("not monitored");
        auto* item = new QListWidgetItem(
            tr("%1 — %2 — %3")
                .arg(account.displayName(), account.folders.join(QStringLiteral(", ")), monitor),
            m_list);
        item->setData(Qt::UserRole, account.id);
        if (account.id == current)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

QString ImapAccountsDialog::selectedId() const
{
    const QListWidgetItem* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void ImapAccountsDialog::updateButtons()
{
    const bool selected = !selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_import->setEnabled(selected);
    m_monitor->setText(m_accounts->monitor()->isEnabled() ? tr("&Stop Monitoring") : tr("&Start Monitoring"));
}

} // namespace authlens::desktop
