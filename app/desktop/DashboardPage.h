// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;

namespace authlens::desktop {

// The dashboard area. Until a database is open it shows a kind empty state saying what to do next.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(QWidget* parent = nullptr);

private:
    QLabel* m_emptyState = nullptr;
};

} // namespace authlens::desktop
