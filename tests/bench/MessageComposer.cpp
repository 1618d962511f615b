// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageComposer.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cctype>

namespace authlens::bench {

namespace {

const std::vector<QByteArray>& words()
{
    static const std::vector<QByteArray> list = {
        "the",      "order",    "delivery", "account",  "your",     "we",        "have",    "update",
        "please",   "invoice",  "shipping", "weekly",   "news",     "offer",     "members", "team",
        "security", "password", "report",   "meeting",  "schedule", "tomorrow",  "project", "review",
        "customer", "support",  "ticket",   "received", "payment",  "confirmed", "travel",  "booking",
        "flight",   "hotel",    "summer",   "discount", "free",     "return",    "policy",  "details",
        "a",        "of",       "and",      "to",       "in",       "for",       "is",      "on",
        "with",     "that",     "this",     "it",       "as",       "at",        "by",      "from",
        "Grüße",    "café",     "naïve",    "Zürich",   "€10",      "résumé",    "Straße",  "déjà",
    };
    return list;
}

const std::vector<QByteArray>& subjects()
{
    static const std::vector<QByteArray> list = {
        "Your order has shipped",
        "Weekly newsletter",
        "Invoice available",
        "Security alert for your account",
        "Booking confirmation",
        "Meeting notes and next steps",
        "Your statement is ready",
        "Last chance: summer offer",
        "Password changed",
        "Re: project review",
        "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_Z=C3=BCrich?=",
        "Community digest",
    };
    return list;
}

void appendCrlfLine(QByteArray& out, QByteArrayView line)
{
    out.append(line);
    out.append("\r\n");
}

} // namespace

QByteArray MessageComposer::rfc5322Date(qint64 unixSeconds)
{
    const QDateTime time = QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
    return QLocale::c().toString(time, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000";
}

QByteArray MessageComposer::sentence(CorpusRandom& random)
{
    QByteArray out;
    const int count = random.between(6, 16);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out.append(random.chance(0.03) ? "  " : " "); // double spaces, as people type them
        out.append(random.pick(words()));
    }
    out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
    out.append('.');
    return out;
}

QByteArray MessageComposer::textBody(CorpusRandom& random, qsizetype size)
{
    QByteArray out;
    out.reserve(size + 200);
    QByteArray line;
    while (out.size() < size) {
        // A paragraph, wrapped at 72 columns.
        const int sentences = random.between(2, 6);
        for (int s = 0; s < sentences; ++s) {
            const QByteArray text = sentence(random);
            for (const QByteArray& word : text.split(' ')) {
                if (!line.isEmpty() && line.size() + 1 + word.size() > 72) {
                    if (random.chance(0.05))
                        line.append(random.chance(0.5) ? " " : "\t"); // trailing whitespace
                    appendCrlfLine(out, line);
                    line.clear();
                }
                if (!line.isEmpty())
                    line.append(' ');
                line.append(word);
            }
        }
        appendCrlfLine(out, line);
        line.clear();
        // Lines that mbox quoting must carry through unchanged (RFC 4155 mboxrd).
        const double special = random.unit();
        if (special < 0.04)
            appendCrlfLine(out, "From the desk of the support team:");
        else if (special < 0.06)
            appendCrlfLine(out, ">From an earlier message, quoted.");
        else if (special < 0.10)
            appendCrlfLine(out, "> On Monday someone wrote:\t  a quoted line");
        out.append("\r\n");
    }
    // Trailing empty lines, which both canonicalizations drop (RFC 6376 3.4.3, 3.4.4).
    if (random.chance(0.3))
        out.append("\r\n\r\n");
    return out;
}

QByteArray MessageComposer::htmlBody(CorpusRandom& random, qsizetype size)
{
    QByteArray out;
    out.reserve(size + 200);
    out.append("<!DOCTYPE html>\r\n<html><head><meta charset=\"utf-8\"><title>Message</title></head>\r\n"
               "<body style=\"font-family: Arial, sans-serif; color: #222222;\">\r\n");
    while (out.size() < size) {
        out.append("<p style=\"margin: 0 0 12px 0;\">");
        QByteArray line;
        const int sentences = random.between(2, 5);
        for (int s = 0; s < sentences; ++s) {
            line.append(sentence(random));
            if (line.size() > 60) {
                appendCrlfLine(out, line);
                line.clear();
            } else {
                line.append(' ');
            }
        }
        out.append(line);
        out.append("</p>\r\n");
        if (random.chance(0.2))
            out.append("<table role=\"presentation\" width=\"100%\"><tr><td align=\"center\">"
                       "<a href=\"https://example.com/track?id=1234567890abcdef\">View online</a>"
                       "</td></tr></table>\r\n");
    }
    out.append("</body></html>\r\n");
    return out;
}

QByteArray MessageComposer::base64Body(CorpusRandom& random, qsizetype size)
{
    // Raw bytes for an attachment whose base64 form (76-column lines, RFC 2045 6.8) has about `size` bytes.
    const qsizetype rawSize = std::max<qsizetype>(3, size * 3 / 4 * 76 / 78);
    QByteArray raw(rawSize, Qt::Uninitialized);
    for (qsizetype i = 0; i < rawSize; i += 8) {
        const quint64 value = random.next();
        for (qsizetype j = 0; j < 8 && i + j < rawSize; ++j)
            raw[i + j] = char((value >> (8 * j)) & 0xff);
    }
    const QByteArray encoded = raw.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
    for (qsizetype pos = 0; pos < encoded.size(); pos += 76)
        appendCrlfLine(out,
                       QByteArrayView(encoded).sliced(pos, std::min<qsizetype>(76, encoded.size() - pos)));
    return out;
}

QByteArray MessageComposer::header(const Input& input, CorpusRandom& random, const QByteArray& contentType)
{
    const SenderProfile& s = input.sender;
    const QByteArray date = rfc5322Date(input.date);
    const QByteArray id = QByteArray::number(random.next(), 16);
    const QByteArray recipient = "user" + QByteArray::number(input.index % 997) + "@example.net";
    const int octet = int(input.index % 250) + 1;
    QByteArray out;
    if (s.bulk)
        appendCrlfLine(out, "Return-Path: <bounce-" + id.left(8) + "@bounce." + s.domain + ">");
    appendCrlfLine(out, "Received: from mail" + QByteArray::number(octet % 8) + "." + s.domain + " (mail" +
                            QByteArray::number(octet % 8) + "." + s.domain + " [192.0.2." +
                            QByteArray::number(octet) + "])");
    appendCrlfLine(out, "\tby mx1.example.net (Postfix) with ESMTPS id " + id.left(10).toUpper());
    appendCrlfLine(out, "\tfor <" + recipient + ">; " + MessageComposer::rfc5322Date(input.date + 3));
    appendCrlfLine(out, "Received: from app" + QByteArray::number(octet % 4) +
                            ".internal (localhost [127.0.0.1])");
    appendCrlfLine(out,
                   "\tby mail" + QByteArray::number(octet % 8) + "." + s.domain + " with ESMTP; " + date);
    appendCrlfLine(out, "From: \"" + s.displayName + "\" <" + s.localPart + "@" + s.domain + ">");
    appendCrlfLine(out, "To: <" + recipient + ">");
    if (random.chance(0.1))
        appendCrlfLine(out, "Cc: \"Team\" <team@example.net>,\r\n\t\"Archive\" <archive@example.net>");
    appendCrlfLine(out, "Subject: " + random.pick(subjects()));
    appendCrlfLine(out, "Date: " + date);
    appendCrlfLine(out, "Message-ID: <" + id + "." + QByteArray::number(input.index) + "@" + s.domain + ">");
    appendCrlfLine(out, "MIME-Version: 1.0");
    if (s.bulk) {
        appendCrlfLine(out, "List-Unsubscribe: <https://" + s.domain + "/unsubscribe/" + id +
                                ">,\r\n <mailto:unsubscribe@" + s.domain + "?subject=" + id + ">");
        appendCrlfLine(out, "List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        appendCrlfLine(out, "Feedback-ID: " + QByteArray::number(input.index % 13) + ":campaign:" + s.domain);
    }
    appendCrlfLine(out, "X-Mailer: " + s.mailer);
    out.append("Content-Type: " + contentType + "\r\n");
    return out;
}

QByteArray MessageComposer::compose(const Input& input, CorpusRandom& random)
{
    const qsizetype target = std::max<qsizetype>(input.targetSize, 1200);
    const QByteArray boundary = "=_b" + QByteArray::number(random.next(), 36);
    // Past 30 KB mail almost always carries an attachment; below, some does.
    const bool attachment = target > 30 * 1024 || random.chance(0.1);
    const double shape = random.unit();

    QByteArray contentType;
    QByteArray body;
    const qsizetype headerEstimate = 1100;
    const qsizetype bodySize = std::max<qsizetype>(300, target - headerEstimate);
    if (attachment) {
        contentType = "multipart/mixed;\r\n\tboundary=\"" + boundary + "\"";
        const qsizetype textSize = std::min<qsizetype>(bodySize / 3, random.between(1500, 6000));
        body += "This is a multi-part message in MIME format.\r\n\r\n--" + boundary + "\r\n";
        body += "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        body += textBody(random, textSize);
        body += "--" + boundary + "\r\n";
        const QByteArray name = "document-" + QByteArray::number(input.index) + ".pdf";
        body += "Content-Type: application/pdf; name=\"" + name +
                "\"\r\nContent-Disposition: attachment;\r\n\tfilename=\"" + name +
                "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n";
        body += base64Body(random, bodySize - body.size() - 80);
        body += "--" + boundary + "--\r\n";
    } else if (shape < 0.45) {
        contentType = "text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit";
        body = textBody(random, bodySize);
    } else {
        contentType = "multipart/alternative; boundary=\"" + boundary + "\"";
        const qsizetype textSize = bodySize * 35 / 100;
        body += "--" + boundary +
                "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n";
        body += textBody(random, textSize);
        body += "--" + boundary +
                "\r\nContent-Type: text/html; charset=utf-8\r\n"
                "Content-Transfer-Encoding: 8bit\r\n\r\n";
        body += htmlBody(random, bodySize - body.size() - 60);
        body += "--" + boundary + "--\r\n";
    }
    return header(input, random, contentType) + "\r\n" + body;
}

} // namespace authlens::bench
