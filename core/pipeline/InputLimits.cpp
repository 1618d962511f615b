// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipeline/InputLimits.h"

#include "pipeline/Analyzer.h"
#include "pipeline/Importer.h"

#include <QTextStream>

namespace authlens::pipeline {

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

} // namespace

const std::vector<InputLimits::Limit>& InputLimits::limits()
{
    // Minimums keep real mail working (RFC 5322 2.1.1: 998-character lines; RFC 1035 4.2.1: 512-octet
    // UDP answers); maximums keep one message from taking the machine's memory.
    static const std::vector<Limit> table = {
        {"header-size", &InputLimits::headerSize, KiB, 64 * MiB, true,
         "the header block of one message (all header lines with their line breaks)", "message parser"},
        {"header-fields", &InputLimits::headerFields, 1, 1000000, false,
         "header fields in one message (a folded field counts once)", "message parser"},
        {"line-length", &InputLimits::lineLength, 998, GiB, true,
         "one line of a message, header or body, without its line break", "message parser"},
        {"message-size", &InputLimits::messageSize, KiB, 2 * GiB - 1, true,
         "one message, as stored in the mbox, .eml, Maildir file or IMAP folder",
         "source readers, IMAP sync"},
        {"signatures", &InputLimits::signatures, 1, 1000, false,
         "DKIM signatures verified per message (later ones are neutral, not evaluated)", "DKIM verifier"},
        {"dns-answer-size", &InputLimits::dnsAnswerSize, 512, 65536, true,
         "one DNS answer message (larger answers are a DNS error)", "resolvers"},
        {"cname-chain", &InputLimits::cnameChain, 1, 64, false, "CNAMEs followed for one DNS question",
         "resolvers"},
        {"spf-lookups", &InputLimits::spfLookups, 1, 1000, false,
         "SPF terms that query DNS per check (RFC 7208 4.6.4: 10; past it permerror)", "SPF evaluator"},
        {"spf-void-lookups", &InputLimits::spfVoidLookups, 0, 1000, false,
         "SPF lookups answered NXDOMAIN or NODATA per check (RFC 7208 4.6.4: 2)", "SPF evaluator"},
        {"imap-literal", &InputLimits::imapLiteral, KiB, 4 * GiB, true,
         "one literal in an IMAP response (a fetched message); at least message-size",
         "IMAP response parser"},
    };
    return table;
}

const InputLimits::Limit* InputLimits::find(QStringView name)
{
    for (const Limit& limit : limits()) {
        if (name.compare(QLatin1String(limit.name), Qt::CaseInsensitive) == 0)
            return &limit;
    }
    return nullptr;
}

QString InputLimits::set(QStringView name, qint64 value)
{
    const Limit* limit = find(name);
    if (!limit) {
        return QStringLiteral("unknown limit \"%1\" (known: %2)").arg(name.left(80).toString(), [] {
            QStringList names;
            for (const Limit& l : limits())
                names << QLatin1String(l.name);
            return names.join(QStringLiteral(", "));
        }());
    }
    if (value < limit->minimum || value > limit->maximum) {
        return QStringLiteral("%1 must be between %2 and %3, not %4")
            .arg(QLatin1String(limit->name))
            .arg(limit->minimum)
            .arg(limit->maximum)
            .arg(value);
    }
    this->*limit->value = value;
    return {};
}

QString InputLimits::assign(QStringView assignment)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0)
        return QStringLiteral("expected NAME=VALUE, got \"%1\"").arg(assignment.left(80).toString());
    const QStringView name = assignment.left(equals).trimmed();
    const QStringView text = assignment.mid(equals + 1).trimmed();
    const Limit* limit = find(name);
    if (!limit)
        return set(name, 0);
    const std::optional<qint64> value = parseValue(text, limit->bytes);
    if (!value) {
        return QStringLiteral("%1: \"%2\" is not %3")
            .arg(QLatin1String(limit->name), text.left(80).toString(),
                 limit->bytes ? QStringLiteral("a size (a whole number, optionally with K, M or G)")
                              : QStringLiteral("a whole number"));
    }
    return set(name, *value);
}

QString InputLimits::assignAll(const QStringList& assignments)
{
    bool literalGiven = false;
    for (const QString& assignment : assignments) {
        if (QString error = assign(assignment); !error.isEmpty())
            return error;
        literalGiven |= assignment.trimmed().startsWith(QLatin1String("imap-literal"), Qt::CaseInsensitive);
    }
    // Raising message-size alone raises the IMAP literal limit with it; only an explicit imap-literal
    // below message-size is refused.
    if (!literalGiven && imapLiteral < messageSize)
        imapLiteral = messageSize;
    return validate();
}

QString InputLimits::validate() const
{
    for (const Limit& limit : limits()) {
        const qint64 v = value(limit);
        if (v < limit.minimum || v > limit.maximum) {
            return QStringLiteral("%1 must be between %2 and %3, not %4")
                .arg(QLatin1String(limit.name))
                .arg(limit.minimum)
                .arg(limit.maximum)
                .arg(v);
        }
    }
    // A message the readers accept must fit in one IMAP literal, or the connection would break on it.
    if (imapLiteral < messageSize)
        return QStringLiteral("imap-literal (%1) must be at least message-size (%2)")
            .arg(imapLiteral)
            .arg(messageSize);
    return {};
}

std::optional<qint64> InputLimits::parseValue(QStringView text, bool bytes)
{
    qint64 unit = 1;
    QStringView digits = text.trimmed();
    if (bytes) {
        static const struct
        {
            const char* suffix;
            qint64 unit;
        } suffixes[] = {{"KiB", KiB}, {"MiB", MiB}, {"GiB", GiB}, {"K", KiB}, {"M", MiB}, {"G", GiB}};
        for (const auto& s : suffixes) {
            if (digits.endsWith(QLatin1String(s.suffix), Qt::CaseInsensitive)) {
                unit = s.unit;
                digits.chop(qsizetype(qstrlen(s.suffix)));
                digits = digits.trimmed();
                break;
            }
        }
    }
    if (digits.isEmpty() || digits.size() > 12)
        return std::nullopt;
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    return digits.toLongLong() * unit; // at most 12 digits times 2^30: no overflow
}

QString InputLimits::formatValue(const Limit& limit, qint64 value)
{
    if (!limit.bytes)
        return QString::number(value);
    if (value >= MiB && value % MiB == 0)
        return QStringLiteral("%1M").arg(value / MiB);
    if (value >= KiB && value % KiB == 0)
        return QStringLiteral("%1K").arg(value / KiB);
    return QString::number(value);
}

QString InputLimits::helpText()
{
    QString text;
    QTextStream stream(&text);
    stream << "Limits (--limit NAME=VALUE, repeatable; sizes in bytes, or with K, M, G for KiB, MiB, GiB):\n";
    const InputLimits defaults;
    for (const Limit& limit : limits()) {
        stream << "  " << QString::fromLatin1(limit.name).leftJustified(17) << " default "
               << formatValue(limit, defaults.value(limit)).leftJustified(6) << "  " << limit.what << " ["
               << limit.where << "]\n";
    }
    stream << "Past a limit: a clear error for that message (or DNS answer); the others go on.\n";
    stream.flush();
    return text;
}

QStringList InputLimits::changedFromDefaults() const
{
    QStringList changed;
    const InputLimits defaults;
    for (const Limit& limit : limits()) {
        if (value(limit) != defaults.value(limit))
            changed << QStringLiteral("%1=%2").arg(QLatin1String(limit.name),
                                                   formatValue(limit, value(limit)));
    }
    return changed;
}

mail::MessageLimits InputLimits::messageLimits() const
{
    mail::MessageLimits limits;
    limits.maxHeaderBytes = qsizetype(headerSize);
    limits.maxHeaderFields = int(headerFields);
    limits.maxLineBytes = qsizetype(lineLength);
    return limits;
}

dns::DnsLimits InputLimits::dnsLimits() const
{
    dns::DnsLimits limits;
    limits.maxAnswerBytes = qsizetype(dnsAnswerSize);
    limits.maxCnameHops = int(cnameChain);
    return limits;
}

void InputLimits::applyTo(AnalyzerOptions& options) const
{
    options.message = messageLimits();
    options.dkim.maxSignatures = int(signatures);
    options.spf.maxDnsTerms = int(spfLookups);
    options.spf.maxVoidLookups = int(spfVoidLookups);
}

void InputLimits::applyTo(ImportOptions& options) const
{
    applyTo(options.analyzer);
    options.reader.maxMessageSize = messageSize;
    options.imapMaxLiteralSize = imapLiteral;
}

} // namespace authlens::pipeline
