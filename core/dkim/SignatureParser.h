// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Signature.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace authlens::dkim {

// Parses the value of a DKIM-Signature field (RFC 6376 3.5) and checks every rule a verifier must apply
// before it looks up a key (6.1.1): required tags, supported version, algorithm, canonicalization and
// query method, i= inside d=, h= including From, numbers that are numbers.
class SignatureParser
{
public:
    struct Result
    {
        std::optional<Signature> signature; // empty when the field is unusable
        QString error;                      // why, in plain words, for permerror
        // What could be read even when unusable, so the result can still name d= and s=.
        QByteArray domain;
        QByteArray selector;
        QByteArray algorithm;
        std::optional<TagList> tags;
    };

    static Result parse(QByteArrayView fieldValue);

    // Decodes dkim-quoted-printable (RFC 6376 2.11), as used in i= and z=; nullopt when malformed.
    static std::optional<QByteArray> decodeQuotedPrintable(QByteArrayView text);
};

} // namespace authlens::dkim
