// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkimsetup/KeyGenerator.h"
#include "dkimsetup/PublicationCheck.h"
#include "dkimsetup/SetupState.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::store {
class Database;
}

namespace authlens::dkimsetup {

// One domain/selector of the setup flow as stored (table dkim_setup). The private key itself is never
// here: only where its file lives.
struct SetupEntry
{
    qint64 id = 0;
    QByteArray domain;
    QByteArray selector;
    dkim::KeyType keyType = dkim::KeyType::Rsa;
    int keyBits = 0;
    QByteArray publicKey; // base64 p=
    QByteArray fingerprint;
    QString privateKeyPath;
    SetupState state = SetupState::Generated;
    QString stateReason;
    std::optional<PublicationState> lastCheck; // the newest publication check, whatever the state
    QString lastCheckReason;
    qint64 lastCheckedAtMs = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

struct SetupEvent
{
    std::optional<SetupState> from; // empty for the first event
    SetupState to = SetupState::Generated;
    QString reason;
    qint64 atMs = 0;
};

// A selector seen signing in imported messages (newest verification run), beside the setup list.
struct SigningSelector
{
    QByteArray domain; // d=, lower case
    QByteArray selector;
    qint64 signatures = 0; // signatures with this d= and s= in the newest run of each message
    qint64 passes = 0;
    qint64 lastSeenMs = 0;                // newest message date; 0 if unknown
    std::optional<SetupState> setupState; // empty: signing, but not in the setup list
};

// The setup flow's states per domain and selector, kept in the store. Every change goes through the
// state machine (transitionRefusal) plus the rules that need the whole domain; a refused change leaves the
// row as it was and says why. Rotation is: generate and publish a new selector, enable it, then retire the
// old one; retiring the only enabled selector of a domain is refused unless forced.
class SetupStates
{
public:
    struct Change
    {
        std::optional<SetupEntry> entry; // the row after the change (unchanged on refusal), when it exists
        QString error;                   // refusal or database error, plain language
        bool ok() const { return error.isEmpty(); }
    };

    explicit SetupStates(store::Database& database);

    // A newly generated key enters as `generated`; a domain/selector already listed is refused.
    Change add(const QByteArray& domain, const QByteArray& selector, const PublicKeyInfo& publicKey,
               const QString& privateKeyPath, qint64 nowMs = 0);
    // The DNS settings were handed to the customer.
    Change markWaitingForDns(const QByteArray& domain, const QByteArray& selector, qint64 nowMs = 0);
    // Records a publication check. Before enabling it moves the state (not published -> waiting for DNS,
    // different, matching; a temporary failure changes nothing); once enabled, disabled or retired it is
    // only recorded as the last check.
    Change recordCheck(const QByteArray& domain, const QByteArray& selector, PublicationState result,
                       const QString& reason, qint64 nowMs = 0);
    Change enable(const QByteArray& domain, const QByteArray& selector, qint64 nowMs = 0);
    Change disable(const QByteArray& domain, const QByteArray& selector, const QString& reason = {},
                   qint64 nowMs = 0);
    Change retire(const QByteArray& domain, const QByteArray& selector, bool force = false, qint64 nowMs = 0);

    std::optional<SetupEntry> find(const QByteArray& domain, const QByteArray& selector);
    // Every entry, or those of one domain; by domain then selector.
    std::vector<SetupEntry> list(const QByteArray& domain = {});
    std::vector<SetupEvent> history(const QByteArray& domain, const QByteArray& selector);
    // Selectors seen signing in imported messages merged with the setup list (entries never seen signing
    // have 0 signatures); by domain then selector.
    std::vector<SigningSelector> signingSelectors(const QByteArray& domain = {});

    QString lastError() const { return m_lastError; }

private:
    Change moveTo(const SetupEntry& entry, SetupState to, const QString& reason, qint64 nowMs);
    bool writeEvent(qint64 setupId, std::optional<SetupState> from, SetupState to, const QString& reason,
                    qint64 nowMs);
    Change failure(const QString& error, std::optional<SetupEntry> entry = std::nullopt);

    store::Database& m_database;
    QString m_lastError;
};

} // namespace authlens::dkimsetup
