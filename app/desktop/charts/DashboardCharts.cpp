// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/DashboardCharts.h"

#include <QLocale>

#include <functional>

namespace authlens::desktop {

namespace {

ChartData stacked(const QString& title, const QStringList& categories, const QStringList& words,
                  const std::function<qint64(int, const QString&)>& count)
{
    ChartData data;
    data.title = title;
    data.categories = categories;
    data.valueAxisTitle = DashboardCharts::tr("messages");
    for (const QString& word : words) {
        ChartSeries s;
        s.name = word;
        s.color = resultColor(word);
        bool any = false;
        for (int i = 0; i < categories.size(); ++i) {
            const qint64 n = count(i, word);
            any = any || n > 0;
            s.values.append(double(n));
        }
        // A result word nobody got would only clutter the legend.
        if (any)
            data.series.append(s);
    }
    return data;
}

} // namespace

const QStringList& DashboardCharts::dkimWords()
{
    static const QStringList words = {QStringLiteral("pass"),      QStringLiteral("fail"),
                                      QStringLiteral("policy"),    QStringLiteral("neutral"),
                                      QStringLiteral("temperror"), QStringLiteral("permerror"),
                                      QStringLiteral("none")};
    return words;
}

const QStringList& DashboardCharts::spfDmarcWords()
{
    static const QStringList words = {QStringLiteral("pass"),      QStringLiteral("fail"),
                                      QStringLiteral("softfail"),  QStringLiteral("neutral"),
                                      QStringLiteral("temperror"), QStringLiteral("permerror"),
                                      QStringLiteral("none")};
    return words;
}

QList<store::DomainStats> DashboardCharts::shownDomains(const QList<store::DomainStats>& domains,
                                                        const QString& chosen)
{
    QList<store::DomainStats> shown;
    for (const store::DomainStats& d : domains) {
        if ((chosen.isEmpty() || d.domain == chosen) && shown.size() < kMaxDomainBars)
            shown.append(d);
    }
    return shown;
}

ChartData DashboardCharts::domainDkim(const QList<store::DomainStats>& shown)
{
    QStringList names;
    for (const store::DomainStats& d : shown)
        names << d.domain;
    return stacked(tr("DKIM per sending domain"), names, dkimWords(),
                   [&](int i, const QString& w) { return shown[i].dkim.count(w); });
}

ChartData DashboardCharts::spfDmarc(const QList<store::DomainStats>& domains)
{
    // Two bars per domain: more than six domains make bars too thin to label.
    const QList<store::DomainStats> shown = domains.mid(0, 6);
    QStringList pairs;
    for (const store::DomainStats& d : shown)
        pairs << tr("SPF %1").arg(d.domain) << tr("DMARC %1").arg(d.domain);
    return stacked(tr("SPF and DMARC per domain"), pairs, spfDmarcWords(), [&](int i, const QString& w) {
        const store::DomainStats& d = shown[i / 2];
        return i % 2 == 0 ? d.spf.count(w) : d.dmarc.count(w);
    });
}

ChartData DashboardCharts::selectorDkim(const QString& domain, const QList<store::SelectorStats>& selectors)
{
    QStringList names;
    for (const store::SelectorStats& s : selectors)
        names << QStringLiteral("%1 (d=%2)").arg(s.selector, s.sdid);
    return stacked(tr("DKIM per selector of %1").arg(domain), names, dkimWords(),
                   [&](int i, const QString& w) { return selectors[i].dkim.count(w); });
}

ChartData DashboardCharts::bounceRates(const QList<store::BounceStats>& bounces)
{
    ChartData data;
    data.title = tr("Bounce rate per sending domain");
    data.valueAxisTitle = tr("% bounced");
    ChartSeries within{tr("within 5%"), {}, resultColor(QStringLiteral("neutral"))};
    ChartSeries over{tr("over 5%"), {}, resultColor(QStringLiteral("fail"))};
    for (const store::BounceStats& b : bounces) {
        if (!b.rate() || data.categories.size() >= kMaxDomainBars)
            continue;
        const double percent = 100.0 * *b.rate();
        data.categories << b.domain;
        within.values << (b.overThreshold() ? 0.0 : percent);
        over.values << (b.overThreshold() ? percent : 0.0);
    }
    data.series << within << over;
    return data;
}

ChartData DashboardCharts::passRate(const QList<store::PeriodStats>& periods)
{
    const QLocale locale;
    ChartData time;
    time.kind = ChartData::Kind::Lines;
    time.title = tr("Pass rate over time");
    time.valueAxisTitle = tr("% pass");
    time.valueMaximum = 100;
    ChartSeries dkimLine{tr("DKIM"), {}, resultColor(QStringLiteral("pass"))};
    ChartSeries dmarcLine{tr("DMARC"), {}, QColor(0x15, 0x65, 0xc0)};
    for (const store::PeriodStats& p : periods) {
        time.categories << locale.toString(p.start, QStringLiteral("d MMM"));
        dkimLine.values << p.dkim.passPercent();
        dmarcLine.values << p.dmarc.passPercent();
    }
    time.series << dkimLine << dmarcLine;
    return time;
}

} // namespace authlens::desktop
