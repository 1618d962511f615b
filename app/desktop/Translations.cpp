// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace authlens::desktop {

bool installTranslations(const QLocale& locale)
{
    // Kept for the application's lifetime so a language switch can remove the previous ones.
    static QTranslator qtTranslator;
    static QTranslator appTranslator;
    QCoreApplication::removeTranslator(&qtTranslator);
    QCoreApplication::removeTranslator(&appTranslator);

    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    // Embedded by qt_add_translations under :/i18n.
    if (!appTranslator.load(locale, QStringLiteral("authlens"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        return false;
    QCoreApplication::installTranslator(&appTranslator);
    return true;
}

} // namespace authlens::desktop
