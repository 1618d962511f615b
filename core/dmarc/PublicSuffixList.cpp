// SPDX-License-Identifier: GPL-3.0-or-later
#include "dmarc/PublicSuffixList.h"

#include <libpsl.h>

namespace authlens::dmarc {

namespace {

const psl_ctx_t* context()
{
    // psl_latest() picks the newest of the system list and the built-in one; falls back to built-in.
    static const psl_ctx_t* const ctx = [] {
        const psl_ctx_t* latest = psl_latest(nullptr);
        return latest ? latest : psl_builtin();
    }();
    return ctx;
}

QByteArray normalized(QByteArrayView domain)
{
    // libpsl compares lower-case names: "MAIL.Example.CO.UK" would otherwise give "CO.UK".
    QByteArray out = domain.toByteArray().toLower();
    while (out.endsWith('.'))
        out.chop(1);
    return out;
}

} // namespace

QByteArray PublicSuffixList::organizationalDomain(QByteArrayView domain)
{
    const QByteArray name = normalized(domain);
    if (name.isEmpty() || !context())
        return name;
    const char* registrable = psl_registrable_domain(context(), name.constData());
    if (!registrable)
        return name; // a public suffix itself, or nothing the list knows
    return QByteArray(registrable);
}

bool PublicSuffixList::isPublicSuffix(QByteArrayView domain)
{
    const QByteArray name = normalized(domain);
    return context() && psl_is_public_suffix(context(), name.constData()) != 0;
}

QString PublicSuffixList::description()
{
    const psl_ctx_t* ctx = context();
    if (!ctx)
        return QStringLiteral("no public suffix list");
    const char* file = psl_dist_filename();
    return QStringLiteral("libpsl %1, list of %2 rules%3")
        .arg(QString::fromLatin1(psl_get_version()))
        .arg(psl_suffix_count(ctx))
        .arg(file && *file ? QStringLiteral(" (%1)").arg(QString::fromLocal8Bit(file)) : QString());
}

} // namespace authlens::dmarc
