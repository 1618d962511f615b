// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardPage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace authlens::desktop {

DashboardPage::DashboardPage(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_emptyState = new QLabel(
        tr("<h2>No mail analysed yet</h2>"
           "<p>Open a message with <b>File → Open Message</b>, or drop .eml files here.<br>"
           "Import a mailbox with <b>File → Import</b> to see DKIM, SPF and DMARC per domain.</p>"),
        this);
    m_emptyState->setObjectName(QStringLiteral("dashboardEmptyState"));
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setAccessibleName(tr("Dashboard"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_emptyState);
}

} // namespace authlens::desktop
