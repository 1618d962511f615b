// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace authlens::sources::imap {

// RFC 3501 5.1.3: mailbox names travel in "modified UTF-7".
class MailboxName
{
public:
    static QByteArray encode(const QString& name);
    // nullopt when the bytes are not valid modified UTF-7.
    static std::optional<QString> decode(QByteArrayView encoded);
};

} // namespace authlens::sources::imap
