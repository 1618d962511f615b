// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace authlens::desktop {

class Session;
class VerdictCard;

// Immediate verdicts for files dropped on the window, opened with File → Open, given on the command
// line, or pasted: each message gets a card; nothing is stored.
class CheckerPage : public QWidget
{
    Q_OBJECT
public:
    explicit CheckerPage(Session* session, QWidget* parent = nullptr);

    // Checks .eml files, mbox files and Maildirs; returns how many messages were checked. Errors (a
    // missing file, an unreadable mbox) are reported as cards naming the file and position.
    int checkFiles(const QStringList& paths);
    void checkRaw(const QByteArray& raw, const QString& origin);
    void clear();
    QList<VerdictCard*> cards() const;
    QStringList errors() const { return m_errors; }

signals:
    void openTrace(const QByteArray& raw, const QString& title);
    void status(const QString& message);

private:
    void addError(const QString& text);
    void pasteMessage();

    Session* m_session;
    QVBoxLayout* m_cards = nullptr;
    QLabel* m_hint = nullptr;
    QStringList m_errors;
};

} // namespace authlens::desktop
