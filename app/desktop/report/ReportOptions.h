// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/Dashboard.h"

#include <QLocale>
#include <QPageSize>
#include <QString>

namespace authlens::desktop {

// What a PDF report covers and how it is laid out.
struct ReportOptions
{
    store::MessageFilter filter; // dates and domain; the same filter the dashboard uses
    QPageSize pageSize = defaultPageSize();
    QString title;     // empty: "Authlens report"
    QString scopeNote; // e.g. the database file, shown on the title page
    // The appendix lists at most this many failing messages, newest first.
    int maxFailingMessages = 200;

    // Letter where people use it (the US, Canada and Mexico), else A4. QLocale's measurement system
    // alone would give A4 to Canada and Mexico, which print on Letter.
    static QPageSize defaultPageSize(const QLocale& locale = QLocale())
    {
        const QLocale::Territory territory = locale.territory();
        const bool letter = territory == QLocale::UnitedStates || territory == QLocale::Canada ||
                            territory == QLocale::Mexico ||
                            locale.measurementSystem() == QLocale::ImperialUSSystem;
        return QPageSize(letter ? QPageSize::Letter : QPageSize::A4);
    }
};

} // namespace authlens::desktop
