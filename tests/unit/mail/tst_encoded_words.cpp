// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/EncodedWords.h"

#include <QTest>

using namespace authlens::mail;

class TestEncodedWords : public QObject
{
    Q_OBJECT

private slots:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("Jane Doe") << QStringLiteral("Jane Doe");
        QTest::newRow("q utf-8") << QByteArray("=?UTF-8?Q?J=C3=B6rg_M=C3=BCller?=")
                                 << QStringLiteral("Jörg Müller");
        QTest::newRow("b utf-8") << QByteArray("=?utf-8?B?SsO2cmc=?=") << QStringLiteral("Jörg");
        QTest::newRow("latin1") << QByteArray("=?iso-8859-1?q?J=F6rg?=") << QStringLiteral("Jörg");
        // RFC 2047 6.2: whitespace between adjacent encoded-words disappears, not around plain text.
        QTest::newRow("adjacent") << QByteArray("=?utf-8?q?a?= =?utf-8?q?b?=") << QStringLiteral("ab");
        QTest::newRow("mixed") << QByteArray("Hi =?utf-8?q?J=C3=B6rg?= there")
                               << QStringLiteral("Hi Jörg there");
        QTest::newRow("rfc2231 language") << QByteArray("=?utf-8*de?q?J=C3=B6rg?=") << QStringLiteral("Jörg");
        QTest::newRow("bad base64 kept")
            << QByteArray("=?utf-8?b?@@@?=") << QStringLiteral("=?utf-8?b?@@@?=");
        QTest::newRow("not an encoded word")
            << QByteArray("=?utf-8?x?abc?=") << QStringLiteral("=?utf-8?x?abc?=");
        QTest::newRow("raw utf-8") << QByteArray("J\xc3\xb6rg") << QStringLiteral("Jörg");
    }

    void decode()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        QCOMPARE(EncodedWords::decode(input), expected);
    }

    void detects()
    {
        QVERIFY(EncodedWords::containsEncodedWord("x =?utf-8?q?a?= y"));
        QVERIFY(!EncodedWords::containsEncodedWord("=?utf-8?q?a"));
    }
};

QTEST_GUILESS_MAIN(TestEncodedWords)
#include "tst_encoded_words.moc"
