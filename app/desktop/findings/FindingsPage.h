// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace authlens::desktop {

class FindingsModel;
class Session;

// Misconfigured records and message problems, grouped by domain, worst first: the explanation, the
// fix and the corrected record to copy. A finding can be dismissed with a reason, kept in the database.
class FindingsPage : public QWidget
{
    Q_OBJECT
public:
    explicit FindingsPage(Session* session, QWidget* parent = nullptr);

    FindingsModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }
    // Dismiss the selected finding (the GUI asks for the reason first).
    bool dismissSelected(const QString& reason);

signals:
    void openMessage(qint64 messageId);

private:
    void showCurrent();
    void askAndDismiss();

    Session* m_session;
    FindingsModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QTextBrowser* m_detail = nullptr;
    QPushButton* m_copy = nullptr;
    QPushButton* m_dismiss = nullptr;
    QPushButton* m_example = nullptr;
    QCheckBox* m_showDismissed = nullptr;
};

} // namespace authlens::desktop
