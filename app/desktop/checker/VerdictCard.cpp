// SPDX-License-Identifier: GPL-3.0-or-later
#include "checker/VerdictCard.h"

#include "dmarc/Verdict.h"
#include "trace/TraceHtml.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace authlens::desktop {

namespace {

QString bestDkim(const pipeline::Analysis& a)
{
    if (a.dkim.empty())
        return QStringLiteral("none");
    // Same preference as the store's summary: one passing signature is what DMARC needs.
    for (const char* word : {"pass", "fail", "policy", "neutral", "temperror", "permerror"}) {
        for (const dkim::Result& r : a.dkim) {
            if (r.word() == QLatin1String(word))
                return r.word();
        }
    }
    return a.dkim.front().word();
}

} // namespace

VerdictCard::VerdictCard(const QString& origin, const QByteArray& raw, pipeline::Analysis analysis,
                         QWidget* parent)
    : QFrame(parent)
    , m_origin(origin)
    , m_raw(raw)
    , m_analysis(std::move(analysis))
{
    setObjectName(QStringLiteral("verdictCard"));
    setFrameShape(QFrame::StyledPanel);
    auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(origin.toHtmlEscaped()), this);
    title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString from = m_analysis.dmarc.fromDomainDisplay;
    QStringList dkimDetail;
    for (const dkim::Result& r : m_analysis.dkim)
        dkimDetail << QStringLiteral("d=%1 s=%2 %3")
                          .arg(QString::fromUtf8(r.domain), QString::fromUtf8(r.selector), r.word());
    auto* verdicts = new QLabel(this);
    verdicts->setTextFormat(Qt::RichText);
    verdicts->setText(
        tr("From %1 &nbsp; DKIM %2 &nbsp; SPF %3 &nbsp; DMARC %4 &nbsp; %n finding(s)", nullptr,
           int(m_analysis.findings.size()))
            .arg(from.toHtmlEscaped(), TraceHtml::badge(bestDkim(m_analysis)),
                 TraceHtml::badge(m_analysis.spf ? m_analysis.spf->word() : QStringLiteral("none")),
                 TraceHtml::badge(dmarc::resultName(m_analysis.dmarc.result))));
    auto* reason =
        new QLabel(m_analysis.dkim.empty() ? m_analysis.dmarc.reason
                                           : dkimDetail.join(QStringLiteral("; ")) + QStringLiteral(" — ") +
                                                 m_analysis.dkim.front().reason,
                   this);
    reason->setWordWrap(true);
    auto* open = new QPushButton(tr("Open trace"), this);
    open->setAccessibleName(tr("Open the trace of %1").arg(origin));
    setAccessibleName(summary());

    auto* left = new QVBoxLayout;
    left->addWidget(title);
    left->addWidget(verdicts);
    left->addWidget(reason);
    auto* layout = new QHBoxLayout(this);
    layout->addLayout(left, 1);
    layout->addWidget(open, 0, Qt::AlignTop);
    connect(open, &QPushButton::clicked, this, [this] { emit openTrace(m_raw, m_origin); });
}

QString VerdictCard::summary() const
{
    return QStringLiteral("DKIM %1 · SPF %2 · DMARC %3")
        .arg(bestDkim(m_analysis), m_analysis.spf ? m_analysis.spf->word() : QStringLiteral("none"),
             dmarc::resultName(m_analysis.dmarc.result));
}

} // namespace authlens::desktop
