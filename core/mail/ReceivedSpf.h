// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

#include <vector>

namespace authlens::mail {

class Message;

// A Received-SPF header field (RFC 7208 9.1): the SPF verdict a receiver recorded.
//   Received-SPF: pass (comment) client-ip=192.0.2.1; envelope-from="a@example.com"; helo=mx.example.com;
struct ReceivedSpf
{
    QByteArray result; // lower case: pass, fail, softfail, neutral, none, temperror, permerror
    QString comment;   // the parenthesised explanation, if any
    QList<QPair<QByteArray, QByteArray>> keyValues; // keys lower case, values unquoted, in order
    QList<QString> problems;
    int fieldIndex = -1; // 0 = topmost
    int line = 0;

    QByteArray value(QByteArrayView key) const; // null when absent
    QByteArray clientIp() const { return value("client-ip"); }
    QByteArray envelopeFrom() const { return value("envelope-from"); }
    QByteArray helo() const { return value("helo"); }
    QByteArray receiver() const { return value("receiver"); }
    QByteArray identity() const { return value("identity"); } // mailfrom or helo

    bool ok() const { return problems.isEmpty() && !result.isEmpty(); }

    static ReceivedSpf parse(QByteArrayView unfoldedValue);
    static std::vector<ReceivedSpf> fromMessage(const Message& message); // topmost first
};

} // namespace authlens::mail
