// SPDX-License-Identifier: GPL-3.0-or-later
#include "setup/SetupTableModel.h"

#include "store/Database.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <map>

namespace authlens::desktop {

using dkimsetup::PublicationState;
using dkimsetup::SetupState;

SetupTableModel::SetupTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void SetupTableModel::setDatabase(store::Database* database)
{
    m_database = database;
    reload();
}

void SetupTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_signing.clear();
    if (m_database) {
        dkimsetup::SetupStates states(*m_database);
        m_signing = states.signingSelectors();
        std::map<std::pair<QByteArray, QByteArray>, dkimsetup::SigningSelector> seen;
        for (const dkimsetup::SigningSelector& s : m_signing)
            seen[{s.domain, s.selector}] = s;
        for (const dkimsetup::SetupEntry& entry : states.list()) {
            Row r;
            r.entry = entry;
            const auto it = seen.find({entry.domain, entry.selector});
            if (it != seen.end()) {
                r.signing = it->second;
                seen.erase(it);
            } else {
                r.signing.domain = entry.domain;
                r.signing.selector = entry.selector;
            }
            m_rows.append(r);
        }
        // What is left signs mail but is not in the setup list.
        for (const auto& [key, s] : seen) {
            if (s.signatures > 0)
                m_rows.append(Row{std::nullopt, s});
        }
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
            return std::pair(a.domain(), a.selector()) < std::pair(b.domain(), b.selector());
        });
    }
    endResetModel();
}

const SetupTableModel::Row* SetupTableModel::row(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int SetupTableModel::rowOf(const QByteArray& domain, const QByteArray& selector) const
{
    const QByteArray d = domain.toLower();
    const QByteArray s = selector.toLower();
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).domain() == d && m_rows.at(i).selector() == s)
            return i;
    }
    return -1;
}

std::vector<dkimsetup::SetupEntry> SetupTableModel::entries() const
{
    std::vector<dkimsetup::SetupEntry> out;
    for (const Row& r : m_rows) {
        if (r.entry)
            out.push_back(*r.entry);
    }
    return out;
}

int SetupTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SetupTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SetupTableModel::stateText(SetupState state)
{
    switch (state) {
    case SetupState::Generated:
        return tr("generated");
    case SetupState::WaitingForDns:
        return tr("waiting for DNS");
    case SetupState::PublishedDifferent:
        return tr("published, different");
    case SetupState::PublishedMatching:
        return tr("published, matching");
    case SetupState::Enabled:
        return tr("enabled");
    case SetupState::Disabled:
        return tr("disabled");
    case SetupState::Retired:
        return tr("retired");
    }
    return {};
}

QString SetupTableModel::publicationText(PublicationState state)
{
    switch (state) {
    case PublicationState::NotPublished:
        return tr("not published");
    case PublicationState::PublishedDifferent:
        return tr("published, different");
    case PublicationState::PublishedMatching:
        return tr("published, matching");
    case PublicationState::TempFail:
        return tr("lookup failed");
    }
    return {};
}

namespace {

QString dateText(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

QVariant SetupTableModel::data(const QModelIndex& index, int role) const
{
    const Row* r = row(index);
    if (!r || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const auto& e = r->entry;
    if (role == StateNameRole)
        return e ? dkimsetup::setupStateName(e->state) : QString();
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case StateColumn:
            return e ? e->stateReason : tr("This selector signs imported mail but is not in the setup list.");
        case LastCheckColumn:
            return e ? e->lastCheckReason : QString();
        case FingerprintColumn:
            return e ? e->privateKeyPath : QString();
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case DomainColumn:
        return QString::fromLatin1(r->domain());
    case SelectorColumn:
        return QString::fromLatin1(r->selector());
    case StateColumn:
        return e ? stateText(e->state) : tr("not in the setup list");
    case KeyTypeColumn:
        if (!e)
            return {};
        return e->keyType == dkim::KeyType::Ed25519 ? tr("Ed25519") : tr("RSA %1").arg(e->keyBits);
    case FingerprintColumn:
        return e ? QString::fromLatin1(e->fingerprint) : QString();
    case LastCheckColumn:
        if (!e || !e->lastCheck)
            return e ? tr("never") : QString();
        return tr("%1, %2").arg(publicationText(*e->lastCheck), dateText(e->lastCheckedAtMs));
    case SigningColumn:
        if (r->signing.signatures == 0)
            return tr("not seen");
        return tr("%n signature(s), %1 pass", nullptr, int(r->signing.signatures)).arg(r->signing.passes);
    }
    return {};
}

QVariant SetupTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DomainColumn:
        return tr("Domain");
    case SelectorColumn:
        return tr("Selector");
    case StateColumn:
        return tr("State");
    case KeyTypeColumn:
        return tr("Key");
    case FingerprintColumn:
        return tr("Fingerprint");
    case LastCheckColumn:
        return tr("Last check");
    case SigningColumn:
        return tr("Seen signing");
    }
    return {};
}

} // namespace authlens::desktop
