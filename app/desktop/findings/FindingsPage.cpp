// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings/FindingsPage.h"

#include "Session.h"
#include "findings/FindingsModel.h"
#include "store/Findings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

namespace authlens::desktop {

FindingsPage::FindingsPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new FindingsModel(this))
{
    setObjectName(QStringLiteral("findingsPage"));
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("findingsTree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(FindingsModel::SubjectColumn, 300);
    m_view->setAccessibleName(tr("Findings"));

    m_detail = new QTextBrowser(this);
    m_detail->setObjectName(QStringLiteral("findingDetail"));
    m_detail->setAccessibleName(tr("Finding details"));
    m_copy = new QPushButton(tr("Copy corrected record"), this);
    m_dismiss = new QPushButton(tr("Dismiss…"), this);
    m_example = new QPushButton(tr("Open example message"), this);
    m_showDismissed = new QCheckBox(tr("Show dismissed"), this);
    for (QPushButton* b : {m_copy, m_dismiss, m_example})
        b->setEnabled(false);

    auto* right = new QWidget(this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_example);
    buttons->addWidget(m_dismiss);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail, 1);
    rightLayout->addLayout(buttons);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_view);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_showDismissed);
    layout->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &FindingsPage::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandAll();
        showCurrent();
    });
    connect(m_showDismissed, &QCheckBox::toggled, m_model, &FindingsModel::setShowDismissed);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        if (const store::FindingRecord* f = m_model->finding(m_view->currentIndex()))
            QApplication::clipboard()->setText(f->correctedRecord);
    });
    connect(m_example, &QPushButton::clicked, this, [this] {
        if (const store::FindingRecord* f = m_model->finding(m_view->currentIndex()))
            emit openMessage(f->exampleMessageId);
    });
    connect(m_dismiss, &QPushButton::clicked, this, &FindingsPage::askAndDismiss);
    connect(session, &Session::databaseChanged, this,
            [this] { m_model->setDatabase(m_session->database()); });
    connect(session, &Session::dataChanged, m_model, &FindingsModel::reload);
    m_model->setDatabase(session->database());
}

void FindingsPage::showCurrent()
{
    const store::FindingRecord* f = m_model->finding(m_view->currentIndex());
    m_copy->setEnabled(f && !f->correctedRecord.isEmpty());
    m_dismiss->setEnabled(f && !f->dismissed);
    m_example->setEnabled(f && f->exampleMessageId > 0);
    if (!f) {
        m_detail->setHtml(tr("<p>Select a finding to see the explanation and the fix.</p>"));
        return;
    }
    QString html = QStringLiteral("<h3>%1</h3><p><tt>%2</tt></p><p>%3</p>")
                       .arg(f->subject.toHtmlEscaped(), f->id.toHtmlEscaped(), f->message.toHtmlEscaped());
    if (!f->fix.isEmpty())
        html += tr("<p><b>Fix:</b> %1</p>").arg(f->fix.toHtmlEscaped());
    if (!f->correctedRecord.isEmpty())
        html += tr("<p><b>Corrected record:</b></p><pre>%1</pre>").arg(f->correctedRecord.toHtmlEscaped());
    if (!f->reference.isEmpty())
        html += tr("<p><b>Rule:</b> %1</p>").arg(f->reference.toHtmlEscaped());
    html +=
        tr("<p>Seen %1 time(s), last %2.</p>").arg(f->occurrences).arg(f->lastSeenAt.toString(Qt::ISODate));
    if (f->dismissed)
        html += tr("<p><b>Dismissed:</b> %1</p>").arg(f->dismissedReason.toHtmlEscaped());
    m_detail->setHtml(html);
}

bool FindingsPage::dismissSelected(const QString& reason)
{
    const store::FindingRecord* f = m_model->finding(m_view->currentIndex());
    if (!f || !m_session->database())
        return false;
    if (!store::Findings(*m_session->database()).dismiss(f->rowId, reason))
        return false;
    m_session->notifyDataChanged();
    return true;
}

void FindingsPage::askAndDismiss()
{
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Dismiss finding"), tr("Why can this finding be ignored?"),
                              QLineEdit::Normal, QString(), &ok);
    if (ok && !reason.trimmed().isEmpty())
        dismissSelected(reason.trimmed());
}

} // namespace authlens::desktop
