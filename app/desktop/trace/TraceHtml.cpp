// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/TraceHtml.h"

#include "charts/ChartWidget.h"
#include "dmarc/Record.h"

#include <QCoreApplication>
#include <QDateTime>

namespace authlens::desktop {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString esc(const QByteArray& bytes)
{
    return QString::fromUtf8(bytes).toHtmlEscaped();
}

QString row(const QString& label, const QString& valueHtml)
{
    return QStringLiteral("<tr><td valign='top'><b>%1</b></td><td>%2</td></tr>").arg(esc(label), valueHtml);
}

QString pre(const QByteArray& bytes)
{
    // Show CR and LF so a reader can see exactly what was hashed.
    QString text = QString::fromUtf8(bytes).toHtmlEscaped();
    text.replace(QLatin1String("\r\n"), QStringLiteral("<font color='#888'>\\r\\n</font>\n"));
    return QStringLiteral("<pre>%1</pre>").arg(text);
}

QString names(const QList<QByteArray>& list)
{
    QStringList out;
    for (const QByteArray& name : list)
        out << esc(name);
    return out.isEmpty() ? TraceHtml::tr("(none)") : out.join(QStringLiteral(", "));
}

QString yesNo(const std::optional<bool>& value)
{
    if (!value)
        return TraceHtml::tr("not reached");
    return *value ? TraceHtml::tr("yes") : TraceHtml::tr("no");
}

} // namespace

QString TraceHtml::badge(const QString& word)
{
    return QStringLiteral("<span style='background-color:%1; color:white; padding:2px'>&nbsp;%2&nbsp;</span>")
        .arg(resultColor(word).name(), esc(word));
}

QString TraceHtml::dkimSection(const pipeline::Analysis& a)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("DKIM"));
    if (a.dkim.empty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("The message has no DKIM-Signature field."));
    for (const dkim::Result& r : a.dkim) {
        const dkim::Diagnostics& d = r.diagnostics;
        html +=
            QStringLiteral("<h3>%1 %2 d=%3 s=%4</h3>")
                .arg(tr("Signature %1").arg(r.index + 1), badge(r.word()), esc(r.domain), esc(r.selector));
        html += QStringLiteral("<p>%1</p><table cellspacing='4'>").arg(esc(r.reason));
        if (d.likelyCause != dkim::LikelyCause::None)
            html += row(tr("Likely cause"), esc(dkim::likelyCauseText(d.likelyCause)));
        QStringList tags;
        for (const auto& [name, value] : d.tags)
            tags << QStringLiteral("<b>%1</b>=%2").arg(esc(name), esc(value.left(120)));
        html += row(tr("Tags"), tags.join(QStringLiteral("; ")));
        if (d.keyLooked) {
            html += row(tr("Key record name"), esc(d.keyDnsName));
            html += row(tr("Lookup"), esc(d.keyLookupStatus));
            if (!d.cnameChain.isEmpty())
                html += row(tr("CNAME chain"), names(d.cnameChain));
            html += row(tr("Key record"), esc(d.keyRecordText));
            html += row(tr("TTL"), QString::number(d.keyTtl));
            html += row(tr("DNSSEC"), esc(dns::dnssecStatusName(d.dnssec)));
            if (d.keyFetchedAtMs > 0)
                html +=
                    row(tr("Fetched"),
                        esc(QDateTime::fromMSecsSinceEpoch(d.keyFetchedAtMs, Qt::UTC).toString(Qt::ISODate)));
            if (!d.keySource.isEmpty())
                html += row(tr("Answered by"), esc(d.keySource));
            if (!d.keyType.isEmpty())
                html += row(tr("Key"), tr("%1, %2 bits%3")
                                           .arg(esc(d.keyType))
                                           .arg(d.keyBits)
                                           .arg(d.keyTesting ? tr(" (testing, t=y)") : QString()));
        }
        html += row(tr("Body hash matches"), yesNo(r.bodyHashOk));
        if (!d.bodyHashClaimed.isEmpty())
            html += row(tr("Body hash claimed (bh=)"), esc(d.bodyHashClaimed));
        if (!d.bodyHashComputed.isEmpty())
            html += row(tr("Body hash computed"), esc(d.bodyHashComputed));
        if (r.bodyHashOk)
            html += row(tr("Body bytes covered"), tr("%1 of %2 (%3 not covered)")
                                                      .arg(d.bodyBytesCovered)
                                                      .arg(d.bodyCanonicalLength)
                                                      .arg(d.bodyBytesNotCovered));
        html += row(tr("Signature verifies"), yesNo(r.signatureOk));
        html += row(tr("Signed header fields"), names(d.signedHeaderNames));
        if (!d.oversignedHeaderNames.isEmpty())
            html += row(tr("Oversigned (none may be added)"), names(d.oversignedHeaderNames));
        if (!d.absentHeaderNames.isEmpty())
            html += row(tr("Signed but absent"), names(d.absentHeaderNames));
        if (!d.unsignedSingletons.isEmpty())
            html += row(tr("Unsigned copies added"), names(d.unsignedSingletons));
        html += QStringLiteral("</table>");
        if (!d.canonicalizedHeaders.isEmpty())
            html += QStringLiteral("<p><b>%1</b></p>%2")
                        .arg(tr("Canonicalized header block"), pre(d.canonicalizedHeaders));
    }
    return html;
}

QString TraceHtml::spfSection(const pipeline::Analysis& a)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("SPF"));
    const mail::Envelope& e = a.envelope;
    html += QStringLiteral("<table cellspacing='4'>");
    html += row(tr("Client IP"), e.clientIp.isNull() ? tr("unknown") : esc(e.clientIp.toString()));
    html += row(tr("HELO"), esc(e.helo));
    html += row(tr("MAIL FROM"), e.nullMailFrom ? tr("&lt;&gt; (null sender)") : esc(e.mailFrom));
    for (const QString& note : e.notes)
        html += row(tr("Envelope"), esc(note));
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p><i>%1</i></p>").arg(esc(a.spfNote));
    if (!a.spf)
        return html;
    const spf::Result& r = *a.spf;
    html += QStringLiteral("<p>%1 %2: %3</p>").arg(badge(r.word()), esc(r.domain), esc(r.reason));
    if (!r.record.isEmpty())
        html += QStringLiteral("<p><tt>%1</tt></p>").arg(esc(r.record));
    if (!r.explanation.isEmpty())
        html += QStringLiteral("<p>%1 %2</p>").arg(tr("Explanation:"), esc(r.explanation));
    html += QStringLiteral(
                "<table border='0' cellspacing='2'><tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>")
                .arg(tr("Domain"), tr("Term"), tr("Lookups"), tr("Outcome"));
    for (const spf::TraceStep& step : r.trace) {
        QStringList lookups;
        for (const spf::TraceLookup& l : step.lookups)
            lookups << esc(l.name) + QStringLiteral(": ") +
                           esc(l.answers.isEmpty() ? l.error : l.answers.join(QStringLiteral(", ")));
        html += QStringLiteral("<tr><td>%1%2</td><td><tt>%3</tt></td><td>%4</td><td>%5</td></tr>")
                    .arg(QString(step.depth * 2, QChar(0xa0)), esc(step.domain), esc(step.term),
                         lookups.join(QStringLiteral("<br>")), esc(step.outcome));
    }
    html += QStringLiteral("</table><p>%1</p>")
                .arg(tr("%1 DNS-querying terms, %2 void lookups").arg(r.dnsLookups).arg(r.voidLookups));
    return html;
}

QString TraceHtml::dmarcSection(const pipeline::Analysis& a)
{
    const dmarc::Verdict& v = a.dmarc;
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("DMARC"));
    html += QStringLiteral("<p>%1 %2</p>").arg(badge(dmarc::resultName(v.result)), esc(v.reason));
    html += QStringLiteral("<table cellspacing='4'>");
    html += row(tr("Author domain (From)"), esc(v.fromDomainDisplay));
    if (v.organizationalDomain)
        html += row(tr("Organizational domain"), esc(*v.organizationalDomain));
    if (v.policyDomain)
        html += row(tr("Policy record at"), esc(*v.policyDomain));
    if (v.policy)
        html += row(tr("Policy"), esc(v.policyTag) + QStringLiteral("=") + esc(dmarc::policyName(*v.policy)));
    html += row(tr("Disposition"),
                esc(dmarc::policyName(v.disposition)) + (v.testing ? tr(" (t=y: testing)") : QString()));
    html += QStringLiteral("</table><h3>%1</h3><ul>").arg(tr("Alignment"));
    for (const dmarc::AlignmentCheck& c : v.alignment)
        html += QStringLiteral("<li>%1 %2 (%3): %4</li>")
                    .arg(esc(c.method), esc(c.identifier), c.aligned ? tr("aligned") : tr("not aligned"),
                         esc(c.explanation));
    html += QStringLiteral("</ul><h3>%1</h3><ol>").arg(tr("RFC 9989 steps"));
    for (const QString& step : v.steps)
        html += QStringLiteral("<li>%1</li>").arg(esc(step));
    html += QStringLiteral("</ol>");
    if (v.differs()) {
        html += QStringLiteral("<h3>%1</h3><p>%2 %3</p><ol>")
                    .arg(tr("RFC 7489 (public suffix list) reads it differently"),
                         badge(dmarc::resultName(v.rfc7489.result)), esc(v.rfc7489.reason));
        for (const QString& step : v.rfc7489.steps)
            html += QStringLiteral("<li>%1</li>").arg(esc(step));
        html += QStringLiteral("</ol>");
    }
    return html;
}

QString TraceHtml::receiverSection(const pipeline::Analysis& a)
{
    const mail::ReceiverVerdict& r = a.received;
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("The receiver's verdict"));
    if (r.isEmpty())
        return html +
               QStringLiteral("<p>%1</p>").arg(tr("No trusted Authentication-Results in the message."));
    html += QStringLiteral("<p>%1</p><table cellspacing='4'>").arg(esc(r.sources.join(QStringLiteral("; "))));
    for (const mail::ReceiverVerdict::Dkim& d : r.dkim)
        html += row(tr("DKIM"), badge(QString::fromUtf8(d.result)) + QStringLiteral(" d=") + esc(d.domain) +
                                    QStringLiteral(" s=") + esc(d.selector));
    if (!r.spfResult.isEmpty())
        html +=
            row(tr("SPF"), badge(QString::fromUtf8(r.spfResult)) + QStringLiteral(" ") + esc(r.spfMailFrom));
    if (!r.dmarcResult.isEmpty())
        html += row(tr("DMARC"),
                    badge(QString::fromUtf8(r.dmarcResult)) + QStringLiteral(" ") + esc(r.dmarcFrom));
    html += QStringLiteral("</table>");
    if (!a.disagreesWithReceiver.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(tr("Our verdict (today's DNS) differs on: %1")
                             .arg(esc(a.disagreesWithReceiver.join(QStringLiteral(", ")))));
    return html;
}

QString TraceHtml::findingsSection(const pipeline::Analysis& a)
{
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("Findings"));
    if (a.findings.empty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("None."));
    html += QStringLiteral("<ul>");
    for (const lint::Finding& f : a.findings) {
        html += QStringLiteral("<li>%1 <b>%2</b> (%3): %4")
                    .arg(badge(lint::severityName(f.severity)), esc(f.subject), esc(f.id), esc(f.message));
        if (!f.fix.isEmpty())
            html += QStringLiteral("<br>%1 %2").arg(tr("Fix:"), esc(f.fix));
        if (!f.correctedRecord.isEmpty())
            html += QStringLiteral("<br><tt>%1</tt>").arg(esc(f.correctedRecord));
        html += QStringLiteral("</li>");
    }
    return html + QStringLiteral("</ul>");
}

QString TraceHtml::document(const pipeline::Analysis& a, const QString& title)
{
    return QStringLiteral("<html><body><h1>%1</h1>").arg(esc(title)) + dkimSection(a) + spfSection(a) +
           dmarcSection(a) + receiverSection(a) + findingsSection(a) + QStringLiteral("</body></html>");
}

} // namespace authlens::desktop
