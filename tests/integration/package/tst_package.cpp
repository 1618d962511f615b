// SPDX-License-Identifier: GPL-3.0-or-later
// The Debian package as a user gets it: cpack builds the .deb from the already-built tree, dpkg-deb
// unpacks it into a scratch root, and the test checks what a desktop and a user rely on: files in
// the freedesktop.org places, a valid desktop entry and AppStream metainfo, man pages that match
// --help, complete Depends, and installed programs that run.
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kAppId = QStringLiteral("org.authlens.Authlens");

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;

    QString describe() const
    {
        return QStringLiteral("exit %1, stdout: %2, stderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
    }
};

Run run(const QString& program, const QStringList& arguments, int timeoutMs = 60000)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // In a sanitizer build, leaks at exit are not what this test is about (the unit tests catch them).
    const QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
    env.insert(QStringLiteral("ASAN_OPTIONS"),
               asan.isEmpty() ? QStringLiteral("detect_leaks=0") : asan + QStringLiteral(":detect_leaks=0"));
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    Run result;
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// Debian's "Depends: a (>= 1), b | c, d" as package names.
QStringList dependencyNames(const QString& field)
{
    QStringList names;
    for (const QString& clause : field.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        for (const QString& alternative : clause.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
            const QString name =
                alternative.trimmed().section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
            if (!name.isEmpty())
                names << name;
        }
    }
    return names;
}

// Width and height from a PNG's IHDR chunk, which always comes first.
QSize pngSize(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray head = file.read(24);
    if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
        return {};
    auto be32 = [&head](int at) {
        return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16) |
               (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
    };
    return QSize(int(be32(16)), int(be32(20)));
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void controlFields();
    void dependsCoverEveryLinkedLibrary();
    void filesWhereTheDesktopExpectsThem();
    void iconsHaveTheirSizes();
    void desktopEntryIsValid();
    void metainfoIsValid();
    void manPagesMatchHelp();
    void docsNameTheLicenceAndVersion();
    void lintianFindsNoError();
    void installedCliRuns();
    void installedCliVerifiesAMessage();
    void installedCliVerifiesTheBundledSamples();
    void installedAppStarts();

private:
    QString inRoot(const QString& path) const { return m_root + QLatin1Char('/') + path; }
    QString field(const QString& name) const { return m_control.value(name); }

    QTemporaryDir m_scratch;
    QString m_deb;
    QString m_root;
    QHash<QString, QString> m_control;
};

void TestPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty() ||
        QStandardPaths::findExecutable(QStringLiteral("dpkg-shlibdeps")).isEmpty())
        QSKIP("dpkg-deb or dpkg-shlibdeps missing: the Debian package is built on Debian (dpkg-dev)");
    QVERIFY(m_scratch.isValid());

    // cpack with the Ninja generator installs what is built and builds nothing: this test's
    // dependencies (CMakeLists.txt) make sure the programs and man pages are there.
    QElapsedTimer timer;
    timer.start();
    const QString out = m_scratch.filePath(QStringLiteral("out"));
    const Run cpack =
        run(QStringLiteral(AUTHLENS_CPACK),
            {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), out,
             QStringLiteral("--config"), QStringLiteral(AUTHLENS_BINARY_DIR "/CPackConfig.cmake")},
            600000);
    QVERIFY2(cpack.finished && cpack.exitCode == 0, qPrintable(cpack.describe()));
    qInfo("cpack -G DEB took %lld ms", static_cast<long long>(timer.elapsed()));

    const QStringList debs = QDir(out).entryList({QStringLiteral("*.deb")}, QDir::Files);
    QCOMPARE(debs.size(), 1);
    m_deb = out + QLatin1Char('/') + debs.first();
    QCOMPARE(debs.first(),
             QStringLiteral("authlens_" AUTHLENS_VERSION "_%1.deb")
                 .arg(QString::fromUtf8(
                     run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out.trimmed())));

    m_root = m_scratch.filePath(QStringLiteral("root"));
    const Run unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
    QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.describe()));

    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb});
    QVERIFY2(info.exitCode == 0, qPrintable(info.describe()));
    QString last;
    for (const QString& line : QString::fromUtf8(info.out).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char(' ')) && !last.isEmpty()) {
            m_control[last] += QLatin1Char('\n') + line;
        } else if (line.contains(QLatin1Char(':'))) {
            last = line.section(QLatin1Char(':'), 0, 0);
            m_control[last] = line.section(QLatin1Char(':'), 1).trimmed();
        }
    }
}

void TestPackage::controlFields()
{
    QCOMPARE(field(QStringLiteral("Package")), QStringLiteral("authlens"));
    QCOMPARE(field(QStringLiteral("Version")), QStringLiteral(AUTHLENS_VERSION));
    QCOMPARE(field(QStringLiteral("Section")), QStringLiteral("mail"));
    QVERIFY2(field(QStringLiteral("Maintainer")).contains(QRegularExpression(QStringLiteral("^.+ <.+@.+>$"))),
             qPrintable(field(QStringLiteral("Maintainer"))));
    const QString description = field(QStringLiteral("Description"));
    // A synopsis line, then an extended description (Debian Policy 3.4).
    QVERIFY2(description.contains(QLatin1Char('\n')), qPrintable(description));
    QVERIFY2(description.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("DKIM")),
             qPrintable(description));
    QVERIFY(description.contains(QStringLiteral("authlens-cli")));
    QVERIFY(!field(QStringLiteral("Homepage")).isEmpty());
}

void TestPackage::dependsCoverEveryLinkedLibrary()
{
    const QStringList depends = dependencyNames(field(QStringLiteral("Depends")));
    QVERIFY2(!depends.isEmpty(), "no Depends field");

    // Loaded at run time, invisible to dpkg-shlibdeps.
    for (const char* plugin : {"libqt6sql6-sqlite", "qt6-qpa-plugins", "publicsuffix", "dns-root-data"})
        QVERIFY2(depends.contains(QLatin1String(plugin)), plugin);

    // Every library the programs link directly must come from a package named in Depends. Packages
    // register the soname link itself (/usr/lib/x86_64-linux-gnu/libQt6Core.so.6), so dpkg -S finds
    // its owner by name, whether the system is merged-/usr or not.
    QStringList patterns;
    for (const char* program : {"usr/bin/authlens", "usr/bin/authlens-cli"}) {
        const Run ldd = run(QStringLiteral("ldd"), {inRoot(QLatin1String(program))});
        QVERIFY2(ldd.exitCode == 0, qPrintable(ldd.describe()));
        QVERIFY2(!ldd.out.contains("not found"), ldd.out.constData());
        const Run dump =
            run(QStringLiteral("objdump"), {QStringLiteral("-p"), inRoot(QLatin1String(program))});
        QVERIFY2(dump.exitCode == 0, qPrintable(dump.describe()));
        static const QRegularExpression needed(QStringLiteral("NEEDED\\s+(\\S+)"));
        for (auto it = needed.globalMatch(QString::fromUtf8(dump.out)); it.hasNext();) {
            const QString soname = it.next().captured(1);
            // ldd names the folder this machine loads it from ("libc.so.6 =>
            // /lib/x86_64-linux-gnu/libc.so.6"); matching that folder's name keeps lib32 and other multilib
            // copies out.
            const QRegularExpression where(
                QStringLiteral("\\s%1 => (\\S+)").arg(QRegularExpression::escape(soname)));
            // The dynamic loader has no "=>": "\t/lib64/ld-linux-x86-64.so.2 (0x...)".
            const QRegularExpression loader(
                QStringLiteral("\\s(/\\S*/%1) \\(").arg(QRegularExpression::escape(soname)));
            QString path = where.match(QString::fromUtf8(ldd.out)).captured(1);
            if (path.isEmpty())
                path = loader.match(QString::fromUtf8(ldd.out)).captured(1);
            QVERIFY2(!path.isEmpty(), qPrintable(soname + QStringLiteral(" not resolved by ldd")));
            patterns << QStringLiteral("*/%1/%2").arg(QFileInfo(path).dir().dirName(), soname);
        }
    }
    patterns.removeDuplicates();
    QVERIFY2(patterns.size() >= 8, qPrintable(patterns.join(QLatin1Char(' '))));
    const Run owners = run(QStringLiteral("dpkg"), QStringList{QStringLiteral("-S")} + patterns);
    QVERIFY2(owners.exitCode == 0, qPrintable(owners.describe()));
    for (const QString& line : QString::fromUtf8(owners.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("diversion ")))
            continue;
        // "libqt6core6:amd64, libqt6core6:i386: /usr/lib/x86_64-linux-gnu/libQt6Core.so.6"
        const QString packages = line.section(QStringLiteral(": "), 0, 0);
        const QString package =
            packages.section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), 0, 0).trimmed();
        QVERIFY2(depends.contains(package),
                 qPrintable(QStringLiteral("%1 is linked but %2 is not in Depends: %3")
                                .arg(line.section(QStringLiteral(": "), 1), package,
                                     field(QStringLiteral("Depends")))));
    }
    for (const char* expected : {"libqt6charts6", "libqt6printsupport6", "libqt6widgets6", "libqt6sql6",
                                 "libqt6network6", "libssl3", "libunbound8", "libpsl5"})
        QVERIFY2(depends.contains(QLatin1String(expected)), expected);

    // Every name is a package that exists (installed here, since the programs run here).
    const Run known = run(QStringLiteral("dpkg-query"), QStringList{QStringLiteral("-W")} + depends);
    QVERIFY2(known.exitCode == 0, qPrintable(known.describe()));
}

void TestPackage::filesWhereTheDesktopExpectsThem()
{
    const QStringList expected = {
        QStringLiteral("usr/bin/authlens"),
        QStringLiteral("usr/bin/authlens-cli"),
        QStringLiteral("usr/share/applications/%1.desktop").arg(kAppId),
        QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(kAppId),
        QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId),
        QStringLiteral("usr/share/man/man1/authlens.1.gz"),
        QStringLiteral("usr/share/man/man1/authlens-cli.1.gz"),
        QStringLiteral("usr/share/doc/authlens/copyright"),
        QStringLiteral("usr/share/doc/authlens/changelog.gz"),
    };
    for (const QString& path : expected)
        QVERIFY2(QFileInfo(inRoot(path)).isFile(),
                 qPrintable(path + QStringLiteral(" is not in the package")));
    for (const char* program : {"usr/bin/authlens", "usr/bin/authlens-cli"})
        QVERIFY2(QFileInfo(inRoot(QLatin1String(program))).isExecutable(), program);

    // Everything lives under /usr/bin and /usr/share: no headers, static libraries or build files.
    QDirIterator it(m_root, QDir::Files, QDirIterator::Subdirectories);
    int files = 0;
    while (it.hasNext()) {
        const QString path = QDir(m_root).relativeFilePath(it.next());
        ++files;
        QVERIFY2(path.startsWith(QLatin1String("usr/bin/")) || path.startsWith(QLatin1String("usr/share/")),
                 qPrintable(path + QStringLiteral(" is outside /usr/bin and /usr/share")));
        QVERIFY2(!path.endsWith(QLatin1String(".a")) && !path.endsWith(QLatin1String(".h")),
                 qPrintable(path));
    }
    qInfo("%d files in the package", files);

    // Stripped: debug sections would make the package several times larger.
    const Run file = run(QStringLiteral("file"), {inRoot(QStringLiteral("usr/bin/authlens-cli"))});
    if (file.exitCode == 0)
        QVERIFY2(!file.out.contains("not stripped"), file.out.constData());
}

void TestPackage::iconsHaveTheirSizes()
{
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QString path =
            inRoot(QStringLiteral("usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(kAppId));
        QVERIFY2(QFileInfo(path).isFile(), qPrintable(path));
        QCOMPARE(pngSize(path), QSize(size, size));
    }
    QFile svg(inRoot(QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(kAppId)));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(svg.readAll().contains("<svg"));
}

void TestPackage::desktopEntryIsValid()
{
    const QString path = inRoot(QStringLiteral("usr/share/applications/%1.desktop").arg(kAppId));
    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
        QFAIL("desktop-file-validate missing: apt-get install desktop-file-utils (installer/dev.sh installs "
              "it)");
    const Run validate = run(QStringLiteral("desktop-file-validate"), {path});
    QVERIFY2(validate.exitCode == 0 && validate.out.trimmed().isEmpty(), qPrintable(validate.describe()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QHash<QString, QString> entry;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.contains(QLatin1Char('=')))
            entry.insert(line.section(QLatin1Char('='), 0, 0), line.section(QLatin1Char('='), 1));
    }
    // The program it starts is in the package, and takes the files the file manager hands it.
    const QStringList exec = entry.value(QStringLiteral("Exec")).split(QLatin1Char(' '));
    QVERIFY(QFileInfo(inRoot(QStringLiteral("usr/bin/") + exec.first())).isExecutable());
    QVERIFY2(exec.contains(QStringLiteral("%F")) || exec.contains(QStringLiteral("%U")),
             qPrintable(exec.join(' ')));
    QCOMPARE(entry.value(QStringLiteral("Icon")), kAppId);
    const QStringList types =
        entry.value(QStringLiteral("MimeType")).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    QVERIFY(types.contains(QStringLiteral("message/rfc822")));
    QVERIFY(types.contains(QStringLiteral("application/mbox")));
}

void TestPackage::metainfoIsValid()
{
    const QString path = inRoot(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(kAppId));
    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
        QFAIL("appstreamcli missing: apt-get install appstream (installer/dev.sh installs it)");
    const Run validate =
        run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"), path});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.describe()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString xml = QString::fromUtf8(file.readAll());
    QVERIFY(
        xml.contains(QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>").arg(kAppId)));
    QVERIFY(xml.contains(QStringLiteral("<project_license>GPL-3.0-or-later</project_license>")));
    QVERIFY(xml.contains(QStringLiteral("<content_rating")));
    QVERIFY(xml.contains(QStringLiteral("<screenshot")));
    for (const char* program : {"authlens", "authlens-cli"})
        QVERIFY(xml.contains(QStringLiteral("<binary>%1</binary>").arg(QLatin1String(program))));
    // The newest release listed is the version being packaged: release notes are written per release.
    const QRegularExpression release(QStringLiteral("<release version=\"([^\"]+)\""));
    QCOMPARE(release.match(xml).captured(1), QStringLiteral(AUTHLENS_VERSION));
}

void TestPackage::manPagesMatchHelp()
{
    if (QStringLiteral(AUTHLENS_PYTHON).isEmpty())
        QSKIP("no Python 3 at configure time: no man pages are generated");
    for (const char* program : {"authlens-cli", "authlens"}) {
        const QString page = inRoot(QStringLiteral("usr/share/man/man1/%1.1.gz").arg(QLatin1String(program)));
        const Run check =
            run(QStringLiteral(AUTHLENS_PYTHON),
                {QStringLiteral(AUTHLENS_SOURCE_DIR "/installer/manpage.py"), QStringLiteral("check"),
                 QStringLiteral("--program"), inRoot(QStringLiteral("usr/bin/") + QLatin1String(program)),
                 QStringLiteral("--page"), page});
        QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
        qInfo("%s", check.out.trimmed().constData());
    }
    // man itself reads the page without complaint.
    if (!QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty()) {
        const Run man =
            run(QStringLiteral("man"), {QStringLiteral("--warnings"), QStringLiteral("-l"),
                                        inRoot(QStringLiteral("usr/share/man/man1/authlens-cli.1.gz"))});
        QVERIFY2(man.exitCode == 0 && man.out.contains("AUTHLENS-CLI VERIFY"), qPrintable(man.describe()));
        QVERIFY2(!man.err.contains("warning"), man.err.constData());
    }
}

void TestPackage::docsNameTheLicenceAndVersion()
{
    QFile copyright(inRoot(QStringLiteral("usr/share/doc/authlens/copyright")));
    QVERIFY(copyright.open(QIODevice::ReadOnly));
    const QByteArray text = copyright.readAll();
    QVERIFY(text.contains("GPL-3.0+"));
    QVERIFY(text.contains("/usr/share/common-licenses/GPL-3"));
    // The changelog's newest entry is the version being packaged, like the metainfo's release notes.
    const Run changelog =
        run(QStringLiteral("gzip"),
            {QStringLiteral("-dc"), inRoot(QStringLiteral("usr/share/doc/authlens/changelog.gz"))});
    QVERIFY2(changelog.exitCode == 0, qPrintable(changelog.describe()));
    QVERIFY2(changelog.out.startsWith("authlens (" AUTHLENS_VERSION ") "),
             changelog.out.left(200).constData());
}

void TestPackage::lintianFindsNoError()
{
    if (QStandardPaths::findExecutable(QStringLiteral("lintian")).isEmpty())
        QSKIP("lintian is not installed (optional: apt-get install lintian)");
    const Run lintian = run(QStringLiteral("lintian"), {m_deb}, 120000);
    QVERIFY2(lintian.finished, "lintian did not finish in 2 minutes");
    // Errors (E:) and warnings (W:) fail; informational tags are allowed.
    for (const QByteArray& line : lintian.out.split('\n'))
        QVERIFY2(!line.startsWith("E:") && !line.startsWith("W:"), line.constData());
    QVERIFY2(lintian.exitCode == 0, qPrintable(lintian.describe()));
}

void TestPackage::installedCliRuns()
{
    const Run version = run(inRoot(QStringLiteral("usr/bin/authlens-cli")), {QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
    QVERIFY2(version.out.startsWith("authlens-cli " AUTHLENS_VERSION "\n"), version.out.constData());
}

void TestPackage::installedCliVerifiesAMessage()
{
    // A message signed by tests/data/package/generate.py, independently of our signer.
    const QString data = QStringLiteral(AUTHLENS_TEST_DATA_DIR "/package");
    const Run verify =
        run(inRoot(QStringLiteral("usr/bin/authlens-cli")),
            {QStringLiteral("verify"), QStringLiteral("--records"), data + QStringLiteral("/records.zone"),
             QStringLiteral("--json"), data + QStringLiteral("/signed.eml")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
    const QJsonObject result = QJsonDocument::fromJson(verify.out.trimmed()).object();
    QCOMPARE(result.value(QStringLiteral("dkim"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("pass"));
    QCOMPARE(result.value(QStringLiteral("dmarc")).toObject().value(QStringLiteral("result")).toString(),
             QStringLiteral("pass"));
}

void TestPackage::installedCliVerifiesTheBundledSamples()
{
    const QString samples = inRoot(QStringLiteral("usr/share/authlens/samples"));
    const QString mbox = samples + QStringLiteral("/samples.mbox");
    const QString records = samples + QStringLiteral("/records.zone");
    if (!QFileInfo(mbox).isFile() || !QFileInfo(records).isFile())
        QSKIP("the package carries no bundled samples (usr/share/authlens/samples/samples.mbox, "
              "records.zone) yet");
    QStringList arguments = {QStringLiteral("verify"), QStringLiteral("--records"), records,
                             QStringLiteral("--json")};
    // The samples' own expectations name the time to judge signature expiry at.
    for (const QString& name : QDir(samples).entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile file(samples + QLatin1Char('/') + name);
        if (file.open(QIODevice::ReadOnly)) {
            const QJsonValue now =
                QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("now"));
            if (now.isDouble() || now.isString())
                arguments << QStringLiteral("--now") << now.toVariant().toString();
        }
    }
    arguments << mbox;
    const Run verify = run(inRoot(QStringLiteral("usr/bin/authlens-cli")), arguments);
    // The samples show failures on purpose: 1 is the expected answer, 2 would be an error.
    QVERIFY2(verify.finished && (verify.exitCode == 0 || verify.exitCode == 1),
             qPrintable(verify.describe()));
    const QList<QByteArray> lines = verify.out.trimmed().split('\n');
    int passes = 0;
    for (const QByteArray& line : lines) {
        const QJsonObject message = QJsonDocument::fromJson(line).object();
        QVERIFY2(!message.isEmpty(), line.constData());
        QVERIFY2(!message.contains(QStringLiteral("error")), line.constData());
        for (const QJsonValue& signature : message.value(QStringLiteral("dkim")).toArray())
            passes +=
                signature.toObject().value(QStringLiteral("result")).toString() == QLatin1String("pass");
    }
    qInfo("%lld sample messages verified, %d DKIM signatures pass", static_cast<long long>(lines.size()),
          passes);
    QVERIFY(lines.size() >= 60);
    QVERIFY(passes > 0);
}

void TestPackage::installedAppStarts()
{
    // --version exits before any window is made, but QApplication wants a platform all the same.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const Run version = run(inRoot(QStringLiteral("usr/bin/authlens")), {QStringLiteral("--version")});
    QVERIFY2(version.exitCode == 0, qPrintable(version.describe()));
    QVERIFY2(version.out.contains(AUTHLENS_VERSION), version.out.constData());
}

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
