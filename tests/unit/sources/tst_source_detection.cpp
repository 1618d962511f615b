// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/SourceFactory.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace authlens::sources;

class TestSourceDetection : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString put(const QString& relative, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void detectsEachKind_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("messages");

        QTest::newRow("eml file") << put("one.eml", "From: a@b.c\n\nhi\n") << int(SourceKind::EmlFile) << 1;
        QTest::newRow("eml with postmark")
            << put("pm.eml", "From a@b Mon Jan  1 00:00:00 2024\nFrom: a@b.c\n\nhi\n")
            << int(SourceKind::EmlFile) << 1;
        QTest::newRow("mbox by content")
            << put("export", "From a@b Mon Jan  1 00:00:00 2024\nSubject: 1\n\n\nFrom b@c Mon Jan  1 "
                             "00:00:00 2024\nSubject: 2\n\n")
            << int(SourceKind::Mbox) << 2;
        QTest::newRow("mbox by name, junk first")
            << put("junk.mbox", "junk\n\nFrom a@b Mon Jan  1 00:00:00 2024\nSubject: 1\n\n")
            << int(SourceKind::Mbox) << 1;
        put("maildir/cur/1.a.b:2,S", "Subject: m\n\n");
        QTest::newRow("maildir") << m_dir.filePath("maildir") << int(SourceKind::Maildir) << 1;
        put("mdpp/.Sent/cur/1.a.b:2,S", "Subject: m\n\n");
        QTest::newRow("maildir++ without top cur") << m_dir.filePath("mdpp") << int(SourceKind::Maildir) << 1;
        put("emls/x/1.eml", "Subject: 1\n\n");
        put("emls/2.eml", "Subject: 2\n\n");
        QTest::newRow("eml folder") << m_dir.filePath("emls") << int(SourceKind::EmlFolder) << 2;
    }

    void detectsEachKind()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        QFETCH(int, messages);
        OpenedSource opened = SourceFactory::open(path);
        QVERIFY2(opened.source, qPrintable(opened.error));
        QVERIFY(opened.error.isEmpty());
        QVERIFY(!opened.reason.isEmpty());
        QCOMPARE(int(opened.source->kind()), kind);
        int count = 0;
        while (opened.source->next())
            ++count;
        QCOMPARE(count, messages);
    }

    void refusesWhatIsNotMail_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing") << m_dir.filePath("missing") << "no such file";
        QTest::newRow("empty") << put("empty.eml", "") << "empty";
        QTest::newRow("binary") << put("photo.jpg", "\xff\xd8\xff\xe0 JFIF") << "neither an mbox";
        QTest::newRow("text") << put("notes.txt", "Dear diary\n") << "neither an mbox";
        const QString fifo = m_dir.filePath("fifo");
        ::mkfifo(QFile::encodeName(fifo).constData(), 0600);
        QTest::newRow("fifo") << fifo << "not a regular file";
    }

    void refusesWhatIsNotMail()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const OpenedSource opened = SourceFactory::open(path);
        QVERIFY(!opened.source);
        QVERIFY2(opened.error.contains(reason), qPrintable(opened.error));
        QVERIFY(opened.error.startsWith(path));
    }
};

QTEST_GUILESS_MAIN(TestSourceDetection)
#include "tst_source_detection.moc"
