// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analysis.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace authlens::desktop {

class Session;

// The full explanation of one message: the core's analysis rendered by TraceHtml, the stored
// verdict it was imported with, and the raw source. Re-verify now, or as of the message's own date.
class TracePage : public QWidget
{
    Q_OBJECT
public:
    explicit TracePage(Session* session, QWidget* parent = nullptr);

    // A stored message (its raw bytes come from the database).
    bool showStoredMessage(qint64 messageId);
    // A message not in the database (the checker's).
    void showMessage(const QByteArray& raw, const QString& title);

    const std::optional<pipeline::Analysis>& analysis() const { return m_analysis; }
    QString traceText() const;

signals:
    void status(const QString& message);

private:
    void display(const QByteArray& raw, const QString& title);
    void analyze(std::optional<qint64> asOf);

    Session* m_session;
    QLabel* m_header = nullptr;
    QTextBrowser* m_trace = nullptr;
    QPlainTextEdit* m_raw = nullptr;
    QPushButton* m_now = nullptr;
    QPushButton* m_asOfDate = nullptr;
    QByteArray m_bytes;
    QString m_title;
    QString m_stored; // the stored verdict line
    std::optional<qint64> m_messageDate;
    std::optional<pipeline::Analysis> m_analysis;
};

} // namespace authlens::desktop
