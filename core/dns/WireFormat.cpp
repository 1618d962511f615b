// SPDX-License-Identifier: GPL-3.0-or-later
#include "dns/WireFormat.h"

#include <QHostAddress>

namespace authlens::dns {

namespace {

std::uint16_t read16(QByteArrayView data, qsizetype offset)
{
    return std::uint16_t((std::uint8_t(data[offset]) << 8) | std::uint8_t(data[offset + 1]));
}

std::uint32_t read32(QByteArrayView data, qsizetype offset)
{
    return (std::uint32_t(read16(data, offset)) << 16) | read16(data, offset + 2);
}

void appendLabel(QByteArray& text, QByteArrayView label)
{
    if (!text.isEmpty())
        text += '.';
    for (char c : label) {
        const auto octet = std::uint8_t(c);
        if (octet <= 0x20 || octet >= 0x7f || c == '.' || c == '\\') {
            // RFC 1035 5.1 presentation escapes, so a label with a dot in it cannot pass for two labels.
            text += '\\';
            text += QByteArray::number(octet).rightJustified(3, '0');
        } else {
            text += c;
        }
    }
}

} // namespace

WireFormat::Name WireFormat::readName(QByteArrayView message, qsizetype offset)
{
    Name name;
    qsizetype pos = offset;
    qsizetype wireLength = 0;
    int jumps = 0;
    bool jumped = false;
    for (;;) {
        if (pos < 0 || pos >= message.size()) {
            name.error = QStringLiteral("name runs past the end of the message");
            return name;
        }
        const auto length = std::uint8_t(message[pos]);
        if ((length & 0xc0) == 0xc0) {
            if (pos + 1 >= message.size()) {
                name.error = QStringLiteral("truncated compression pointer");
                return name;
            }
            const qsizetype target = read16(message, pos) & 0x3fff;
            // Pointers must lead backwards (RFC 1035 4.1.4 "prior occurrence"): no loops possible.
            if (target >= pos || ++jumps > 64) {
                name.error = QStringLiteral("bad compression pointer");
                return name;
            }
            if (!jumped)
                name.end = pos + 2;
            jumped = true;
            pos = target;
            continue;
        }
        if ((length & 0xc0) != 0) {
            name.error = QStringLiteral("unknown label type");
            return name;
        }
        wireLength += length + 1;
        if (wireLength > 255) { // RFC 1035 3.1
            name.error = QStringLiteral("name longer than 255 octets");
            return name;
        }
        if (length == 0) {
            if (!jumped)
                name.end = pos + 1;
            return name;
        }
        if (pos + 1 + length > message.size()) {
            name.error = QStringLiteral("label runs past the end of the message");
            return name;
        }
        appendLabel(name.text, message.sliced(pos + 1, length));
        pos += 1 + length;
    }
}

WireFormat::AnswerSection WireFormat::answerSection(QByteArrayView message)
{
    AnswerSection section;
    if (message.size() < 12) {
        section.error = QStringLiteral("DNS message shorter than its header");
        return section;
    }
    const int questions = read16(message, 4);
    const int answers = read16(message, 6);
    qsizetype pos = 12;
    for (int i = 0; i < questions; ++i) {
        const Name name = readName(message, pos);
        if (!name.ok() || name.end + 4 > message.size()) {
            section.error = QStringLiteral("malformed question section");
            return section;
        }
        pos = name.end + 4;
    }
    for (int i = 0; i < answers; ++i) {
        const Name owner = readName(message, pos);
        if (!owner.ok() || owner.end + 10 > message.size()) {
            section.error = QStringLiteral("malformed answer record");
            return section;
        }
        ResourceRecord rr;
        rr.owner = owner.text;
        rr.type = read16(message, owner.end);
        rr.rrClass = read16(message, owner.end + 2);
        rr.ttl =
            read32(message, owner.end + 4) & 0x7fffffff; // RFC 2181 8: the top bit set means 0; be lenient
        rr.rdataLength = read16(message, owner.end + 8);
        rr.rdataOffset = owner.end + 10;
        if (rr.rdataOffset + rr.rdataLength > message.size()) {
            section.error = QStringLiteral("answer record runs past the end of the message");
            return section;
        }
        pos = rr.rdataOffset + rr.rdataLength;
        section.records.push_back(std::move(rr));
    }
    return section;
}

WireFormat::Rdata WireFormat::decodeRdata(RecordType type, QByteArrayView message, qsizetype rdataOffset,
                                          qsizetype rdataLength)
{
    Rdata out;
    out.record.type = type;
    if (rdataOffset < 0 || rdataLength < 0 || rdataOffset + rdataLength > message.size()) {
        out.error = QStringLiteral("RDATA outside the message");
        return out;
    }
    const QByteArrayView rdata = message.sliced(rdataOffset, rdataLength);
    const auto malformed = [&](const QString& why) {
        out.error = QStringLiteral("malformed %1 record: %2").arg(recordTypeName(type), why);
        return out;
    };
    // A name inside RDATA must also end inside it, wherever its pointers lead.
    const auto nameAt = [&](qsizetype offset) -> std::optional<QByteArray> {
        const Name name = readName(message, rdataOffset + offset);
        if (!name.ok() || name.end != rdataOffset + rdataLength)
            return std::nullopt;
        return name.text;
    };
    switch (type) {
    case RecordType::TXT: {
        // RFC 1035 3.3.14: one or more <character-string>s, each a length octet and that many octets.
        if (rdata.isEmpty())
            return malformed(QStringLiteral("empty RDATA"));
        qsizetype pos = 0;
        while (pos < rdata.size()) {
            const auto length = std::uint8_t(rdata[pos]);
            if (pos + 1 + length > rdata.size())
                return malformed(QStringLiteral("character-string longer than the RDATA"));
            out.record.strings.append(rdata.sliced(pos + 1, length).toByteArray());
            pos += 1 + length;
        }
        return out;
    }
    case RecordType::A: {
        if (rdata.size() != 4)
            return malformed(QStringLiteral("%1 octets, not 4").arg(rdata.size()));
        out.record.address = QHostAddress(read32(rdata, 0));
        return out;
    }
    case RecordType::AAAA: {
        if (rdata.size() != 16)
            return malformed(QStringLiteral("%1 octets, not 16").arg(rdata.size()));
        out.record.address = QHostAddress(reinterpret_cast<const quint8*>(rdata.data()));
        return out;
    }
    case RecordType::MX: {
        if (rdata.size() < 3)
            return malformed(QStringLiteral("too short"));
        out.record.preference = read16(rdata, 0);
        const auto exchange = nameAt(2);
        if (!exchange)
            return malformed(QStringLiteral("bad exchange name"));
        out.record.target = *exchange;
        return out;
    }
    case RecordType::CNAME:
    case RecordType::PTR: {
        const auto target = nameAt(0);
        if (!target || target->isEmpty())
            return malformed(QStringLiteral("bad target name"));
        out.record.target = *target;
        return out;
    }
    }
    return malformed(QStringLiteral("unsupported type"));
}

} // namespace authlens::dns
