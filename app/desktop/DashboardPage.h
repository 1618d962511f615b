// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Dashboard.h"

#include <QHash>
#include <QPair>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QStackedLayout;
class QCheckBox;

namespace authlens::desktop {

class ChartWidget;
class Session;

// Headline figures and the charts: DKIM per sending domain, per selector of the chosen domain, SPF
// and DMARC beside them, the pass rate over time, and the bounce rate per sending domain. Clicking a bar asks
// for the messages behind it.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(Session* session, QWidget* parent = nullptr);

    store::MessageFilter filter() const;
    // The figures on screen, for tests and the report.
    store::HeadlineFigures headline() const { return m_headline; }
    QList<store::DomainStats> domains() const { return m_domains; }
    ChartWidget* domainChart() const { return m_domainChart; }
    ChartWidget* selectorChart() const { return m_selectorChart; }
    ChartWidget* alignmentChart() const { return m_alignmentChart; }
    ChartWidget* timeChart() const { return m_timeChart; }
    ChartWidget* bounceChart() const { return m_bounceChart; }
    QList<store::BounceStats> bounces() const { return m_bounces; }

public slots:
    void refresh();

signals:
    void showMessages(const store::MessageFilter& filter);

private:
    void refreshSelectors();
    void openBar(const QString& category, const QString& series, const QString& kind);

    Session* m_session;
    QStackedLayout* m_stack = nullptr;
    QLabel* m_emptyState = nullptr;
    QLabel* m_figures = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QCheckBox* m_useDates = nullptr;
    QComboBox* m_domain = nullptr;
    QComboBox* m_period = nullptr;
    ChartWidget* m_domainChart = nullptr;
    ChartWidget* m_selectorChart = nullptr;
    ChartWidget* m_alignmentChart = nullptr;
    ChartWidget* m_timeChart = nullptr;
    ChartWidget* m_bounceChart = nullptr;
    store::HeadlineFigures m_headline;
    QList<store::DomainStats> m_domains;
    QList<store::BounceStats> m_bounces;
    // Alignment chart category -> (method, domain), since the labels are translated text.
    QHash<QString, QPair<QString, QString>> m_alignmentBars;
    bool m_refreshing = false;
};

} // namespace authlens::desktop
