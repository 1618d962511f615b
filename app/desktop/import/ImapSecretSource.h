// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "import/ImapAccountSettings.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace authlens::desktop {

class KeychainSecrets;

// Finds the secret for a connection: from the system keychain when the account remembers it there,
// otherwise by asking the analyst, saying why (not remembered, no keychain, keychain refused). Never
// writes it anywhere; the caller passes it to the one import that needs it.
class ImapSecretSource : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(std::optional<QByteArray>)>; // nullopt: the analyst cancelled

    ImapSecretSource(KeychainSecrets* keychain, QWidget* window, QObject* parent = nullptr);

    // `note` is added to the question (e.g. that a monitor keeps it in memory until it stops).
    void obtain(const SavedImapAccount& account, Done done, const QString& note = QString());
    // Asks the analyst directly, with `why` as the first line.
    void ask(const SavedImapAccount& account, const QString& why, Done done);

private:
    KeychainSecrets* m_keychain;
    QPointer<QWidget> m_window;
};

} // namespace authlens::desktop
