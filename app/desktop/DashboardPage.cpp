// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardPage.h"

#include "Session.h"
#include "charts/ChartWidget.h"
#include "charts/DashboardCharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedLayout>
#include <QVBoxLayout>

namespace authlens::desktop {

DashboardPage::DashboardPage(Session* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
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

    auto* content = new QWidget(this);
    auto* filters = new QHBoxLayout;
    m_useDates = new QCheckBox(tr("Dates"), content);
    m_useDates->setAccessibleName(tr("Filter by date"));
    m_from = new QDateEdit(QDate::currentDate().addMonths(-3), content);
    m_to = new QDateEdit(QDate::currentDate(), content);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
    }
    m_from->setAccessibleName(tr("From date"));
    m_to->setAccessibleName(tr("To date"));
    m_domain = new QComboBox(content);
    m_domain->setObjectName(QStringLiteral("domainFilter"));
    m_domain->setAccessibleName(tr("Sending domain"));
    m_domain->setMinimumContentsLength(24);
    m_period = new QComboBox(content);
    m_period->addItem(tr("Per day"));
    m_period->addItem(tr("Per week"));
    m_period->setAccessibleName(tr("Time resolution"));
    // Weeks by default: a day with a message or two swings between 0 and 100%.
    m_period->setCurrentIndex(1);
    filters->addWidget(m_useDates);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(QStringLiteral("–"), content));
    filters->addWidget(m_to);
    filters->addSpacing(16);
    filters->addWidget(new QLabel(tr("Domain:"), content));
    filters->addWidget(m_domain);
    filters->addWidget(m_period);
    filters->addStretch();

    m_figures = new QLabel(content);
    m_figures->setObjectName(QStringLiteral("headlineFigures"));
    m_figures->setTextFormat(Qt::RichText);

    m_domainChart = ChartWidget::create(content);
    m_selectorChart = ChartWidget::create(content);
    m_alignmentChart = ChartWidget::create(content);
    m_timeChart = ChartWidget::create(content);
    m_bounceChart = ChartWidget::create(content);
    m_bounceChart->setObjectName(QStringLiteral("bounceChart"));
    m_domainChart->setAccessibleName(tr("DKIM per sending domain"));
    m_selectorChart->setAccessibleName(tr("DKIM per selector"));
    m_alignmentChart->setAccessibleName(tr("SPF and DMARC per domain"));
    m_timeChart->setAccessibleName(tr("Pass rate over time"));
    m_bounceChart->setAccessibleName(tr("Bounce rate per sending domain"));
    auto* charts = new QGridLayout;
    charts->addWidget(m_domainChart, 0, 0);
    charts->addWidget(m_alignmentChart, 0, 1);
    charts->addWidget(m_selectorChart, 1, 0);
    charts->addWidget(m_timeChart, 1, 1);
    // A third column over both rows, so the window needs no more height than before; hidden (and taking
    // no room) until the data holds a bounce.
    charts->addWidget(m_bounceChart, 0, 2, 2, 1);
    m_bounceChart->hide();
    charts->setColumnStretch(0, 3);
    charts->setColumnStretch(1, 3);
    charts->setColumnStretch(2, 2);

    auto* layout = new QVBoxLayout(content);
    layout->addLayout(filters);
    layout->addWidget(m_figures);
    layout->addLayout(charts, 1);

    m_stack = new QStackedLayout(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);

    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        refresh();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &DashboardPage::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &DashboardPage::refresh);
    connect(m_domain, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_domainChart, &ChartWidget::clicked, this,
            [this](const QString& c, const QString& s) { openBar(c, s, QStringLiteral("dkim")); });
    connect(m_selectorChart, &ChartWidget::clicked, this,
            [this](const QString& c, const QString& s) { openBar(c, s, QStringLiteral("selector")); });
    connect(m_alignmentChart, &ChartWidget::clicked, this,
            [this](const QString& c, const QString& s) { openBar(c, s, QStringLiteral("alignment")); });
    connect(m_bounceChart, &ChartWidget::clicked, this,
            [this](const QString& c, const QString& s) { openBar(c, s, QStringLiteral("bounces")); });
    connect(session, &Session::dataChanged, this, &DashboardPage::refresh);
    refresh();
}

store::MessageFilter DashboardPage::filter() const
{
    store::MessageFilter f;
    if (m_useDates->isChecked()) {
        f.from = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC);
        f.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC);
    }
    if (m_domain->currentIndex() > 0)
        f.domain = m_domain->currentData().toString();
    return f;
}

void DashboardPage::refresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    store::Database* db = m_session->database();
    if (!db) {
        m_stack->setCurrentIndex(0);
        m_refreshing = false;
        return;
    }
    store::Dashboard dashboard(*db);
    const store::MessageFilter f = filter();
    m_headline = dashboard.headline(f);

    // The domain list for the filter comes from the unfiltered data (minus the domain itself).
    store::MessageFilter unscoped = f;
    unscoped.domain.clear();
    m_domains = dashboard.domains(unscoped);
    const QString chosen = f.domain;
    m_domain->blockSignals(true);
    m_domain->clear();
    m_domain->addItem(tr("All domains"));
    for (const store::DomainStats& d : m_domains)
        m_domain->addItem(tr("%1 (%2)").arg(d.domain).arg(d.messages), d.domain);
    m_domain->setCurrentIndex(std::max(0, m_domain->findData(chosen)));
    m_domain->blockSignals(false);

    const bool empty = m_headline.messages == 0 && m_domains.isEmpty();
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (empty) {
        m_refreshing = false;
        return;
    }

    const QLocale locale;
    m_figures->setText(tr("<b>%1</b> messages · <b>%2</b> domains · DKIM pass <b>%3%</b> · DMARC pass "
                          "<b>%4%</b> · findings: <b>%5</b> errors, <b>%6</b> warnings, <b>%7</b> info")
                           .arg(locale.toString(m_headline.messages))
                           .arg(m_headline.domains)
                           .arg(locale.toString(m_headline.dkimPassPercent, 'f', 1))
                           .arg(locale.toString(m_headline.dmarcPassPercent, 'f', 1))
                           .arg(m_headline.findingsBySeverity.value(QStringLiteral("error")))
                           .arg(m_headline.findingsBySeverity.value(QStringLiteral("warning")))
                           .arg(m_headline.findingsBySeverity.value(QStringLiteral("info"))) +
                       (m_headline.bounces > 0 ? tr(" · bounces <b>%1</b>, domains over 5%: <b>%2</b>")
                                                     .arg(locale.toString(m_headline.bounces))
                                                     .arg(m_headline.bounceDomainsOverThreshold)
                                               : QString()));

    const QList<store::DomainStats> shown = DashboardCharts::shownDomains(m_domains, chosen);
    m_domainChart->setData(DashboardCharts::domainDkim(shown));

    // SPF and DMARC side by side: two bars per domain, "SPF domain" and "DMARC domain".
    const ChartData alignment = DashboardCharts::spfDmarc(shown);
    m_alignmentBars.clear();
    for (int i = 0; i < alignment.categories.size(); ++i) {
        m_alignmentBars.insert(
            alignment.categories.at(i),
            {i % 2 == 0 ? QStringLiteral("spf") : QStringLiteral("dmarc"), shown.at(i / 2).domain});
    }
    m_alignmentChart->setData(alignment);
    refreshSelectors();

    const QList<store::PeriodStats> periods =
        m_period->currentIndex() == 0 ? dashboard.perDay(f) : dashboard.perWeek(f);
    m_timeChart->setData(DashboardCharts::passRate(periods));
    m_bounces = dashboard.bounces(f);
    m_bounceChart->setData(DashboardCharts::bounceRates(m_bounces));
    m_bounceChart->setVisible(m_headline.bounces > 0);
    m_refreshing = false;
}

void DashboardPage::refreshSelectors()
{
    store::Database* db = m_session->database();
    store::MessageFilter f = filter();
    // Per selector of the chosen domain; without a choice, of the domain with the most messages.
    if (f.domain.isEmpty() && !m_domains.isEmpty())
        f.domain = m_domains.front().domain;
    const QList<store::SelectorStats> selectors = store::Dashboard(*db).selectors(f);
    m_selectorChart->setData(DashboardCharts::selectorDkim(f.domain, selectors));
}

void DashboardPage::openBar(const QString& category, const QString& series, const QString& kind)
{
    store::MessageFilter f = filter();
    if (kind == QLatin1String("dkim")) {
        f.domain = category;
        f.dkimResult = series;
    } else if (kind == QLatin1String("alignment")) {
        const auto [method, domain] = m_alignmentBars.value(category);
        f.domain = domain;
        if (method == QLatin1String("spf"))
            f.spfResult = series;
        else
            f.dmarcResult = series;
    } else if (kind == QLatin1String("bounces")) {
        // The reports behind the bar: they come From the reporting system, not from the domain.
        f.domain.clear();
        f.bouncesFor = category;
    } else {
        f.selector = category.left(category.indexOf(QLatin1String(" (d=")));
        if (f.domain.isEmpty() && !m_domains.isEmpty())
            f.domain = m_domains.front().domain;
    }
    emit showMessages(f);
}

} // namespace authlens::desktop
