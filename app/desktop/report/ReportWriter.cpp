// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/ReportWriter.h"

#include "charts/ChartWidget.h"
#include "charts/DashboardCharts.h"
#include "store/Dashboard.h"
#include "store/Database.h"
#include "store/Findings.h"
#include "store/ImportLog.h"
#include "store/MessageQueries.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>
#include <memory>

namespace authlens::desktop {

namespace {

// Device resolution of the PDF: geometry below is in these dots; text and charts are vectors anyway.
constexpr int kDpi = 300;
// Charts are laid out at this logical width (screen pixels) and scaled onto the page, so their fonts
// and line widths look as on the dashboard whatever the page size.
// Wide enough that eight domain names fit under their bars unabbreviated on A4 or Letter.
constexpr double kChartLogicalWidth = 1100;

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString percent(const store::ResultCounts& counts)
{
    if (counts.total() == 0)
        return QStringLiteral("–");
    return QLocale().toString(counts.passPercent(), 'f', 1) + QLatin1Char('%');
}

// Bounces of a domain and their share of the messages it sent; over 5% in the fail colour.
QString bounceCell(const QList<store::BounceStats>& bounces, const QString& domain)
{
    const QLocale locale;
    for (const store::BounceStats& b : bounces) {
        if (b.domain != domain)
            continue;
        if (!b.rate())
            return ReportWriter::tr("%1 (rate unknown)").arg(locale.toString(b.bounces)).toHtmlEscaped();
        const QString text = ReportWriter::tr("%1 (%2%)")
                                 .arg(locale.toString(b.bounces), locale.toString(100.0 * *b.rate(), 'f', 1))
                                 .toHtmlEscaped();
        return b.overThreshold() ? QStringLiteral("<font color=\"#c62828\"><b>%1</b></font>").arg(text)
                                 : text;
    }
    return QStringLiteral("–");
}

// A subject or address can be any length; the appendix shows the start of it.
QString elided(const QString& text)
{
    constexpr int kMaxChars = 160;
    return text.size() <= kMaxChars ? text : text.left(kMaxChars) + QChar(0x2026);
}

bool isFailing(const store::MessageListRow& row)
{
    static const QStringList dkimBad = {QStringLiteral("fail"), QStringLiteral("policy"),
                                        QStringLiteral("neutral"), QStringLiteral("temperror"),
                                        QStringLiteral("permerror")};
    static const QStringList spfBad = {QStringLiteral("fail"), QStringLiteral("softfail"),
                                       QStringLiteral("temperror"), QStringLiteral("permerror")};
    static const QStringList dmarcBad = {QStringLiteral("fail"), QStringLiteral("temperror"),
                                         QStringLiteral("permerror")};
    return dkimBad.contains(row.dkimResult) || spfBad.contains(row.spfResult) ||
           dmarcBad.contains(row.dmarcResult);
}

QString severityWord(store::FindingSeverity severity)
{
    switch (severity) {
    case store::FindingSeverity::Error:
        return ReportWriter::tr("error");
    case store::FindingSeverity::Warning:
        return ReportWriter::tr("warning");
    case store::FindingSeverity::Info:
        break;
    }
    return ReportWriter::tr("info");
}

const char* kStyle = "h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 12pt; }"
                     "h3 { font-size: 11pt; } td, th { padding: 2pt 4pt; } th { background: #e8e8e8; }"
                     ".fix { color: #1b5e20; } .muted { color: #666666; } pre { font-size: 8pt; }";

} // namespace

// The PDF's pages: a painter over the writer, the content rectangle and a footer on every page.
struct ReportWriter::Page
{
    QPdfWriter& writer;
    QPainter& painter;
    QRectF content;
    QString footer;
    int number = 1;

    void next()
    {
        drawFooter();
        writer.newPage();
        ++number;
    }
    void drawFooter()
    {
        painter.save();
        QFont font = painter.font();
        font.setPointSizeF(8);
        painter.setFont(font);
        painter.setPen(QColor(0x66, 0x66, 0x66));
        const QRectF line(content.left(), content.bottom() + kDpi * 0.1, content.width(), kDpi * 0.3);
        painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, footer);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter, ReportWriter::tr("Page %1").arg(number));
        painter.restore();
    }
    // Lays `html` out at the content width and draws it over as many pages as it needs, starting on
    // the current page (which must be empty).
    void drawDocument(const QString& html)
    {
        QTextDocument document;
        document.documentLayout()->setPaintDevice(&writer);
        QFont font = document.defaultFont();
        font.setPointSizeF(9.5);
        document.setDefaultFont(font);
        document.setDefaultStyleSheet(QString::fromLatin1(kStyle));
        // Hostile text (a subject with no spaces) must wrap inside its cell, never widen the table
        // past the page.
        QTextOption wrap = document.defaultTextOption();
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        document.setDefaultTextOption(wrap);
        document.setHtml(html);
        // A finite page height makes the layout move lines and table rows off page boundaries.
        document.setPageSize(content.size());
        const int pages = std::max(1, document.pageCount());
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                next();
            painter.save();
            painter.translate(content.left(), content.top() - i * content.height());
            document.drawContents(&painter,
                                  QRectF(0, i * content.height(), content.width(), content.height()));
            painter.restore();
        }
    }
};

ReportResult ReportWriter::write(const QString& pdfPath, const ReportOptions& options)
{
    ReportResult result;
    const QString title = options.title.isEmpty() ? tr("Authlens report") : options.title;
    {
        store::Dashboard dashboard(m_database);
        result.messages = dashboard.headline(options.filter).messages;
        if (!dashboard.lastError().isEmpty()) {
            result.error = tr("%1: %2").arg(m_database.path(), dashboard.lastError());
            return result;
        }
    }

    QPdfWriter writer(pdfPath);
    writer.setResolution(kDpi);
    writer.setPageSize(options.pageSize);
    writer.setPageMargins(QMarginsF(18, 18, 18, 22), QPageLayout::Millimeter);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Authlens"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        result.error = tr("%1: cannot write the PDF file").arg(pdfPath);
        return result;
    }
    const QRect paint = writer.pageLayout().paintRectPixels(kDpi);
    Page page{writer, painter, QRectF(0, 0, paint.width(), paint.height() - kDpi * 0.4),
              tr("%1 — generated %2")
                  .arg(title, QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))};

    // 1. Title page: scope, sources, dates and the headline figures.
    page.drawDocument(titlePageHtml(options, title));

    // 2. Charts, two per page, drawn by the dashboard's chart code straight onto the PDF painter.
    const QList<ChartData> chartData = charts(options);
    std::unique_ptr<ChartWidget> chart(ChartWidget::create());
    const double gap = kDpi * 0.25;
    const double chartHeight = (page.content.height() - gap) / 2;
    for (int i = 0; i < chartData.size(); ++i) {
        if (i % 2 == 0)
            page.next();
        chart->setData(chartData.at(i));
        const QRectF target(page.content.left(), page.content.top() + (i % 2) * (chartHeight + gap),
                            page.content.width(), chartHeight);
        const double scale = target.width() / kChartLogicalWidth;
        painter.save();
        painter.translate(target.topLeft());
        painter.scale(scale, scale);
        chart->render(painter, QRectF(0, 0, kChartLogicalWidth, target.height() / scale));
        painter.restore();
    }

    // 3. Tables, findings and the appendix, each starting on a new page.
    for (const QString& html : {tablesHtml(options), findingsHtml(options), failingHtml(options, result)}) {
        page.next();
        page.drawDocument(html);
    }
    page.drawFooter();
    if (!painter.end()) {
        result.error = tr("%1: cannot write the PDF file").arg(pdfPath);
        return result;
    }
    result.pages = page.number;
    result.ok = true;
    return result;
}

QString ReportWriter::titlePageHtml(const ReportOptions& options, const QString& title)
{
    const QLocale locale;
    const store::MessageFilter& f = options.filter;
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += QStringLiteral("<p class=\"muted\">%1</p>")
                .arg(esc(tr("Generated %1 by Authlens")
                             .arg(locale.toString(QDateTime::currentDateTime(), QLocale::LongFormat))));

    html += QStringLiteral("<h2>%1</h2><ul>").arg(esc(tr("Scope")));
    html += QStringLiteral("<li>%1</li>")
                .arg(esc(f.domain.isEmpty() ? tr("Sending domains: all")
                                            : tr("Sending domain: %1").arg(f.domain)));
    QString dates = tr("Dates: all");
    if (f.from.isValid() || f.to.isValid()) {
        const QString from =
            f.from.isValid() ? locale.toString(f.from.date(), QLocale::ShortFormat) : tr("start");
        // The filter's end is exclusive (midnight after the last day); show the last day itself.
        const QString to =
            f.to.isValid() ? locale.toString(f.to.date().addDays(-1), QLocale::ShortFormat) : tr("today");
        dates = tr("Dates: %1 to %2 (Date header, UTC)").arg(from, to);
    }
    html += QStringLiteral("<li>%1</li>").arg(esc(dates));
    html += QStringLiteral("<li>%1</li>")
                .arg(esc(tr("Database: %1").arg(QFileInfo(m_database.path()).fileName())));
    if (!options.scopeNote.isEmpty())
        html += QStringLiteral("<li>%1</li>").arg(esc(options.scopeNote));
    html += QStringLiteral("</ul>");

    store::ImportLog log(m_database);
    const QList<store::Source> sources = log.sources();
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Sources")));
    if (sources.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No sources recorded.")));
    } else {
        html += QStringLiteral("<ul>");
        for (const store::Source& s : sources) {
            html += QStringLiteral("<li>%1</li>")
                        .arg(esc(tr("%1 (%2), added %3")
                                     .arg(s.label.isEmpty() ? s.locator : s.label, s.kind,
                                          locale.toString(s.createdAt, QLocale::ShortFormat))));
        }
        html += QStringLiteral("</ul>");
    }

    const store::HeadlineFigures h = store::Dashboard(m_database).headline(f);
    html += QStringLiteral("<h2>%1</h2><table border=\"0\" cellspacing=\"0\" cellpadding=\"3\">")
                .arg(esc(tr("Headline figures")));
    const QList<QPair<QString, QString>> rows = {
        {tr("Messages"), locale.toString(h.messages)},
        {tr("Sending domains"), locale.toString(h.domains)},
        {tr("DKIM pass"), locale.toString(h.dkimPassPercent, 'f', 1) + QLatin1Char('%')},
        {tr("DMARC pass"),
         tr("%1% of %2 messages with a DMARC result")
             .arg(locale.toString(h.dmarcPassPercent, 'f', 1), locale.toString(h.dmarcEvaluated))},
        {tr("Findings"), tr("%1 errors, %2 warnings, %3 info")
                             .arg(h.findingsBySeverity.value(QStringLiteral("error")))
                             .arg(h.findingsBySeverity.value(QStringLiteral("warning")))
                             .arg(h.findingsBySeverity.value(QStringLiteral("info")))},
        {tr("Bounces"), tr("%1, domains over 5%: %2")
                            .arg(locale.toString(h.bounces), locale.toString(h.bounceDomainsOverThreshold))},
    };
    for (const auto& [name, value] : rows)
        html +=
            QStringLiteral("<tr><td width=\"160\"><b>%1</b></td><td>%2</td></tr>").arg(esc(name), esc(value));
    html += QStringLiteral("</table>");
    return html;
}

QList<ChartData> ReportWriter::charts(const ReportOptions& options)
{
    store::Dashboard dashboard(m_database);
    const QList<store::DomainStats> domains = dashboard.domains(options.filter);
    const QList<store::DomainStats> shown = DashboardCharts::shownDomains(domains, options.filter.domain);
    // Per selector of the chosen domain; without a choice, of the domain with the most messages, as on
    // the dashboard.
    store::MessageFilter selectorFilter = options.filter;
    if (selectorFilter.domain.isEmpty() && !domains.isEmpty())
        selectorFilter.domain = domains.front().domain;
    return {DashboardCharts::domainDkim(shown), DashboardCharts::spfDmarc(shown),
            DashboardCharts::selectorDkim(selectorFilter.domain, dashboard.selectors(selectorFilter)),
            DashboardCharts::passRate(dashboard.perWeek(options.filter))};
}

QString ReportWriter::tablesHtml(const ReportOptions& options)
{
    const QLocale locale;
    store::Dashboard dashboard(m_database);
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Per sending domain")));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" width=\"100%\"><thead><tr>");
    for (const QString& head : {tr("Domain"), tr("Messages"), tr("DKIM pass"), tr("DKIM fail"),
                                tr("SPF pass"), tr("DMARC pass"), tr("DMARC fail"), tr("Bounces")})
        html += QStringLiteral("<th>%1</th>").arg(esc(head));
    html += QStringLiteral("</tr></thead>");
    const QList<store::BounceStats> bounces = dashboard.bounces(options.filter);
    for (const store::DomainStats& d : dashboard.domains(options.filter)) {
        html +=
            QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                           "<td align=\"right\">%4</td><td align=\"right\">%5</td>"
                           "<td align=\"right\">%6</td><td align=\"right\">%7</td>"
                           "<td align=\"right\">%8</td></tr>")
                .arg(esc(d.domain), locale.toString(d.messages), percent(d.dkim),
                     locale.toString(d.dkim.count(QStringLiteral("fail"))), percent(d.spf), percent(d.dmarc),
                     locale.toString(d.dmarc.count(QStringLiteral("fail"))), bounceCell(bounces, d.domain));
    }
    // Domains known only from bounces: none of their own mail is in scope.
    for (const store::BounceStats& b : bounces) {
        if (b.sent == 0)
            html += QStringLiteral("<tr><td>%1</td><td align=\"right\">0</td><td colspan=\"5\"></td>"
                                   "<td align=\"right\">%2</td></tr>")
                        .arg(esc(b.domain), bounceCell(bounces, b.domain));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Per DKIM selector")));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" width=\"100%\"><thead><tr>");
    for (const QString& head : {tr("From domain"), tr("Selector"), tr("Signing domain (d=)"),
                                tr("Signatures"), tr("Pass"), tr("Fail"), tr("Other"), tr("Pass rate")})
        html += QStringLiteral("<th>%1</th>").arg(esc(head));
    html += QStringLiteral("</tr></thead>");
    for (const store::SelectorStats& s : dashboard.selectors(options.filter)) {
        const qint64 pass = s.dkim.count(QStringLiteral("pass"));
        const qint64 fail = s.dkim.count(QStringLiteral("fail"));
        html +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td align=\"right\">%4</td>"
                           "<td align=\"right\">%5</td><td align=\"right\">%6</td><td align=\"right\">%7</td>"
                           "<td align=\"right\">%8</td></tr>")
                .arg(esc(s.domain), esc(s.selector), esc(s.sdid), locale.toString(s.dkim.total()),
                     locale.toString(pass), locale.toString(fail),
                     locale.toString(s.dkim.total() - pass - fail), percent(s.dkim));
    }
    html += QStringLiteral("</table>");
    return html;
}

QString ReportWriter::findingsHtml(const ReportOptions& options)
{
    const QString domain = options.filter.domain;
    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Findings")));
    int shown = 0;
    for (const store::FindingRecord& f : store::Findings(m_database).list()) {
        // A domain-scoped report keeps the findings about that domain's names (its DKIM keys, _dmarc...).
        // Sender findings name it last ("Mail from news.example").
        if (!domain.isEmpty() && f.subject.compare(domain, Qt::CaseInsensitive) != 0 &&
            !f.subject.endsWith(QLatin1Char('.') + domain, Qt::CaseInsensitive) &&
            !f.subject.endsWith(QLatin1Char(' ') + domain, Qt::CaseInsensitive))
            continue;
        ++shown;
        html += QStringLiteral("<h3>[%1] %2</h3>").arg(esc(severityWord(f.severity)), esc(f.subject));
        html += QStringLiteral("<p>%1 <span class=\"muted\">(%2, %3)</span></p>")
                    .arg(esc(f.message), esc(f.id), esc(tr("seen %n time(s)", nullptr, int(f.occurrences))));
        if (!f.fix.isEmpty())
            html += QStringLiteral("<p class=\"fix\"><b>%1</b> %2</p>").arg(esc(tr("Fix:")), esc(f.fix));
        if (!f.correctedRecord.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p><pre>%2</pre>")
                        .arg(esc(tr("Corrected record:")), esc(f.correctedRecord));
        if (!f.reference.isEmpty())
            html += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(f.reference));
    }
    if (shown == 0)
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No open findings.")));
    return html;
}

QString ReportWriter::failingHtml(const ReportOptions& options, ReportResult& result)
{
    const QLocale locale;
    store::MessageQueries queries(m_database);
    QString rows;
    store::MessageListQuery query;
    query.filter = options.filter;
    query.limit = 500;
    // Newest first, page by page, until the appendix is full.
    for (;;) {
        const store::MessagePage page = queries.page(query);
        for (const store::MessageListRow& row : page.rows) {
            if (!isFailing(row))
                continue;
            if (result.failingListed >= options.maxFailingMessages) {
                result.failingTruncated = true;
                break;
            }
            ++result.failingListed;
            QStringList reasons;
            if (const std::optional<store::MessageDetail> detail = queries.detail(row.id)) {
                for (const store::DkimSignatureRecord& sig : detail->dkim) {
                    if (sig.result != QLatin1String("pass"))
                        reasons << tr("DKIM %1 (d=%2 s=%3): %4")
                                       .arg(sig.result, sig.sdid, sig.selector, sig.reason);
                }
                if (detail->spf && detail->spf->result != QLatin1String("pass"))
                    reasons << tr("SPF %1: %2").arg(detail->spf->result, detail->spf->reason);
                if (detail->dmarc && detail->dmarc->result != QLatin1String("pass"))
                    reasons << tr("DMARC %1 (%2): %3")
                                   .arg(detail->dmarc->result, detail->dmarc->disposition,
                                        detail->dmarc->reason);
            }
            QString reasonHtml;
            for (const QString& reason : reasons)
                reasonHtml += esc(reason) + QStringLiteral("<br>");
            rows += QStringLiteral("<tr><td>%1</td><td>%2<br><span class=\"muted\">%3</span></td>"
                                   "<td>%4 / %5 / %6</td><td>%7</td></tr>")
                        .arg(esc(locale.toString(row.date, QLocale::ShortFormat)),
                             esc(elided(row.fromAddress)), esc(elided(row.subject)), esc(row.dkimResult),
                             esc(row.spfResult), esc(row.dmarcResult), reasonHtml);
        }
        if (!page.next || !page.error.isEmpty() || result.failingTruncated)
            break;
        query.offset += page.rows.size();
    }

    QString html = QStringLiteral("<h2>%1</h2>").arg(esc(tr("Appendix: failing messages")));
    html += QStringLiteral("<p class=\"muted\">%1</p>")
                .arg(esc(tr("Messages whose DKIM, SPF or DMARC result is not pass or none, newest first, "
                            "with the reasons from the newest verification run.")));
    if (result.failingListed == 0)
        return html + QStringLiteral("<p>%1</p>").arg(esc(tr("No failing messages in scope.")));
    if (result.failingTruncated)
        html +=
            QStringLiteral("<p><b>%1</b></p>")
                .arg(esc(
                    tr("Only the newest %1 failing messages are listed.").arg(options.maxFailingMessages)));
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" width=\"100%\"><thead><tr>");
    for (const QString& head : {tr("Date"), tr("From and subject"), tr("DKIM / SPF / DMARC"), tr("Reasons")})
        html += QStringLiteral("<th>%1</th>").arg(esc(head));
    html += QStringLiteral("</tr></thead>") + rows + QStringLiteral("</table>");
    return html;
}

} // namespace authlens::desktop
