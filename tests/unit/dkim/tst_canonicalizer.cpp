// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/BodyHasher.h"
#include "dkim/Canonicalizer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace authlens::dkim;

namespace {

QByteArray canonicalBody(QByteArrayView body, Canonicalization c, qsizetype chunk = 0)
{
    QByteArray out;
    Canonicalizer canonicalizer(c, [&out](QByteArrayView data) { out.append(data); });
    if (chunk <= 0) {
        canonicalizer.update(body);
    } else {
        for (qsizetype pos = 0; pos < body.size(); pos += chunk)
            canonicalizer.update(body.sliced(pos, std::min(chunk, body.size() - pos)));
    }
    canonicalizer.finish();
    return out;
}

} // namespace

class TestCanonicalizer : public QObject
{
    Q_OBJECT

private slots:
    // RFC 6376 3.4.5 examples.
    void rfcExampleHeaders()
    {
        QCOMPARE(Canonicalizer::header("A: X\r\n", Canonicalization::Relaxed), QByteArray("a:X\r\n"));
        QCOMPARE(Canonicalizer::header("B : Y\t\r\n\tZ  \r\n", Canonicalization::Relaxed),
                 QByteArray("b:Y Z\r\n"));
        QCOMPARE(Canonicalizer::header("B : Y\t\r\n\tZ  \r\n", Canonicalization::Simple),
                 QByteArray("B : Y\t\r\n\tZ  \r\n"));
    }

    void rfcExampleBody()
    {
        const QByteArray body = " C \r\nD \t E\r\n\r\n\r\n";
        QCOMPARE(canonicalBody(body, Canonicalization::Relaxed), QByteArray(" C\r\nD E\r\n"));
        QCOMPARE(canonicalBody(body, Canonicalization::Simple), QByteArray(" C \r\nD \t E\r\n"));
    }

    void emptyBodyRules()
    {
        QCOMPARE(canonicalBody("", Canonicalization::Simple), QByteArray("\r\n"));
        QCOMPARE(canonicalBody("", Canonicalization::Relaxed), QByteArray());
        QCOMPARE(canonicalBody("\r\n\r\n", Canonicalization::Simple), QByteArray("\r\n"));
        QCOMPARE(canonicalBody(" \r\n\t\r\n", Canonicalization::Relaxed), QByteArray());
        // RFC 6376 3.4.4/3.4.3: a last line without CRLF gets one.
        QCOMPARE(canonicalBody("abc", Canonicalization::Simple), QByteArray("abc\r\n"));
        QCOMPARE(canonicalBody("abc  ", Canonicalization::Relaxed), QByteArray("abc\r\n"));
        // Well-known hashes of the empty body.
        QCOMPARE(BodyHasher::hash("", Canonicalization::Simple, HashAlgorithm::Sha256).toBase64(),
                 QByteArray("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY="));
        QCOMPARE(BodyHasher::hash("", Canonicalization::Relaxed, HashAlgorithm::Sha256).toBase64(),
                 QByteArray("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
    }

    void loneCarriageReturns()
    {
        QCOMPARE(canonicalBody("a\rb\r\n", Canonicalization::Simple), QByteArray("a\rb\r\n"));
        QCOMPARE(canonicalBody("a \r b\r", Canonicalization::Relaxed), QByteArray("a \r b\r\r\n"));
        QCOMPARE(canonicalBody("\r\n\r", Canonicalization::Simple), QByteArray("\r\n\r\r\n"));
    }

    void chunkingNeverMatters_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("rfc") << QByteArray(" C \r\nD \t E\r\n\r\n\r\n");
        QTest::newRow("blank middle") << QByteArray("a\r\n\r\n \r\nb \t\r\n\r\n");
        QTest::newRow("cr") << QByteArray("x\r\r\n\r\ry \r");
        QByteArray random;
        QRandomGenerator rng(42);
        const char alphabet[] = {'a', ' ', '\t', '\r', '\n', 'b', '\r', '\n'};
        for (int i = 0; i < 40000; ++i)
            random.append(alphabet[rng.bounded(8)]);
        QTest::newRow("random") << random;
    }

    void chunkingNeverMatters()
    {
        QFETCH(QByteArray, body);
        for (Canonicalization c : {Canonicalization::Simple, Canonicalization::Relaxed}) {
            const QByteArray whole = canonicalBody(body, c);
            QCOMPARE(canonicalBody(body, c, 1), whole);
            QCOMPARE(canonicalBody(body, c, 2), whole);
            QCOMPARE(canonicalBody(body, c, 7), whole);
            QCOMPARE(canonicalBody(body, c, 4099), whole);
        }
    }

    void bodyLengthLimit()
    {
        const QByteArray body = "hello\r\nworld\r\n";
        BodyHasher hasher(Canonicalization::Simple, HashAlgorithm::Sha256, 7);
        for (char c : body)
            hasher.update(QByteArrayView(&c, 1));
        const QByteArray digest = hasher.finish();
        QCOMPARE(hasher.coveredBytes(), quint64(7));
        QCOMPARE(hasher.uncoveredBytes(), quint64(7));
        QCOMPARE(digest, BodyHasher::hash("hello\r\n", Canonicalization::Simple, HashAlgorithm::Sha256));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalizer)
#include "tst_canonicalizer.moc"
