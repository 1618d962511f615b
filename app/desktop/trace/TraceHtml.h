// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analysis.h"

#include <QCoreApplication>
#include <QString>

namespace authlens::desktop {

// The message trace as an HTML document (for QTextBrowser and the PDF appendix): every DKIM
// signature with its tags, key record and hashes, the SPF trace, the DMARC steps under RFC 9989 and
// RFC 7489, the receiver's Authentication-Results beside ours, and the findings. Only formats what the
// core computed.
class TraceHtml
{
    Q_DECLARE_TR_FUNCTIONS(TraceHtml)
public:
    static QString document(const pipeline::Analysis& analysis, const QString& title);
    static QString dkimSection(const pipeline::Analysis& analysis);
    static QString spfSection(const pipeline::Analysis& analysis);
    static QString dmarcSection(const pipeline::Analysis& analysis);
    static QString receiverSection(const pipeline::Analysis& analysis);
    static QString findingsSection(const pipeline::Analysis& analysis);
    // A result word as a coloured badge.
    static QString badge(const QString& word);
};

} // namespace authlens::desktop
