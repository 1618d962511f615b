// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkim/Result.h"
#include "dmarc/Verdict.h"
#include "lint/Finding.h"
#include "mail/ReceiverVerdict.h"
#include "pipeline/Analysis.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <vector>

namespace authlens::cli {

// The JSON Lines object `authlens-cli verify --json` prints per message. Key names are a contract
// with scripts: add keys, never rename them.
class VerifyJson
{
public:
    static QJsonObject dkimResult(const dkim::Result& result);
    static QJsonObject spf(const pipeline::Analysis& analysis);
    static QJsonObject dmarc(const dmarc::Verdict& verdict);
    static QJsonObject received(const mail::ReceiverVerdict& received);
    static QJsonArray findings(const std::vector<lint::Finding>& findings);
    static QJsonObject message(const QString& file, const std::vector<dkim::Result>& dkim);
    static QJsonObject message(const QString& file, const pipeline::Analysis& analysis);
    static QJsonObject error(const QString& file, const QString& error);
};

} // namespace authlens::cli
