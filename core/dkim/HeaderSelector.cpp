// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkim/HeaderSelector.h"

#include "dkim/Canonicalizer.h"

#include <QHash>

namespace authlens::dkim {

HeaderSelector::Selection HeaderSelector::select(const std::vector<mail::HeaderField>& fields,
                                                 const std::vector<QByteArray>& names,
                                                 Canonicalization canonicalization,
                                                 const mail::HeaderField* exclude)
{
    Selection selection;
    // Per lowercase name, how many instances (from the bottom) have been used so far.
    QHash<QByteArray, int> used;
    for (const QByteArray& name : names) {
        const QByteArray key = name.toLower();
        int& skip = used[key];
        const mail::HeaderField* chosen = nullptr;
        int seen = 0;
        bool any = false;
        for (auto it = fields.rbegin(); it != fields.rend(); ++it) {
            if (it->malformed || &*it == exclude || !it->hasName(name))
                continue;
            any = true;
            if (seen++ == skip) {
                chosen = &*it;
                break;
            }
        }
        if (!any && !selection.absent.contains(key))
            selection.absent.append(key);
        if (!chosen) {
            // RFC 6376 5.4.2: a name with no instance left signs its absence (oversigning).
            selection.oversigned.append(name);
            continue;
        }
        ++skip;
        selection.canonicalizedHeaders += Canonicalizer::header(chosen->raw, canonicalization);
    }
    return selection;
}

QByteArray HeaderSelector::signatureFieldForHash(QByteArrayView rawField, qsizetype bValueStart,
                                                 qsizetype bValueEnd, Canonicalization canonicalization)
{
    const qsizetype colon = rawField.indexOf(':');
    QByteArrayView field = rawField;
    if (field.endsWith("\r\n"))
        field.chop(2);
    QByteArray blanked;
    if (colon >= 0 && bValueStart >= 0 && bValueEnd >= bValueStart && colon + 1 + bValueEnd <= field.size()) {
        blanked = field.first(colon + 1 + bValueStart).toByteArray();
        blanked += field.sliced(colon + 1 + bValueEnd);
    } else {
        blanked = field.toByteArray();
    }
    QByteArray canonical = Canonicalizer::header(blanked, canonicalization);
    // RFC 6376 3.7: the signature field is hashed without its trailing CRLF.
    canonical.chop(2);
    return canonical;
}

} // namespace authlens::dkim
