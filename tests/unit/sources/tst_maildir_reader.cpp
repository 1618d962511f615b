// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/MaildirFileName.h"
#include "sources/MaildirReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace authlens::sources;

class TestMaildirReader : public QObject
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

    static QByteArray mail(const QByteArray& subject)
    {
        return "From: a@example.com\r\nSubject: " + subject + "\r\n\r\nhi\r\n";
    }

    // A Dovecot-style Maildir++ with every kind of clutter.
    QString makeMaildir()
    {
        const QString root = m_dir.filePath(QStringLiteral("Maildir"));
        for (const char* sub : {"cur", "new", "tmp"})
            QDir().mkpath(root + QLatin1Char('/') + QLatin1String(sub));
        put(root + "/cur/1700000002.M2P1.host,S=" + QString::number(mail("inbox-b").size()) + ",W=60:2,RS",
            mail("inbox-b"));
        put(root + "/new/1700000001.M1P1.host", mail("inbox-a"));
        put(root + "/new/1700000003.M3P1.host:2,", mail("inbox-c"));
        put(root + "/tmp/1700000004.M4P1.host", mail("in-delivery"));
        put(root + "/cur/.DS_Store", "\0\0\0\1Bud1");
        put(root + "/cur/1700000005.M5P1.host:2,S", "\x89PNG\r\n\x1a\n not mail");
        put(root + "/cur/1700000006.M6P1.host,S=999:2,S", mail("size-mismatch"));
        for (const char* junk :
             {"dovecot-uidlist", "dovecot-uidvalidity", "dovecot.index", "dovecot.index.cache",
              "dovecot.index.log", "subscriptions", "courierimapkeywords", ".DS_Store"})
            put(root + QLatin1Char('/') + QLatin1String(junk), "control data");
        put(root + "/notes.txt", "someone's notes");
        put(root + "/.Sent/maildirfolder", "");
        put(root + "/.Sent/cur/1700000010.M1P2.host:2,S", mail("sent-1"));
        put(root + "/.Sent/dovecot-uidlist", "3 V1 N1");
        QDir().mkpath(root + "/.Sent/new");
        put(root + "/.Lists.qt/new/1700000020.M1P3.host", mail("list-1"));
        QDir().mkpath(root + "/.Empty/tmp");
        return root;
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

    void readsCurAndNewOfEveryFolderInOrder()
    {
        const QString root = makeMaildir();
        MaildirReader reader(root);
        QVERIFY(reader.openError().isEmpty());
        QCOMPARE(reader.folders(),
                 QStringList({QString(), QStringLiteral("Lists.qt"), QStringLiteral("Sent")}));
        std::vector<SourceError> errors;
        const auto items = readAll(reader, &errors);
        QStringList subjects;
        for (const auto& item : items)
            subjects << QString::fromLatin1(
                item.bytes.mid(item.bytes.indexOf("Subject: ") + 9).split('\r').first());
        QCOMPARE(subjects,
                 QStringList({"inbox-a", "inbox-b", "inbox-c", "size-mismatch", "list-1", "sent-1"}));
        QCOMPARE(items[1].folder, QString());
        QCOMPARE(items[1].flags, QStringLiteral("RS"));
        QCOMPARE(items[1].uniqueName,
                 QStringLiteral("1700000002.M2P1.host,S=%1,W=60").arg(mail("inbox-b").size()));
        QCOMPARE(items[1].declaredSize, qint64(mail("inbox-b").size()));
        QCOMPARE(items[1].bytes, mail("inbox-b"));
        QCOMPARE(items[0].flags, QString());
        QCOMPARE(items[4].folder, QStringLiteral("Lists.qt"));
        QCOMPARE(items[5].folder, QStringLiteral("Sent"));
        QVERIFY(items[5].path.endsWith(QStringLiteral("/.Sent/cur/1700000010.M1P2.host:2,S")));
        for (size_t i = 0; i < items.size(); ++i)
            QVERIFY(items[i].index >= qint64(i));

        auto has = [&](SourceError::Severity severity, const QString& pathPart, const QString& part) {
            for (const auto& e : errors) {
                if (e.severity == severity && e.path.contains(pathPart) && e.message.contains(part))
                    return true;
            }
            return false;
        };
        // Control files: one summary note; unknown files and non-mail: a note each; size mismatch: warning.
        QVERIFY(has(SourceError::Severity::Note, root, QStringLiteral("10 mail server control files")));
        QVERIFY(has(SourceError::Severity::Note, QStringLiteral("cur/.DS_Store"), QStringLiteral("hidden")));
        QVERIFY(has(SourceError::Severity::Note, QStringLiteral("notes.txt"), QStringLiteral("not part")));
        QVERIFY(
            has(SourceError::Severity::Note, QStringLiteral("M5P1"), QStringLiteral("not a mail message")));
        QVERIFY(has(SourceError::Severity::Note, QStringLiteral(".Empty"), QStringLiteral("without cur/")));
        QVERIFY(has(SourceError::Severity::Warning, QStringLiteral("M6P1"), QStringLiteral("S=999")));
        for (const auto& e : errors) {
            QVERIFY2(!e.path.contains(root + QStringLiteral("/tmp/")), qPrintable(e.toString()));
            QVERIFY(e.severity != SourceError::Severity::Error);
        }
    }

    void orderSurvivesMovesFromNewToCurAndFlagChanges()
    {
        const QString root = makeMaildir();
        MaildirReader first(root);
        const auto before = readAll(first);
        QVERIFY(QFile::rename(root + "/new/1700000001.M1P1.host", root + "/cur/1700000001.M1P1.host:2,S"));
        MaildirReader second(root);
        const auto after = readAll(second);
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].uniqueName, before[i].uniqueName);
            QCOMPARE(after[i].index, before[i].index);
        }
        QCOMPARE(after[0].flags, QStringLiteral("S"));
    }

    void seekResumesAtAnIndex()
    {
        const QString root = makeMaildir();
        MaildirReader reader(root);
        const auto all = readAll(reader);
        for (const auto& item : all) {
            MaildirReader again(root);
            QVERIFY(again.seek({0, item.index}));
            const auto reread = again.next();
            QVERIFY(reread);
            QCOMPARE(reread->path, item.path);
            QCOMPARE(reread->index, item.index);
            MaildirReader rest(root);
            QVERIFY(rest.seek(item.resumeAfter));
            QCOMPARE(readAll(rest).size(),
                     size_t(std::count_if(all.begin(), all.end(),
                                          [&](const SourceItem& i) { return i.index > item.index; })));
        }
        MaildirReader past(root);
        QVERIFY(past.seek({0, 1000}));
        QVERIFY(!past.next());
        QVERIFY(!past.seek({0, -1}));
    }

    void oddFilesAndNames()
    {
        const QString root = m_dir.filePath(QStringLiteral("odd"));
        QDir().mkpath(root + "/cur");
        QDir().mkpath(root + "/new");
        put(root + "/cur/:", mail("colon-only"));
        put(root + "/cur/a:2,,,S=:2,XYZ", mail("many-colons"));
        put(root + QStringLiteral("/cur/caf\u00e9 \U0001F600 name:2,S"), mail("unicode"));
        put(root + "/cur/" + QString(200, QLatin1Char('x')) + ",S=99999999999999999999999:2,S", mail("long"));
        put(root + "/new/empty", QByteArray());
        QDir().mkpath(root + "/cur/subdir");
        QVERIFY(::mkfifo(QFile::encodeName(root + "/new/fifo").constData(), 0600) == 0);
        QVERIFY(QFile::link(root + "/cur/:", root + "/cur/link"));
        MaildirReader reader(root);
        std::vector<SourceError> errors;
        const auto items = readAll(reader, &errors);
        QCOMPARE(items.size(), size_t(4));
        for (const auto& item : items)
            QVERIFY(item.bytes.startsWith("From: a@example.com"));
        int notRegular = 0;
        for (const auto& e : errors) {
            if (e.message.contains(QStringLiteral("not a regular file")))
                ++notRegular;
        }
        QCOMPARE(notRegular, 3); // the FIFO (never opened), the symlink, the folder
        bool emptyNoted = false;
        for (const auto& e : errors)
            emptyNoted |=
                e.path.endsWith(QStringLiteral("/new/empty")) && e.message.contains(QStringLiteral("empty"));
        QVERIFY(emptyNoted);
    }

    void fileNameParser()
    {
        MaildirFileName n = MaildirFileName::parse(QStringLiteral("1.M2P3.host,S=1234,W=1300:2,FRS"));
        QCOMPARE(n.uniqueName, QStringLiteral("1.M2P3.host,S=1234,W=1300"));
        QCOMPARE(n.flags, QStringLiteral("FRS"));
        QCOMPARE(n.size, qint64(1234));
        QCOMPARE(n.virtualSize, qint64(1300));
        n = MaildirFileName::parse(QStringLiteral("plain"));
        QCOMPARE(n.uniqueName, QStringLiteral("plain"));
        QVERIFY(n.info.isEmpty());
        QCOMPARE(n.size, qint64(-1));
        n = MaildirFileName::parse(QStringLiteral("x:1,experimental"));
        QCOMPARE(n.info, QStringLiteral("1,experimental"));
        QVERIFY(n.flags.isEmpty());
        for (const QString& hostile :
             {QString(), QStringLiteral(":"), QStringLiteral(",,,"), QStringLiteral(",S="),
              QStringLiteral(",S=-5"), QStringLiteral(",S=99999999999999999999"),
              QStringLiteral("a:2,\u00e9\U0001F600!"), QString(5000, QLatin1Char(',')),
              QStringLiteral("::::2,S"), QStringLiteral("a,W=1x,S=2:2,S")}) {
            const MaildirFileName parsed = MaildirFileName::parse(hostile);
            QVERIFY(parsed.size >= -1 && parsed.size < qint64(1e15));
        }
        QCOMPARE(MaildirFileName::parse(QStringLiteral("a:2,\u00e9S\U0001F600")).flags, QStringLiteral("S"));
        QCOMPARE(MaildirFileName::parse(QStringLiteral("a,W=1x,S=2:2,S")).size, qint64(2));
        QCOMPARE(MaildirFileName::parse(QStringLiteral("a,W=1x,S=2:2,S")).virtualSize, qint64(-1));
    }

    void notAMaildir()
    {
        MaildirReader missing(m_dir.filePath(QStringLiteral("nope")));
        QVERIFY(!missing.openError().isEmpty());
        QVERIFY(!missing.next());
        const QString plain = m_dir.filePath(QStringLiteral("plain"));
        QDir().mkpath(plain);
        MaildirReader notMaildir(plain);
        QVERIFY(notMaildir.openError().contains(QStringLiteral("not a Maildir")));
    }
};

QTEST_GUILESS_MAIN(TestMaildirReader)
#include "tst_maildir_reader.moc"
