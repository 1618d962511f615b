// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace authlens::dns {

// Bounds on what a resolver accepts from a server or a records file. Past either, the answer is an
// Error naming the limit (a permerror for SPF, a key that cannot be fetched for DKIM), never a crash.
struct DnsLimits
{
    // The DNS message carrying the answer. 64 KiB is the most a DNS message can hold over TCP
    // (RFC 1035 4.2.2); a records file answer is measured as the message a server would send.
    qsizetype maxAnswerBytes = 65536;
    // CNAMEs followed for one question: most resolvers stop at 8 to 16 (RFC 1034 3.6.2 asks to follow
    // the chain but not to loop).
    int maxCnameHops = 8;
};

} // namespace authlens::dns
