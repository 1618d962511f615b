// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Signed sample messages and the sources that hold them (mbox, Maildir, .eml folder), for the
// import tests: every DKIM verdict the tests check is a real verification against a real key.
#include "dkim/Crypto.h"
#include "dkim/Signer.h"
#include "dns/RecordsFileResolver.h"
#include "mail/Message.h"

#include <QDir>
#include <QFile>

#include <optional>

namespace authlens::importsamples {

class Samples
{
public:
    Samples()
        : m_key(dkim::Crypto::generateEd25519())
    {
        m_records = "sel._domainkey.example.com. 300 IN TXT \"v=DKIM1; k=ed25519; p=" +
                    dkim::Crypto::publicKeyRecordBytes(*m_key).toBase64() + "\"\n" +
                    "example.com. 300 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n" +
                    "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=reject\"\n";
    }

    bool ok() const { return m_key.has_value(); }
    const QByteArray& records() const { return m_records; }

    std::shared_ptr<dns::Resolver> resolver() const
    {
        auto loaded = dns::RecordsFileResolver::fromText(m_records, QStringLiteral("test records"));
        return loaded.resolver;
    }

    // Message `n` of set `tag`, LF line endings (as mbox and Maildir files have them), DKIM-signed;
    // `tampered` changes the body after signing, so DKIM fails.
    QByteArray message(int n, const QByteArray& tag, bool tampered = false,
                       const std::optional<qint64>& timestamp = std::nullopt,
                       const std::optional<qint64>& expiration = std::nullopt,
                       const QByteArray& extraBody = {}) const
    {
        const QByteArray number = QByteArray::number(n);
        QByteArray bytes = "Received: from mta1.example.com (mta1.example.com [192.0.2.10])\n"
                           "\tby mx.receiver.test with ESMTPS; Mon, 1 Jan 2024 10:00:00 +0000\n"
                           "Return-Path: <bounce@example.com>\n"
                           "From: Ann Example <ann@example.com>\n"
                           "To: bob@receiver.test\n"
                           "Subject: " +
                           tag + " number " + number + "\n" +
                           "Date: Mon, 1 Jan 2024 10:" + QByteArray::number(10 + n % 50) + ":00 +0000\n" +
                           "Message-ID: <" + tag + "-" + number + "@example.com>\n" + "\n" +
                           "Hello Bob,\nthis is " + tag + " message " + number + ".\n" + extraBody;
        dkim::Signer::Options options;
        options.algorithm = dkim::Algorithm::Ed25519Sha256;
        options.domain = "example.com";
        options.selector = "sel";
        options.timestamp = timestamp;
        options.expiration = expiration;
        const dkim::Signer signer(*m_key, options);
        const dkim::Signer::Output out = signer.sign(mail::Message::parse(bytes));
        if (!out.ok())
            qFatal("signing failed: %s", qPrintable(out.error));
        bytes = dkim::Signer::prepend(out.field, bytes);
        if (tampered)
            bytes.replace("Hello Bob", "Hello BOB");
        return bytes;
    }

    static QByteArray postmark() { return "From ann@example.com Mon Jan  1 10:00:00 2024\n"; }

    static QByteArray mbox(const QList<QByteArray>& messages)
    {
        QByteArray file;
        for (const QByteArray& message : messages)
            file += postmark() + message + "\n";
        return file;
    }

    static bool write(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private:
    std::optional<dkim::Crypto::Key> m_key;
    QByteArray m_records;
};

} // namespace authlens::importsamples
