// SPDX-License-Identifier: GPL-3.0-or-later
#include "Subcommand.h"

namespace authlens::cli {

// Each subcommand lives in its own file and is declared here.
int runSpf(const QStringList& arguments);
int runVerify(const QStringList& arguments);
int runStats(const QStringList& arguments);
int runCheck(const QStringList& arguments);
int runImport(const QStringList& arguments);
int runReverify(const QStringList& arguments);
int runDkimKeygen(const QStringList& arguments);
int runDkimCheckKey(const QStringList& arguments);
#ifdef AUTHLENS_HAVE_REPORT
int runReport(const QStringList& arguments); // only with the desktop app (it draws the app's charts)
#endif

const std::vector<Subcommand>& subcommands()
{
    static const std::vector<Subcommand> all = {
        // {"name", "one-line summary", runName},
        {"verify", "Verify the DKIM signatures of messages (.eml, mbox, Maildir, -), text or JSON Lines",
         runVerify},
        {"spf", "Evaluate SPF (RFC 7208) for a client IP, MAIL FROM and HELO, with a trace", runSpf},
        {"stats", "Per domain and selector: message counts and DKIM, SPF, DMARC pass rates", runStats},
        {"check", "Lint a domain's DKIM keys, SPF and DMARC records: findings, fixes, corrected records",
         runCheck},
        {"import", "Import mail (.eml, mbox, Maildir, imaps://) into a database, verified, resumable", runImport},
        {"reverify", "Verify stored messages again (after a DNS change, or --as-of a date), keeping history",
         runReverify},
        {"dkim-keygen", "Generate a DKIM key pair for a domain and selector and print the DNS settings",
         runDkimKeygen},
        {"dkim-check-key", "Check that a published DKIM key record matches a private key (exit 0 if so)",
         runDkimCheckKey},
#ifdef AUTHLENS_HAVE_REPORT
        {"report", "Write a PDF report (charts, per-domain tables, findings, failing messages); no display needed",
         runReport},
#endif
    };
    return all;
}

} // namespace authlens::cli
