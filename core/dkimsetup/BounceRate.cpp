// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkimsetup/BounceRate.h"

namespace authlens::dkimsetup {

std::optional<lint::Finding> BounceRate::finding(double threshold) const
{
    if (sent <= 0 || rate() <= threshold)
        return std::nullopt;
    lint::Finding result;
    result.id = QStringLiteral("practice.bounce.rate-high");
    result.severity = lint::Severity::Warning;
    result.subject = QStringLiteral("Mail from %1").arg(QString::fromLatin1(domain));
    result.message =
        QStringLiteral("%1 of %2 messages bounced (%3%), over the %4% that providers and sending "
                       "platforms tolerate: the list holds addresses that no longer exist.")
            .arg(bounced)
            .arg(sent)
            .arg(rate() * 100.0, 0, 'f', 1)
            .arg(threshold * 100.0, 0, 'f', 0);
    result.fix =
        QStringLiteral("Remove addresses that bounced permanently (5.x.x) after the first bounce, "
                       "confirm new sign-ups (double opt-in) and stop mailing long-inactive addresses.");
    result.reference = QStringLiteral("RFC 3464; sending platform acceptable use guidelines");
    return result;
}

} // namespace authlens::dkimsetup
