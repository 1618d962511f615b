// SPDX-License-Identifier: GPL-3.0-or-later
// SendingPracticesLint, MessageLinks and UrlShorteners: for each finding a message that triggers it and one
// that does not; MIME walking through nested multiparts with quoted-printable and base64 parts; hostile
// bodies bounded.
#include "dkimsetup/MessageLinks.h"
#include "dkimsetup/SendingPracticesLint.h"
#include "dkimsetup/UrlShorteners.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace authlens;
using namespace authlens::dkimsetup;

namespace {

QByteArray message(const QByteArray& extraHeader, const QByteArray& body,
                   const QByteArray& from = "news@example.com")
{
    return "From: Example <" + from + ">\r\nTo: someone@example.net\r\nSubject: News\r\n" + extraHeader +
           "\r\n" + body;
}

SendingFacts facts(const QByteArray& bytes, QList<QByteArray> dkim = {"example.com"})
{
    SendingFacts f;
    f.message = mail::Message::parse(bytes);
    f.passingDkimDomains = std::move(dkim);
    f.platformSigningDomains = {"mailplatform.example"};
    return f;
}

QStringList ids(const std::vector<lint::Finding>& findings)
{
    QStringList list;
    for (const lint::Finding& finding : findings)
        list.append(finding.id);
    return list;
}

const lint::Finding* findingWith(const std::vector<lint::Finding>& findings, const QString& id)
{
    const auto it = std::find_if(findings.begin(), findings.end(),
                                 [&](const lint::Finding& finding) { return finding.id == id; });
    return it == findings.end() ? nullptr : &*it;
}

const QByteArray goodHeader = "List-Unsubscribe: <https://example.com/u/1>\r\n"
                              "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
const QByteArray goodBody =
    "Hello,\r\nsee https://www.example.com/offer and https://img.example.com/a.png.\r\n";

} // namespace

class TestSendingPractices : public QObject
{
    Q_OBJECT

private slots:
    void aWellBehavedMessageHasNoFindings()
    {
        SendingFacts f = facts(message(goodHeader, goodBody));
        f.customerDomain = "example.com";
        const auto findings = SendingPracticesLint::check(f);
        QVERIFY2(findings.empty(), qPrintable(ids(findings).join(QLatin1Char(' '))));
    }

    void fromOutsideTheCustomerDomain()
    {
        SendingFacts f = facts(message(goodHeader, goodBody, "news@other.example"), {"other.example"});
        f.customerDomain = "example.com";
        QVERIFY(ids(SendingPracticesLint::check(f))
                    .contains(QStringLiteral("practice.from.not-customer-domain")));
        // A subdomain of the customer's domain is the customer's.
        f = facts(message(goodHeader, goodBody, "news@mail.example.com"), {"mail.example.com"});
        f.customerDomain = "example.com";
        QVERIFY(!ids(SendingPracticesLint::check(f))
                     .contains(QStringLiteral("practice.from.not-customer-domain")));
    }

    void signedOnlyByThePlatformsSharedDomain()
    {
        const auto findings = SendingPracticesLint::check(
            facts(message(goodHeader, goodBody), {"bounce.mailplatform.example"}));
        const lint::Finding* found = findingWith(findings, QStringLiteral("practice.dkim.platform-domain"));
        QVERIFY(found);
        QVERIFY(found->message.contains(QStringLiteral("bounce.mailplatform.example")));
        QVERIFY(!ids(findings).contains(QStringLiteral("practice.dkim.unaligned")));
        // Signed by both: the customer's own signature aligns, nothing to say.
        QVERIFY(SendingPracticesLint::check(
                    facts(message(goodHeader, goodBody), {"mailplatform.example", "example.com"}))
                    .empty());
    }

    void signedByAnUnrelatedDomain()
    {
        const auto findings =
            SendingPracticesLint::check(facts(message(goodHeader, goodBody), {"esp.example"}));
        QVERIFY(ids(findings).contains(QStringLiteral("practice.dkim.unaligned")));
        // Relaxed alignment: a subdomain signature aligns.
        QVERIFY(!ids(SendingPracticesLint::check(facts(message(goodHeader, goodBody), {"mail.example.com"})))
                     .contains(QStringLiteral("practice.dkim.unaligned")));
        // No passing signature at all is SenderRequirementsLint's sender.dkim.missing, not repeated here.
        QVERIFY(!ids(SendingPracticesLint::check(facts(message(goodHeader, goodBody), {})))
                     .contains(QStringLiteral("practice.dkim.unaligned")));
    }

    void noUnsubscribeOption()
    {
        auto findings = SendingPracticesLint::check(facts(message({}, goodBody)));
        const lint::Finding* none = findingWith(findings, QStringLiteral("practice.unsubscribe.none"));
        QVERIFY(none);
        QCOMPARE(none->severity, lint::Severity::Warning);
        // Transactional mail, as the analyst says: only informational.
        SendingFacts transactional = facts(message({}, goodBody));
        transactional.bulk = false;
        findings = SendingPracticesLint::check(transactional);
        QCOMPARE(findingWith(findings, QStringLiteral("practice.unsubscribe.none"))->severity,
                 lint::Severity::Info);
    }

    void unsubscribeLinkInTheBodyOnly()
    {
        const QByteArray html =
            "<p>Don't want these? <a href=\"https://example.com/prefs?id=1\">Unsubscribe</a></p>\r\n";
        const auto findings =
            SendingPracticesLint::check(facts(message("Content-Type: text/html; charset=utf-8\r\n", html)));
        QVERIFY(ids(findings).contains(QStringLiteral("practice.unsubscribe.body-only")));
        QVERIFY(!ids(findings).contains(QStringLiteral("practice.unsubscribe.none")));
        // With the header, the body link is enough and the header's form is SenderRequirementsLint's.
        const auto withHeader = SendingPracticesLint::check(
            facts(message("List-Unsubscribe: <mailto:u@example.com>\r\n", goodBody)));
        QVERIFY(!ids(withHeader).contains(QStringLiteral("practice.unsubscribe.none")));
        QVERIFY(!ids(withHeader).contains(QStringLiteral("practice.unsubscribe.body-only")));
    }

    void urlShorteners()
    {
        const QByteArray body = "Offer: https://bit.ly/abc and http://BIT.LY/def, also https://t.co/x\r\n";
        const auto findings = SendingPracticesLint::check(facts(message(goodHeader, body)));
        const lint::Finding* found = findingWith(findings, QStringLiteral("practice.links.shortener"));
        QVERIFY(found);
        QVERIFY2(found->message.contains(QStringLiteral("bit.ly (2)")), qPrintable(found->message));
        QVERIFY(found->message.contains(QStringLiteral("t.co (1)")));
        // Shorteners are not also listed as unrelated hosts.
        QVERIFY(!ids(findings).contains(QStringLiteral("practice.links.unrelated-hosts")));
        // A host that only ends in a listed name is not a shortener.
        QVERIFY(!ids(SendingPracticesLint::check(facts(message(goodHeader, "https://notbit.ly/x\r\n"))))
                     .contains(QStringLiteral("practice.links.shortener")));
    }

    void unrelatedLinkAndImageHosts()
    {
        const QByteArray html = "<a href=\"https://tracker.clicks.example/r/1\">Offer</a>"
                                "<img src=\"https://cdn.images.example/x.png\">"
                                "<img src='https://cdn.images.example/y.png'>"
                                "<a href=\"https://www.example.com/\">Home</a>"
                                "<a href=\"https://link.mailplatform.example/c\">Platform</a>\r\n";
        SendingFacts f = facts(message(goodHeader + "Content-Type: text/html\r\n", html),
                               {"example.com", "mailplatform.example"});
        const auto findings = SendingPracticesLint::check(f);
        const lint::Finding* found = findingWith(findings, QStringLiteral("practice.links.unrelated-hosts"));
        QVERIFY(found);
        QVERIFY2(found->message.contains(QStringLiteral("2 host(s)")), qPrintable(found->message));
        QVERIFY(found->message.contains(QStringLiteral("clicks.example (1 link(s))")));
        QVERIFY(found->message.contains(QStringLiteral("images.example (2 image(s))")));
        QVERIFY(!found->message.contains(QStringLiteral("mailplatform"))); // a signing domain is related
    }

    void linksInNestedMultipartWithEncodings()
    {
        const QByteArray qp =
            "Click <a href=3D\"https://bit.ly/q=\r\np\">here</a>=\r\n to unsub=\r\nscribe\r\n";
        const QByteArray b64 = QByteArray("See https://tinyurl.com/b64 now").toBase64();
        const QByteArray body =
            "preamble\r\n--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
            "--inner\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
            qp + "--inner\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64 +
            "\r\n--inner--\r\n"
            "--outer\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "aHR0cHM6Ly9pZ25vcmVkLmV4YW1wbGUv\r\n--outer--\r\nepilogue https://epilogue.example/\r\n";
        const mail::Message parsed = mail::Message::parse(
            message("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=outer\r\n", body));
        const MessageLinks links = MessageLinks::of(parsed);
        QCOMPARE(links.links.size(), size_t(2));
        QCOMPARE(links.links.at(0).url, QByteArray("https://bit.ly/qp"));
        QCOMPARE(links.links.at(1).url, QByteArray("https://tinyurl.com/b64"));
        QVERIFY(links.unsubscribeLink);
        QVERIFY(!links.truncated);
    }

    void hostileBodiesAreBounded()
    {
        // Multiparts nested past the limit.
        QByteArray body;
        for (int i = 0; i < 50; ++i)
            body += "--b" + QByteArray::number(i) + "\r\nContent-Type: multipart/mixed; boundary=b" +
                    QByteArray::number(i + 1) + "\r\n\r\n";
        body += "https://deep.example/\r\n";
        MessageLinks links = MessageLinks::of(
            mail::Message::parse(message("Content-Type: multipart/mixed; boundary=b0\r\n", body)));
        QVERIFY(links.truncated);
        QVERIFY(links.links.empty());
        // Thousands of links.
        QByteArray many;
        for (int i = 0; i < 3000; ++i)
            many += "http://h" + QByteArray::number(i) + ".example/ ";
        links = MessageLinks::of(mail::Message::parse(message({}, many)));
        QCOMPARE(int(links.links.size()), MessageLinks::maxLinks);
        QVERIFY(links.truncated);
        // Garbage: no crash, nothing found.
        QByteArray garbage;
        for (int i = 0; i < 20000; ++i)
            garbage += char(i * 7919 % 256);
        links = MessageLinks::of(
            mail::Message::parse(message("Content-Type: multipart/x; boundary=\"\r\n", garbage)));
        QVERIFY(links.links.size() < 5);
    }

    void randomStructuredInputNeverCrashes()
    {
        // Fragments that steer the MIME walker, the decoders and the URL scanner into their edge cases.
        const QList<QByteArray> fragments = {"--b\r\n",
                                             "--b--\r\n",
                                             "--c\n",
                                             "Content-Type: multipart/mixed; boundary=b\r\n",
                                             "Content-Type: multipart/alternative; boundary=\"c\"\r\n",
                                             "Content-Type: text/html\r\n",
                                             "Content-Transfer-Encoding: quoted-printable\r\n",
                                             "Content-Transfer-Encoding: base64\r\n",
                                             "\r\n",
                                             "\n",
                                             "=",
                                             "=\r\n",
                                             "=3D",
                                             "=G",
                                             "http://",
                                             "https://",
                                             "src=",
                                             "unsubscribe",
                                             "[",
                                             "]",
                                             "@",
                                             ":",
                                             "/",
                                             "aGVsbG8=",
                                             "\"",
                                             "'",
                                             "<",
                                             ">",
                                             " ",
                                             "\t",
                                             "x",
                                             "bit.ly",
                                             "\x80\xff",
                                             "\0"};
        QRandomGenerator random(20261123);
        for (int round = 0; round < 3000; ++round) {
            QByteArray bytes = "From: a@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n";
            const int count = random.bounded(1, 80);
            for (int i = 0; i < count; ++i)
                bytes += fragments.at(random.bounded(fragments.size()));
            SendingFacts f = facts(bytes);
            SendingPracticesLint::check(f); // must return, whatever it finds
            const MessageLinks links = MessageLinks::of(f.message);
            for (const MessageLinks::Link& link : links.links)
                QVERIFY(!link.host.isEmpty());
        }
    }

    void hostOfUrls()
    {
        QCOMPARE(MessageLinks::hostOf("https://User:pw@WWW.Example.COM:8443/path?q#f"),
                 QByteArray("www.example.com"));
        QCOMPARE(MessageLinks::hostOf("http://example.com."), QByteArray("example.com"));
        QCOMPARE(MessageLinks::hostOf("http://[2001:db8::1]:80/"), QByteArray("[2001:db8::1]"));
        QCOMPARE(MessageLinks::hostOf("mailto:x@example.com"), QByteArray());
    }

    void shortenerListIsTheRepositoryFile()
    {
        QFile file(QStringLiteral(AUTHLENS_SOURCE_DIR "/core/dkimsetup/url-shorteners.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> fromFile = UrlShorteners::parse(file.readAll());
        QVERIFY(fromFile.size() >= 30);
        QCOMPARE(UrlShorteners::hosts(), fromFile);
        QVERIFY(UrlShorteners::isShortener("bit.ly"));
        QVERIFY(UrlShorteners::isShortener("WWW.Bit.Ly."));
        QVERIFY(!UrlShorteners::isShortener("bitly.example"));
        QVERIFY(!UrlShorteners::isShortener(""));
        QCOMPARE(UrlShorteners::parse("# c\n\n  Bit.ly  \n"), QList<QByteArray>{"bit.ly"});
    }
};

QTEST_GUILESS_MAIN(TestSendingPractices)
#include "tst_sending_practices.moc"
