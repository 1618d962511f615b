// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Crypto.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <vector>

namespace authlens::samples {

// The private keys the samples are signed with, kept in the repository (keys/<id>.pem) so the mailbox is
// byte-identical on every run. Test material only: they are public, never use them for real mail.
class SampleKeys
{
public:
    struct KeyKind
    {
        const char* id;
        dkim::KeyType type;
        int bits; // RSA only
    };

    // Every key the catalog uses.
    static const std::vector<KeyKind>& kinds();

    // Loads every key from `directory`; with `regenerate`, makes new ones and writes them there first.
    // Returns an error text, empty on success.
    QString load(const QString& directory, bool regenerate);

    const dkim::Crypto::Key& key(const QByteArray& id) const;
    // base64 of the p= value (RFC 6376 3.6.1, RFC 8463 4).
    QByteArray publicKeyBase64(const QByteArray& id) const;

private:
    QMap<QByteArray, dkim::Crypto::Key> m_keys;
};

} // namespace authlens::samples
