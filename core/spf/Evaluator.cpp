// SPDX-License-Identifier: GPL-3.0-or-later
#include "spf/Evaluator.h"

#include "spf/CheckHost.h"

#include <QUrl>

#include <algorithm>

namespace authlens::spf {

namespace {

// RFC 8616 4: SPF works on A-labels; a UTF-8 domain from SMTPUTF8 mail is converted before any lookup.
QByteArray asciiDomain(const QByteArray& domain)
{
    const bool ascii = std::all_of(domain.begin(), domain.end(), [](char c) { return (c & 0x80) == 0; });
    if (ascii)
        return domain;
    const QByteArray ace = QUrl::toAce(QString::fromUtf8(domain));
    return ace.isEmpty() ? domain : ace;
}

} // namespace

Evaluator::Evaluator(dns::Resolver& resolver, EvaluatorOptions options)
    : m_resolver(resolver)
    , m_options(std::move(options))
{}

bool Evaluator::isValidDomain(QByteArrayView domain)
{
    QByteArrayView name = domain;
    if (name.endsWith('.'))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253 || name.startsWith('['))
        return false;
    int labels = 0;
    qsizetype start = 0;
    while (start <= name.size()) {
        qsizetype dot = name.indexOf('.', start);
        if (dot < 0)
            dot = name.size();
        const qsizetype length = dot - start;
        if (length < 1 || length > 63)
            return false;
        ++labels;
        start = dot + 1;
    }
    return labels >= 2;
}

Result Evaluator::checkHost(const QHostAddress& ip, const QByteArray& domain, const QByteArray& sender,
                            const QByteArray& helo) const
{
    CheckHost run(m_resolver, m_options, ip, sender, helo);
    Result result = run.run(domain);
    result.domain = domain;
    result.sender = sender;
    return result;
}

Result Evaluator::checkMailFrom(const QHostAddress& ip, const QByteArray& mailFrom,
                                const QByteArray& helo) const
{
    QByteArray address = mailFrom.trimmed();
    if (address.startsWith('<') && address.endsWith('>'))
        address = address.mid(1, address.size() - 2);
    // RFC 7208 2.4: a null reverse-path is checked as postmaster@<helo>.
    if (address.isEmpty())
        return checkHelo(ip, helo);
    const qsizetype at = address.lastIndexOf('@');
    QByteArray localPart = at < 0 ? QByteArray() : address.left(at);
    const QByteArray domain = asciiDomain(at < 0 ? address : address.mid(at + 1));
    // RFC 7208 4.3: without a local-part, "postmaster" stands in.
    if (localPart.isEmpty())
        localPart = "postmaster";
    return checkHost(ip, domain, localPart + '@' + domain, helo);
}

Result Evaluator::checkHelo(const QHostAddress& ip, const QByteArray& helo) const
{
    const QByteArray domain = asciiDomain(helo.trimmed());
    return checkHost(ip, domain, "postmaster@" + domain, domain);
}

} // namespace authlens::spf
