// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/Mailbox.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace authlens::mail {

struct AddressProblem
{
    int position = 0; // offset in the field value
    QString message;
};

struct AddressList
{
    std::vector<Mailbox> mailboxes; // in order, group members included
    QStringList groups;             // group display names, in order (an empty group is listed too)
    QList<AddressProblem> problems; // anything that did not parse; what did parse is kept

    bool ok() const { return problems.isEmpty(); }
};

// RFC 5322 3.4 address lists: display names, quoted strings, comments (nested), groups, domain-literals,
// and the obsolete forms of 4.4 (routes, empty list elements, CFWS around dots, phrases with dots).
// Hostile input never crashes or loops: the parser always moves forward.
class AddressParser
{
public:
    // `value` is the unfolded field value (everything after the colon).
    static AddressList parse(QByteArrayView value);
    // RFC 8616 / RFC 5890: the lower-case A-label form of a domain (UTF-8 allowed); empty when invalid.
    static QByteArray toAce(QByteArrayView domain);
};

} // namespace authlens::mail
