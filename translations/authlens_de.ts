<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../app/desktop/charts/DashboardCharts.cpp" line="+18"/>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>DKIM per sending domain</source>
        <translation>DKIM pro Absenderdomain</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SPF %1</source>
        <translation>SPF %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DMARC %1</source>
        <translation>DMARC %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF and DMARC per domain</source>
        <translation>SPF und DMARC pro Domain</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DKIM per selector of %1</source>
        <translation>DKIM pro Selektor von %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bounce rate per sending domain</source>
        <translation>Bounce-Rate je Absenderdomain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% bounced</source>
        <translation>% unzustellbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within 5%</source>
        <translation>bis 5 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 5%</source>
        <translation>über 5 %</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pass rate over time</source>
        <translation>Pass-Rate im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% pass</source>
        <translation>% pass</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
</context>
<context>
    <name>ImapAccountSettings</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountSettings.cpp" line="+165"/>
        <source>Enter the IMAP server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des IMAP-Servers ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name &quot;%1&quot; has spaces, &apos;/&apos; or &apos;@&apos; in it; enter only the server&apos;s name or address.</source>
        <translation>Der Hostname „%1“ enthält Leerzeichen, „/“ oder „@“; geben Sie nur den Namen oder die Adresse des Servers ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Der Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name for the account.</source>
        <translation>Geben Sie den Benutzernamen des Kontos ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one folder to import (fetch the list from the server, or keep INBOX).</source>
        <translation>Wählen Sie mindestens einen Ordner zum Import (rufen Sie die Liste vom Server ab oder behalten Sie INBOX).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder name is empty.</source>
        <translation>Ein Ordnername ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The monitor interval must be off or from 1 to 1440 minutes.</source>
        <translation>Das Überwachungsintervall muss aus sein oder 1 bis 1440 Minuten betragen.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../app/desktop/report/ReportWriter.cpp" line="+53"/>
        <source>%1 (rate unknown)</source>
        <translation>%1 (Rate unbekannt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Page %1</source>
        <translation>Seite %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Authlens report</source>
        <translation>Authlens-Bericht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+37"/>
        <source>%1: cannot write the PDF file</source>
        <translation>%1: Die PDF-Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1 — generated %2</source>
        <translation>%1 — erstellt am %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Generated %1 by Authlens</source>
        <translation>Erstellt am %1 von Authlens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending domains: all</source>
        <translation>Absenderdomains: alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending domain: %1</source>
        <translation>Absenderdomain: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates: all</source>
        <translation>Zeitraum: gesamt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates: %1 to %2 (Date header, UTC)</source>
        <translation>Zeitraum: %1 bis %2 (Date-Header, UTC)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sources recorded.</source>
        <translation>Keine Quellen erfasst.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2), added %3</source>
        <translation>%1 (%2), hinzugefügt am %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Headline figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Sending domains</source>
        <translation>Absenderdomains</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>DKIM pass</source>
        <translation>DKIM pass</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+39"/>
        <source>DMARC pass</source>
        <translation>DMARC pass</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1% of %2 messages with a DMARC result</source>
        <translation>%1 % von %2 Nachrichten mit DMARC-Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+83"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>%1 errors, %2 warnings, %3 info</source>
        <translation>%1 Fehler, %2 Warnungen, %3 Info</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Bounces</source>
        <translation>Bounces</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1, domains over 5%: %2</source>
        <translation>%1, Domains über 5 %: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Per sending domain</source>
        <translation>Pro Absenderdomain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DKIM fail</source>
        <translation>DKIM fail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF pass</source>
        <translation>SPF pass</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DMARC fail</source>
        <translation>DMARC fail</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Per DKIM selector</source>
        <translation>Pro DKIM-Selektor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From domain</source>
        <translation>From-Domain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signing domain (d=)</source>
        <translation>Signierende Domain (d=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures</source>
        <translation>Signaturen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass rate</source>
        <translation>Pass-Rate</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>seen %n time(s)</source>
        <translation>
            <numerusform>%n-mal gesehen</numerusform>
            <numerusform>%n-mal gesehen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix:</source>
        <translation>Behebung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrected record:</source>
        <translation>Korrigierter Eintrag:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No open findings.</source>
        <translation>Keine offenen Befunde.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>DKIM %1 (d=%2 s=%3): %4</source>
        <translation>DKIM %1 (d=%2 s=%3): %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SPF %1: %2</source>
        <translation>SPF %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC %1 (%2): %3</source>
        <translation>DMARC %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Appendix: failing messages</source>
        <translation>Anhang: fehlgeschlagene Nachrichten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages whose DKIM, SPF or DMARC result is not pass or none, newest first, with the reasons from the newest verification run.</source>
        <translation>Nachrichten, deren DKIM-, SPF- oder DMARC-Ergebnis weder pass noch none ist, neueste zuerst, mit den Gründen aus dem neuesten Prüflauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No failing messages in scope.</source>
        <translation>Keine fehlgeschlagenen Nachrichten im Umfang.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the newest %1 failing messages are listed.</source>
        <translation>Nur die neuesten %1 fehlgeschlagenen Nachrichten sind aufgeführt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From and subject</source>
        <translation>Absender und Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DKIM / SPF / DMARC</source>
        <translation>DKIM / SPF / DMARC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons</source>
        <translation>Gründe</translation>
    </message>
</context>
<context>
    <name>TraceHtml</name>
    <message>
        <location filename="../app/desktop/trace/TraceHtml.cpp" line="+42"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not reached</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+142"/>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <location line="-140"/>
        <source>The message has no DKIM-Signature field.</source>
        <translation>Die Nachricht hat kein DKIM-Signature-Feld.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signature %1</source>
        <translation>Signatur %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Likely cause</source>
        <translation>Wahrscheinliche Ursache</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key record name</source>
        <translation>Name des Schlüsseleintrags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CNAME chain</source>
        <translation>CNAME-Kette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key record</source>
        <translation>Schlüsseleintrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNSSEC</source>
        <translation>DNSSEC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetched</source>
        <translation>Abgerufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answered by</source>
        <translation>Beantwortet von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits%3</source>
        <translation>%1, %2 Bit%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (testing, t=y)</source>
        <translation> (Testmodus, t=y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash matches</source>
        <translation>Body-Hash stimmt überein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash claimed (bh=)</source>
        <translation>Angegebener Body-Hash (bh=)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash computed</source>
        <translation>Berechneter Body-Hash</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body bytes covered</source>
        <translation>Abgedeckte Body-Bytes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 (%3 not covered)</source>
        <translation>%1 von %2 (%3 nicht abgedeckt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signature verifies</source>
        <translation>Signatur gültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed header fields</source>
        <translation>Signierte Header-Felder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Oversigned (none may be added)</source>
        <translation>Übersigniert (keine dürfen hinzukommen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed but absent</source>
        <translation>Signiert, aber nicht vorhanden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsigned copies added</source>
        <translation>Hinzugefügte unsignierte Kopien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Canonicalized header block</source>
        <translation>Kanonisierter Header-Block</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+83"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Client IP</source>
        <translation>Client-IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAIL FROM</source>
        <translation>MAIL FROM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;lt;&amp;gt; (null sender)</source>
        <translation>&amp;lt;&amp;gt; (Null-Absender)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envelope</source>
        <translation>Envelope</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Explanation:</source>
        <translation>Erklärung:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Term</source>
        <translation>Term</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lookups</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 DNS-querying terms, %2 void lookups</source>
        <translation>%1 DNS-abfragende Terme, %2 Void-Lookups</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+47"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Author domain (From)</source>
        <translation>Autorendomain (From)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organizational domain</source>
        <translation>Organisationsdomain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy record at</source>
        <translation>Policy-Eintrag unter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (t=y: testing)</source>
        <translation> (t=y: Testmodus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>aligned</source>
        <translation>ausgerichtet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not aligned</source>
        <translation>nicht ausgerichtet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RFC 9989 steps</source>
        <translation>Schritte nach RFC 9989</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RFC 7489 (public suffix list) reads it differently</source>
        <translation>RFC 7489 (Public Suffix List) kommt zu einem anderen Ergebnis</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The receiver&apos;s verdict</source>
        <translation>Urteil des Empfängers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No trusted Authentication-Results in the message.</source>
        <translation>Keine vertrauenswürdigen Authentication-Results in der Nachricht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Our verdict (today&apos;s DNS) differs on: %1</source>
        <translation>Unser Urteil (mit heutigem DNS) weicht ab bei: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix:</source>
        <translation>Behebung:</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::CheckerPage</name>
    <message>
        <location filename="../app/desktop/checker/CheckerPage.cpp" line="+34"/>
        <source>Drop .eml files or an mbox anywhere on the window, use File → Open Message, or paste a raw message. Nothing checked here is stored.</source>
        <translation>Legen Sie .eml-Dateien oder ein mbox irgendwo im Fenster ab, verwenden Sie Datei → Nachricht öffnen oder fügen Sie eine Rohnachricht ein. Hier Geprüftes wird nicht gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste message</source>
        <translation>Nachricht einfügen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked messages</source>
        <translation>Geprüfte Nachrichten</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: no such file or folder</source>
        <translation>%1: Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 MB is too big for the checker; import it instead</source>
        <translation>%1: %2 MB sind zu groß für die Schnellprüfung; bitte stattdessen importieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: more than %2 messages; import it to see them all</source>
        <translation>%1: mehr als %2 Nachrichten; importieren Sie die Datei, um alle zu sehen</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Checked %n message(s)</source>
        <translation>
            <numerusform>%n Nachricht geprüft</numerusform>
            <numerusform>%n Nachrichten geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The clipboard holds no text to check.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pasted message</source>
        <translation>Eingefügte Nachricht</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DashboardPage</name>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="+26"/>
        <source>&lt;h2&gt;No mail analysed yet&lt;/h2&gt;&lt;p&gt;Open a message with &lt;b&gt;File → Open Message&lt;/b&gt;, or drop .eml files here.&lt;br&gt;Import a mailbox with &lt;b&gt;File → Import&lt;/b&gt; to see DKIM, SPF and DMARC per domain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Noch keine E-Mails analysiert&lt;/h2&gt;&lt;p&gt;Öffnen Sie eine Nachricht mit &lt;b&gt;Datei → Nachricht öffnen&lt;/b&gt; oder legen Sie .eml-Dateien hier ab.&lt;br&gt;Importieren Sie ein Postfach mit &lt;b&gt;Datei → Importieren&lt;/b&gt;, um DKIM, SPF und DMARC pro Domain zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by date</source>
        <translation>Nach Datum filtern</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From date</source>
        <translation>Von-Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Bis-Datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending domain</source>
        <translation>Absenderdomain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time resolution</source>
        <translation>Zeitauflösung</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Domain:</source>
        <translation>Domain:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>DKIM per sending domain</source>
        <translation>DKIM pro Absenderdomain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM per selector</source>
        <translation>DKIM pro Selektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF and DMARC per domain</source>
        <translation>SPF und DMARC pro Domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass rate over time</source>
        <translation>Pass-Rate im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce rate per sending domain</source>
        <translation>Bounce-Rate je Absenderdomain</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All domains</source>
        <translation>Alle Domains</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; messages · &lt;b&gt;%2&lt;/b&gt; domains · DKIM pass &lt;b&gt;%3%&lt;/b&gt; · DMARC pass &lt;b&gt;%4%&lt;/b&gt; · findings: &lt;b&gt;%5&lt;/b&gt; errors, &lt;b&gt;%6&lt;/b&gt; warnings, &lt;b&gt;%7&lt;/b&gt; info</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Nachrichten · &lt;b&gt;%2&lt;/b&gt; Domains · DKIM pass &lt;b&gt;%3 %&lt;/b&gt; · DMARC pass &lt;b&gt;%4 %&lt;/b&gt; · Befunde: &lt;b&gt;%5&lt;/b&gt; Fehler, &lt;b&gt;%6&lt;/b&gt; Warnungen, &lt;b&gt;%7&lt;/b&gt; Info</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · bounces &lt;b&gt;%1&lt;/b&gt;, domains over 5%: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation> · Bounces &lt;b&gt;%1&lt;/b&gt;, Domains über 5 %: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DkimSetupPage</name>
    <message>
        <location filename="../app/desktop/setup/DkimSetupPage.cpp" line="+54"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;br&gt;&lt;i&gt;Fix:&lt;/i&gt; %1</source>
        <translation>&lt;br&gt;&lt;i&gt;Behebung:&lt;/i&gt; %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>New Key…</source>
        <translation>Neuer Schlüssel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate a new DKIM key</source>
        <translation>Einen neuen DKIM-Schlüssel erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check Publication</source>
        <translation>Veröffentlichung prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the publication of the selected selector</source>
        <translation>Die Veröffentlichung des ausgewählten Selektors prüfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Enable DKIM signing with the selected selector</source>
        <translation>DKIM-Signierung mit dem ausgewählten Selektor aktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable…</source>
        <translation>Deaktivieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable DKIM signing with the selected selector</source>
        <translation>DKIM-Signierung mit dem ausgewählten Selektor deaktivieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire…</source>
        <translation>Stilllegen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retire the selected selector</source>
        <translation>Den ausgewählten Selektor stilllegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra DNS servers to ask</source>
        <translation>Zusätzlich abzufragende DNS-Server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also ask these DNS servers, e.g. 8.8.8.8, 1.1.1.1</source>
        <translation>Zusätzlich diese DNS-Server abfragen, z. B. 8.8.8.8, 1.1.1.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check asks the current DNS setting and each of these servers, to see whether the record has propagated.</source>
        <translation>Die Prüfung fragt die aktuelle DNS-Einstellung und jeden dieser Server ab, um zu sehen, ob sich der Eintrag verbreitet hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last outcome</source>
        <translation>Letztes Ergebnis</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DKIM setup list</source>
        <translation>DKIM-Einrichtungsliste</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Publication check result</source>
        <translation>Ergebnis der Veröffentlichungsprüfung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup review findings</source>
        <translation>Befunde des Einrichtungsabgleichs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DNS Settings</source>
        <translation>DNS-Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication Check</source>
        <translation>Veröffentlichungsprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+306"/>
        <source>Review</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>&lt;p&gt;Select a selector from the list and press &lt;b&gt;Check Publication&lt;/b&gt; once the customer has published the record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Selektor aus der Liste und klicken Sie auf &lt;b&gt;Veröffentlichung prüfen&lt;/b&gt;, sobald der Kunde den Eintrag veröffentlicht hat.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;Last check: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;Check Publication&lt;/b&gt; for the details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Letzte Prüfung: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Klicken Sie auf &lt;b&gt;Veröffentlichung prüfen&lt;/b&gt;, um die Details zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;%1 of %2 has not been checked yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 von %2 wurde noch nicht geprüft.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No database is open.</source>
        <translation>Keine Datenbank geöffnet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is already listed for %2 (%3); a new key needs a new selector.</source>
        <translation>%1 ist für %2 bereits aufgeführt (%3); ein neuer Schlüssel braucht einen neuen Selektor.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (the private key was written to %2)</source>
        <translation>%1 (der private Schlüssel wurde nach %2 geschrieben)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key generated for %1 of %2; the private key is in %3. Hand the DNS settings to the customer, then check the publication.</source>
        <translation>Schlüssel für %1 von %2 erzeugt; der private Schlüssel liegt in %3. Geben Sie die DNS-Einstellungen an den Kunden weiter und prüfen Sie dann die Veröffentlichung.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+117"/>
        <source>Select a selector from the setup list first.</source>
        <translation>Wählen Sie zuerst einen Selektor aus der Einrichtungsliste.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>A publication check is already running.</source>
        <translation>Es läuft bereits eine Veröffentlichungsprüfung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No DNS resolver is set up; choose one in the Settings menu.</source>
        <translation>Kein DNS-Resolver eingerichtet; wählen Sie einen im Menü Einstellungen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DNS server %1: %2</source>
        <translation>DNS-Server %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;p&gt;Checking %1 through %n resolver(s)…&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Prüfe %1 über %n Resolver…&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Prüfe %1 über %n Resolver…&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the publication of %1 of %2…</source>
        <translation>Prüfe die Veröffentlichung von %1 von %2…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;%1: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Private key fingerprint: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Fingerabdruck des privaten Schlüssels: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Per resolver&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Pro Resolver&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 (lookup %3)&lt;br&gt;%4</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 (Abfrage %3)&lt;br&gt;%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;Via CNAME: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Über CNAME: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Record: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Eintrag: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Published key fingerprint: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Fingerabdruck des veröffentlichten Schlüssels: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Proof by signature: a test message signed with the private key verified (%1).</source>
        <translation>&lt;br&gt;Nachweis per Signatur: Eine mit dem privaten Schlüssel signierte Testnachricht wurde verifiziert (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Proof by signature: the test message signed with the private key did not verify (%1).</source>
        <translation>&lt;br&gt;Nachweis per Signatur: Die mit dem privaten Schlüssel signierte Testnachricht wurde nicht verifiziert (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h4&gt;Findings on the record&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Befunde zum Eintrag&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;No DKIM keys are set up yet. Press &lt;b&gt;New Key…&lt;/b&gt; to generate the first one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch keine DKIM-Schlüssel eingerichtet. Klicken Sie auf &lt;b&gt;Neuer Schlüssel…&lt;/b&gt;, um den ersten zu erzeugen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Nothing to review: the setup list agrees with the imported mail.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Abweichungen: Die Einrichtungsliste stimmt mit den importierten E-Mails überein.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review (%1)</source>
        <translation>Abgleich (%1)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 is enabled: mail for %2 is signed with it.</source>
        <translation>%1 von %2 ist aktiviert: E-Mails für %2 werden damit signiert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 is disabled.</source>
        <translation>%1 von %2 ist deaktiviert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 is retired; its record can be removed once mail signed with it has been delivered.</source>
        <translation>%1 von %2 ist stillgelegt; sein Eintrag kann entfernt werden, sobald die damit signierten E-Mails zugestellt sind.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>New DKIM Key</source>
        <translation>Neuer DKIM-Schlüssel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disable DKIM Signing</source>
        <translation>DKIM-Signierung deaktivieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is signing with this selector switched off? (optional)</source>
        <translation>Warum wird das Signieren mit diesem Selektor abgeschaltet? (optional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Retire Selector</source>
        <translation>Selektor stilllegen</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Retire %1 of %2? A retired selector is never signed with again.</source>
        <translation>%1 von %2 stilllegen? Mit einem stillgelegten Selektor wird nie wieder signiert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retire Anyway</source>
        <translation>Trotzdem stilllegen</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DnsSettingsView</name>
    <message>
        <location filename="../app/desktop/setup/DnsSettingsView.cpp" line="+49"/>
        <source>Record name</source>
        <translation>Eintragsname</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TXT value, whole</source>
        <translation>TXT-Wert, vollständig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TXT value in 255-octet strings</source>
        <translation>TXT-Wert in Strings zu 255 Oktetten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone file line</source>
        <translation>Zeile für die Zonendatei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delegation target pattern</source>
        <translation>Muster für das Delegationsziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{selector}.{domain}.dkim.platform.example</source>
        <translation>{selector}.{domain}.dkim.platform.example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the platform serves delegated selectors; {selector} and {domain} are replaced.</source>
        <translation>Wo die Plattform delegierte Selektoren bereitstellt; {selector} und {domain} werden ersetzt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CNAME record for delegation</source>
        <translation>CNAME-Eintrag für die Delegation</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name (TXT):</source>
        <translation>Name (TXT):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the record name</source>
        <translation>Eintragsnamen kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value, whole:</source>
        <translation>Wert, vollständig:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the whole TXT value</source>
        <translation>Vollständigen TXT-Wert kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value in strings:</source>
        <translation>Wert in Strings:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the TXT value in 255-octet strings</source>
        <translation>TXT-Wert in Strings zu 255 Oktetten kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone file line:</source>
        <translation>Zeile für die Zonendatei:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the zone file line</source>
        <translation>Zeile für die Zonendatei kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CNAME variant:</source>
        <translation>CNAME-Variante:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the CNAME record</source>
        <translation>CNAME-Eintrag kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delegation target:</source>
        <translation>Delegationsziel:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Publish this TXT record at the customer&apos;s DNS provider, or delegate the selector with the CNAME record.</source>
        <translation>Veröffentlichen Sie diesen TXT-Eintrag beim DNS-Anbieter des Kunden oder delegieren Sie den Selektor mit dem CNAME-Eintrag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a selector or generate a new key to see its DNS settings.</source>
        <translation>Wählen Sie einen Selektor oder erzeugen Sie einen neuen Schlüssel, um seine DNS-Einstellungen zu sehen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the delegation target pattern above</source>
        <translation>Geben Sie oben das Muster für das Delegationsziel ein</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::FindingsModel</name>
    <message>
        <location filename="../app/desktop/findings/FindingsModel.cpp" line="+34"/>
        <location line="+120"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+118"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+116"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>(other)</source>
        <translation>(sonstige)</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1 (%n Befund)</numerusform>
            <numerusform>%1 (%n Befunde)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (dismissed)</source>
        <translation>%1 (verworfen)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1

Fix: %2</source>
        <translation>%1

Behebung: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Domain / record</source>
        <translation>Domain / Eintrag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seen</source>
        <translation>Gesehen</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::FindingsPage</name>
    <message>
        <location filename="../app/desktop/findings/FindingsPage.cpp" line="+35"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding details</source>
        <translation>Befunddetails</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy corrected record</source>
        <translation>Korrigierten Eintrag kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open example message</source>
        <translation>Beispielnachricht öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show dismissed</source>
        <translation>Verworfene anzeigen</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;p&gt;Select a finding to see the explanation and the fix.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Wählen Sie einen Befund, um die Erklärung und die Behebung zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Fix:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Behebung:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Corrected record:&lt;/b&gt;&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Korrigierter Eintrag:&lt;/b&gt;&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Rule:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Regel:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Seen %1 time(s), last %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1-mal gesehen, zuletzt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Dismissed:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Verworfen:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss finding</source>
        <translation>Befund verwerfen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why can this finding be ignored?</source>
        <translation>Warum kann dieser Befund ignoriert werden?</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountDialog</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountDialog.cpp" line="+38"/>
        <source>IMAP Account</source>
        <translation>IMAP-Konto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Implicit TLS (port 993)</source>
        <translation>Implizites TLS (Port 993)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (Port 143)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password (AUTHENTICATE PLAIN)</source>
        <translation>Passwort (AUTHENTICATE PLAIN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password (LOGIN)</source>
        <translation>Passwort (LOGIN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 access token (XOAUTH2)</source>
        <translation>OAuth-2.0-Zugriffstoken (XOAUTH2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remember in the system keychain</source>
        <translation>Im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without it, or where there is no keychain, Authlens asks for the password each time it connects. The password is never written to Authlens&apos; settings or database.</source>
        <translation>Ohne diese Option, oder wo es keinen Schlüsselbund gibt, fragt Authlens bei jeder Verbindung nach dem Passwort. Das Passwort wird nie in die Einstellungen oder die Datenbank von Authlens geschrieben.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Fetch Folders from Server</source>
        <translation>Ordner vom Server abr&amp;ufen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While Authlens runs, check the folders for new mail this often and import it.</source>
        <translation>Solange Authlens läuft, die Ordner in diesem Abstand auf neue Nachrichten prüfen und diese importieren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forget Trusted Certificate</source>
        <translation>Vertrautes Zertifikat vergessen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Trust This Certificate for This Account</source>
        <translation>Diesem Zertifikat für dieses Konto &amp;vertrauen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encryption:</source>
        <translation>V&amp;erschlüsselung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;method:</source>
        <translation>Anmelde&amp;verfahren:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check e&amp;very:</source>
        <translation>Prüfen &amp;alle:</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation type="vanished">Prüfen &amp;alle:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate:</source>
        <translation>Zertifikat:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folders to import (checked):</source>
        <translation>Zu importierende Ordner (angehakt):</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Enter the access token to list the folders.</source>
        <translation>Geben Sie das Zugriffstoken ein, um die Ordner aufzulisten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password to list the folders.</source>
        <translation>Geben Sie das Passwort ein, um die Ordner aufzulisten.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 …</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n folder(s) found. Check the ones to import.</source>
        <translation>
            <numerusform>%n Ordner gefunden. Haken Sie die zu importierenden an.</numerusform>
            <numerusform>%n Ordner gefunden. Haken Sie die zu importierenden an.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection used the certificate you trusted.</source>
        <translation>Die Verbindung hat das Zertifikat verwendet, dem Sie vertrauen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server&apos;s certificate could not be verified, so nothing was sent to it. Check the certificate below (compare the fingerprint with the one your mail administrator gives you) and trust it only if it is the server&apos;s.</source>
        <translation>Das Zertifikat des Servers ließ sich nicht prüfen, daher wurde nichts an ihn gesendet. Prüfen Sie das Zertifikat unten (vergleichen Sie den Fingerabdruck mit dem, den Ihnen die Mail-Administration nennt) und vertrauen Sie ihm nur, wenn es das des Servers ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This certificate is now trusted for this account only. Fetch the folders again to connect with it.</source>
        <translation>Diesem Zertifikat wird jetzt nur für dieses Konto vertraut. Rufen Sie die Ordner erneut ab, um sich damit zu verbinden.</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="vanished">Zugriffs&amp;token:</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Zugriffstoken:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not in the server&apos;s last list.</source>
        <translation>Nicht in der letzten Liste des Servers.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Verified against the system&apos;s certificate authorities.</source>
        <translation>Geprüft gegen die Zertifizierungsstellen des Systems.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trusted for this account: SHA-256 %1</source>
        <translation>Für dieses Konto vertraut: SHA-256 %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountMonitor</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountMonitor.cpp" line="+98"/>
        <source>no password given; monitoring of this account paused</source>
        <translation>kein Passwort angegeben; Überwachung dieses Kontos angehalten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>While monitoring runs, Authlens keeps it in memory (never on disk) until monitoring stops.</source>
        <translation>Während der Überwachung behält Authlens es im Arbeitsspeicher (nie auf der Festplatte), bis die Überwachung endet.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>checking now</source>
        <translation>wird gerade geprüft</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>checked %1, %n new</source>
        <translation>
            <numerusform>geprüft %1, %n neue</numerusform>
            <numerusform>geprüft %1, %n neue</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next %1</source>
        <translation>nächste %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IMAP monitor: %1</source>
        <translation>IMAP-Überwachung: %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountsController</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountsController.cpp" line="+55"/>
        <source>The password was not remembered: %1 Authlens will ask for it each time it connects to %2.</source>
        <translation>Das Passwort wurde nicht gespeichert: %1 Authlens fragt bei jeder Verbindung zu %2 danach.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>An import is already running; %1 is imported after it.</source>
        <translation>Es läuft bereits ein Import; %1 wird danach importiert.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>System Keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountsDialog</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountsDialog.cpp" line="+23"/>
        <source>IMAP Accounts</source>
        <translation>IMAP-Konten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Now</source>
        <translation>Jetzt &amp;importieren</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Remove Account</source>
        <translation>Konto entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 and its password in the system keychain? Messages already imported stay in the database.</source>
        <translation>%1 und sein Passwort im Schlüsselbund des Systems entfernen? Bereits importierte Nachrichten bleiben in der Datenbank.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>checked every %n minute(s)</source>
        <translation>
            <numerusform>jede Minute geprüft</numerusform>
            <numerusform>alle %n Minuten geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not monitored</source>
        <translation>nicht überwacht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Stop Monitoring</source>
        <translation>Überwachung &amp;beenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start Monitoring</source>
        <translation>Überwachung &amp;starten</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapSecretSource</name>
    <message>
        <location filename="../app/desktop/import/ImapSecretSource.cpp" line="+21"/>
        <source>Authlens does not keep this account&apos;s password (&quot;Remember in the system keychain&quot; is off).</source>
        <translation>Authlens bewahrt das Passwort dieses Kontos nicht auf („Im Schlüsselbund des Systems speichern“ ist aus).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Authlens asks for the password each time it connects instead.</source>
        <translation>Authlens fragt stattdessen bei jeder Verbindung nach dem Passwort.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IMAP Sign-in</source>
        <translation>IMAP-Anmeldung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access token for %1:</source>
        <translation>Zugriffstoken für %1:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImportController</name>
    <message>
        <location filename="../app/desktop/import/ImportController.cpp" line="+77"/>
        <source>Importing %1: %2 messages, %3 new, %4/s</source>
        <translation>Importiere %1: %2 Nachrichten, %3 neu, %4/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 errors</source>
        <translation>, %1 Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, about %1 s left</source>
        <translation>, noch etwa %1 s</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 messages read, %3 new, %4 already stored, %5 errors, in %6 s</source>
        <translation>%1: %2 Nachrichten gelesen, %3 neu, %4 bereits gespeichert, %5 Fehler, in %6 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImportProgressDialog</name>
    <message>
        <location filename="../app/desktop/import/ImportProgressDialog.cpp" line="+32"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages:</source>
        <translation>Nachrichten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read:</source>
        <translation>Gelesen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>Verbleibend:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+161"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+161"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="-161"/>
        <location line="+161"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy List</source>
        <translation>Liste kopieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling: what was read is still stored; the next import continues here.</source>
        <translation>Wird abgebrochen: Bereits Gelesenes wird noch gespeichert; der nächste Import setzt hier fort.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import: %1</source>
        <translation>Import: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting…</source>
        <translation>startet …</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>not known yet</source>
        <translation>noch nicht bekannt</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 (source %2 of %3)</source>
        <translation>%1 (Quelle %2 von %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <source>%1 read, %2 new, %3 already stored, %4 errors</source>
        <translation>%1 gelesen, %2 neu, %3 schon gespeichert, %4 Fehler</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 messages/s, %2 MB/s</source>
        <translation>%1 Nachrichten/s, %2 MB/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1</source>
        <translation>etwa %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not known (the size of an IMAP folder is not known in advance)</source>
        <translation>unbekannt (die Größe eines IMAP-Ordners ist vorab nicht bekannt)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>done in %1</source>
        <translation>fertig in %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The import log has no entries for this import.</source>
        <translation>Das Importprotokoll hat keine Einträge zu diesem Import.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first %1 of %2 import-log entries are listed.</source>
        <translation>Die ersten %1 von %2 Einträgen des Importprotokolls sind aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n import-log entries (errors, warnings and notes):</source>
        <translation>
            <numerusform>%n Eintrag im Importprotokoll (Fehler, Warnungen und Hinweise):</numerusform>
            <numerusform>%n Einträge im Importprotokoll (Fehler, Warnungen und Hinweise):</numerusform>
        </translation>
    </message>
    <message>
        <location line="+33"/>
        <source>UID %1</source>
        <translation>UID %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offset %1</source>
        <translation>Offset %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::KeychainSecrets</name>
    <message>
        <location filename="../app/desktop/import/KeychainSecrets.cpp" line="+23"/>
        <source>The system keychain has no password for this account.</source>
        <translation>Der Schlüsselbund des Systems hat kein Passwort für dieses Konto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No system keychain is available (%1).</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system keychain refused: %1</source>
        <translation>Der Schlüsselbund des Systems hat abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The system keychain did not answer within %1 s.</source>
        <translation>Der Schlüsselbund des Systems hat nicht innerhalb von %1 s geantwortet.</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::MainWindow</name>
    <message>
        <location filename="../app/desktop/MainWindow.cpp" line="+51"/>
        <source>Authlens</source>
        <translation>Authlens</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checker</source>
        <translation>Schnellprüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM Setup</source>
        <translation>DKIM-Einrichtung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Message…</source>
        <translation>Nachricht ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import Files or Mailbox…</source>
        <translation>Dateien oder Postfach &amp;importieren…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DNS from a &amp;Records File…</source>
        <translation>DNS aus einer &amp;Eintragsdatei…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS from the &amp;System Resolver</source>
        <translation>DNS über den System-&amp;Resolver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">&amp;Sprache</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of Authlens.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start von Authlens verwendet.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>First start: importing the bundled sample mailbox…</source>
        <translation>Erster Start: Das mitgelieferte Beispielpostfach wird importiert…</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Re-verifying: %1 of %2 messages</source>
        <translation>Erneute Verifizierung: %1 von %2 Nachrichten</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+271"/>
        <source>Settings: %1</source>
        <translation>Einstellungen: %1</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Import IMAP &amp;Account…</source>
        <translation>IMAP-&amp;Konto importieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Manage IMAP Accounts…</source>
        <translation>IMAP-Konten ver&amp;walten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop IMAP Monitoring</source>
        <translation>IMAP-Überwachung &amp;anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show Last Import &amp;Log</source>
        <translation>&amp;Protokoll des letzten Imports zeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-&amp;verify All Messages</source>
        <translation>Alle Nachrichten erneut &amp;verifizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Find Messages</source>
        <translation>Nachrichten &amp;suchen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Open Message</source>
        <translation>Nachricht öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Messages (*.eml *.msg *.txt *.mbox);;All files (*)</source>
        <translation>Nachrichten (*.eml *.msg *.txt *.mbox);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+128"/>
        <source>Open a database first.</source>
        <translation>Öffnen Sie zuerst eine Datenbank.</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>authlens-report.pdf</source>
        <translation>authlens-bericht.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Report written to %1 (%n page(s)).</source>
        <translation>
            <numerusform>Bericht nach %1 geschrieben (%n Seite).</numerusform>
            <numerusform>Bericht nach %1 geschrieben (%n Seiten).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import Folder or Maildir</source>
        <translation>Ordner oder Maildir importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Files or Mailbox</source>
        <translation>Dateien oder Postfach importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>E-Mail (*.eml *.mbox *.mbx);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An import is already running.</source>
        <translation>Es läuft bereits ein Import.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n Quelle</numerusform>
            <numerusform>%n Quellen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open or Create Database</source>
        <translation>Datenbank öffnen oder anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authlens database (*.sqlite);;All files (*)</source>
        <translation>Authlens-Datenbank (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DNS Records File</source>
        <translation>DNS-Eintragsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>Zonendateien (*.zone *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Records file</source>
        <translation>Eintragsdatei</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-verify</source>
        <translation>Erneut verifizieren</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The new settings can change verdicts. Re-verify the %n stored message(s) now?</source>
        <translation>
            <numerusform>Die neuen Einstellungen können Ergebnisse ändern. Die %n gespeicherte Nachricht jetzt erneut verifizieren?</numerusform>
            <numerusform>Die neuen Einstellungen können Ergebnisse ändern. Die %n gespeicherten Nachrichten jetzt erneut verifizieren?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait until the running import or re-verification has finished.</source>
        <translation>Warten Sie, bis der laufende Import oder die erneute Verifizierung beendet ist.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re-verifying every stored message with the current settings…</source>
        <translation>Alle gespeicherten Nachrichten werden mit den aktuellen Einstellungen erneut verifiziert…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no database</source>
        <translation>keine Datenbank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · DNS: %2</source>
        <translation>%1 · DNS: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Dropped text</source>
        <translation>Abgelegter Text</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;Folder or Maildir…</source>
        <translation>&amp;Ordner oder Maildir importieren…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Database…</source>
        <translation>&amp;Datenbank öffnen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent Databases</source>
        <translation>&amp;Zuletzt verwendete Datenbanken</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Authlens</source>
        <translation>Ü&amp;ber Authlens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Authlens</source>
        <translation>Über Authlens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM, SPF and DMARC analysis for email deliverability analysts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or (at your option) any later version (%2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM-, SPF- und DMARC-Analyse für E-Mail-Zustellbarkeitsanalysten.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder (nach Ihrer Wahl) jeder späteren Version (%2).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::MessageTableModel</name>
    <message>
        <location filename="../app/desktop/messages/MessageTableModel.cpp" line="+160"/>
        <source>%1/%2 %3</source>
        <translation>%1/%2 %3</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>(no date)</source>
        <translation>(kein Datum)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <location line="+64"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (worst: %2)</source>
        <translation>%1 (schwerster: %2)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>DKIM: %1</source>
        <translation>DKIM: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d=%1 s=%2: %3</source>
        <translation>d=%1 s=%2: %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DKIM</source>
        <translation>DKIM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF</source>
        <translation>SPF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC</source>
        <translation>DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::MessagesPage</name>
    <message>
        <location filename="../app/desktop/messages/MessagesPage.cpp" line="+28"/>
        <source>Filter by From or subject</source>
        <translation>Nach Absender oder Betreff filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message filter</source>
        <translation>Nachrichtenfilter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation>Alle anzeigen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all messages</source>
        <translation>Alle Nachrichten anzeigen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message columns</source>
        <translation>Nachrichtenspalten</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Reset Columns</source>
        <translation>Spalten zurücksetzen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>bounces of mail from %1</source>
        <translation>Bounces der Mails von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>selector %1</source>
        <translation>Selektor %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DKIM %1</source>
        <translation>DKIM %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SPF %1</source>
        <translation>SPF %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC %1</source>
        <translation>DMARC %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from %1</source>
        <translation>ab %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before %1</source>
        <translation>vor %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Nachricht</numerusform>
            <numerusform>%n Nachrichten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>authlens::desktop::NewKeyDialog</name>
    <message>
        <location filename="../app/desktop/setup/NewKeyDialog.cpp" line="+32"/>
        <source>New DKIM Key</source>
        <translation>Neuer DKIM-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing domain</source>
        <translation>Signierende Domain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s2026</source>
        <translation>s2026</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key type</source>
        <translation>Schlüsseltyp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 2048 bits (recommended)</source>
        <translation>RSA 2048 Bit (empfohlen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 3072 bits</source>
        <translation>RSA 3072 Bit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 4096 bits (long record: split into strings)</source>
        <translation>RSA 4096 Bit (langer Eintrag: wird in Strings aufgeteilt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed25519 (RFC 8463)</source>
        <translation>Ed25519 (RFC 8463)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many receivers cannot verify Ed25519 signatures yet. Publish an RSA key beside it under a second selector and sign every message with both.</source>
        <translation>Viele Empfänger können Ed25519-Signaturen noch nicht verifizieren. Veröffentlichen Sie daneben einen RSA-Schlüssel unter einem zweiten Selektor und signieren Sie jede Nachricht mit beiden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also generate an RSA 2048 key with selector:</source>
        <translation>Zusätzlich einen RSA-2048-Schlüssel erzeugen mit Selektor:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selector of the RSA key beside the Ed25519 key</source>
        <translation>Selektor des RSA-Schlüssels neben dem Ed25519-Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the private key</source>
        <translation>Ordner für den privaten Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder for the private key</source>
        <translation>Ordner für den privaten Schlüssel auswählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The private key is written there as a PEM file readable only by you; the database keeps only the public key, its fingerprint and the file&apos;s path.</source>
        <translation>Der private Schlüssel wird dort als PEM-Datei abgelegt, die nur Sie lesen können; die Datenbank speichert nur den öffentlichen Schlüssel, seinen Fingerabdruck und den Pfad der Datei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Selector:</source>
        <translation>&amp;Selektor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private key &amp;folder:</source>
        <translation>&amp;Ordner für den privaten Schlüssel:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the Private Key</source>
        <translation>Ordner für den privaten Schlüssel</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter the customer&apos;s signing domain.</source>
        <translation>Geben Sie die signierende Domain des Kunden ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain: %1</source>
        <translation>Domain: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a selector.</source>
        <translation>Geben Sie einen Selektor ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selector %1: %2</source>
        <translation>Selektor %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA key needs a selector of its own.</source>
        <translation>Der RSA-Schlüssel braucht einen eigenen Selektor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an existing folder for the private key.</source>
        <translation>Wählen Sie einen vorhandenen Ordner für den privaten Schlüssel.</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ReverifyController</name>
    <message>
        <location filename="../app/desktop/settings/ReverifyController.cpp" line="+41"/>
        <source>re-verification after a settings change</source>
        <translation>erneute Verifizierung nach geänderten Einstellungen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-verification failed: %1</source>
        <translation>Erneute Verifizierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-verified %1 of %2 messages in %3 s: %4 changed.</source>
        <translation>%1 von %2 Nachrichten in %3 s erneut verifiziert: %4 geändert.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n could not be read again.</source>
        <translation>
            <numerusform>%n konnte nicht erneut gelesen werden.</numerusform>
            <numerusform>%n konnten nicht erneut gelesen werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ServerCertificateProbe</name>
    <message>
        <location filename="../app/desktop/import/ServerCertificateProbe.cpp" line="+20"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The server sent an over-long line before TLS.</source>
        <translation>Der Server hat vor TLS eine überlange Zeile gesendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server&apos;s greeting is not an IMAP greeting.</source>
        <translation>Die Begrüßung des Servers ist keine IMAP-Begrüßung.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused STARTTLS: %1</source>
        <translation>Der Server hat STARTTLS abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The server sent no certificate.</source>
        <translation>Der Server hat kein Zertifikat gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No certificate.</source>
        <translation>Kein Zertifikat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject: %1
Alternative names: %2
Issuer: %3
Valid from %4 to %5
SHA-256 fingerprint: %6</source>
        <translation>Inhaber: %1
Alternative Namen: %2
Aussteller: %3
Gültig von %4 bis %5
SHA-256-Fingerabdruck: %6</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::SettingsDialog</name>
    <message>
        <location filename="../app/desktop/settings/SettingsDialog.cpp" line="+43"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;DNS</source>
        <translation>&amp;DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy</source>
        <translation>&amp;Richtlinie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receivers</source>
        <translation>&amp;Empfänger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The &amp;system&apos;s resolver</source>
        <translation>&amp;Resolver des Systems</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recursive from the root, validating DNSSEC</source>
        <translation>Re&amp;kursiv ab der Wurzel, mit DNSSEC-Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This server:</source>
        <translation>&amp;Dieser Server:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Offline, from a records file:</source>
        <translation>&amp;Offline, aus einer Eintragsdatei:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>192.0.2.53 or 192.0.2.53:5353</source>
        <translation>192.0.2.53 oder 192.0.2.53:5353</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS server address</source>
        <translation>Adresse des DNS-Servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Validate DNSSEC</source>
        <translation>DNSSEC &amp;prüfen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records file</source>
        <translation>Eintragsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the records file</source>
        <translation>Eintragsdatei wählen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+70"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>DNS timeout in seconds</source>
        <translation>DNS-Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Timeout per query:</source>
        <translation>&amp;Zeitlimit pro Anfrage:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The checker, the trace, imports and re-verification all use this source. A records file answers offline: names it does not hold do not exist.</source>
        <translation>Schnellprüfung, Trace, Importe und erneute Verifizierung verwenden alle diese Quelle. Eine Eintragsdatei antwortet offline: Namen, die sie nicht enthält, gibt es nicht.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> bits</source>
        <translation> Bit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimum RSA key size</source>
        <translation>Minimale RSA-Schlüssellänge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller RSA keys give the result policy. RFC 8301 requires at least 1024.</source>
        <translation>Kleinere RSA-Schlüssel ergeben das Ergebnis policy. RFC 8301 verlangt mindestens 1024.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refuse (policy, as RFC 8301 requires)</source>
        <translation>Ablehnen (policy, wie RFC 8301 verlangt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept like rsa-sha256</source>
        <translation>Wie rsa-sha256 akzeptieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsa-sha1 signatures</source>
        <translation>rsa-sha1-Signaturen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Allowed clock skew in seconds</source>
        <translation>Erlaubte Uhrenabweichung in Sekunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed for an expiry (x=) just past and a signing time (t=) in the future.</source>
        <translation>Gilt für ein gerade überschrittenes Ablaufdatum (x=) und eine Signaturzeit (t=) in der Zukunft.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures evaluated per message</source>
        <translation>Ausgewertete Signaturen pro Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures past this many are reported as neutral, not evaluated.</source>
        <translation>Weitere Signaturen werden als neutral gemeldet und nicht ausgewertet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Minimum RSA key size:</source>
        <translation>&amp;Minimale RSA-Schlüssellänge:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsa-&amp;sha1 signatures:</source>
        <translation>rsa-&amp;sha1-Signaturen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;clock skew:</source>
        <translation>Erlaubte &amp;Uhrenabweichung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gnatures evaluated per message:</source>
        <translation>Aus&amp;gewertete Signaturen pro Nachricht:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trusted &amp;authserv-ids, one per line. The Authentication-Results fields of these receivers are compared with Authlens&apos;s own verdicts; with none, the topmost Authentication-Results field is read.</source>
        <translation>Vertrauenswürdige &amp;authserv-ids, eine pro Zeile. Die Authentication-Results-Felder dieser Empfänger werden mit den Ergebnissen von Authlens verglichen; ohne Eintrag wird das oberste Authentication-Results-Feld gelesen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trusted authserv-ids</source>
        <translation>Vertrauenswürdige authserv-ids</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mx.example.com</source>
        <translation>mx.example.com</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new language is used from the next start of Authlens.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start von Authlens verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>DNS Records File</source>
        <translation>DNS-Eintragsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>Zonendateien (*.zone *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter the DNS server&apos;s address, or choose another DNS source.</source>
        <translation>Geben Sie die Adresse des DNS-Servers ein oder wählen Sie eine andere DNS-Quelle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The records file %1 does not exist.</source>
        <translation>Die Eintragsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authserv-id &quot;%1&quot; is not a single name (one per line).</source>
        <translation>Die authserv-id „%1“ ist kein einzelner Name (eine pro Zeile).</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::SetupTableModel</name>
    <message>
        <location filename="../app/desktop/setup/SetupTableModel.cpp" line="+103"/>
        <source>generated</source>
        <translation>erzeugt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for DNS</source>
        <translation>wartet auf DNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>published, different</source>
        <translation>veröffentlicht, abweichend</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+19"/>
        <source>published, matching</source>
        <translation>veröffentlicht, übereinstimmend</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retired</source>
        <translation>stillgelegt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not published</source>
        <translation>nicht veröffentlicht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lookup failed</source>
        <translation>Abfrage fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This selector signs imported mail but is not in the setup list.</source>
        <translation>Dieser Selektor signiert importierte E-Mails, steht aber nicht in der Einrichtungsliste.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not in the setup list</source>
        <translation>nicht in der Einrichtungsliste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ed25519</source>
        <translation>Ed25519</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RSA %1</source>
        <translation>RSA %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not seen</source>
        <translation>nicht gesehen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n signature(s), %1 pass</source>
        <translation>
            <numerusform>%n Signatur, %1 pass</numerusform>
            <numerusform>%n Signaturen, %1 pass</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint</source>
        <translation>Fingerabdruck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check</source>
        <translation>Letzte Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seen signing</source>
        <translation>Beim Signieren gesehen</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::TracePage</name>
    <message>
        <location filename="../app/desktop/trace/TracePage.cpp" line="+26"/>
        <source>Open a message from the list or the checker to see its trace.</source>
        <translation>Öffnen Sie eine Nachricht aus der Liste oder der Schnellprüfung, um ihren Trace zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-verify now</source>
        <translation>Jetzt erneut verifizieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify as of the message&apos;s date</source>
        <translation>Zum Datum der Nachricht verifizieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message trace</source>
        <translation>Nachrichten-Trace</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Raw source</source>
        <translation>Quelltext</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Message %1: its raw bytes are not in the database (only a reference was kept).</source>
        <translation>Nachricht %1: Ihre Rohdaten sind nicht in der Datenbank (nur ein Verweis wurde gespeichert).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stored verdict (run %1): DKIM %2, SPF %3, DMARC %4</source>
        <translation>Gespeichertes Urteil (Lauf %1): DKIM %2, SPF %3, DMARC %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not in the database (checked from a file or pasted).</source>
        <translation>Nicht in der Datenbank (aus einer Datei geprüft oder eingefügt).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>as of %1</source>
        <translation>zum Stand %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified %1 with %2</source>
        <translation>Verifiziert %1 mit %2</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::VerdictCard</name>
    <message numerus="yes">
        <location filename="../app/desktop/checker/VerdictCard.cpp" line="+51"/>
        <source>From %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n finding(s)</source>
        <translation>
            <numerusform>Von %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n Befund</numerusform>
            <numerusform>Von %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the trace of %1</source>
        <translation>Trace von %1 öffnen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DKIM, SPF and DMARC analysis</source>
        <translation type="vanished">DKIM-, SPF- und DMARC-Analyse</translation>
    </message>
    <message>
        <source>Render the main window into a PNG file and exit.</source>
        <translation type="vanished">Das Hauptfenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation type="vanished">Datei</translation>
    </message>
    <message>
        <source>Open this database instead of the one in the data folder.</source>
        <translation type="vanished">Diese Datenbank statt der im Datenordner öffnen.</translation>
    </message>
    <message>
        <source>Start on this page (0 = dashboard).</source>
        <translation type="vanished">Auf dieser Seite starten (0 = Dashboard).</translation>
    </message>
    <message>
        <source>index</source>
        <translation type="vanished">Index</translation>
    </message>
    <message>
        <source>Open the trace of this message file.</source>
        <translation type="vanished">Den Trace dieser Nachrichtendatei öffnen.</translation>
    </message>
    <message>
        <source>Messages to show in the checker.</source>
        <translation type="vanished">In der Schnellprüfung anzuzeigende Nachrichten.</translation>
    </message>
</context>
</TS>
