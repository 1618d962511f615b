// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/EmlReader.h"
#include "sources/MessageFile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace authlens::sources;

class TestEmlReader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static void put(const QString& path, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
    }

    static std::vector<SourceItem> readAll(MessageSource& source, std::vector<SourceError>* errors = nullptr)
    {
        std::vector<SourceItem> items;
        while (auto item = source.next())
            items.push_back(std::move(*item));
        if (errors)
            *errors = source.takeErrors();
        return items;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void singleFileIsReturnedByteExact()
    {
        const QByteArray bytes = "Received: from x\r\n\tby y\r\nFrom: a@b.c\r\n\r\nbody \xff\r\n";
        const QString path = m_dir.filePath(QStringLiteral("one.eml"));
        put(path, bytes);
        EmlReader reader(path);
        QCOMPARE(reader.kind(), SourceKind::EmlFile);
        const auto items = readAll(reader);
        QCOMPARE(items.size(), size_t(1));
        QCOMPARE(items[0].bytes, bytes);
        QCOMPARE(items[0].path, path);
        QCOMPARE(items[0].locator(), path);
        QCOMPARE(items[0].index, qint64(0));
        QCOMPARE(reader.progress().bytesRead, qint64(bytes.size()));
        QCOMPARE(reader.progress().bytesTotal, qint64(bytes.size()));
    }

    void folderIsReadRecursivelyInSortedOrder()
    {
        const QString root = m_dir.filePath(QStringLiteral("tree"));
        put(root + "/b.eml", "Subject: b\n\n");
        put(root + "/a.eml", "Subject: a\n\n");
        put(root + "/sub/c.msg", "From x@y Mon Jan  1 00:00:00 2024\nSubject: c\n\n"); // with postmark
        put(root + "/sub/deeper/d", "Subject: d\n\n");
        put(root + "/C.eml", "Subject: C\n\n");
        put(root + "/picture.png", "\x89PNG\r\n\x1a\n");
        put(root + "/README", "These are samples.\n");
        put(root + "/empty.eml", "");
        put(root + "/nul.eml", QByteArray("Subject: n\n\na\0b\n", 16));
        QVERIFY(QFile::link(root + "/a.eml", root + "/link.eml"));
        QVERIFY(QFile::link(root, root + "/sub/loop"));
        QVERIFY(::mkfifo(QFile::encodeName(root + "/fifo.eml").constData(), 0600) == 0);

        EmlReader reader(root);
        QCOMPARE(reader.kind(), SourceKind::EmlFolder);
        std::vector<SourceError> errors;
        const auto items = readAll(reader, &errors);
        QStringList names;
        for (const auto& item : items)
            names << QDir(root).relativeFilePath(item.path);
        QCOMPARE(names, QStringList({"C.eml", "a.eml", "b.eml", "nul.eml", "sub/c.msg", "sub/deeper/d"}));
        QVERIFY(items[4].bytes.startsWith("From x@y"));

        QStringList noted;
        for (const auto& e : errors) {
            noted << QDir(root).relativeFilePath(e.path);
            QVERIFY2(e.severity != SourceError::Severity::Error, qPrintable(e.toString()));
        }
        for (const char* expected :
             {"README", "empty.eml", "picture.png", "link.eml", "fifo.eml", "sub/loop", "nul.eml"})
            QVERIFY2(noted.contains(QLatin1String(expected)), expected);

        // Indexes count every regular file met, so seeking is stable; skipped files keep their number.
        for (const auto& item : items) {
            EmlReader again(root);
            QVERIFY(again.seek({0, item.index}));
            const auto reread = again.next();
            QVERIFY(reread);
            QCOMPARE(reread->path, item.path);
        }
        EmlReader rest(root);
        QVERIFY(rest.seek(items[3].resumeAfter));
        QCOMPARE(readAll(rest).size(), size_t(2));
    }

    void oversizedFileIsAnErrorAndTheRestContinues()
    {
        const QString root = m_dir.filePath(QStringLiteral("sizes"));
        put(root + "/1.eml", "Subject: small\n\n");
        put(root + "/2.eml", "Subject: big\n\n" + QByteArray(5000, 'x'));
        put(root + "/3.eml", "Subject: small too\n\n");
        ReaderOptions options;
        options.maxMessageSize = 1000;
        EmlReader reader(root, options);
        std::vector<SourceError> errors;
        const auto items = readAll(reader, &errors);
        QCOMPARE(items.size(), size_t(2));
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors[0].severity, SourceError::Severity::Error);
        QVERIFY(errors[0].path.endsWith(QStringLiteral("2.eml")));
        QCOMPARE(errors[0].index, qint64(1));
        QCOMPARE(reader.progress().errors, qint64(1));
    }

    void mailShape()
    {
        QVERIFY(MessageFile::notMailReason("From: a@b.c\r\n").isEmpty());
        QVERIFY(MessageFile::notMailReason("X-Weird-But-Valid_Name!: v\n").isEmpty());
        QVERIFY(MessageFile::notMailReason("Subject : obsolete space before colon\n").isEmpty());
        QVERIFY(MessageFile::notMailReason("From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n").isEmpty());
        QVERIFY(!MessageFile::notMailReason("").isEmpty());
        QVERIFY(!MessageFile::notMailReason("hello world\n").isEmpty());
        QVERIFY(!MessageFile::notMailReason(": no name\n").isEmpty());
        QVERIFY(!MessageFile::notMailReason("\nSubject: leading empty line\n").isEmpty());
        QVERIFY(!MessageFile::notMailReason("From only a postmark").isEmpty());
        QVERIFY(!MessageFile::notMailReason(QByteArray(300, 'a') + ":").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEmlReader)
#include "tst_eml_reader.moc"
