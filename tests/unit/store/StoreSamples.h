// SPDX-License-Identifier: GPL-3.0-or-later
// Generated messages and results for the store's tests: deterministic, so counts can be asserted.
#pragma once

#include "store/BatchWriter.h"

#include <QDateTime>

namespace authlens::store::samples {

inline DnsRecordRecord keyRecord(const QString& selector, const QString& domain)
{
    DnsRecordRecord record;
    record.name = selector + QStringLiteral("._domainkey.") + domain;
    record.type = QStringLiteral("TXT");
    record.text = QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA") + domain;
    record.ttl = 3600;
    record.fetchedAt = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);
    record.dnssec = QStringLiteral("insecure");
    record.origin = QStringLiteral("dns");
    return record;
}

inline DkimSignatureRecord signature(const QString& domain, const QString& selector, const QString& result,
                                     int index = 0)
{
    DkimSignatureRecord record;
    record.signatureIndex = index;
    record.sdid = domain;
    record.selector = selector;
    record.algorithm = QStringLiteral("rsa-sha256");
    record.headerCanonicalization = QStringLiteral("relaxed");
    record.bodyCanonicalization = QStringLiteral("simple");
    record.auid = QStringLiteral("@") + domain;
    record.signedHeaderNames = {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("subject")};
    record.signatureTimestamp = QDateTime(QDate(2026, 11, 2), QTime(8, 0), Qt::UTC);
    record.keyBits = 2048;
    record.result = result;
    record.reason = result == QLatin1String("pass") ? QStringLiteral("signature verified")
                                                    : QStringLiteral("body hash did not verify");
    record.keyRecord = keyRecord(selector, domain);
    return record;
}

inline QByteArray rawMessage(int number, const QString& domain)
{
    return QStringLiteral(
               "From: Sender %1 <sender%1@%2>\r\nTo: analyst@example.net\r\nSubject: Message %1\r\n"
               "Date: Mon, 2 Nov 2026 08:00:00 +0000\r\nMessage-ID: <%1@%2>\r\n\r\nBody of message %1.\r\n")
        .arg(number)
        .arg(domain)
        .toUtf8();
}

// Message `number` from `domain`, dated `day` days after 2026-11-02, with one or two signatures.
inline BatchWriter::MessageWrite message(int number, const QString& domain, qint64 runId,
                                         const QString& dkimResult = QStringLiteral("pass"), int day = 0,
                                         bool secondSignature = false)
{
    BatchWriter::MessageWrite write;
    write.raw = rawMessage(number, domain);
    write.message.fromAddress = QStringLiteral("sender%1@%2").arg(number).arg(domain);
    write.message.fromDomain = domain;
    write.message.subject = QStringLiteral("Message %1").arg(number);
    write.message.messageIdHeader = QStringLiteral("<%1@%2>").arg(number).arg(domain);
    write.message.date =
        QDateTime(QDate(2026, 11, 2).addDays(day), QTime(8, 0).addSecs(number % 3600), Qt::UTC);
    write.message.locator.path = QStringLiteral("/samples/box.mbox");
    write.message.locator.mboxOffset = qint64(number) * 200;
    write.runId = runId;
    write.results.dkim.append(signature(domain, QStringLiteral("s1"), dkimResult));
    if (secondSignature)
        write.results.dkim.append(
            signature(QStringLiteral("esp.example"), QStringLiteral("esp"), QStringLiteral("pass"), 1));
    return write;
}

} // namespace authlens::store::samples
