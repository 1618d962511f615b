// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/imap/Response.h"

namespace authlens::sources::imap {

bool Value::isAtom(QByteArrayView name) const
{
    return kind == Kind::Atom && QByteArrayView(text).compare(name, Qt::CaseInsensitive) == 0;
}

std::optional<quint64> Value::toNumber() const
{
    // RFC 3501 9: number = 1*DIGIT, an unsigned 32-bit value (64-bit for sizes in later RFCs).
    if (kind != Kind::Atom || text.isEmpty() || text.size() > 19)
        return std::nullopt;
    quint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(c - '0');
    }
    return value;
}

QList<QByteArray> Response::codeWords() const
{
    QList<QByteArray> words;
    for (const QByteArray& word : codeArguments.split(' ')) {
        if (!word.isEmpty())
            words.append(word);
    }
    return words;
}

std::optional<quint64> Response::codeNumber() const
{
    Value v;
    v.text = codeArguments.trimmed();
    return v.toNumber();
}

QString statusWord(Response::Status status)
{
    switch (status) {
    case Response::Status::None:
        return QString();
    case Response::Status::Ok:
        return QStringLiteral("OK");
    case Response::Status::No:
        return QStringLiteral("NO");
    case Response::Status::Bad:
        return QStringLiteral("BAD");
    case Response::Status::PreAuth:
        return QStringLiteral("PREAUTH");
    case Response::Status::Bye:
        return QStringLiteral("BYE");
    }
    return QString();
}

} // namespace authlens::sources::imap
