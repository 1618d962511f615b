// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "Version.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Authlens"));
    QApplication::setOrganizationName(QString::fromLatin1(authlens::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(authlens::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.authlens.Authlens"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator appTranslator;
    if (appTranslator.load(QLocale(), QStringLiteral("authlens"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    authlens::desktop::MainWindow window;
    window.show();
    return QApplication::exec();
}
