// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MessageBuilder.h"
#include "SampleKeys.h"
#include "SampleSpec.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace authlens::samples {

// Writes the sample set into a folder: samples.mbox, records.zone, expected.json and README.md. Every
// file is a pure function of the catalog and the keys, so a second run gives the same bytes.
class SampleWriter
{
public:
    SampleWriter(const SampleKeys& keys, std::vector<SampleSpec> specs);

    // Returns an error text, empty on success.
    QString write(const QString& directory) const;

    // The time the expected verdicts hold at (verify --now): after every t= of the samples.
    static qint64 verifyAt();

    QByteArray mbox(QString* error) const;
    QByteArray expectedJson() const;
    QByteArray readme() const;

private:
    const SampleKeys& m_keys;
    std::vector<SampleSpec> m_specs;
};

} // namespace authlens::samples
