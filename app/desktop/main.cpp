// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"
#include "Translations.h"
#include "Version.h"

#include <QApplication>
#include <QLocale>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Authlens"));
    QApplication::setOrganizationName(QString::fromLatin1(authlens::kOrganizationName));
    QApplication::setApplicationVersion(QString::fromLatin1(authlens::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("org.authlens.Authlens"));

    authlens::desktop::installTranslations(QLocale());

    authlens::desktop::MainWindow window;
    window.show();
    return QApplication::exec();
}
