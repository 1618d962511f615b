// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace authlens::mail {

// RFC 2047 encoded-words ("=?utf-8?q?J=C3=B6rg?="), decoded for display only: a domain used for a
// verdict is never taken from decoded text. Text outside encoded-words is read as UTF-8 (RFC 6532).
class EncodedWords
{
public:
    // Decodes every encoded-word in `text`; whitespace between two adjacent encoded-words is dropped
    // (RFC 2047 6.2). An encoded-word that does not decode is kept as written.
    static QString decode(QByteArrayView text);
    // True when `text` holds at least one well-formed encoded-word.
    static bool containsEncodedWord(QByteArrayView text);
};

} // namespace authlens::mail
