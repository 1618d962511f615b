// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace authlens::desktop {

class ImapAccountsController;

// File → Manage IMAP Accounts…: the saved accounts with their folders and monitor interval; add,
// edit, remove, import now, and monitoring on or off.
class ImapAccountsDialog : public QDialog
{
    Q_OBJECT
public:
    ImapAccountsDialog(ImapAccountsController* accounts, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

private:
    void refresh();
    QString selectedId() const;
    void updateButtons();

    ImapAccountsController* m_accounts;
    QListWidget* m_list = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_import = nullptr;
    QPushButton* m_monitor = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace authlens::desktop
