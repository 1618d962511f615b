// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/SetupStates.h"

#include "store/Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>

namespace authlens::dkimsetup {

namespace {

const QString entryColumns =
    QStringLiteral("id, domain, selector, key_type, key_bits, public_key, fingerprint, private_key_path, "
                   "state, state_reason, "
                   "last_check, last_check_reason, last_checked_at, created_at, updated_at");

qint64 timeOrNow(qint64 nowMs)
{
    return nowMs > 0 ? nowMs : QDateTime::currentMSecsSinceEpoch();
}

std::optional<PublicationState> publicationStateFromName(const QString& name)
{
    for (PublicationState state : {PublicationState::NotPublished, PublicationState::PublishedDifferent,
                                   PublicationState::PublishedMatching, PublicationState::TempFail}) {
        if (name == publicationStateName(state))
            return state;
    }
    return std::nullopt;
}

SetupEntry entryFrom(const QSqlQuery& query)
{
    SetupEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.domain = query.value(1).toString().toLatin1();
    entry.selector = query.value(2).toString().toLatin1();
    entry.keyType =
        query.value(3).toString() == QLatin1String("ed25519") ? dkim::KeyType::Ed25519 : dkim::KeyType::Rsa;
    entry.keyBits = query.value(4).toInt();
    entry.publicKey = query.value(5).toString().toLatin1();
    entry.fingerprint = query.value(6).toString().toLatin1();
    entry.privateKeyPath = query.value(7).toString();
    // An unknown word (a newer version wrote it) reads as retired: never signed with by mistake.
    entry.state = setupStateFromName(query.value(8).toString()).value_or(SetupState::Retired);
    entry.stateReason = query.value(9).toString();
    if (!query.value(10).isNull())
        entry.lastCheck = publicationStateFromName(query.value(10).toString());
    entry.lastCheckReason = query.value(11).toString();
    entry.lastCheckedAtMs = query.value(12).toLongLong();
    entry.createdAtMs = query.value(13).toLongLong();
    entry.updatedAtMs = query.value(14).toLongLong();
    return entry;
}

QByteArray lowered(const QByteArray& name)
{
    QByteArray result = name.trimmed().toLower();
    while (result.endsWith('.'))
        result.chop(1);
    return result;
}

} // namespace

SetupStates::SetupStates(store::Database& database)
    : m_database(database)
{}

SetupStates::Change SetupStates::failure(const QString& error, std::optional<SetupEntry> entry)
{
    m_lastError = error;
    return Change{std::move(entry), error};
}

std::optional<SetupEntry> SetupStates::find(const QByteArray& domain, const QByteArray& selector)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("SELECT %1 FROM dkim_setup WHERE domain = ? AND selector = ?").arg(entryColumns));
    query.addBindValue(QString::fromLatin1(lowered(domain)));
    query.addBindValue(QString::fromLatin1(lowered(selector)));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return entryFrom(query);
}

std::vector<SetupEntry> SetupStates::list(const QByteArray& domain)
{
    std::vector<SetupEntry> entries;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT %1 FROM dkim_setup %2 ORDER BY domain, selector")
                      .arg(entryColumns, domain.isEmpty() ? QString() : QStringLiteral("WHERE domain = ?")));
    if (!domain.isEmpty())
        query.addBindValue(QString::fromLatin1(lowered(domain)));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return entries;
    }
    while (query.next())
        entries.push_back(entryFrom(query));
    return entries;
}

std::vector<SetupEvent> SetupStates::history(const QByteArray& domain, const QByteArray& selector)
{
    std::vector<SetupEvent> events;
    const auto entry = find(domain, selector);
    if (!entry)
        return events;
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT from_state, to_state, reason, occurred_at FROM dkim_setup_events "
                                 "WHERE setup_id = ? ORDER BY id"));
    query.addBindValue(entry->id);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return events;
    }
    while (query.next()) {
        SetupEvent event;
        if (!query.value(0).isNull())
            event.from = setupStateFromName(query.value(0).toString());
        event.to = setupStateFromName(query.value(1).toString()).value_or(SetupState::Retired);
        event.reason = query.value(2).toString();
        event.atMs = query.value(3).toLongLong();
        events.push_back(event);
    }
    return events;
}

bool SetupStates::writeEvent(qint64 setupId, std::optional<SetupState> from, SetupState to,
                             const QString& reason, qint64 nowMs)
{
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO dkim_setup_events (setup_id, from_state, to_state, reason, "
                                  "occurred_at) VALUES (?, ?, ?, ?, ?)"));
    insert.addBindValue(setupId);
    insert.addBindValue(from ? QVariant(setupStateName(*from)) : QVariant(QMetaType(QMetaType::QString)));
    insert.addBindValue(setupStateName(to));
    insert.addBindValue(reason);
    insert.addBindValue(nowMs);
    if (!insert.exec()) {
        m_lastError = insert.lastError().text();
        return false;
    }
    return true;
}

SetupStates::Change SetupStates::add(const QByteArray& domain, const QByteArray& selector,
                                     const PublicKeyInfo& publicKey, const QString& privateKeyPath,
                                     qint64 nowMs)
{
    const QByteArray d = lowered(domain);
    const QByteArray s = lowered(selector);
    if (d.isEmpty() || s.isEmpty())
        return failure(QStringLiteral("a domain and a selector are needed"));
    if (publicKey.recordBytes.isEmpty() || privateKeyPath.isEmpty())
        return failure(QStringLiteral("a public key and the private key's path are needed"));
    if (auto existing = find(d, s))
        return failure(
            QStringLiteral("%1 is already listed for %2 (%3); a new key needs a new selector")
                .arg(QString::fromLatin1(s), QString::fromLatin1(d), setupStateName(existing->state)),
            existing);
    const qint64 now = timeOrNow(nowMs);
    if (!m_database.beginTransaction())
        return failure(m_database.lastError());
    QSqlQuery insert(m_database.connection());
    insert.prepare(
        QStringLiteral("INSERT INTO dkim_setup (domain, selector, key_type, key_bits, public_key, "
                       "fingerprint, private_key_path, state, state_reason, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString reason = QStringLiteral("key generated");
    insert.addBindValue(QString::fromLatin1(d));
    insert.addBindValue(QString::fromLatin1(s));
    insert.addBindValue(QString::fromLatin1(dkim::keyTypeName(publicKey.type)));
    insert.addBindValue(publicKey.bits);
    insert.addBindValue(QString::fromLatin1(publicKey.base64()));
    insert.addBindValue(QString::fromLatin1(publicKey.fingerprint));
    insert.addBindValue(privateKeyPath);
    insert.addBindValue(setupStateName(SetupState::Generated));
    insert.addBindValue(reason);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec()) {
        const QString error = insert.lastError().text();
        m_database.rollback();
        return failure(error);
    }
    if (!writeEvent(insert.lastInsertId().toLongLong(), std::nullopt, SetupState::Generated, reason, now) ||
        !m_database.commit()) {
        const QString error = m_lastError.isEmpty() ? m_database.lastError() : m_lastError;
        m_database.rollback();
        return failure(error);
    }
    return Change{find(d, s), {}};
}

SetupStates::Change SetupStates::moveTo(const SetupEntry& entry, SetupState to, const QString& reason,
                                        qint64 nowMs)
{
    if (const QString refusal = transitionRefusal(entry.state, to); !refusal.isEmpty())
        return failure(
            QStringLiteral("%1 of %2: %3")
                .arg(QString::fromLatin1(entry.selector), QString::fromLatin1(entry.domain), refusal),
            entry);
    if (entry.state == to)
        return Change{entry, {}}; // a repeated check: nothing new to record
    const qint64 now = timeOrNow(nowMs);
    if (!m_database.beginTransaction())
        return failure(m_database.lastError(), entry);
    QSqlQuery update(m_database.connection());
    // The state is compared too, so two writers racing on one row cannot both apply a transition.
    update.prepare(QStringLiteral("UPDATE dkim_setup SET state = ?, state_reason = ?, updated_at = ? "
                                  "WHERE id = ? AND state = ?"));
    update.addBindValue(setupStateName(to));
    update.addBindValue(reason);
    update.addBindValue(now);
    update.addBindValue(entry.id);
    update.addBindValue(setupStateName(entry.state));
    if (!update.exec() || update.numRowsAffected() != 1) {
        const QString error = update.lastError().isValid() && !update.lastError().text().trimmed().isEmpty()
                                  ? update.lastError().text()
                                  : QStringLiteral("the selector changed meanwhile; reload and try again");
        m_database.rollback();
        return failure(error, entry);
    }
    if (!writeEvent(entry.id, entry.state, to, reason, now) || !m_database.commit()) {
        const QString error = m_lastError.isEmpty() ? m_database.lastError() : m_lastError;
        m_database.rollback();
        return failure(error, entry);
    }
    return Change{find(entry.domain, entry.selector), {}};
}

SetupStates::Change SetupStates::markWaitingForDns(const QByteArray& domain, const QByteArray& selector,
                                                   qint64 nowMs)
{
    const auto entry = find(domain, selector);
    if (!entry)
        return failure(QStringLiteral("%1 of %2 is not in the setup list")
                           .arg(QString::fromLatin1(selector), QString::fromLatin1(domain)));
    return moveTo(*entry, SetupState::WaitingForDns, QStringLiteral("DNS settings handed to the customer"),
                  nowMs);
}

SetupStates::Change SetupStates::recordCheck(const QByteArray& domain, const QByteArray& selector,
                                             PublicationState result, const QString& reason, qint64 nowMs)
{
    const auto entry = find(domain, selector);
    if (!entry)
        return failure(QStringLiteral("%1 of %2 is not in the setup list")
                           .arg(QString::fromLatin1(selector), QString::fromLatin1(domain)));
    const qint64 now = timeOrNow(nowMs);
    QSqlQuery update(m_database.connection());
    update.prepare(QStringLiteral("UPDATE dkim_setup SET last_check = ?, last_check_reason = ?, "
                                  "last_checked_at = ? WHERE id = ?"));
    update.addBindValue(publicationStateName(result));
    update.addBindValue(reason);
    update.addBindValue(now);
    update.addBindValue(entry->id);
    if (!update.exec())
        return failure(update.lastError().text(), entry);

    const bool beforeEnabling =
        entry->state == SetupState::Generated || entry->state == SetupState::WaitingForDns ||
        entry->state == SetupState::PublishedDifferent || entry->state == SetupState::PublishedMatching;
    if (!beforeEnabling || result == PublicationState::TempFail)
        return Change{find(domain, selector), {}};
    const SetupState to = result == PublicationState::NotPublished         ? SetupState::WaitingForDns
                          : result == PublicationState::PublishedDifferent ? SetupState::PublishedDifferent
                                                                           : SetupState::PublishedMatching;
    return moveTo(*find(domain, selector), to, reason, now);
}

SetupStates::Change SetupStates::enable(const QByteArray& domain, const QByteArray& selector, qint64 nowMs)
{
    const auto entry = find(domain, selector);
    if (!entry)
        return failure(QStringLiteral("%1 of %2 is not in the setup list")
                           .arg(QString::fromLatin1(selector), QString::fromLatin1(domain)));
    // Re-enabling a disabled selector needs the record to still match: the customer may have removed it.
    if (entry->state == SetupState::Disabled && entry->lastCheck != PublicationState::PublishedMatching)
        return failure(QStringLiteral("%1 of %2: the last check did not find the matching record; check the "
                                      "publication again before enabling")
                           .arg(QString::fromLatin1(entry->selector), QString::fromLatin1(entry->domain)),
                       entry);
    return moveTo(*entry, SetupState::Enabled, QStringLiteral("DKIM signing switched on"), nowMs);
}

SetupStates::Change SetupStates::disable(const QByteArray& domain, const QByteArray& selector,
                                         const QString& reason, qint64 nowMs)
{
    const auto entry = find(domain, selector);
    if (!entry)
        return failure(QStringLiteral("%1 of %2 is not in the setup list")
                           .arg(QString::fromLatin1(selector), QString::fromLatin1(domain)));
    return moveTo(*entry, SetupState::Disabled,
                  reason.isEmpty() ? QStringLiteral("DKIM signing switched off") : reason, nowMs);
}

SetupStates::Change SetupStates::retire(const QByteArray& domain, const QByteArray& selector, bool force,
                                        qint64 nowMs)
{
    const auto entry = find(domain, selector);
    if (!entry)
        return failure(QStringLiteral("%1 of %2 is not in the setup list")
                           .arg(QString::fromLatin1(selector), QString::fromLatin1(domain)));
    if (entry->state == SetupState::Enabled && !force) {
        int otherEnabled = 0;
        for (const SetupEntry& other : list(entry->domain))
            otherEnabled += other.id != entry->id && other.state == SetupState::Enabled ? 1 : 0;
        if (otherEnabled == 0)
            return failure(
                QStringLiteral("%1 is the only enabled selector of %2: retiring it would stop DKIM "
                               "signing. Rotate first: generate a new selector, have it published, "
                               "enable it, then retire this one (or force it).")
                    .arg(QString::fromLatin1(entry->selector), QString::fromLatin1(entry->domain)),
                entry);
    }
    return moveTo(*entry, SetupState::Retired,
                  force && entry->state == SetupState::Enabled ? QStringLiteral("retired (forced)")
                                                               : QStringLiteral("retired"),
                  nowMs);
}

std::vector<SigningSelector> SetupStates::signingSelectors(const QByteArray& domain)
{
    std::map<std::pair<QByteArray, QByteArray>, SigningSelector> merged;
    QSqlQuery query(m_database.connection());
    // Only the newest run's signatures, as the dashboard counts them.
    query.prepare(
        QStringLiteral(
            "SELECT LOWER(s.sdid), LOWER(s.selector), COUNT(*), "
            "SUM(CASE WHEN s.result = 'pass' THEN 1 ELSE 0 END), MAX(m.date_utc) "
            "FROM messages m JOIN dkim_signatures s ON s.message_id = m.id AND s.run_id = m.latest_run_id "
            "WHERE s.sdid IS NOT NULL AND s.selector IS NOT NULL %1 GROUP BY LOWER(s.sdid), "
            "LOWER(s.selector)")
            .arg(domain.isEmpty() ? QString() : QStringLiteral("AND LOWER(s.sdid) = ?")));
    if (!domain.isEmpty())
        query.addBindValue(QString::fromLatin1(lowered(domain)));
    if (!query.exec()) {
        m_lastError = query.lastError().text();
    } else {
        while (query.next()) {
            SigningSelector seen;
            seen.domain = query.value(0).toString().toUtf8();
            seen.selector = query.value(1).toString().toUtf8();
            seen.signatures = query.value(2).toLongLong();
            seen.passes = query.value(3).toLongLong();
            seen.lastSeenMs = query.value(4).toLongLong();
            merged[{seen.domain, seen.selector}] = seen;
        }
    }
    for (const SetupEntry& entry : list(domain)) {
        SigningSelector& row = merged[{entry.domain, entry.selector}];
        row.domain = entry.domain;
        row.selector = entry.selector;
        row.setupState = entry.state;
    }
    std::vector<SigningSelector> rows;
    rows.reserve(merged.size());
    for (auto& [key, row] : merged)
        rows.push_back(std::move(row));
    return rows;
}

} // namespace authlens::dkimsetup
