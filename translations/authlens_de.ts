<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>authlens::desktop::DashboardPage</name>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="14" />
        <source>&lt;h2&gt;No mail analysed yet&lt;/h2&gt;&lt;p&gt;Open a message with &lt;b&gt;File → Open Message&lt;/b&gt;, or drop .eml files here.&lt;br&gt;Import a mailbox with &lt;b&gt;File → Import&lt;/b&gt; to see DKIM, SPF and DMARC per domain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine E-Mails analysiert&lt;/h2&gt;&lt;p&gt;Öffnen Sie eine Nachricht mit &lt;b&gt;Datei → Nachricht öffnen&lt;/b&gt; oder legen Sie .eml-Dateien hier ab.&lt;br&gt;Importieren Sie ein Postfach mit &lt;b&gt;Datei → Importieren&lt;/b&gt;, um DKIM, SPF und DMARC pro Domain zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="21" />
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::MainWindow</name>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="22" />
        <source>Authlens</source>
        <translation>Authlens</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="29" />
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="33" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="39" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="40" />
        <source>&amp;Open Message…</source>
        <translation>Nachricht ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="44" />
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="46" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="48" />
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="50" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="53" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="58" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="59" />
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="60" />
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="63" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="64" />
        <source>&amp;About Authlens</source>
        <translation>Ü&amp;ber Authlens</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="67" />
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="74" />
        <source>About Authlens</source>
        <translation>Über Authlens</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="75" />
        <source>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM, SPF and DMARC analysis for email deliverability analysts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or (at your option) any later version (%2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM-, SPF- und DMARC-Analyse für E-Mail-Zustellbarkeitsanalysten.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (%2).&lt;/p&gt;</translation>
    </message>
</context>
</TS>
