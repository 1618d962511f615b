// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Result.h"

#include <QJsonObject>
#include <QString>

#include <vector>

namespace authlens::cli {

// The JSON Lines object `authlens-cli verify --json` prints per message. Later checks (spf, dmarc,
// findings) add their keys here.
class VerifyJson
{
public:
    static QJsonObject dkimResult(const dkim::Result& result);
    static QJsonObject message(const QString& file, const std::vector<dkim::Result>& dkim);
    static QJsonObject error(const QString& file, const QString& error);
};

} // namespace authlens::cli
