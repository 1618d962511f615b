// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace authlens::sources {

// The parts of a Maildir message file name: "unique[,S=size][,W=size][:2,flags]" (Maildir as in
// https://cr.yp.to/proto/maildir.html, sizes as Maildir++ and Dovecot write them). File names are
// hostile input: any string parses, odd parts are simply absent.
struct MaildirFileName
{
    QString uniqueName;      // everything before the first ':' (stays the same when flags change)
    QString info;            // everything after the first ':', e.g. "2,RS"
    QString flags;           // the letters of a "2," info, e.g. "RS"; empty for other infos
    qint64 size = -1;        // ",S=" file size, -1 when absent or not a number
    qint64 virtualSize = -1; // ",W=" size with CRLF line ends, -1 when absent or not a number

    static MaildirFileName parse(const QString& fileName);
};

} // namespace authlens::sources
