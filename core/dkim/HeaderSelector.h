// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"
#include "mail/HeaderField.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace authlens::dkim {

// Builds the header part of the data a DKIM signature covers (RFC 6376 3.7 step 2, 5.4.2): the fields
// named in h=, each name taking the bottom-most instance not yet used, canonicalized; then the
// DKIM-Signature field itself with the b= value blanked and without its final CRLF. Signer and Verifier
// share it, so they cannot disagree.
class HeaderSelector
{
public:
    struct Selection
    {
        QByteArray canonicalizedHeaders;
        QList<QByteArray> oversigned; // h= entries that found no instance left (contribute nothing)
        QList<QByteArray> absent;     // h= names with no instance at all in the message
    };

    static Selection select(const std::vector<mail::HeaderField>& fields,
                            const std::vector<QByteArray>& names, Canonicalization canonicalization,
                            const mail::HeaderField* exclude = nullptr);

    // `rawField` is the whole DKIM-Signature field; `bValueStart`/`bValueEnd` are the b= tag's value offsets
    // inside the field's value (Tag::valueStart/valueEnd). Returns the canonicalized field with the b= value
    // deleted and the final CRLF removed.
    static QByteArray signatureFieldForHash(QByteArrayView rawField, qsizetype bValueStart,
                                            qsizetype bValueEnd, Canonicalization canonicalization);
};

} // namespace authlens::dkim
