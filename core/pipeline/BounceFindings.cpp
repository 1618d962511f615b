// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/BounceFindings.h"

#include "dkimsetup/BounceRate.h"
#include "pipeline/AnalysisRecords.h"
#include "store/Dashboard.h"
#include "store/Findings.h"

namespace authlens::pipeline {

namespace {

// dkimsetup::BounceRate::finding's id; named here so the old findings go when no domain is over.
const QString kFindingId = QStringLiteral("practice.bounce.rate-high");

} // namespace

QString BounceFindings::refresh(store::Database& database)
{
    store::Dashboard dashboard(database);
    const QList<store::BounceStats> stats = dashboard.bounces();
    if (!dashboard.lastError().isEmpty())
        return dashboard.lastError();
    QList<store::FindingRecord> findings;
    for (const store::BounceStats& domain : stats) {
        dkimsetup::BounceRate rate;
        rate.domain = domain.domain.toUtf8();
        rate.sent = domain.sent;
        rate.bounced = domain.bounces;
        const std::optional<lint::Finding> finding = rate.finding(store::BounceStats::threshold);
        if (!finding)
            continue;
        store::FindingRecord record = AnalysisRecords::finding(*finding);
        record.occurrences = domain.bounces;
        findings.append(record);
    }
    store::Findings store(database);
    if (!store.replaceComputed(kFindingId, findings))
        return store.lastError();
    return QString();
}

} // namespace authlens::pipeline
