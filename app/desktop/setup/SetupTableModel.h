// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/SetupStates.h"

#include <QAbstractTableModel>

#include <optional>

namespace authlens::store {
class Database;
}

namespace authlens::desktop {

// The DKIM setup list (one row per domain and selector, by domain then selector) beside the selectors
// seen signing in imported mail. A selector that signs mail but is not in the list gets a row of its own,
// so a rotation that forgot one shows up here (its state column says "not in the setup list").
class SetupTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DomainColumn,
        SelectorColumn,
        StateColumn,
        KeyTypeColumn,
        FingerprintColumn,
        LastCheckColumn,
        SigningColumn,
        ColumnCount
    };
    // The state word ("enabled", ...; empty for an unlisted selector) for views and tests.
    static constexpr int StateNameRole = Qt::UserRole + 1;

    struct Row
    {
        std::optional<dkimsetup::SetupEntry> entry; // empty: seen signing, not in the setup list
        dkimsetup::SigningSelector signing;         // signatures = 0 when never seen signing
        QByteArray domain() const { return entry ? entry->domain : signing.domain; }
        QByteArray selector() const { return entry ? entry->selector : signing.selector; }
    };

    explicit SetupTableModel(QObject* parent = nullptr);

    void setDatabase(store::Database* database);
    void reload();

    const Row* row(int row) const;
    const Row* row(const QModelIndex& index) const { return index.isValid() ? row(index.row()) : nullptr; }
    // The row of a domain/selector, or -1.
    int rowOf(const QByteArray& domain, const QByteArray& selector) const;
    std::vector<dkimsetup::SetupEntry> entries() const;
    const std::vector<dkimsetup::SigningSelector>& signing() const { return m_signing; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Words shown to the analyst for the core's states.
    static QString stateText(dkimsetup::SetupState state);
    static QString publicationText(dkimsetup::PublicationState state);

private:
    store::Database* m_database = nullptr;
    QList<Row> m_rows;
    std::vector<dkimsetup::SigningSelector> m_signing;
};

} // namespace authlens::desktop
