// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pipeline/Analysis.h"

#include <QFrame>

namespace authlens::desktop {

// One checked message at a glance: where it came from, DKIM, SPF and DMARC verdicts, the number of
// findings; "Open trace" shows the full explanation.
class VerdictCard : public QFrame
{
    Q_OBJECT
public:
    VerdictCard(const QString& origin, const QByteArray& raw, pipeline::Analysis analysis,
                QWidget* parent = nullptr);

    const pipeline::Analysis& analysis() const { return m_analysis; }
    const QByteArray& raw() const { return m_raw; }
    QString origin() const { return m_origin; }
    // "DKIM pass · SPF fail · DMARC pass": what the card says, for tests and screen readers.
    QString summary() const;

signals:
    void openTrace(const QByteArray& raw, const QString& title);

private:
    QString m_origin;
    QByteArray m_raw;
    pipeline::Analysis m_analysis;
};

} // namespace authlens::desktop
