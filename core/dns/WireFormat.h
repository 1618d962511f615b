// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/DnsRecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace authlens::dns {

// Reading DNS wire format (RFC 1035 4): names with compression pointers, the answer section of a
// message, and the RDATA of the types Authlens asks for. Every read is bounds-checked; malformed input
// gives an error, never a read past the end or an endless pointer loop.
class WireFormat
{
public:
    struct Name
    {
        QByteArray text;   // presentation form without the final dot; \DDD for unusual octets
        qsizetype end = 0; // offset just past the name where it was read (not where pointers led)
        QString error;     // set when malformed
        bool ok() const { return error.isEmpty(); }
    };

    struct ResourceRecord
    {
        QByteArray owner;
        std::uint16_t type = 0;
        std::uint16_t rrClass = 0;
        std::uint32_t ttl = 0;
        qsizetype rdataOffset = 0; // into the message
        qsizetype rdataLength = 0;
    };

    struct AnswerSection
    {
        std::vector<ResourceRecord> records;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    struct Rdata
    {
        DnsRecord record;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };

    // A name at `offset` in `message`; pointers may lead anywhere earlier in `message` (RFC 1035 4.1.4).
    static Name readName(QByteArrayView message, qsizetype offset);
    // The answer section of a whole DNS message (header and question skipped).
    static AnswerSection answerSection(QByteArrayView message);
    // RDATA of `type` found at rdataOffset/rdataLength in `message` (the message is needed for names
    // compressed by pointers; pass the RDATA alone when it is uncompressed).
    static Rdata decodeRdata(RecordType type, QByteArrayView message, qsizetype rdataOffset,
                             qsizetype rdataLength);
};

} // namespace authlens::dns
