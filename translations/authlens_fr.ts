<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>authlens::desktop::DashboardPage</name>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="14" />
        <source>&lt;h2&gt;No mail analysed yet&lt;/h2&gt;&lt;p&gt;Open a message with &lt;b&gt;File → Open Message&lt;/b&gt;, or drop .eml files here.&lt;br&gt;Import a mailbox with &lt;b&gt;File → Import&lt;/b&gt; to see DKIM, SPF and DMARC per domain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun courriel analysé pour l’instant&lt;/h2&gt;&lt;p&gt;Ouvrez un message avec &lt;b&gt;Fichier → Ouvrir un message&lt;/b&gt;, ou déposez des fichiers .eml ici.&lt;br&gt;Importez une boîte aux lettres avec &lt;b&gt;Fichier → Importer&lt;/b&gt; pour voir DKIM, SPF et DMARC par domaine.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="21" />
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
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
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="33" />
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="39" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="40" />
        <source>&amp;Open Message…</source>
        <translation>&amp;Ouvrir un message…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="44" />
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="46" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="48" />
        <source>&amp;Export Report…</source>
        <translation>&amp;Exporter un rapport…</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="50" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="53" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="58" />
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="59" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="60" />
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="63" />
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="64" />
        <source>&amp;About Authlens</source>
        <translation>À &amp;propos d’Authlens</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="67" />
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="74" />
        <source>About Authlens</source>
        <translation>À propos d’Authlens</translation>
    </message>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="75" />
        <source>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM, SPF and DMARC analysis for email deliverability analysts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or (at your option) any later version (%2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;Analyse DKIM, SPF et DMARC pour les analystes de la délivrabilité des courriels.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou (à votre choix) toute version ultérieure (%2).&lt;/p&gt;</translation>
    </message>
</context>
</TS>
