// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Dashboard.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace authlens::desktop {

class MessageTableModel;
class Session;

// The message list: every stored message with its DKIM, SPF and DMARC summary, filtered by what the
// dashboard asked for and by text. Activating a row opens its trace.
class MessagesPage : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesPage(Session* session, QWidget* parent = nullptr);
    ~MessagesPage() override;

    // Column order, widths, hidden columns and the sort are kept in QSettings under this key
    // (QHeaderView::saveState), saved shortly after each change and when the page goes.
    static constexpr const char* kColumnsKey = "messages/columns";

    MessageTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    void setFilter(const store::MessageFilter& filter);
    // Puts the keyboard focus in the text filter, its text selected (Ctrl+F).
    void focusFilter();
    void saveColumnLayout() const;
    bool restoreColumnLayout();
    void resetColumnLayout();

signals:
    void openMessage(qint64 messageId);

private:
    void applyText();
    void describeFilter();
    void showHeaderMenu(const QPoint& position);

    Session* m_session;
    MessageTableModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLineEdit* m_text = nullptr;
    QLabel* m_scope = nullptr;
    QTimer* m_typing = nullptr;
    QTimer* m_layoutChanged = nullptr;
    QByteArray m_defaultLayout;
    store::MessageFilter m_filter;
};

} // namespace authlens::desktop
