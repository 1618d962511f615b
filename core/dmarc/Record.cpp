// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/Record.h"

#include <QRegularExpression>

namespace authlens::dmarc {

namespace {

bool isWsp(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Trims WSP on both sides; `offset` moves by what was cut on the left.
QByteArrayView trimmed(QByteArrayView text, int& offset)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && isWsp(text[begin]))
        ++begin;
    while (end > begin && isWsp(text[end - 1]))
        --end;
    offset += int(begin);
    return text.sliced(begin, end - begin);
}

struct Tag
{
    QByteArray name; // lower-case
    QByteArray value;
    int position = 0;
    bool hasEquals = true;
};

QList<Tag> splitTags(QByteArrayView text)
{
    QList<Tag> tags;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype semicolon = text.indexOf(';', start);
        if (semicolon < 0)
            semicolon = text.size();
        int position = int(start);
        const QByteArrayView part = trimmed(text.sliced(start, semicolon - start), position);
        if (!part.isEmpty()) {
            Tag tag;
            tag.position = position;
            const qsizetype equals = part.indexOf('=');
            if (equals < 0) {
                tag.hasEquals = false;
                tag.name = part.toByteArray().toLower();
            } else {
                int unused = 0;
                tag.name = trimmed(part.first(equals), unused).toByteArray().toLower();
                tag.value = trimmed(part.sliced(equals + 1), unused).toByteArray();
            }
            tags.append(tag);
        }
        start = semicolon + 1;
    }
    return tags;
}

QList<QByteArray> splitUris(const QByteArray& value)
{
    QList<QByteArray> uris;
    for (const QByteArray& part : value.split(',')) {
        const QByteArray uri = part.trimmed();
        if (!uri.isEmpty())
            uris.append(uri);
    }
    return uris;
}

// RFC 9989 4.7 (RFC 7489 6.2): a URI; for reports only mailto: is defined. A "!size" suffix is RFC 7489.
bool isValidMailtoUri(QByteArrayView uri)
{
    static const QRegularExpression mailto(
        QStringLiteral("^mailto:[^@\\s]+@[^@\\s!]+\\.[^@\\s!]+(![0-9]+[kmgt]?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return mailto.match(QString::fromUtf8(uri)).hasMatch();
}

} // namespace

QString policyName(Policy policy)
{
    switch (policy) {
    case Policy::None:
        return QStringLiteral("none");
    case Policy::Quarantine:
        return QStringLiteral("quarantine");
    case Policy::Reject:
        return QStringLiteral("reject");
    }
    return QStringLiteral("none");
}

std::optional<Policy> policyFromName(QByteArrayView word)
{
    // ABNF literals are case-insensitive (RFC 5234 2.3): p=REJECT is reject.
    if (word.compare("none", Qt::CaseInsensitive) == 0)
        return Policy::None;
    if (word.compare("quarantine", Qt::CaseInsensitive) == 0)
        return Policy::Quarantine;
    if (word.compare("reject", Qt::CaseInsensitive) == 0)
        return Policy::Reject;
    return std::nullopt;
}

Policy weakerPolicy(Policy policy)
{
    switch (policy) {
    case Policy::Reject:
        return Policy::Quarantine;
    case Policy::Quarantine:
    case Policy::None:
        return Policy::None;
    }
    return Policy::None;
}

bool Record::startsWithVersion(QByteArrayView text)
{
    const QList<Tag> tags = splitTags(text);
    // RFC 9989 4.7: v must be the first tag and its value exactly "DMARC1" (case-sensitive).
    return !tags.isEmpty() && tags.first().name == "v" && tags.first().hasEquals &&
           tags.first().value == "DMARC1";
}

Record Record::parse(QByteArrayView text)
{
    Record record;
    record.text = text.toByteArray();
    const QList<Tag> tags = splitTags(text);
    record.isDmarc = startsWithVersion(text);
    if (!record.isDmarc) {
        record.problems.append(
            {0, "v", QStringLiteral("the record does not start with v=DMARC1 (case-sensitive)")});
    }

    QList<QByteArray> seen;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const Tag& tag = tags[i];
        record.tagsInOrder.append(tag.name);
        auto problem = [&](const QString& message) {
            record.problems.append({tag.position, tag.name, message});
        };
        if (!tag.hasEquals) {
            problem(QStringLiteral("\"%1\" is not a tag=value pair").arg(QString::fromUtf8(tag.name)));
            continue;
        }
        if (seen.contains(tag.name)) {
            record.duplicateTags.append(tag.name);
            problem(QStringLiteral("tag %1 appears more than once; the first is used")
                        .arg(QString::fromUtf8(tag.name)));
            continue;
        }
        seen.append(tag.name);
        const QByteArray& v = tag.value;
        if (tag.name == "v") {
            if (i != 0)
                problem(QStringLiteral("v= must be the first tag"));
        } else if (tag.name == "p" || tag.name == "sp" || tag.name == "np") {
            const std::optional<Policy> policy = policyFromName(v);
            if (!policy)
                problem(QStringLiteral("%1=%2 is not none, quarantine or reject")
                            .arg(QString::fromUtf8(tag.name), QString::fromUtf8(v)));
            if (tag.name == "p") {
                record.pPresent = true;
                record.p = policy;
            } else if (tag.name == "sp") {
                record.spPresent = true;
                record.sp = policy;
            } else {
                record.npPresent = true;
                record.np = policy;
            }
        } else if (tag.name == "psd") {
            const QByteArray lower = v.toLower();
            if (lower == "y")
                record.psd = PsdFlag::Yes;
            else if (lower == "n")
                record.psd = PsdFlag::No;
            else if (lower == "u")
                record.psd = PsdFlag::Unspecified;
            else
                problem(QStringLiteral("psd=%1 is not y, n or u").arg(QString::fromUtf8(v)));
        } else if (tag.name == "t") {
            const QByteArray lower = v.toLower();
            if (lower == "y")
                record.testing = true;
            else if (lower != "n")
                problem(QStringLiteral("t=%1 is not y or n").arg(QString::fromUtf8(v)));
        } else if (tag.name == "adkim" || tag.name == "aspf") {
            const QByteArray lower = v.toLower();
            AlignmentMode mode = AlignmentMode::Relaxed;
            if (lower == "s")
                mode = AlignmentMode::Strict;
            else if (lower != "r")
                problem(QStringLiteral("%1=%2 is not r or s")
                            .arg(QString::fromUtf8(tag.name), QString::fromUtf8(v)));
            (tag.name == "adkim" ? record.adkim : record.aspf) = mode;
        } else if (tag.name == "rua" || tag.name == "ruf") {
            const QList<QByteArray> uris = splitUris(v);
            for (const QByteArray& uri : uris) {
                if (!isValidMailtoUri(uri))
                    problem(QStringLiteral("%1 URI \"%2\" is not a valid mailto: address")
                                .arg(QString::fromUtf8(tag.name), QString::fromUtf8(uri)));
            }
            (tag.name == "rua" ? record.rua : record.ruf) = uris;
        } else if (tag.name == "fo") {
            static const QRegularExpression foSyntax(QStringLiteral("^\\s*[01ds]\\s*(:\\s*[01ds]\\s*)*$"),
                                                     QRegularExpression::CaseInsensitiveOption);
            if (!foSyntax.match(QString::fromUtf8(v)).hasMatch())
                problem(QStringLiteral("fo=%1 is not a colon-separated list of 0, 1, d, s")
                            .arg(QString::fromUtf8(v)));
            record.fo = v;
        } else if (tag.name == "pct") {
            record.legacyTags.append(tag.name);
            bool ok = false;
            const int value = v.toInt(&ok);
            if (!ok || value < 0 || value > 100)
                problem(QStringLiteral("pct=%1 is not a number from 0 to 100").arg(QString::fromUtf8(v)));
            else
                record.pct = value;
        } else if (tag.name == "rf") {
            record.legacyTags.append(tag.name);
            record.rf = v;
        } else if (tag.name == "ri") {
            record.legacyTags.append(tag.name);
            bool ok = false;
            const quint32 value = v.toUInt(&ok);
            if (!ok)
                problem(QStringLiteral("ri=%1 is not a number of seconds").arg(QString::fromUtf8(v)));
            else
                record.ri = value;
        } else {
            // RFC 9989 4.7: unknown tags MUST be ignored.
            record.unknownTags.append(tag.name);
        }
    }
    if (!record.pPresent)
        record.problems.append({0, "p", QStringLiteral("the required p= tag is missing")});
    return record;
}

bool Record::hasValidRua() const
{
    for (const QByteArray& uri : rua) {
        if (isValidMailtoUri(uri))
            return true;
    }
    return false;
}

bool Record::hasInvalidPolicy(bool considerNp) const
{
    return !p || (spPresent && !sp) || (considerNp && npPresent && !np);
}

} // namespace authlens::dmarc
