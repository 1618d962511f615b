// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dmarc/Record.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace authlens::lint {

// Writes a parsed DMARC record back as text with a few edits, for the "corrected record" of a finding.
// Tags keep the order they were written in; each appears once; unknown tags are left out (receivers
// ignore them, RFC 9989 4.7). Works from the parsed values, so a corrected record never repeats the
// syntax slip it corrects.
class DmarcRecordComposer
{
public:
    struct Edits
    {
        std::optional<dmarc::Policy> p;
        bool dropSp = false;
        bool dropNp = false;
        bool dropPct = false;
        bool dropLegacy = false;  // pct, rf, ri (removed by RFC 9989)
        QList<QByteArray> addRua; // mailto: URIs appended to rua=
    };

    static QString compose(const dmarc::Record& record, const Edits& edits);
    // The tag's value as the parsed record holds it; nullopt when the tag is absent or invalid.
    static std::optional<QByteArray> valueOf(const dmarc::Record& record, QByteArrayView tag);
};

} // namespace authlens::lint
