// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/imap/ResponseParser.h"

#include <optional>
#include <vector>

namespace authlens::sources::imap {

// Turns the framed lines and literals of one response into a Response value (RFC 3501 7 and 9):
// tag or '*' or '+', status and response code, data name and values, FETCH data items. The
// framing (finding lines and literals in the byte stream) is ResponseParser's job.
class ResponseTokenizer
{
public:
    static std::optional<ResponseParser::Error>
    interpret(const std::vector<ResponseParser::Segment>& segments, int maxDepth, Response& response);
    // RFC 3501 9: number = 1*DIGIT (up to 19 digits, as 64-bit); nullopt for anything else.
    static std::optional<quint64> parseNumber(QByteArrayView digits);
};

} // namespace authlens::sources::imap
