// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/Record.h"

#include "spf/MacroExpander.h"

namespace authlens::spf {

namespace {

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlnum(char c)
{
    return isAlpha(c) || isDigit(c);
}

// RFC 7208 7.1: toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
bool isTopLabel(QByteArrayView label)
{
    if (label.isEmpty())
        return false;
    bool hasAlpha = false;
    bool hasDash = false;
    for (char c : label) {
        if (c == '-')
            hasDash = true;
        else if (isAlpha(c))
            hasAlpha = true;
        else if (!isDigit(c))
            return false;
    }
    if (!hasDash)
        return hasAlpha;
    return isAlnum(label.front()) && isAlnum(label.back());
}

struct SpecError
{
    int offset = 0;
    QString reason;
};

// RFC 7208 7.1: domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand
std::optional<SpecError> checkDomainSpec(QByteArrayView spec)
{
    if (spec.isEmpty())
        return SpecError{0, QStringLiteral("empty domain-spec")};
    if (auto error = MacroExpander::check(spec, MacroExpander::Usage::DomainSpec))
        return SpecError{error->position, error->reason};
    // Find where the last token starts, so a final "}" or "." is known to be literal or part of a macro.
    bool lastIsMacro = false;
    for (qsizetype i = 0; i < spec.size(); ++i) {
        if (spec[i] == '%') {
            if (spec[i + 1] == '{')
                i = spec.indexOf('}', i);
            else
                ++i;
            lastIsMacro = true;
        } else {
            lastIsMacro = false;
        }
    }
    if (lastIsMacro)
        return std::nullopt;
    QByteArrayView body = spec;
    if (body.endsWith('.'))
        body.chop(1);
    const qsizetype dot = body.lastIndexOf('.');
    const QByteArrayView topLabel = dot < 0 ? body : body.sliced(dot + 1);
    if (dot < 0 || !isTopLabel(topLabel) || topLabel.contains('%'))
        return SpecError{int(dot + 1),
                         QStringLiteral("\"%1\" does not end in a valid top-level label "
                                        "(RFC 7208 7.1: letters, digits and inner hyphens, not all "
                                        "digits, after a dot)")
                             .arg(QString::fromLatin1(spec))};
    return std::nullopt;
}

// A prefix length: digits without a leading zero (RFC 7208 12 ip4-cidr-length / ip6-cidr-length).
std::optional<int> parsePrefix(QByteArrayView digits, int maximum)
{
    if (digits.isEmpty() || digits.size() > 3)
        return std::nullopt;
    for (char c : digits)
        if (!isDigit(c))
            return std::nullopt;
    if (digits.size() > 1 && digits[0] == '0')
        return std::nullopt;
    const int value = digits.toInt();
    if (value > maximum)
        return std::nullopt;
    return value;
}

// RFC 7208 12 ip4-network: four qnum without leading zeros.
std::optional<QHostAddress> parseIp4(QByteArrayView text)
{
    const QList<QByteArray> parts = text.toByteArray().split('.');
    if (parts.size() != 4)
        return std::nullopt;
    quint32 value = 0;
    for (const QByteArray& part : parts) {
        const auto octet = parsePrefix(part, 255);
        if (!octet)
            return std::nullopt;
        value = (value << 8) | quint32(*octet);
    }
    return QHostAddress(value);
}

std::optional<QHostAddress> parseIp6(QByteArrayView text)
{
    if (!text.contains(':'))
        return std::nullopt;
    for (char c : text)
        if (!(isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'))
            return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(text)) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    return address;
}

bool isModifierName(QByteArrayView name)
{
    // RFC 7208 12: name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
    if (name.isEmpty() || !isAlpha(name[0]))
        return false;
    for (char c : name)
        if (!(isAlnum(c) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

std::optional<MechanismType> mechanismType(QByteArrayView name)
{
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "all")
        return MechanismType::All;
    if (lower == "include")
        return MechanismType::Include;
    if (lower == "a")
        return MechanismType::A;
    if (lower == "mx")
        return MechanismType::Mx;
    if (lower == "ptr")
        return MechanismType::Ptr;
    if (lower == "ip4")
        return MechanismType::Ip4;
    if (lower == "ip6")
        return MechanismType::Ip6;
    if (lower == "exists")
        return MechanismType::Exists;
    return std::nullopt;
}

} // namespace

QString mechanismName(MechanismType type)
{
    switch (type) {
    case MechanismType::All:
        return QStringLiteral("all");
    case MechanismType::Include:
        return QStringLiteral("include");
    case MechanismType::A:
        return QStringLiteral("a");
    case MechanismType::Mx:
        return QStringLiteral("mx");
    case MechanismType::Ptr:
        return QStringLiteral("ptr");
    case MechanismType::Ip4:
        return QStringLiteral("ip4");
    case MechanismType::Ip6:
        return QStringLiteral("ip6");
    case MechanismType::Exists:
        return QStringLiteral("exists");
    }
    return {};
}

QChar qualifierChar(Qualifier qualifier)
{
    switch (qualifier) {
    case Qualifier::Pass:
        return QLatin1Char('+');
    case Qualifier::Fail:
        return QLatin1Char('-');
    case Qualifier::SoftFail:
        return QLatin1Char('~');
    case Qualifier::Neutral:
        return QLatin1Char('?');
    }
    return {};
}

bool Mechanism::queriesDns() const
{
    return type == MechanismType::Include || type == MechanismType::A || type == MechanismType::Mx ||
           type == MechanismType::Ptr || type == MechanismType::Exists;
}

QString ParseError::toString() const
{
    if (term.isEmpty())
        return QStringLiteral("at position %1: %2").arg(position).arg(reason);
    return QStringLiteral("term \"%1\" at position %2: %3")
        .arg(QString::fromLatin1(term))
        .arg(position)
        .arg(reason);
}

bool Record::isSpfRecord(QByteArrayView text)
{
    if (text.size() < 6 || text.first(6).toByteArray().toLower() != "v=spf1")
        return false;
    return text.size() == 6 || text[6] == ' ';
}

Record::Selection Record::select(const QList<QByteArray>& txtRecords)
{
    Selection selection;
    for (const QByteArray& text : txtRecords) {
        if (!isSpfRecord(text))
            continue;
        ++selection.count;
        if (selection.count == 1)
            selection.record = text;
    }
    if (selection.count == 1)
        selection.status = Selection::Status::One;
    else if (selection.count > 1)
        selection.status = Selection::Status::Multiple;
    else
        selection.status = Selection::Status::None;
    return selection;
}

const Modifier* Record::redirect() const
{
    return m_redirectIndex < 0 ? nullptr : &m_modifiers[std::size_t(m_redirectIndex)];
}

const Modifier* Record::explanation() const
{
    return m_explanationIndex < 0 ? nullptr : &m_modifiers[std::size_t(m_explanationIndex)];
}

int Record::dnsQueryingTerms() const
{
    int count = m_redirectIndex >= 0 ? 1 : 0;
    for (const Mechanism& mechanism : m_mechanisms)
        count += mechanism.queriesDns() ? 1 : 0;
    return count;
}

Record::Parse Record::parse(QByteArrayView text)
{
    Parse parse;
    Record& record = parse.record;
    record.m_text = text.toByteArray();
    auto error = [&parse](QByteArrayView term, qsizetype position, QString reason) {
        parse.errors.push_back(ParseError{term.toByteArray(), int(position), std::move(reason)});
    };
    if (!isSpfRecord(text)) {
        error({}, 0,
              QStringLiteral("the record does not start with \"v=spf1\" followed by a space (RFC 7208 4.5)"));
        return parse;
    }

    // RFC 7208 4.6.1: terms are separated by one or more spaces (SP only: tabs, CR and LF are errors).
    qsizetype pos = 6;
    while (pos < text.size()) {
        if (text[pos] == ' ') {
            ++pos;
            continue;
        }
        qsizetype end = text.indexOf(' ', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView term = text.sliced(pos, end - pos);
        const qsizetype termPos = pos;
        pos = end;

        const qsizetype equals = term.indexOf('=');
        if (equals >= 0 && isModifierName(term.first(equals))) {
            Modifier modifier;
            modifier.name = term.first(equals).toByteArray().toLower();
            modifier.value = term.sliced(equals + 1).toByteArray();
            modifier.text = term.toByteArray();
            modifier.position = int(termPos);
            const bool isRedirect = modifier.name == "redirect";
            const bool isExp = modifier.name == "exp";
            if (isRedirect || isExp) {
                // RFC 7208 6: redirect and exp each at most once; their value is a domain-spec.
                if ((isRedirect && record.m_redirectIndex >= 0) || (isExp && record.m_explanationIndex >= 0))
                    error(term, termPos,
                          QStringLiteral("\"%1=\" appears more than once (RFC 7208 6)")
                              .arg(QString::fromLatin1(modifier.name)));
                else if (auto bad = checkDomainSpec(modifier.value))
                    error(term, termPos + equals + 1 + bad->offset, bad->reason);
                if (isRedirect && record.m_redirectIndex < 0)
                    record.m_redirectIndex = int(record.m_modifiers.size());
                if (isExp && record.m_explanationIndex < 0)
                    record.m_explanationIndex = int(record.m_modifiers.size());
            } else if (auto bad = MacroExpander::check(modifier.value, MacroExpander::Usage::Modifier)) {
                // RFC 7208 6: unknown modifiers are ignored, but their value must still be a macro-string.
                error(term, termPos + equals + 1 + bad->position, bad->reason);
            }
            record.m_modifiers.push_back(std::move(modifier));
            continue;
        }

        Mechanism mechanism;
        mechanism.text = term.toByteArray();
        mechanism.position = int(termPos);
        QByteArrayView rest = term;
        qsizetype offset = 0;
        switch (rest.front()) {
        case '+':
            mechanism.qualifier = Qualifier::Pass;
            break;
        case '-':
            mechanism.qualifier = Qualifier::Fail;
            break;
        case '~':
            mechanism.qualifier = Qualifier::SoftFail;
            break;
        case '?':
            mechanism.qualifier = Qualifier::Neutral;
            break;
        default:
            offset = -1;
        }
        if (offset == 0) {
            rest = rest.sliced(1);
            offset = 1;
        } else {
            offset = 0;
        }
        qsizetype nameEnd = 0;
        while (nameEnd < rest.size() && rest[nameEnd] != ':' && rest[nameEnd] != '/')
            ++nameEnd;
        const auto type = mechanismType(rest.first(nameEnd));
        if (!type) {
            if (equals >= 0)
                error(term, termPos,
                      QStringLiteral(
                          "\"%1\" is not a valid modifier name (RFC 7208 12: a letter, then letters, "
                          "digits, \"-\", \"_\", \".\")")
                          .arg(QString::fromLatin1(term.first(equals))));
            else
                error(term, termPos,
                      QStringLiteral(
                          "unknown mechanism \"%1\" (RFC 7208 5: all, include, a, mx, ptr, ip4, ip6, "
                          "exists)")
                          .arg(QString::fromLatin1(rest.first(nameEnd))));
            continue;
        }
        mechanism.type = *type;
        QByteArrayView argument = rest.sliced(nameEnd); // ":..." and/or "/..." or empty
        const qsizetype argumentPos = termPos + offset + nameEnd;
        const QString name = mechanismName(*type);
        bool ok = true;
        auto fail = [&](qsizetype at, QString reason) {
            error(term, at, std::move(reason));
            ok = false;
        };

        switch (*type) {
        case MechanismType::All:
            if (!argument.isEmpty())
                fail(argumentPos,
                     QStringLiteral("\"all\" takes no argument or prefix length (RFC 7208 5.1)"));
            break;
        case MechanismType::Include:
        case MechanismType::Exists:
            if (!argument.startsWith(':')) {
                fail(argumentPos, QStringLiteral("\"%1\" needs \":\" and a domain (RFC 7208 %2)")
                                      .arg(name, *type == MechanismType::Include ? QStringLiteral("5.2")
                                                                                 : QStringLiteral("5.7")));
                break;
            }
            mechanism.domainSpec = argument.sliced(1).toByteArray();
            if (auto bad = checkDomainSpec(mechanism.domainSpec))
                fail(argumentPos + 1 + bad->offset, bad->reason);
            break;
        case MechanismType::Ptr:
            if (argument.isEmpty())
                break;
            if (!argument.startsWith(':')) {
                fail(argumentPos, QStringLiteral("\"ptr\" takes no prefix length (RFC 7208 5.5)"));
                break;
            }
            mechanism.domainSpec = argument.sliced(1).toByteArray();
            if (auto bad = checkDomainSpec(mechanism.domainSpec))
                fail(argumentPos + 1 + bad->offset, bad->reason);
            break;
        case MechanismType::A:
        case MechanismType::Mx: {
            // RFC 7208 5.3/5.4: [ ":" domain-spec ] [ dual-cidr-length ]; dual-cidr = [ "/" ip4 ] [ "//" ip6
            // ]
            QByteArrayView spec = argument;
            const qsizetype dual = spec.lastIndexOf("//");
            if (dual >= 0 && !spec.sliced(dual + 2).contains('/')) {
                const QByteArrayView digits = spec.sliced(dual + 2);
                const bool looksNumeric =
                    !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), isDigit);
                if (looksNumeric || dual == 0 || !spec.startsWith(':')) {
                    if (auto prefix = parsePrefix(digits, 128))
                        mechanism.ip6Prefix = *prefix;
                    else
                        fail(argumentPos + dual,
                             QStringLiteral("invalid IPv6 prefix length \"//%1\" (0 to 128, no "
                                            "leading zero; RFC 7208 5.6)")
                                 .arg(QString::fromLatin1(digits)));
                    spec = spec.first(dual);
                }
            }
            const qsizetype slash = spec.lastIndexOf('/');
            if (ok && slash >= 0) {
                const QByteArrayView digits = spec.sliced(slash + 1);
                const bool looksNumeric =
                    !digits.isEmpty() && std::all_of(digits.begin(), digits.end(), isDigit);
                if (looksNumeric || !spec.startsWith(':')) {
                    if (auto prefix = parsePrefix(digits, 32))
                        mechanism.ip4Prefix = *prefix;
                    else
                        fail(argumentPos + slash,
                             QStringLiteral("invalid IPv4 prefix length \"/%1\" (0 to 32, no "
                                            "leading zero; RFC 7208 5.6)")
                                 .arg(QString::fromLatin1(digits)));
                    spec = spec.first(slash);
                }
            }
            if (!ok)
                break;
            if (spec.isEmpty())
                break;
            if (!spec.startsWith(':')) {
                fail(argumentPos,
                     QStringLiteral("unexpected \"%1\" after \"%2\"").arg(QString::fromLatin1(spec), name));
                break;
            }
            mechanism.domainSpec = spec.sliced(1).toByteArray();
            if (auto bad = checkDomainSpec(mechanism.domainSpec))
                fail(argumentPos + 1 + bad->offset, bad->reason);
            break;
        }
        case MechanismType::Ip4:
        case MechanismType::Ip6: {
            const bool v4 = *type == MechanismType::Ip4;
            if (!argument.startsWith(':')) {
                fail(argumentPos,
                     QStringLiteral("\"%1\" needs \":\" and an address (RFC 7208 5.6)").arg(name));
                break;
            }
            QByteArrayView address = argument.sliced(1);
            const qsizetype slash = address.indexOf('/');
            if (slash >= 0) {
                const QByteArrayView digits = address.sliced(slash + 1);
                if (auto prefix = parsePrefix(digits, v4 ? 32 : 128))
                    (v4 ? mechanism.ip4Prefix : mechanism.ip6Prefix) = *prefix;
                else
                    fail(argumentPos + 1 + slash,
                         QStringLiteral(
                             "invalid prefix length \"/%1\" (0 to %2, no leading zero; RFC 7208 5.6)")
                             .arg(QString::fromLatin1(digits))
                             .arg(v4 ? 32 : 128));
                address = address.first(slash);
            }
            const auto network = v4 ? parseIp4(address) : parseIp6(address);
            if (!network)
                fail(argumentPos + 1, QStringLiteral("\"%1\" is not a valid %2 address (RFC 7208 5.6)")
                                          .arg(QString::fromLatin1(address),
                                               v4 ? QStringLiteral("IPv4") : QStringLiteral("IPv6")));
            else
                mechanism.network = *network;
            break;
        }
        }
        if (ok)
            record.m_mechanisms.push_back(std::move(mechanism));
    }
    return parse;
}

} // namespace authlens::spf
