// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleCatalog.h"

#include "SampleBounces.h"

#include <algorithm>

namespace authlens::samples {

namespace {

using dkim::Algorithm;
using dkim::Canonicalization;

SignatureSpec sig(const char* keyId, const char* domain, const char* selector,
                  Algorithm algorithm = Algorithm::RsaSha256)
{
    SignatureSpec s;
    s.keyId = keyId;
    s.domain = domain;
    s.selector = selector;
    s.algorithm = algorithm;
    return s;
}

Expected expect(std::vector<ExpectedDkim> dkim, const char* spf, const char* dmarc, const char* disposition)
{
    Expected e;
    e.dkim = std::move(dkim);
    e.spf = spf;
    e.dmarc = dmarc;
    e.disposition = disposition;
    return e;
}

const Hop espMta1{"mta1.esp.example", "mta1.esp.example", "198.51.100.21"};
const Hop espMta2{"mta2.esp.example", "mta2.esp.example", "198.51.100.22"};
const Hop shopOwn{"shop.example", "shop.example", "192.0.2.10"};
const Hop newsOut{"out1.news.example", "out1.news.example", "203.0.113.70"};
const Hop bankV4{"smtp1.bank.example", "smtp1.bank.example", "192.0.2.35"};
const Hop bankV6{"smtp6.bank.example", "smtp6.bank.example", "2001:db8:ba::25"};
const Hop bankLegacy{"legacy-mta.bank.example", "", "192.0.2.40"};
const Hop saasRelay{"relay.saas.example", "relay.saas.example", "192.0.2.51"};
const Hop cloudHost{"worker-7.cloud.example", "", "203.0.113.99"};
const Hop charityOwn{"mail.charity.example", "mail.charity.example", "203.0.113.140"};
const Hop listServer{"lists.example", "lists.example", "198.51.100.200"};
const Hop travelOut{"smtp.travel.example", "smtp.travel.example", "198.51.100.130"};
const Hop spoofer{"mail.secure-login.example", "", "203.0.113.201"};
const Hop spoofer2{"vps-3.hosting.example", "", "203.0.113.212"};

QByteArray receiverResults(const QByteArray& methods)
{
    return "mx.authlens-sample.example;\r\n\t" + methods;
}

SampleSpec shop(int day, int minute, const char* subject, const char* text, SignatureSpec signature)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Example Shop";
    s.fromAddress = "orders@shop.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "bounce-" + QByteArray::number(day * 1440 + minute) + "@mail.shop.example";
    s.hop = (day % 2) ? espMta2 : espMta1;
    s.internalHost = "app2.shop.example";
    s.bodyKind = "plain";
    s.expected = expect({{signature.domain, signature.selector, "pass"}}, "pass", "pass", "none");
    s.signatures = {std::move(signature)};
    return s;
}

SampleSpec news(int day, int minute, const char* subject, const char* text, SignatureSpec signature)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Example News Weekly";
    s.fromAddress = "weekly@news.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "bounces@news.example";
    s.hop = newsOut;
    s.internalHost = "list-engine.news.example";
    s.bodyKind = "newsletter";
    const QByteArray token = QByteArray::number(day * 1440 + minute, 36);
    s.extraHeaders = {"List-Id: Example News Weekly <weekly.news.example>",
                      "List-Unsubscribe: <https://news.example/unsubscribe/" + token +
                          ">,\r\n <mailto:unsubscribe@news.example?subject=" + token + ">",
                      "List-Unsubscribe-Post: List-Unsubscribe=One-Click"};
    signature.extraHeaders = {"List-Unsubscribe", "List-Unsubscribe-Post"};
    s.expected = expect({{signature.domain, signature.selector, "pass"}}, "pass", "pass", "none");
    s.signatures = {std::move(signature)};
    return s;
}

SampleSpec bank(int day, int minute, const char* subject, const char* text, bool ipv6)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Bank of Example";
    s.fromAddress = "alerts@bank.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "bounce@bank.example";
    s.hop = ipv6 ? bankV6 : bankV4;
    s.internalHost = "core-notify.bank.example";
    s.bodyKind = "plain";
    // Dual signing (RFC 8463 6): receivers that know Ed25519 check both, the others the RSA one.
    SignatureSpec rsa = sig("bank-2026q3", "bank.example", "2026q3");
    rsa.oversign = true;
    s.signatures = {rsa, sig("bank-2026ed", "bank.example", "2026ed", Algorithm::Ed25519Sha256)};
    s.expected = expect({{"bank.example", "2026ed", "pass"}, {"bank.example", "2026q3", "pass"}}, "pass",
                        "pass", "none");
    return s;
}

SampleSpec saas(int day, int minute, const char* subject, const char* text, SignatureSpec signature)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Example SaaS";
    s.fromAddress = "notifications@saas.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "notifications@saas.example";
    s.hop = saasRelay;
    s.internalHost = "worker-2.saas.example";
    s.bodyKind = "plain";
    s.expected = expect({{signature.domain, signature.selector, "pass"}}, "pass", "pass", "none");
    s.signatures = {std::move(signature)};
    return s;
}

SampleSpec charity(int day, int minute, const char* subject, const char* text, SignatureSpec signature)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Example Charity";
    s.fromAddress = "hello@charity.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "hello@charity.example";
    s.hop = charityOwn;
    s.internalHost = "crm.charity.example";
    s.bodyKind = "plain";
    // SPF stops with permerror: the record needs 11 lookups before it reaches ip4:203.0.113.140.
    s.expected = expect({{signature.domain, signature.selector, "pass"}}, "permerror", "pass", "none");
    s.signatures = {std::move(signature)};
    return s;
}

SampleSpec travel(int day, int minute, const char* subject, const char* text)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Example Travel Deals";
    s.fromAddress = "deals@travel.example";
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = "deals@travel.example";
    s.hop = travelOut;
    s.bodyKind = "newsletter";
    s.extraHeaders = {"Precedence: bulk"};
    // No DMARC record: DMARC none, whatever DKIM and SPF say; SPF +all passes any address.
    s.expected = expect({}, "pass", "none", "none");
    return s;
}

SampleSpec spoof(int day, int minute, const char* name, const char* from, const char* subject,
                 const char* text, const char* returnPath, const Hop& hop)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = name;
    s.fromAddress = from;
    s.subject = subject;
    s.bodyText = text;
    s.returnPath = returnPath;
    s.hop = hop;
    s.bodyKind = "plain";
    return s;
}

void addShop(std::vector<SampleSpec>& m)
{
    const char* orderText = "Thank you for your order. We will let you know as soon as it ships.";
    m.push_back(
        shop(0, 545, "Your order #10231 is confirmed", orderText, sig("esp-shop-s1", "shop.example", "s1")));
    m.back().demonstrates =
        QStringLiteral("DKIM pass through a provider-hosted key (s1 CNAME to esp.example)");
    m.push_back(shop(2, 1030, "Your order #10244 has shipped", "Your parcel is on its way.",
                     sig("esp-shop-s1", "shop.example", "s1")));
    m.back().demonstrates = QStringLiteral("DKIM pass, SPF pass through include:_spf.esp.example");
    m.push_back(
        shop(6, 610, "Your order #10302 is confirmed", orderText, sig("esp-shop-s2", "shop.example", "s2")));
    m.back().demonstrates = QStringLiteral("DKIM pass with the second provider selector (s2)");
    m.push_back(shop(9, 1200, "Receipt for order #10355",
                     "Your receipt is attached as a PDF in your account.",
                     sig("esp-shop-s1", "shop.example", "s1")));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    {
        SignatureSpec ed = sig("shop-ed1", "shop.example", "ed1", Algorithm::Ed25519Sha256);
        // RFC 2047 encoded subject, quoted-printable body.
        m.push_back(shop(12, 480, "=?utf-8?q?Votre_commande_#10402_est_confirm=C3=A9e?=",
                         "Nous pr=C3=A9parons votre colis.", ed));
        m.back().bodyKind = "qp";
        m.back().hop = shopOwn;
        m.back().returnPath = "orders@shop.example";
        m.back().internalHost = "";
        m.back().demonstrates = QStringLiteral(
            "Ed25519-only signature (RFC 8463), quoted-printable body, sent from the shop's own host");
    }
    {
        SampleSpec s = shop(14, 700, "Your order #10433 has shipped", "Track your parcel in your account.",
                            sig("esp-shop-s1", "shop.example", "s1"));
        s.mutation = Mutation::BodyTampered;
        s.expected.dkim[0].result = "fail";
        s.demonstrates =
            QStringLiteral("Body tampering: a line added after signing; body hash mismatch, DMARC "
                           "still passes on aligned SPF");
        m.push_back(s);
    }
    {
        SampleSpec s = shop(17, 905, "Your invoice for October", "Your invoice is ready in your account.",
                            sig("esp-shop-s2", "shop.example", "s2"));
        s.mutation = Mutation::HeaderTampered;
        s.expected.dkim[0].result = "fail";
        s.demonstrates =
            QStringLiteral("Header tampering: a gateway prefixed the signed Subject with [EXTERNAL]");
        m.push_back(s);
    }
    {
        SampleSpec s = shop(3, 1320, "Your wishlist item is back in stock",
                            "The item you saved is available again.", sig("shop-old", "shop.example", "old"));
        s.receiverResults = receiverResults("dkim=pass header.d=shop.example header.s=old;\r\n\tspf=pass "
                                            "smtp.mailfrom=mail.shop.example;\r\n\tdmarc=pass (p=reject) "
                                            "header.from=shop.example");
        s.expected.dkim[0].result = "permerror";
        s.expected.receiverDisagrees = {QStringLiteral("dkim")};
        s.demonstrates =
            QStringLiteral("Revoked key (p= empty after a rotation): the receiver said dkim=pass at "
                           "delivery, today's DNS says permerror");
        m.push_back(s);
    }
    {
        SampleSpec s =
            shop(20, 660, "Weekend sale: 20% off garden tools", "Our garden range is 20% off until Sunday.",
                 sig("esp-shop-s2", "shop.example", "s2"));
        s.fromName = "Example Shop Offers";
        s.fromAddress = "offers@promo.shop.example";
        s.demonstrates =
            QStringLiteral("Subdomain From (promo.shop.example) aligned with d=shop.example in relaxed "
                           "mode; policy from the organizational domain");
        m.push_back(s);
    }
    {
        SignatureSpec simple = sig("esp-shop-s1", "shop.example", "s1");
        simple.headerCanonicalization = Canonicalization::Simple;
        simple.bodyCanonicalization = Canonicalization::Simple;
        m.push_back(shop(24, 830, "Your order #10611 is confirmed", orderText, simple));
        m.back().demonstrates = QStringLiteral("DKIM pass with simple/simple canonicalization");
    }
    m.push_back(shop(31, 1005, "Your order #10702 has shipped", "Your parcel is on its way.",
                     sig("esp-shop-s2", "shop.example", "s2")));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(
        shop(38, 560, "Your order #10811 is confirmed", orderText, sig("esp-shop-s1", "shop.example", "s1")));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(shop(27, 745, "Receipt for order #10655", "Your receipt is in your account.",
                     sig("esp-shop-s1", "shop.example", "s1")));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(shop(35, 1250, "Your order #10780 is confirmed", orderText,
                     sig("esp-shop-s2", "shop.example", "s2")));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(shop(41, 1140, "Your order #10854 has shipped", "Your parcel is on its way.",
                     sig("esp-shop-s2", "shop.example", "s2")));
    m.back().demonstrates = QStringLiteral("DKIM pass");

    // A bounce (RFC 3464) with the null reverse-path: SPF checks the HELO identity (RFC 7208 2.4).
    SampleSpec s = spoof(16, 1010, "Mail Delivery System", "MAILER-DAEMON@mx.shop.example",
                         "Undelivered Mail Returned to Sender",
                         "This is the mail system at host mx.shop.example. Your message to "
                         "seedbox@authlens-sample.example could not be delivered: mailbox full.",
                         "", {"mx.shop.example", "mx.shop.example", "192.0.2.11"});
    s.expected = expect({}, "pass", "pass", "none");
    s.demonstrates =
        QStringLiteral("Bounce with the null reverse-path (Return-Path: <>): SPF on the HELO name, "
                       "aligned in relaxed mode; no DKIM signature");
    m.push_back(s);
    s = spoof(22, 190, "Example Shop", "orders@shop.example", "Payment failed: update your card",
              "Your last payment failed. Update your card details at https://shop-billing.example.",
              "orders@shop.example", spoofer2);
    s.expected = expect({}, "fail", "fail", "reject");
    s.demonstrates =
        QStringLiteral("Spoofed shop.example, no signature, SPF fail: DMARC fail under p=reject");
    m.push_back(s);
    s = spoof(23, 200, "Example Shop Offers", "offers@promo.shop.example", "You won a gift card",
              "Claim your gift card at https://gift-claim.example.", "offers@promo.shop.example", spoofer2);
    s.expected = expect({}, "none", "fail", "quarantine");
    s.demonstrates =
        QStringLiteral("Spoofed subdomain with no SPF record: DMARC fail, sp=quarantine applies");
    m.push_back(s);
}

void addNews(std::vector<SampleSpec>& m)
{
    const SignatureSpec nl = sig("news-nl2026", "news.example", "nl2026");
    const char* issues[] = {
        "Issue 40: the autumn reading list",      "Issue 41: interviews from the book fair",
        "Issue 42: what our readers recommend",   "Issue 43: winter is coming",
        "Issue 44: the year in review, part one", "Issue 45: the year in review, part two"};
    for (int i = 0; i < 6; ++i) {
        m.push_back(
            news(1 + 7 * i, 420 + 3 * i, issues[i], "This week's stories, picked by our editors.", nl));
        m.back().demonstrates = QStringLiteral(
            "Bulk newsletter meeting the sender requirements (signed one-click unsubscribe, RFC 8058)");
    }
    {
        SampleSpec s =
            news(4, 430, "Special edition: reader survey", "Tell us what you think in two minutes.",
                 sig("news-nl2025", "news.example", "nl2025"));
        s.extraHeaders = {"List-Id: Example News Weekly <weekly.news.example>",
                          "List-Unsubscribe: <https://news.example/unsubscribe/survey>"};
        s.signatures[0].extraHeaders = {"List-Unsubscribe"};
        s.expected.senderFindings = {QStringLiteral("sender.unsubscribe.not-one-click")};
        s.demonstrates =
            QStringLiteral("1024-bit key (valid, below the 2048-bit recommendation); List-Unsubscribe "
                           "without List-Unsubscribe-Post");
        m.push_back(s);
    }
    {
        SampleSpec s = news(11, 440, "Partner offer: 3 months free", "Our partner offers three months free.",
                            sig("news-nl2026", "news.example", "nl2026"));
        s.extraHeaders = {"Precedence: bulk"};
        s.signatures[0].extraHeaders = {};
        s.expected.senderFindings = {QStringLiteral("sender.unsubscribe.missing")};
        s.demonstrates = QStringLiteral("Bulk mail (Precedence: bulk) with no List-Unsubscribe at all");
        m.push_back(s);
    }
    {
        SampleSpec s = news(18, 450, "Events near you this month", "Here are the events near you.",
                            sig("news-nl2026", "news.example", "nl2026"));
        s.extraHeaders = {"List-Id: Example News Events <events.news.example>",
                          "List-Unsubscribe: <mailto:unsubscribe@news.example?subject=events>"};
        s.signatures[0].extraHeaders = {"List-Unsubscribe"};
        s.expected.senderFindings = {QStringLiteral("sender.unsubscribe.no-https")};
        s.demonstrates = QStringLiteral("Bulk mail whose only unsubscribe method is mailto:");
        m.push_back(s);
    }
    {
        SampleSpec s = news(25, 380, "Last chance: renew your subscription",
                            "Renew now and keep every issue.", sig("news-k512", "news.example", "k512"));
        s.hop = cloudHost;
        s.internalHost = "";
        s.expected = expect({{"news.example", "k512", "policy"}}, "neutral", "fail", "none");
        s.demonstrates = QStringLiteral(
            "512-bit RSA key (refused under RFC 8301 3.2: policy) from a host SPF does not list (?all: "
            "neutral); DMARC fail under p=none");
        m.push_back(s);
    }
    {
        SampleSpec s = news(27, 900, "Your account needs attention", "Please review your account settings.",
                            sig("news-nl2026", "news.example", "nl2026"));
        s.hop = spoofer;
        s.internalHost = "";
        s.mutation = Mutation::UnsignedFrom;
        s.expected = expect({{"news.example", "nl2026", "policy"}}, "neutral", "permerror", "none");
        s.demonstrates = QStringLiteral("A validly signed newsletter replayed with an unsigned From: "
                                        "security@bank.example added above the signature");
        m.push_back(s);
    }
}

void addBank(std::vector<SampleSpec>& m)
{
    const char* subjects[] = {"Your October statement is ready",  "New sign-in to online banking",
                              "A payment of 120.00 EUR was made", "Your card will expire soon",
                              "Your November statement is ready", "Scheduled maintenance on Sunday"};
    const int days[] = {1, 8, 15, 21, 33, 40};
    for (int i = 0; i < 6; ++i) {
        m.push_back(bank(days[i], 380 + 11 * i, subjects[i], "Sign in to online banking to see the details.",
                         i % 2 == 1));
        m.back().demonstrates =
            i % 2 == 1 ? QStringLiteral("RSA + Ed25519 dual signature over IPv6, strict alignment")
                       : QStringLiteral("RSA + Ed25519 dual signature (RFC 8463), strict "
                                        "alignment under p=reject");
    }
    m[m.size() - 5].receiverResults = receiverResults(
        "dkim=pass header.d=bank.example header.s=2026q3;\r\n\tdkim=pass header.d=bank.example "
        "header.s=2026ed;\r\n\tspf=pass smtp.mailfrom=bank.example;\r\n\tdmarc=pass (p=reject) "
        "header.from=bank.example");
    m[m.size() - 5].demonstrates += QStringLiteral("; the receiver's Authentication-Results agree");
    {
        SampleSpec s =
            bank(5, 130, "Nightly batch report", "The nightly batch finished without errors.", false);
        s.hop = bankLegacy;
        s.internalHost = "";
        s.fromAddress = "batch@bank.example";
        SignatureSpec legacy = sig("bank-legacy", "bank.example", "legacy", Algorithm::RsaSha1);
        legacy.headerCanonicalization = Canonicalization::Simple;
        legacy.bodyCanonicalization = Canonicalization::Simple;
        s.signatures = {legacy};
        s.expected = expect({{"bank.example", "legacy", "policy"}}, "pass", "pass", "none");
        s.demonstrates = QStringLiteral(
            "rsa-sha1 from a legacy system (refused under RFC 8301 3.1: policy); DMARC passes on strict "
            "SPF alignment");
        m.push_back(s);
    }
    SampleSpec s =
        spoof(19, 250, "Bank of Example", "security@bank.example", "Unusual activity on your account",
              "We noticed unusual activity. Confirm your identity at https://secure-login.example.",
              "security@bank.example", spoofer);
    s.receiverResults =
        receiverResults("dkim=none;\r\n\tspf=fail smtp.mailfrom=bank.example;\r\n\tdmarc=fail "
                        "(p=reject) header.from=bank.example");
    s.expected = expect({}, "fail", "fail", "reject");
    s.demonstrates =
        QStringLiteral("Phishing spoof of bank.example: SPF fail, DMARC fail under p=reject (the "
                       "receiver's results agree)");
    m.push_back(s);
    s = spoof(20, 255, "Bank of Example", "security@bank.example", "Action required: verify your account",
              "Verify your account at https://secure-login.example within 24 hours.",
              "noreply@secure-login.example", spoofer);
    s.expected = expect({}, "none", "fail", "reject");
    s.demonstrates =
        QStringLiteral("Spoof with the attacker's own envelope domain: SPF none, not aligned, DMARC fail");
    m.push_back(s);
    s = spoof(21, 262, "Bank of Example", "security@bank.example", "Your account is locked",
              "Unlock your account at https://secure-login.example.", "security@bank.example", spoofer2);
    s.expected = expect({}, "fail", "fail", "reject");
    s.demonstrates = QStringLiteral("Spoof of bank.example from a second host: SPF fail, DMARC reject");
    m.push_back(s);
}

void addSaas(std::vector<SampleSpec>& m)
{
    const SignatureSpec sel2 = sig("saas-sel2", "saas.example", "sel2");
    m.push_back(saas(0, 700, "Welcome to Example SaaS", "Your workspace is ready.", sel2));
    m.back().demonstrates = QStringLiteral("DKIM pass, SPF pass through a:relay.saas.example");
    m.push_back(saas(7, 720, "Your weekly usage report", "You used 41% of your plan this week.", sel2));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(saas(16, 730, "Your weekly usage report", "You used 57% of your plan this week.", sel2));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(saas(30, 745, "Your weekly usage report", "You used 63% of your plan this week.", sel2));
    m.back().hop = espMta2;
    m.back().demonstrates = QStringLiteral("DKIM pass, sent through the provider (SPF include)");
    m.push_back(saas(34, 750, "Your weekly usage report", "You used 71% of your plan this week.", sel2));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    m.push_back(
        saas(39, 755, "Your plan renews next week", "Your plan renews automatically on the 22nd.", sel2));
    m.back().demonstrates = QStringLiteral("DKIM pass");
    {
        SampleSpec s = saas(2, 800, "Invitation to join the Design workspace", "Anna invited you to Design.",
                            sig("saas-sel1", "saas.example", "sel1"));
        s.receiverResults =
            receiverResults("dkim=pass header.d=saas.example header.s=sel1;\r\n\tspf=pass "
                            "smtp.mailfrom=saas.example;\r\n\tdmarc=pass header.from=saas.example");
        s.demonstrates = QStringLiteral("Key with t=y (testing): the signature verifies, the key is flagged");
        m.push_back(s);
    }
    m.push_back(saas(26, 810, "Invitation to join the Sales workspace", "Ben invited you to Sales.",
                     sig("saas-sel1", "saas.example", "sel1")));
    m.back().demonstrates = QStringLiteral("Key with t=y (testing)");
    {
        SampleSpec s =
            saas(10, 820, "Password reset requested", "Use the link in the app to reset your password.",
                 sig("saas-mta", "saas.example", "mta"));
        s.receiverResults =
            receiverResults("dkim=pass header.d=saas.example header.s=mta;\r\n\tspf=pass "
                            "smtp.mailfrom=saas.example;\r\n\tdmarc=pass header.from=saas.example");
        s.expected.dkim[0].result = "temperror";
        s.expected.receiverDisagrees = {QStringLiteral("dkim")};
        s.demonstrates =
            QStringLiteral("Key lookup fails temporarily today (TEMPFAIL): temperror, unlike the "
                           "receiver's pass; DMARC passes on SPF");
        m.push_back(s);
    }
    {
        SampleSpec s =
            saas(13, 830, "Your export is ready", "Your CSV export can be downloaded for 7 days.", sel2);
        s.hop = cloudHost;
        s.internalHost = "";
        s.expected.spf = "softfail";
        s.demonstrates =
            QStringLiteral("Sent from a new cloud host SPF does not list (~all): softfail, DMARC passes "
                           "on DKIM");
        m.push_back(s);
    }
    SampleSpec s = spoof(24, 300, "Example SaaS", "notifications@saas.example", "Your invoice is overdue",
                         "Pay the overdue invoice at https://saas-payments.example.",
                         "notifications@saas.example", cloudHost);
    s.expected = expect({}, "softfail", "fail", "quarantine");
    s.demonstrates =
        QStringLiteral("Spoof of saas.example: SPF softfail, DMARC fail under p=quarantine with pct=50");
    m.push_back(s);
}

void addCharity(std::vector<SampleSpec>& m)
{
    const SignatureSpec dkim1 = sig("charity-dkim1", "charity.example", "dkim1");
    m.push_back(charity(3, 600, "Thank you for your donation", "Your gift helps us plant 40 trees.", dkim1));
    m.back().demonstrates = QStringLiteral("SPF permerror (more than 10 DNS lookups); DMARC passes on DKIM");
    m.push_back(charity(17, 610, "Volunteer day on Saturday", "Join us in the park at 10:00.", dkim1));
    m.back().demonstrates = QStringLiteral("SPF permerror (too many lookups); DKIM pass");
    m.push_back(
        charity(39, 615, "Season's greetings from the team", "Thank you for a wonderful year.", dkim1));
    m.back().demonstrates = QStringLiteral("SPF permerror (too many lookups); DKIM pass");
    m.push_back(charity(29, 620, "Our autumn report", "Read what your support made possible.", dkim1));
    m.back().hop = espMta1;
    m.back().returnPath = "hello@charity.example";
    m.back().expected.spf = "pass";
    m.back().demonstrates =
        QStringLiteral("Through the provider: SPF passes at the third lookup, before the limit");
    {
        SampleSpec s = charity(9, 630, "Your tax receipt", "Your tax receipt for this year is attached.",
                               sig("charity-dkim2", "charity.example", "dkim2"));
        s.expected = expect({{"charity.example", "dkim2", "permerror"}}, "permerror", "fail", "quarantine");
        s.demonstrates =
            QStringLiteral("Signed with a selector that was never published (NXDOMAIN); with SPF "
                           "broken too, DMARC fails under p=quarantine");
        m.push_back(s);
    }
    for (int i = 0; i < 3; ++i) {
        const char* subjects[] = {"Planting trees next weekend", "Bring a friend to the cleanup",
                                  "Thank you, volunteers!"};
        SampleSpec s =
            charity(32 + 2 * i, 640 + i, subjects[i], "See you there, and thank you for your help.", dkim1);
        s.fromAddress = "team@charity.example";
        s.mutation = Mutation::Forwarded;
        s.hop = listServer;
        s.returnPath = "volunteers-bounces@lists.example";
        s.expected = expect({{"lists.example", "ml", "pass"}, {"charity.example", "dkim1", "fail"}}, "pass",
                            "fail", "quarantine");
        s.demonstrates =
            QStringLiteral("Forwarded by a mailing list (subject tag, footer): the author's DKIM breaks, "
                           "the list's passes but does not align");
        m.push_back(s);
    }
}

void addTravel(std::vector<SampleSpec>& m)
{
    SampleSpec s = travel(5, 900, "Autumn city breaks from 99 EUR", "Three nights in a city of your choice.");
    s.signatures = {sig("travel-tr1", "travel.example", "tr1")};
    s.expected.dkim = {{"travel.example", "tr1", "pass"}};
    s.expected.senderFindings = {QStringLiteral("sender.dmarc.missing"),
                                 QStringLiteral("sender.unsubscribe.missing")};
    s.demonstrates =
        QStringLiteral("No DMARC record (dmarc=none) and SPF +all; bulk without List-Unsubscribe");
    m.push_back(s);
    s.day = 19;
    s.subject = "Winter sun: last rooms";
    s.demonstrates = QStringLiteral("DKIM pass, no DMARC record");
    m.push_back(s);
    s = travel(12, 910, "Your booking reference TRV-4471", "Your booking is confirmed. Have a good trip.");
    s.bodyKind = "plain";
    s.extraHeaders = {};
    s.demonstrates = QStringLiteral("No DKIM signature at all (dkim=none); SPF +all passes any sender");
    m.push_back(s);
    s = travel(36, 915, "Your booking reference TRV-5120", "Your booking is confirmed. Have a good trip.");
    s.bodyKind = "plain";
    s.extraHeaders = {};
    s.demonstrates = QStringLiteral("No DKIM signature");
    m.push_back(s);
}

} // namespace

std::vector<SampleSpec> SampleCatalog::messages()
{
    std::vector<SampleSpec> m;
    addShop(m);
    addNews(m);
    addBank(m);
    addSaas(m);
    addCharity(m);
    addTravel(m);
    SampleBounces::add(m);
    std::stable_sort(m.begin(), m.end(), [](const SampleSpec& a, const SampleSpec& b) {
        return std::pair(a.day, a.minuteOfDay) < std::pair(b.day, b.minuteOfDay);
    });
    return m;
}

} // namespace authlens::samples
