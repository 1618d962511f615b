// SPDX-License-Identifier: GPL-3.0-or-later
#include "SampleBounces.h"

#include "MessageBuilder.h"

namespace authlens::samples {

namespace {

// The receiving provider whose mail system reports (documentation range, RFC 5737).
const Hop readerMail{"mx.reader-mail.example", "mx.reader-mail.example", "198.51.100.90"};

SampleSpec report(int day, int minute, const char* originalFrom, const char* originalSubject,
                  const char* originalMessageId, int originalDay, int originalMinute)
{
    SampleSpec s;
    s.day = day;
    s.minuteOfDay = minute;
    s.fromName = "Mail Delivery System";
    s.fromAddress = "MAILER-DAEMON@mx.reader-mail.example";
    s.returnPath = ""; // RFC 3464 2: reports go out with the null reverse-path
    s.hop = readerMail;
    s.bodyKind = "dsn";
    SampleSpec original;
    original.day = originalDay;
    original.minuteOfDay = originalMinute;
    s.dsn.reportingMta = readerMail.helo;
    s.dsn.originalFrom = originalFrom;
    s.dsn.originalSubject = originalSubject;
    s.dsn.originalMessageId = originalMessageId;
    s.dsn.originalDate = MessageBuilder::rfc5322Date(MessageBuilder::sentAt(original));
    // Unsigned; SPF passes on the reporting host's HELO name, which aligns with its From in relaxed mode.
    s.expected.spf = "pass";
    s.expected.dmarc = "pass";
    s.expected.disposition = "none";
    return s;
}

} // namespace

void SampleBounces::add(std::vector<SampleSpec>& m)
{
    {
        SampleSpec s = report(15, 425, "\"Example News Weekly\" <weekly@news.example>",
                              "Issue 42: what our readers recommend", "<issue42@news.example>", 15, 426);
        s.subject = "Undelivered Mail Returned to Sender";
        s.dsn.finalRecipient = "j.doe@reader-mail.example";
        s.dsn.action = "failed";
        s.dsn.status = "5.1.1";
        s.dsn.diagnostic = "550 5.1.1 <j.doe@reader-mail.example>: Recipient address rejected: User unknown";
        s.demonstrates =
            QStringLiteral("Bounce (RFC 3464 report, failed 5.1.1) of a news.example newsletter: "
                           "counts against news.example's bounce rate");
        m.push_back(s);
    }
    {
        SampleSpec s = report(29, 431, "\"Example News Weekly\" <weekly@news.example>",
                              "Issue 44: the year in review, part one", "<issue44@news.example>", 29, 432);
        s.subject = "Undelivered Mail Returned to Sender";
        s.dsn.finalRecipient = "old.subscriber@reader-mail.example";
        s.dsn.action = "failed";
        s.dsn.status = "5.2.1";
        s.dsn.diagnostic = "550 5.2.1 <old.subscriber@reader-mail.example>: mailbox disabled, not accepting "
                           "messages";
        s.demonstrates = QStringLiteral(
            "Second bounce for news.example (mailbox disabled): its bounce rate is now over 5%");
        m.push_back(s);
    }
    {
        SampleSpec s = report(20, 700, "\"Example Shop\" <orders@shop.example>", "Your parcel is on its way",
                              "<parcel@shop.example>", 20, 300);
        s.subject = "Delayed Mail (still being retried)";
        s.dsn.finalRecipient = "buyer@reader-mail.example";
        s.dsn.action = "delayed";
        s.dsn.status = "4.4.7";
        s.dsn.diagnostic = "451 4.4.7 mailbox temporarily unavailable, will retry";
        s.demonstrates = QStringLiteral("Delay report (RFC 3464 action delayed): not a bounce");
        m.push_back(s);
    }
}

} // namespace authlens::samples
