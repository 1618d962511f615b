// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dns/Zone.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <memory>

namespace authlens::dns {

// Reads a records file into a Zone: DNS master-file presentation format (RFC 1035 5), one resource record
// per line, as the conformance suites write it:
//
//   brisbane._domainkey.example.com. 300 IN TXT "v=DKIM1; p=MIGf..." "...rest"
//   ; TEMPFAIL test._domainkey.example.com.      <- directive: every lookup of that name fails temporarily
//
// Types TXT, CNAME, A, AAAA, MX and PTR are loaded; SOA, NS and other well-known types are skipped with a
// warning. Also accepted, as in ordinary zone files: $ORIGIN and $TTL, relative names and "@", an owner
// left blank (the previous one), TTL and class omitted or in either order, ( ) spanning lines, \X and
// \DDD escapes in TXT strings, unquoted TXT words. Other ";" lines are comments ("; NXDOMAIN x." too).
//
// The file is all or nothing: the first bad line refuses the whole file, and the error names the file
// and line ("records.zone:12: ..."), so an analyst never works from half a zone without knowing it.
class RecordsFileParser
{
public:
    struct Result
    {
        std::shared_ptr<const Zone> zone; // null when the file was refused
        QString error;                    // "FILE:LINE: what is wrong", or a read error
        int errorLine = 0;                // 1-based; 0 when the file could not be read at all
        QStringList warnings;             // "FILE:LINE: SOA record ignored"
        bool ok() const { return zone != nullptr; }
    };

    // Files larger than this are refused unread.
    static constexpr qint64 maxFileBytes = 64 * 1024 * 1024;

    // `fileName` only labels messages and DnsAnswer::source.
    static Result parse(QByteArrayView text, const QString& fileName);
    static Result parseFile(const QString& path);
};

} // namespace authlens::dns
