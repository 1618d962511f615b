// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/ReceivedSpf.h"

#include "mail/Message.h"

namespace authlens::mail {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

} // namespace

QByteArray ReceivedSpf::value(QByteArrayView key) const
{
    for (const auto& kv : keyValues) {
        if (QByteArrayView(kv.first).compare(key, Qt::CaseInsensitive) == 0)
            return kv.second;
    }
    return {};
}

ReceivedSpf ReceivedSpf::parse(QByteArrayView text)
{
    ReceivedSpf spf;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipWsp = [&] {
        while (i < n && isWsp(text[i]))
            ++i;
    };
    skipWsp();
    const qsizetype start = i;
    while (i < n && isKeyChar(text[i]))
        ++i;
    spf.result = text.sliced(start, i - start).toByteArray().toLower();
    static const QList<QByteArray> words = {"pass", "fail",      "softfail", "neutral",
                                            "none", "temperror", "permerror"};
    if (!words.contains(spf.result))
        spf.problems.append(QStringLiteral("offset %1: \"%2\" is not an SPF result")
                                .arg(start)
                                .arg(QString::fromUtf8(spf.result)));
    skipWsp();
    if (i < n && text[i] == '(') {
        // RFC 7208 9.1: comment = a RFC 5322 comment, possibly nested.
        int depth = 0;
        QByteArray comment;
        const qsizetype commentStart = i;
        for (; i < n; ++i) {
            const char c = text[i];
            if (c == '\\' && i + 1 < n) {
                comment.append(text[++i]);
                continue;
            }
            if (c == '(' && depth++ == 0)
                continue;
            if (c == ')' && --depth == 0) {
                ++i;
                break;
            }
            comment.append(c);
        }
        if (depth > 0)
            spf.problems.append(QStringLiteral("offset %1: comment not closed").arg(commentStart));
        spf.comment = QString::fromUtf8(comment).simplified();
    }
    // key-value-list = key-value-pair *( ";" [ CFWS ] key-value-pair ) [";"]
    while (i < n) {
        skipWsp();
        if (i < n && text[i] == ';') {
            ++i;
            continue;
        }
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && isKeyChar(text[i]))
            ++i;
        const QByteArray key = text.sliced(keyStart, i - keyStart).toByteArray().toLower();
        skipWsp();
        if (key.isEmpty() || i >= n || text[i] != '=') {
            spf.problems.append(QStringLiteral("offset %1: expected key=value").arg(keyStart));
            while (i < n && text[i] != ';')
                ++i;
            continue;
        }
        ++i;
        skipWsp();
        QByteArray value;
        if (i < n && text[i] == '"') {
            ++i;
            while (i < n && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < n)
                    ++i;
                value.append(text[i++]);
            }
            if (i < n)
                ++i;
        } else {
            while (i < n && !isWsp(text[i]) && text[i] != ';')
                value.append(text[i++]);
        }
        spf.keyValues.append({key, value});
    }
    return spf;
}

std::vector<ReceivedSpf> ReceivedSpf::fromMessage(const Message& message)
{
    std::vector<ReceivedSpf> all;
    int index = 0;
    for (const HeaderField* field : message.fieldsNamed("Received-SPF")) {
        ReceivedSpf spf = parse(field->unfoldedValue());
        spf.fieldIndex = index++;
        spf.line = field->line;
        all.push_back(spf);
    }
    return all;
}

} // namespace authlens::mail
