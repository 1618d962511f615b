// SPDX-License-Identifier: GPL-3.0-or-later
// Starts the real desktop binary in a real X server (Xvfb) and checks the window it draws.
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestAppXvfb : public QObject
{
    Q_OBJECT
private slots:
    void opensAWindowAndRendersItUnderXvfb()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("xvfb-run")).isEmpty())
            QSKIP("xvfb-run is not installed (Debian package xvfb)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QDir(dir.path()).mkdir(QStringLiteral("runtime"));
        QFile::setPermissions(dir.filePath(QStringLiteral("runtime")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString png = dir.filePath(QStringLiteral("window.png"));

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // a real X11 window, not offscreen
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral("xvfb-run"),
                      {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1280x800x24"),
                       QStringLiteral(AUTHLENS_APP), QStringLiteral("--screenshot"), png});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);

        const QImage image(png);
        QVERIFY2(!image.isNull(), "no PNG written");
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // A drawn window has text and a menu bar: many distinct colours, not a blank frame.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 5, "the window looks blank");
    }
};

QTEST_GUILESS_MAIN(TestAppXvfb)
#include "tst_app_xvfb.moc"
