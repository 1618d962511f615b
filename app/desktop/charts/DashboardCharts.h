// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "charts/ChartWidget.h"
#include "store/Dashboard.h"

#include <QCoreApplication>

namespace authlens::desktop {

// What the dashboard's charts show, built from the store's figures. The dashboard and the PDF report
// both draw these, so a chart in the report is the chart on screen.
class DashboardCharts
{
    Q_DECLARE_TR_FUNCTIONS(DashboardCharts)
public:
    // At most this many domains get a bar; the rest are in the tables and the filter.
    static constexpr int kMaxDomainBars = 12;

    // The domains that get a bar: `chosen` only when set, else the first kMaxDomainBars (most mail first).
    static QList<store::DomainStats> shownDomains(const QList<store::DomainStats>& domains,
                                                  const QString& chosen = {});
    // DKIM pass/fail/... per sending domain, stacked.
    static ChartData domainDkim(const QList<store::DomainStats>& shown);
    // Two bars per domain: "SPF domain" at index 2k and "DMARC domain" at 2k + 1 for shown[k].
    static ChartData spfDmarc(const QList<store::DomainStats>& shown);
    // DKIM per selector (per signature) of `domain`.
    static ChartData selectorDkim(const QString& domain, const QList<store::SelectorStats>& selectors);
    // Bounce rate (% of the messages sent) per sending domain whose rate is known, at most kMaxDomainBars,
    // highest first: series 0 holds the domains within 5%, series 1 those over it (drawn in the fail
    // colour). Domains with bounces but no sent mail in the sample have no bar ("rate unknown").
    static ChartData bounceRates(const QList<store::BounceStats>& bounces);
    // DKIM and DMARC pass rate per day or week.
    static ChartData passRate(const QList<store::PeriodStats>& periods);

    static const QStringList& dkimWords();
    static const QStringList& spfDmarcWords();
};

} // namespace authlens::desktop
