// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace authlens::mail {

class Message;

// ptype.property=value of a resinfo (RFC 8601 2.2), e.g. header.d=example.com, smtp.mailfrom=a@b.
struct AuthResProperty
{
    QByteArray ptype;    // lower case: smtp, header, body, policy
    QByteArray property; // lower case
    QByteArray value;    // quotes removed
};

// One method result of an Authentication-Results field: "dkim=pass (comment) reason=... header.d=...".
struct AuthResMethod
{
    QByteArray method;  // lower case: dkim, spf, dmarc, arc, ...
    QByteArray version; // method-version after "/", usually empty
    QByteArray result;  // lower case result word
    QByteArray reason;  // reason= value, quotes removed
    std::vector<AuthResProperty> properties;
    QStringList comments; // comments met inside this resinfo, in order

    // The value of ptype.property (case-insensitive), or a null QByteArray.
    QByteArray property(QByteArrayView ptype, QByteArrayView property) const;
};

struct AuthResProblem
{
    int position = 0; // offset in the unfolded field value
    QString message;
};

// One Authentication-Results header field (RFC 8601 2.2), as the receiving side recorded its verdicts.
struct AuthenticationResults
{
    QByteArray authservId;
    int version = 1;
    bool noResult = false;              // "; none": the server evaluated nothing
    std::vector<AuthResMethod> methods; // in field order
    QStringList comments;               // comments outside any resinfo
    QList<AuthResProblem> problems;     // what did not parse; what did is kept
    int fieldIndex = -1;                // position among the message's A-R fields, 0 = topmost
    int line = 0;                       // line of the field in the message

    bool ok() const { return problems.isEmpty() && !authservId.isEmpty(); }
    // Every method result with this method name, in order.
    std::vector<const AuthResMethod*> methodsNamed(QByteArrayView method) const;

    static AuthenticationResults parse(QByteArrayView unfoldedValue);
    // Every Authentication-Results field of the message, topmost first.
    static std::vector<AuthenticationResults> fromMessage(const Message& message);
    // The instances to believe: those whose authserv-id is one of `trustedAuthservIds` (ASCII
    // case-insensitive); with no ids configured, only the topmost instance (the last one added, by the
    // receiving system itself), as RFC 8601 5 advises against trusting fields a sender could have added.
    static std::vector<AuthenticationResults> trusted(const std::vector<AuthenticationResults>& all,
                                                      const QList<QByteArray>& trustedAuthservIds = {});
};

} // namespace authlens::mail
