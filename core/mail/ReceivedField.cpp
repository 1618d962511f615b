// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/ReceivedField.h"

#include "mail/Message.h"

#include <QRegularExpression>

namespace authlens::mail {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

struct Item
{
    bool comment = false;
    QByteArray text;
};

// Words and (nested) comments, up to the top-level ";" that starts the date.
std::vector<Item> tokenize(QByteArrayView text, qsizetype& semicolon)
{
    std::vector<Item> items;
    semicolon = -1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const char c = text[i];
        if (isWsp(c)) {
            ++i;
        } else if (c == '(') {
            int depth = 0;
            QByteArray comment;
            for (; i < n; ++i) {
                const char d = text[i];
                if (d == '\\' && i + 1 < n) {
                    comment.append(text[++i]);
                    continue;
                }
                if (d == '(' && depth++ == 0)
                    continue;
                if (d == ')' && --depth == 0) {
                    ++i;
                    break;
                }
                comment.append(d);
            }
            items.push_back({true, comment.simplified()});
        } else if (c == ';') {
            semicolon = i;
            return items;
        } else {
            const qsizetype start = i;
            while (i < n && !isWsp(text[i]) && text[i] != '(' && text[i] != ';')
                ++i;
            items.push_back({false, text.sliced(start, i - start).toByteArray()});
        }
    }
    return items;
}

// "[192.0.2.1]", "[IPv6:2001:db8::1]" or a bare address.
QHostAddress addressFrom(QByteArray text)
{
    if (text.startsWith('[') && text.endsWith(']'))
        text = text.mid(1, text.size() - 2);
    if (text.startsWith("IPv6:") || text.startsWith("ipv6:"))
        text = text.mid(5);
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(text)))
        return {};
    return address;
}

} // namespace

ReceivedField ReceivedField::parse(QByteArrayView text)
{
    ReceivedField field;
    qsizetype semicolon = -1;
    const std::vector<Item> items = tokenize(text, semicolon);
    if (semicolon >= 0) {
        field.dateText = text.sliced(semicolon + 1).toByteArray().trimmed();
        QByteArray dateOnly = field.dateText;
        const qsizetype paren = dateOnly.indexOf('(');
        if (paren >= 0)
            dateOnly.truncate(paren);
        field.date = QDateTime::fromString(QString::fromLatin1(dateOnly.simplified()), Qt::RFC2822Date);
    }

    QByteArray clause;
    QStringList fromComments;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        if (item.comment) {
            field.comments.append(QString::fromUtf8(item.text));
            if (clause == "from")
                fromComments.append(QString::fromUtf8(item.text));
            continue;
        }
        const QByteArray word = item.text.toLower();
        static const QList<QByteArray> keywords = {"from", "by", "via", "with", "id", "for"};
        if (keywords.contains(word) && i + 1 < items.size() && !items[i + 1].comment) {
            clause = word;
            QByteArray value = items[++i].text;
            if (word == "from")
                field.fromDomain = value;
            else if (word == "by")
                field.by = value;
            else if (word == "via")
                field.via = value;
            else if (word == "with")
                field.with = value;
            else if (word == "id")
                field.id = value;
            else
                field.forPath = value;
        }
    }

    // The client address: the from-domain when it is a literal, else the first literal in its comments.
    const QHostAddress literal = addressFrom(field.fromDomain);
    if (!literal.isNull()) {
        field.fromIp = literal;
    }
    static const QRegularExpression bracketed(QStringLiteral("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)\\]"));
    static const QRegularExpression heloTag(QStringLiteral("\\bhelo=([^\\s)\\]]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression bareAddress(
        QStringLiteral("^(?:[^\\s]+\\s+)?([0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]*:[0-9A-Fa-f:.]+)$"));
    for (const QString& comment : fromComments) {
        if (field.fromIp.isNull()) {
            const QRegularExpressionMatch m = bracketed.match(comment);
            if (m.hasMatch()) {
                field.fromIp = addressFrom(m.captured(1).toLatin1());
                // "rdns.example [192.0.2.1]": the word before the literal is the reverse DNS name.
                const QString before = comment.left(m.capturedStart()).trimmed();
                if (!before.isEmpty() && !before.contains(QLatin1Char(' ')))
                    field.reverseDns = before.toUtf8();
            } else if (const QRegularExpressionMatch bare = bareAddress.match(comment); bare.hasMatch()) {
                field.fromIp = addressFrom(bare.captured(1).toLatin1());
            }
        }
        // Exim: "from rdns.example ([192.0.2.1] helo=helo.example)": the from-domain is the reverse DNS name
        // and the HELO name is in the comment.
        if (const QRegularExpressionMatch h = heloTag.match(comment); h.hasMatch() && field.helo.isEmpty()) {
            field.helo = h.captured(1).toUtf8();
            if (literal.isNull() && field.reverseDns.isEmpty())
                field.reverseDns = field.fromDomain;
        }
    }
    if (field.helo.isEmpty())
        field.helo = field.fromDomain;
    return field;
}

std::vector<ReceivedField> ReceivedField::fromMessage(const Message& message)
{
    std::vector<ReceivedField> all;
    int index = 0;
    for (const HeaderField* header : message.fieldsNamed("Received")) {
        ReceivedField field = parse(header->unfoldedValue());
        field.fieldIndex = index++;
        field.line = header->line;
        all.push_back(field);
    }
    return all;
}

} // namespace authlens::mail
