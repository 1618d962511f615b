// SPDX-License-Identifier: GPL-3.0-or-later
#include "findings/FindingsModel.h"

#include "charts/ChartWidget.h"
#include "store/Findings.h"

#include <QMap>

#include <algorithm>

namespace authlens::desktop {

namespace {

// Internal ids: 0 for a group row; group index + 1 for a finding row (its parent is that group).
constexpr quintptr kGroupId = 0;

int rank(store::FindingSeverity severity)
{
    switch (severity) {
    case store::FindingSeverity::Error:
        return 2;
    case store::FindingSeverity::Warning:
        return 1;
    default:
        return 0;
    }
}

QString severityWord(store::FindingSeverity severity)
{
    switch (rank(severity)) {
    case 2:
        return FindingsModel::tr("error");
    case 1:
        return FindingsModel::tr("warning");
    default:
        return FindingsModel::tr("info");
    }
}

} // namespace

FindingsModel::FindingsModel(QObject* parent)
    : QAbstractItemModel(parent)
{}

void FindingsModel::setDatabase(store::Database* database)
{
    m_database = database;
    reload();
}

void FindingsModel::setShowDismissed(bool show)
{
    m_showDismissed = show;
    reload();
}

QString FindingsModel::domainOf(const store::FindingRecord& finding)
{
    QString subject = finding.subject;
    // Subjects name a DNS name, "selector s of d", or a header; take the last word that has a dot.
    const QStringList words = subject.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (auto it = words.crbegin(); it != words.crend(); ++it) {
        if (it->contains(QLatin1Char('.'))) {
            subject = *it;
            break;
        }
    }
    subject.remove(QLatin1Char(',')).remove(QLatin1Char(':'));
    while (subject.endsWith(QLatin1Char('.')))
        subject.chop(1);
    // Strip the well-known prefixes so a domain's DKIM, SPF and DMARC findings land together.
    const int dmarc = subject.indexOf(QLatin1String("_dmarc."));
    if (dmarc >= 0)
        subject = subject.mid(dmarc + 7);
    const int dkim = subject.indexOf(QLatin1String("._domainkey."));
    if (dkim >= 0)
        subject = subject.mid(dkim + 12);
    return subject.isEmpty() ? tr("(other)") : subject.toLower();
}

void FindingsModel::reload()
{
    beginResetModel();
    m_groups.clear();
    if (m_database) {
        QMap<QString, Group> byDomain;
        for (const store::FindingRecord& f : store::Findings(*m_database).list(m_showDismissed)) {
            Group& g = byDomain[domainOf(f)];
            g.domain = domainOf(f);
            g.findings.append(f);
            if (!f.dismissed)
                g.worst = std::max(g.worst, rank(f.severity));
        }
        m_groups = byDomain.values();
        std::stable_sort(m_groups.begin(), m_groups.end(), [](const Group& a, const Group& b) {
            if (a.worst != b.worst)
                return a.worst > b.worst;
            return a.findings.size() > b.findings.size();
        });
    }
    endResetModel();
}

const store::FindingRecord* FindingsModel::finding(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == kGroupId)
        return nullptr;
    const Group& g = m_groups.at(int(index.internalId() - 1));
    return index.row() < g.findings.size() ? &g.findings.at(index.row()) : nullptr;
}

QModelIndex FindingsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FindingsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kGroupId);
}

int FindingsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == kGroupId && parent.column() == 0)
        return int(m_groups.at(parent.row()).findings.size());
    return 0;
}

int FindingsModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupId) {
        const Group& g = m_groups.at(index.row());
        if (role == Qt::DisplayRole && index.column() == SubjectColumn)
            return tr("%1 (%n finding(s))", nullptr, int(g.findings.size())).arg(g.domain);
        if (role == Qt::DisplayRole && index.column() == SeverityColumn)
            return g.worst == 2 ? tr("error") : g.worst == 1 ? tr("warning") : tr("info");
        if (role == Qt::ForegroundRole && index.column() == SeverityColumn)
            return resultColor(g.worst == 2   ? QStringLiteral("fail")
                               : g.worst == 1 ? QStringLiteral("softfail")
                                              : QStringLiteral("neutral"));
        return {};
    }
    const store::FindingRecord* f = finding(index);
    if (!f)
        return {};
    switch (role) {
    case RowIdRole:
        return f->rowId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SubjectColumn:
            return f->subject;
        case SeverityColumn:
            return f->dismissed ? tr("%1 (dismissed)").arg(severityWord(f->severity))
                                : severityWord(f->severity);
        case MessageColumn:
            return f->message;
        case OccurrencesColumn:
            return f->occurrences;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return f->fix.isEmpty() ? f->message : tr("%1\n\nFix: %2").arg(f->message, f->fix);
    case Qt::ForegroundRole:
        if (index.column() == SeverityColumn)
            return resultColor(rank(f->severity) == 2   ? QStringLiteral("fail")
                               : rank(f->severity) == 1 ? QStringLiteral("softfail")
                                                        : QStringLiteral("neutral"));
        return {};
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SubjectColumn:
        return tr("Domain / record");
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Finding");
    case OccurrencesColumn:
        return tr("Seen");
    default:
        return {};
    }
}

} // namespace authlens::desktop
