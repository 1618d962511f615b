// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the lint tests share: records-file text, a resolver over it, and a report's findings by id.

#include "dns/RecordsFileResolver.h"
#include "lint/Finding.h"

#include <QStringList>

#include <memory>

namespace authlens::linttest {

// One TXT line of a records file. Long texts are split into strings of 200 octets, as a zone file must.
inline QByteArray txt(const QByteArray& name, const QByteArray& text)
{
    QByteArray line = name + ". 300 IN TXT";
    if (text.isEmpty())
        line += " \"\"";
    for (qsizetype i = 0; i < text.size(); i += 200)
        line += " \"" + text.mid(i, 200) + "\"";
    return line + "\n";
}

// A zone the test itself got wrong stops the test: no row could say anything about the lint.
inline std::shared_ptr<dns::RecordsFileResolver> resolverOf(const QByteArray& zone)
{
    const dns::RecordsFileResolver::LoadResult loaded = dns::RecordsFileResolver::fromText(zone);
    if (!loaded.ok())
        qFatal("bad test zone: %s", qPrintable(loaded.error));
    return loaded.resolver;
}

template <typename Report> const lint::Finding* findingWithId(const Report& report, const QString& id)
{
    for (const lint::Finding& f : report.findings) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

template <typename Report> QString ids(const Report& report)
{
    QStringList list;
    for (const lint::Finding& f : report.findings)
        list.append(f.id);
    return list.join(QStringLiteral(", "));
}

} // namespace authlens::linttest
