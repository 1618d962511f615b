// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleRecords.h"

namespace authlens::samples {

namespace {

// A TXT record in presentation format, split into 255-octet strings (RFC 1035 3.3.14, RFC 6376 3.6.2.2).
QByteArray txt(const QByteArray& name, const QByteArray& text)
{
    QByteArray line = name + " 3600 IN TXT";
    for (qsizetype at = 0; at < text.size(); at += 255)
        line += " \"" + text.mid(at, 255) + '"';
    if (text.isEmpty())
        line += " \"\"";
    return line + "\n";
}

QByteArray rr(const QByteArray& name, const QByteArray& type, const QByteArray& data)
{
    return name + " 3600 IN " + type + " " + data + "\n";
}

QByteArray dkimKey(const SampleKeys& keys, const QByteArray& name, const QByteArray& id,
                   const QByteArray& extraTags = {})
{
    const bool ed25519 = keys.key(id).type == dkim::KeyType::Ed25519;
    return txt(name, "v=DKIM1; k=" + QByteArray(ed25519 ? "ed25519" : "rsa") + "; " + extraTags +
                         "p=" + keys.publicKeyBase64(id));
}

} // namespace

QByteArray SampleRecords::zone(const SampleKeys& keys)
{
    QByteArray z;
    z += "; Authlens sample DNS snapshot: the records resources/samples/samples.mbox is verified with.\n"
         "; Written by authlens-samplegen (resources/samples/generator); do not edit by hand.\n"
         "; Use: authlens-cli verify --records records.zone samples.mbox\n"
         "; Names absent from this file are NXDOMAIN. A \"; TEMPFAIL name.\" line makes every lookup of\n"
         "; that name fail temporarily (SERVFAIL), as in the conformance suites.\n\n";

    z += "; --- the receiving system (the seed mailbox) ---\n";
    z += rr("authlens-sample.example.", "MX", "10 mx.authlens-sample.example.");
    z += rr("mx.authlens-sample.example.", "A", "192.0.2.25");

    z += "\n; --- esp.example: an email service provider sending for shop.example and saas.example ---\n";
    z += rr("esp.example.", "MX", "10 mx.esp.example.");
    z += rr("mx.esp.example.", "A", "198.51.100.10");
    z += rr("mta1.esp.example.", "A", "198.51.100.21");
    z += rr("mta2.esp.example.", "A", "198.51.100.22");
    z += txt("_spf.esp.example.", "v=spf1 ip4:198.51.100.16/28 ip6:2001:db8:e5::/48 -all");
    z += "; The provider hosts its customers' keys; customers publish CNAMEs to them.\n";
    z += dkimKey(keys, "s1.shop.dkim.esp.example.", "esp-shop-s1");
    z += dkimKey(keys, "s2.shop.dkim.esp.example.", "esp-shop-s2");

    z += "\n; --- shop.example: p=reject, sp=quarantine for subdomains (promo.shop.example has no record) "
         "---\n";
    z += rr("shop.example.", "MX", "10 mx.shop.example.");
    z += rr("mx.shop.example.", "A", "192.0.2.11");
    z += "; The HELO name of the shop's MX, checked for its bounces (null reverse-path).\n";
    z += txt("mx.shop.example.", "v=spf1 a -all");
    z += rr("shop.example.", "A", "192.0.2.10");
    z += txt("shop.example.", "v=spf1 include:_spf.esp.example ip4:192.0.2.10 -all");
    z += "; The provider's bounce domain for shop.example (Return-Path), aligned in relaxed mode.\n";
    z += rr("mail.shop.example.", "MX", "10 mx.esp.example.");
    z += txt("mail.shop.example.", "v=spf1 include:_spf.esp.example -all");
    z += txt("_dmarc.shop.example.",
             "v=DMARC1; p=reject; sp=quarantine; adkim=r; aspf=r; rua=mailto:dmarc@shop.example");
    z += rr("s1._domainkey.shop.example.", "CNAME", "s1.shop.dkim.esp.example.");
    z += rr("s2._domainkey.shop.example.", "CNAME", "s2.shop.dkim.esp.example.");
    z += dkimKey(keys, "ed1._domainkey.shop.example.", "shop-ed1");
    z += "; Revoked after a key rotation (RFC 6376 3.6.1: an empty p=).\n";
    z += txt("old._domainkey.shop.example.", "v=DKIM1; k=rsa; p=");

    z += "\n; --- news.example: a newsletter sender, DMARC p=none without rua, SPF ending in ?all ---\n";
    z += rr("news.example.", "MX", "10 mx.news.example.");
    z += rr("mx.news.example.", "A", "203.0.113.65");
    z += rr("out1.news.example.", "A", "203.0.113.70");
    z += txt("news.example.", "v=spf1 ip4:203.0.113.64/27 include:_spf.esp.example ?all");
    z += txt("_dmarc.news.example.", "v=DMARC1; p=none");
    z += dkimKey(keys, "nl2026._domainkey.news.example.", "news-nl2026");
    z += "; 1024 bits: still valid, below today's recommendation.\n";
    z += dkimKey(keys, "nl2025._domainkey.news.example.", "news-nl2025");
    z += "; 512 bits: must not be considered valid (RFC 8301 3.2).\n";
    z += dkimKey(keys, "k512._domainkey.news.example.", "news-k512");

    z += "\n; --- bank.example: p=reject with strict alignment, rsa + ed25519 dual signing, a legacy "
         "rsa-sha1 signer ---\n";
    z += rr("bank.example.", "MX", "10 mx1.bank.example.");
    z += rr("mx1.bank.example.", "A", "192.0.2.36");
    z += rr("smtp1.bank.example.", "A", "192.0.2.35");
    z += rr("smtp6.bank.example.", "AAAA", "2001:db8:ba::25");
    z += txt("bank.example.", "v=spf1 ip4:192.0.2.32/28 ip6:2001:db8:ba::/48 -all");
    z +=
        txt("_dmarc.bank.example.", "v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:dmarc-agg@bank.example; "
                                    "ruf=mailto:dmarc-fail@bank.example; fo=1");
    z += dkimKey(keys, "2026q3._domainkey.bank.example.", "bank-2026q3");
    z += dkimKey(keys, "2026ed._domainkey.bank.example.", "bank-2026ed");
    z += dkimKey(keys, "legacy._domainkey.bank.example.", "bank-legacy", "h=sha1:sha256; ");

    z += "\n; --- saas.example: p=quarantine with pct=50, reports to a third party that never agreed ---\n";
    z += rr("saas.example.", "MX", "10 mx1.saas.example.");
    z += rr("mx1.saas.example.", "A", "192.0.2.50");
    z += rr("relay.saas.example.", "A", "192.0.2.51");
    z += rr("saas.example.", "A", "192.0.2.52");
    z += txt("saas.example.", "v=spf1 mx a:relay.saas.example include:_spf.esp.example ~all");
    z += "; RFC 7489 7.1: no saas.example._report._dmarc.reports.thirdparty.example record authorizes this "
         "rua.\n";
    z += txt("_dmarc.saas.example.",
             "v=DMARC1; p=quarantine; pct=50; rua=mailto:agg@reports.thirdparty.example");
    z += rr("reports.thirdparty.example.", "MX", "10 mx.reports.thirdparty.example.");
    z += rr("mx.reports.thirdparty.example.", "A", "198.51.100.90");
    z += "; t=y: the domain is testing DKIM (RFC 6376 3.6.1).\n";
    z += dkimKey(keys, "sel1._domainkey.saas.example.", "saas-sel1", "t=y; ");
    z += dkimKey(keys, "sel2._domainkey.saas.example.", "saas-sel2");
    z += "; The key of the mta selector cannot be fetched today (its name servers fail):\n";
    z += "; TEMPFAIL mta._domainkey.saas.example.\n";

    z += "\n; --- charity.example: an SPF record with more than 10 DNS lookups (RFC 7208 4.6.4) ---\n";
    z += rr("charity.example.", "MX", "10 mx.charity.example.");
    z += rr("mx.charity.example.", "A", "203.0.113.150");
    z += rr("charity.example.", "A", "203.0.113.141");
    z += rr("mail.charity.example.", "A", "203.0.113.140");
    z += txt("charity.example.",
             "v=spf1 a mx include:_spf.esp.example include:spf.donate.example "
             "include:spf.crm.example include:spf.events.example include:spf.helpdesk.example "
             "include:spf.survey.example include:spf.forms.example include:spf.payroll.example "
             "include:spf.petition.example ip4:203.0.113.140 -all");
    int octet = 160;
    for (const char* service :
         {"donate", "crm", "events", "helpdesk", "survey", "forms", "payroll", "petition"})
        z += txt("spf." + QByteArray(service) + ".example.",
                 "v=spf1 ip4:198.51.100." + QByteArray::number(octet++) + " -all");
    z += txt("_dmarc.charity.example.", "v=DMARC1; p=quarantine; rua=mailto:dmarc@charity.example");
    z += dkimKey(keys, "dkim1._domainkey.charity.example.", "charity-dkim1");
    z += "; dkim2 was never published:\n";
    z += "; NXDOMAIN dkim2._domainkey.charity.example.\n";

    z += "\n; --- lists.example: a mailing list that re-sends members' mail ---\n";
    z += rr("lists.example.", "A", "198.51.100.200");
    z += rr("lists.example.", "MX", "10 lists.example.");
    z += txt("lists.example.", "v=spf1 a -all");
    z += txt("_dmarc.lists.example.", "v=DMARC1; p=none; rua=mailto:dmarc@lists.example");
    z += dkimKey(keys, "ml._domainkey.lists.example.", "lists-ml");

    z += "\n; --- travel.example: SPF +all, no DMARC record, an MX host without an address ---\n";
    z += rr("travel.example.", "MX", "10 mx.travel.example.");
    z += rr("smtp.travel.example.", "A", "198.51.100.130");
    z += txt("travel.example.", "v=spf1 +all");
    z += dkimKey(keys, "tr1._domainkey.travel.example.", "travel-tr1");

    z += "\n; --- reader-mail.example: a mailbox provider whose mail system sends delivery reports ---\n";
    z += rr("reader-mail.example.", "MX", "10 mx.reader-mail.example.");
    z += rr("mx.reader-mail.example.", "A", "198.51.100.90");
    z += txt("reader-mail.example.", "v=spf1 mx -all");
    // Reports go out with the null reverse-path: SPF checks the HELO name (RFC 7208 2.3).
    z += txt("mx.reader-mail.example.", "v=spf1 a -all");
    z += txt("_dmarc.reader-mail.example.", "v=DMARC1; p=reject; rua=mailto:dmarc@reader-mail.example");
    return z;
}

} // namespace authlens::samples
