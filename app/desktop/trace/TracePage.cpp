// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/TracePage.h"

#include "Session.h"
#include "mail/Message.h"
#include "store/MessageQueries.h"
#include "trace/TraceHtml.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace authlens::desktop {

TracePage::TracePage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("tracePage"));
    m_header = new QLabel(tr("Open a message from the list or the checker to see its trace."), this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_now = new QPushButton(tr("Re-verify now"), this);
    m_now->setObjectName(QStringLiteral("reverifyNow"));
    m_asOfDate = new QPushButton(tr("Verify as of the message's date"), this);
    m_asOfDate->setObjectName(QStringLiteral("reverifyAsOfDate"));
    m_now->setEnabled(false);
    m_asOfDate->setEnabled(false);

    auto* tabs = new QTabWidget(this);
    m_trace = new QTextBrowser(tabs);
    m_trace->setObjectName(QStringLiteral("traceBrowser"));
    m_trace->setOpenLinks(false);
    m_trace->setAccessibleName(tr("Message trace"));
    m_raw = new QPlainTextEdit(tabs);
    m_raw->setObjectName(QStringLiteral("rawSource"));
    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setAccessibleName(tr("Raw source"));
    tabs->addTab(m_trace, tr("Trace"));
    tabs->addTab(m_raw, tr("Raw source"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_header, 1);
    buttons->addWidget(m_now);
    buttons->addWidget(m_asOfDate);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(tabs, 1);

    connect(m_now, &QPushButton::clicked, this, [this] { analyze(std::nullopt); });
    connect(m_asOfDate, &QPushButton::clicked, this, [this] { analyze(m_messageDate); });
}

bool TracePage::showStoredMessage(qint64 messageId)
{
    store::Database* db = m_session->database();
    if (!db)
        return false;
    store::MessageQueries queries(*db);
    const std::optional<store::MessageDetail> detail = queries.detail(messageId);
    const std::optional<QByteArray> raw = queries.rawMessage(messageId);
    if (!detail || !raw) {
        emit status(tr("Message %1: its raw bytes are not in the database (only a reference was kept).")
                        .arg(messageId));
        return false;
    }
    const store::MessageRecord& m = detail->message;
    m_stored = tr("Stored verdict (run %1): DKIM %2, SPF %3, DMARC %4")
                   .arg(detail->runId)
                   .arg(m.dkimResult, m.spfResult.isEmpty() ? tr("—") : m.spfResult,
                        m.dmarcResult.isEmpty() ? tr("—") : m.dmarcResult);
    display(*raw, m.subject.isEmpty() ? m.fromAddress : m.subject);
    return true;
}

void TracePage::showMessage(const QByteArray& raw, const QString& title)
{
    m_stored = tr("Not in the database (checked from a file or pasted).");
    display(raw, title);
}

void TracePage::display(const QByteArray& raw, const QString& title)
{
    m_bytes = raw;
    m_title = title;
    m_raw->setPlainText(QString::fromUtf8(raw));
    const mail::Message message = mail::Message::parse(raw);
    m_messageDate.reset();
    if (const mail::HeaderField* date = message.firstFieldNamed("Date")) {
        const QDateTime parsed =
            QDateTime::fromString(QString::fromLatin1(date->value()).simplified(), Qt::RFC2822Date);
        if (parsed.isValid())
            m_messageDate = parsed.toSecsSinceEpoch();
    }
    m_now->setEnabled(true);
    m_asOfDate->setEnabled(m_messageDate.has_value());
    analyze(std::nullopt);
}

void TracePage::analyze(std::optional<qint64> asOf)
{
    m_analysis = m_session->analyze(m_bytes, asOf);
    const QString when =
        asOf ? tr("as of %1").arg(QDateTime::fromSecsSinceEpoch(*asOf, Qt::UTC).toString(Qt::ISODate))
             : tr("now");
    m_header->setText(
        QStringLiteral("<b>%1</b><br>%2<br>%3")
            .arg(m_title.toHtmlEscaped(),
                 tr("Verified %1 with %2").arg(when, m_session->resolverDescription().toHtmlEscaped()),
                 m_stored.toHtmlEscaped()));
    m_trace->setHtml(TraceHtml::document(*m_analysis, m_title));
}

QString TracePage::traceText() const
{
    return m_trace->toPlainText();
}

} // namespace authlens::desktop
