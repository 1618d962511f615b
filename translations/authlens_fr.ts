<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>DashboardCharts</name>
    <message>
        <location filename="../app/desktop/charts/DashboardCharts.cpp" line="+18"/>
        <source>messages</source>
        <translation>messages</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>DKIM per sending domain</source>
        <translation>DKIM par domaine d’envoi</translation>
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
        <translation>SPF et DMARC par domaine</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DKIM per selector of %1</source>
        <translation>DKIM par sélecteur de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bounce rate per sending domain</source>
        <translation>Taux de rebond par domaine d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% bounced</source>
        <translation>% de rebonds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within 5%</source>
        <translation>jusqu&apos;à 5&#xa0;%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>over 5%</source>
        <translation>plus de 5&#xa0;%</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pass rate over time</source>
        <translation>Évolution du taux de pass</translation>
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
        <translation>Saisissez le nom d’hôte du serveur IMAP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The host name &quot;%1&quot; has spaces, &apos;/&apos; or &apos;@&apos; in it; enter only the server&apos;s name or address.</source>
        <translation>Le nom d’hôte « %1 » contient des espaces, « / » ou « @ » ; saisissez seulement le nom ou l’adresse du serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port must be a number from 1 to 65535.</source>
        <translation>Le port doit être un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user name for the account.</source>
        <translation>Saisissez le nom d’utilisateur du compte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose at least one folder to import (fetch the list from the server, or keep INBOX).</source>
        <translation>Choisissez au moins un dossier à importer (récupérez la liste du serveur ou gardez INBOX).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder name is empty.</source>
        <translation>Un nom de dossier est vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The monitor interval must be off or from 1 to 1440 minutes.</source>
        <translation>L’intervalle de surveillance doit être désactivé ou compris entre 1 et 1440 minutes.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../app/desktop/report/ReportWriter.cpp" line="+53"/>
        <source>%1 (rate unknown)</source>
        <translation>%1 (taux inconnu)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2%)</source>
        <translation>%1 (%2&#xa0;%)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Page %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Authlens report</source>
        <translation>Rapport Authlens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+37"/>
        <source>%1: cannot write the PDF file</source>
        <translation>%1&#xa0;: impossible d’écrire le fichier PDF</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1 — generated %2</source>
        <translation>%1 — généré le %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Generated %1 by Authlens</source>
        <translation>Généré le %1 par Authlens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending domains: all</source>
        <translation>Domaines d’envoi&#xa0;: tous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending domain: %1</source>
        <translation>Domaine d’envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates: all</source>
        <translation>Période&#xa0;: toutes les dates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>start</source>
        <translation>début</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>today</source>
        <translation>aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates: %1 to %2 (Date header, UTC)</source>
        <translation>Période&#xa0;: %1 – %2 (en-tête Date, UTC)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>Base de données&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sources recorded.</source>
        <translation>Aucune source enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2), added %3</source>
        <translation>%1 (%2), ajoutée le %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Headline figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Sending domains</source>
        <translation>Domaines d’envoi</translation>
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
        <translation>%1&#xa0;% des %2 messages ayant un résultat DMARC</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+83"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>%1 errors, %2 warnings, %3 info</source>
        <translation>%1 erreurs, %2 avertissements, %3 info</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+32"/>
        <source>Bounces</source>
        <translation>Rebonds</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>%1, domains over 5%: %2</source>
        <translation>%1, domaines au-delà de 5&#xa0;%&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Per sending domain</source>
        <translation>Par domaine d’envoi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain</source>
        <translation>Domaine</translation>
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
        <translation>Par sélecteur DKIM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From domain</source>
        <translation>Domaine From</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signing domain (d=)</source>
        <translation>Domaine signataire (d=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures</source>
        <translation>Signatures</translation>
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
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pass rate</source>
        <translation>Taux de pass</translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>seen %n time(s)</source>
        <translation>
            <numerusform>vu %n fois</numerusform>
            <numerusform>vu %n fois</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix:</source>
        <translation>Correctif&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Corrected record:</source>
        <translation>Enregistrement corrigé&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No open findings.</source>
        <translation>Aucun constat ouvert.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>DKIM %1 (d=%2 s=%3): %4</source>
        <translation>DKIM %1 (d=%2 s=%3)&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SPF %1: %2</source>
        <translation>SPF %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DMARC %1 (%2): %3</source>
        <translation>DMARC %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Appendix: failing messages</source>
        <translation>Annexe&#xa0;: messages en échec</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages whose DKIM, SPF or DMARC result is not pass or none, newest first, with the reasons from the newest verification run.</source>
        <translation>Messages dont le résultat DKIM, SPF ou DMARC n’est ni pass ni none, du plus récent au plus ancien, avec les motifs de la vérification la plus récente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No failing messages in scope.</source>
        <translation>Aucun message en échec dans le périmètre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the newest %1 failing messages are listed.</source>
        <translation>Seuls les %1 messages en échec les plus récents sont listés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From and subject</source>
        <translation>Expéditeur et objet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DKIM / SPF / DMARC</source>
        <translation>DKIM / SPF / DMARC</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reasons</source>
        <translation>Motifs</translation>
    </message>
</context>
<context>
    <name>TraceHtml</name>
    <message>
        <location filename="../app/desktop/trace/TraceHtml.cpp" line="+42"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not reached</source>
        <translation>non atteint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
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
        <translation>Le message ne contient aucun champ DKIM-Signature.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signature %1</source>
        <translation>Signature %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Likely cause</source>
        <translation>Cause probable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Balises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key record name</source>
        <translation>Nom de l’enregistrement de clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lookup</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CNAME chain</source>
        <translation>Chaîne CNAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key record</source>
        <translation>Enregistrement de clé</translation>
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
        <translation>Récupéré le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answered by</source>
        <translation>Réponse de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits%3</source>
        <translation>%1, %2 bits%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (testing, t=y)</source>
        <translation> (mode test, t=y)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash matches</source>
        <translation>Empreinte du corps conforme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash claimed (bh=)</source>
        <translation>Empreinte du corps annoncée (bh=)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body hash computed</source>
        <translation>Empreinte du corps calculée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body bytes covered</source>
        <translation>Octets du corps couverts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 (%3 not covered)</source>
        <translation>%1 sur %2 (%3 non couverts)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signature verifies</source>
        <translation>Signature valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed header fields</source>
        <translation>Champs d’en-tête signés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Oversigned (none may be added)</source>
        <translation>Sur-signés (aucun ajout possible)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed but absent</source>
        <translation>Signés mais absents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsigned copies added</source>
        <translation>Copies non signées ajoutées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Canonicalized header block</source>
        <translation>Bloc d’en-têtes canonicalisé</translation>
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
        <translation>IP du client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>inconnue</translation>
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
        <translation>&amp;lt;&amp;gt; (expéditeur nul)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Envelope</source>
        <translation>Enveloppe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Explanation:</source>
        <translation>Explication&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Term</source>
        <translation>Terme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lookups</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 DNS-querying terms, %2 void lookups</source>
        <translation>%1 termes interrogeant le DNS, %2 requêtes vides (void lookups)</translation>
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
        <translation>Domaine de l’auteur (From)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organizational domain</source>
        <translation>Domaine organisationnel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy record at</source>
        <translation>Enregistrement de politique à</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disposition</source>
        <translation>Disposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (t=y: testing)</source>
        <translation> (t=y&#xa0;: mode test)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alignement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>aligned</source>
        <translation>aligné</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not aligned</source>
        <translation>non aligné</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RFC 9989 steps</source>
        <translation>Étapes RFC 9989</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RFC 7489 (public suffix list) reads it differently</source>
        <translation>RFC 7489 (liste des suffixes publics) l’interprète différemment</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The receiver&apos;s verdict</source>
        <translation>Verdict du destinataire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No trusted Authentication-Results in the message.</source>
        <translation>Aucun Authentication-Results de confiance dans le message.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Our verdict (today&apos;s DNS) differs on: %1</source>
        <translation>Notre verdict (DNS actuel) diffère sur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix:</source>
        <translation>Correctif&#xa0;:</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::CheckerPage</name>
    <message>
        <location filename="../app/desktop/checker/CheckerPage.cpp" line="+34"/>
        <source>Drop .eml files or an mbox anywhere on the window, use File → Open Message, or paste a raw message. Nothing checked here is stored.</source>
        <translation>Déposez des fichiers .eml ou une mbox n’importe où dans la fenêtre, utilisez Fichier → Ouvrir un message, ou collez un message brut. Rien de ce qui est vérifié ici n’est enregistré.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste message</source>
        <translation>Coller un message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checked messages</source>
        <translation>Messages vérifiés</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: no such file or folder</source>
        <translation>%1&#xa0;: fichier ou dossier introuvable</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2 MB is too big for the checker; import it instead</source>
        <translation>%1&#xa0;: %2&#xa0;Mo, c’est trop volumineux pour le vérificateur&#xa0;; importez-le plutôt</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+16"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: more than %2 messages; import it to see them all</source>
        <translation>%1&#xa0;: plus de %2 messages&#xa0;; importez-le pour les voir tous</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Checked %n message(s)</source>
        <translation>
            <numerusform>%n message vérifié</numerusform>
            <numerusform>%n messages vérifiés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The clipboard holds no text to check.</source>
        <translation>Le presse-papiers ne contient aucun texte à vérifier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pasted message</source>
        <translation>Message collé</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DashboardPage</name>
    <message>
        <location filename="../app/desktop/DashboardPage.cpp" line="+26"/>
        <source>&lt;h2&gt;No mail analysed yet&lt;/h2&gt;&lt;p&gt;Open a message with &lt;b&gt;File → Open Message&lt;/b&gt;, or drop .eml files here.&lt;br&gt;Import a mailbox with &lt;b&gt;File → Import&lt;/b&gt; to see DKIM, SPF and DMARC per domain.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun courriel analysé pour l’instant&lt;/h2&gt;&lt;p&gt;Ouvrez un message avec &lt;b&gt;Fichier → Ouvrir un message&lt;/b&gt;, ou déposez des fichiers .eml ici.&lt;br&gt;Importez une boîte aux lettres avec &lt;b&gt;Fichier → Importer&lt;/b&gt; pour voir DKIM, SPF et DMARC par domaine.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by date</source>
        <translation>Filtrer par date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending domain</source>
        <translation>Domaine d’envoi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Per day</source>
        <translation>Par jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per week</source>
        <translation>Par semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time resolution</source>
        <translation>Résolution temporelle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Domain:</source>
        <translation>Domaine&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>DKIM per sending domain</source>
        <translation>DKIM par domaine d’envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM per selector</source>
        <translation>DKIM par sélecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SPF and DMARC per domain</source>
        <translation>SPF et DMARC par domaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass rate over time</source>
        <translation>Évolution du taux de pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bounce rate per sending domain</source>
        <translation>Taux de rebond par domaine d&apos;envoi</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>All domains</source>
        <translation>Tous les domaines</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; messages · &lt;b&gt;%2&lt;/b&gt; domains · DKIM pass &lt;b&gt;%3%&lt;/b&gt; · DMARC pass &lt;b&gt;%4%&lt;/b&gt; · findings: &lt;b&gt;%5&lt;/b&gt; errors, &lt;b&gt;%6&lt;/b&gt; warnings, &lt;b&gt;%7&lt;/b&gt; info</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; messages · &lt;b&gt;%2&lt;/b&gt; domaines · DKIM pass &lt;b&gt;%3&#xa0;%&lt;/b&gt; · DMARC pass &lt;b&gt;%4&#xa0;%&lt;/b&gt; · constats&#xa0;: &lt;b&gt;%5&lt;/b&gt; erreurs, &lt;b&gt;%6&lt;/b&gt; avertissements, &lt;b&gt;%7&lt;/b&gt; info</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> · bounces &lt;b&gt;%1&lt;/b&gt;, domains over 5%: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation> · rebonds &lt;b&gt;%1&lt;/b&gt;, domaines au-delà de 5&#xa0;%&#xa0;: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DkimSetupPage</name>
    <message>
        <location filename="../app/desktop/setup/DkimSetupPage.cpp" line="+54"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;br&gt;&lt;i&gt;Fix:&lt;/i&gt; %1</source>
        <translation>&lt;br&gt;&lt;i&gt;Correctif&#xa0;:&lt;/i&gt; %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>New Key…</source>
        <translation>Nouvelle clé…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generate a new DKIM key</source>
        <translation>Générer une nouvelle clé DKIM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check Publication</source>
        <translation>Vérifier la publication</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the publication of the selected selector</source>
        <translation>Vérifier la publication du sélecteur choisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Enable</source>
        <translation>Activer</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Enable DKIM signing with the selected selector</source>
        <translation>Activer la signature DKIM avec le sélecteur choisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disable…</source>
        <translation>Désactiver…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable DKIM signing with the selected selector</source>
        <translation>Désactiver la signature DKIM avec le sélecteur choisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retire…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retire the selected selector</source>
        <translation>Retirer le sélecteur choisi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extra DNS servers to ask</source>
        <translation>Serveurs DNS supplémentaires à interroger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also ask these DNS servers, e.g. 8.8.8.8, 1.1.1.1</source>
        <translation>Interroger aussi ces serveurs DNS, p. ex. 8.8.8.8, 1.1.1.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check asks the current DNS setting and each of these servers, to see whether the record has propagated.</source>
        <translation>La vérification interroge le DNS configuré et chacun de ces serveurs, pour voir si l’enregistrement s’est propagé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last outcome</source>
        <translation>Dernier résultat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DKIM setup list</source>
        <translation>Liste de configuration DKIM</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Publication check result</source>
        <translation>Résultat de la vérification de publication</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Setup review findings</source>
        <translation>Constats de la revue de configuration</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DNS Settings</source>
        <translation>Paramètres DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publication Check</source>
        <translation>Vérification de publication</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+306"/>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <location line="-214"/>
        <source>&lt;p&gt;Select a selector from the list and press &lt;b&gt;Check Publication&lt;/b&gt; once the customer has published the record.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisissez un sélecteur dans la liste et cliquez sur &lt;b&gt;Vérifier la publication&lt;/b&gt; une fois que le client a publié l’enregistrement.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;p&gt;Last check: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Press &lt;b&gt;Check Publication&lt;/b&gt; for the details.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Dernière vérification&#xa0;: &lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;%2&lt;/p&gt;&lt;p&gt;Cliquez sur &lt;b&gt;Vérifier la publication&lt;/b&gt; pour voir les détails.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;%1 of %2 has not been checked yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;%1 de %2 n’a pas encore été vérifié.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No database is open.</source>
        <translation>Aucune base de données n’est ouverte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is already listed for %2 (%3); a new key needs a new selector.</source>
        <translation>%1 figure déjà pour %2 (%3)&#xa0;; une nouvelle clé exige un nouveau sélecteur.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (the private key was written to %2)</source>
        <translation>%1 (la clé privée a été écrite dans %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key generated for %1 of %2; the private key is in %3. Hand the DNS settings to the customer, then check the publication.</source>
        <translation>Clé générée pour %1 de %2&#xa0;; la clé privée se trouve dans %3. Transmettez les paramètres DNS au client, puis vérifiez la publication.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+117"/>
        <source>Select a selector from the setup list first.</source>
        <translation>Choisissez d’abord un sélecteur dans la liste de configuration.</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>A publication check is already running.</source>
        <translation>Une vérification de publication est déjà en cours.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No DNS resolver is set up; choose one in the Settings menu.</source>
        <translation>Aucun résolveur DNS n’est configuré&#xa0;; choisissez-en un dans le menu Paramètres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>DNS server %1: %2</source>
        <translation>Serveur DNS %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;p&gt;Checking %1 through %n resolver(s)…&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Vérification de %1 via %n résolveur…&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Vérification de %1 via %n résolveurs…&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking the publication of %1 of %2…</source>
        <translation>Vérification de la publication de %1 de %2…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2: %3</source>
        <translation>%1 de %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h3&gt;%1: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1&#xa0;: %2&lt;/h3&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;p&gt;Private key fingerprint: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Empreinte de la clé privée&#xa0;: &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h4&gt;Per resolver&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Par résolveur&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;: %2 (lookup %3)&lt;br&gt;%4</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;&#xa0;: %2 (requête %3)&lt;br&gt;%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;br&gt;Via CNAME: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Via CNAME&#xa0;: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Record: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Enregistrement&#xa0;: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Published key fingerprint: &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>&lt;br&gt;Empreinte de la clé publiée&#xa0;: &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Proof by signature: a test message signed with the private key verified (%1).</source>
        <translation>&lt;br&gt;Preuve par signature&#xa0;: un message de test signé avec la clé privée a été vérifié (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Proof by signature: the test message signed with the private key did not verify (%1).</source>
        <translation>&lt;br&gt;Preuve par signature&#xa0;: le message de test signé avec la clé privée n’a pas été vérifié (%1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h4&gt;Findings on the record&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Constats sur l’enregistrement&lt;/h4&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;p&gt;No DKIM keys are set up yet. Press &lt;b&gt;New Key…&lt;/b&gt; to generate the first one.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Aucune clé DKIM n’est encore configurée. Cliquez sur &lt;b&gt;Nouvelle clé…&lt;/b&gt; pour générer la première.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Nothing to review: the setup list agrees with the imported mail.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rien à revoir&#xa0;: la liste de configuration concorde avec le courrier importé.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review (%1)</source>
        <translation>Revue (%1)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 of %2 is enabled: mail for %2 is signed with it.</source>
        <translation>%1 de %2 est activé&#xa0;: le courrier de %2 est signé avec lui.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 is disabled.</source>
        <translation>%1 de %2 est désactivé.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 of %2 is retired; its record can be removed once mail signed with it has been delivered.</source>
        <translation>%1 de %2 est retiré&#xa0;; son enregistrement peut être supprimé une fois le courrier signé avec lui distribué.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>New DKIM Key</source>
        <translation>Nouvelle clé DKIM</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Disable DKIM Signing</source>
        <translation>Désactiver la signature DKIM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is signing with this selector switched off? (optional)</source>
        <translation>Pourquoi la signature avec ce sélecteur est-elle désactivée&#xa0;? (facultatif)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+8"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>Retire Selector</source>
        <translation>Retirer le sélecteur</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Retire %1 of %2? A retired selector is never signed with again.</source>
        <translation>Retirer %1 de %2&#xa0;? Un sélecteur retiré ne sert plus jamais à signer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Retire Anyway</source>
        <translation>Retirer quand même</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::DnsSettingsView</name>
    <message>
        <location filename="../app/desktop/setup/DnsSettingsView.cpp" line="+49"/>
        <source>Record name</source>
        <translation>Nom de l’enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TXT value, whole</source>
        <translation>Valeur TXT, complète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TXT value in 255-octet strings</source>
        <translation>Valeur TXT en chaînes de 255&#xa0;octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone file line</source>
        <translation>Ligne de fichier de zone</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delegation target pattern</source>
        <translation>Modèle de cible de délégation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{selector}.{domain}.dkim.platform.example</source>
        <translation>{selector}.{domain}.dkim.platform.example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the platform serves delegated selectors; {selector} and {domain} are replaced.</source>
        <translation>Emplacement où la plateforme sert les sélecteurs délégués&#xa0;; {selector} et {domain} sont remplacés.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CNAME record for delegation</source>
        <translation>Enregistrement CNAME pour la délégation</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name (TXT):</source>
        <translation>Nom (TXT)&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the record name</source>
        <translation>Copier le nom de l’enregistrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value, whole:</source>
        <translation>Valeur, complète&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the whole TXT value</source>
        <translation>Copier la valeur TXT complète</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value in strings:</source>
        <translation>Valeur en chaînes&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the TXT value in 255-octet strings</source>
        <translation>Copier la valeur TXT en chaînes de 255&#xa0;octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone file line:</source>
        <translation>Ligne de fichier de zone&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the zone file line</source>
        <translation>Copier la ligne de fichier de zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CNAME variant:</source>
        <translation>Variante CNAME&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the CNAME record</source>
        <translation>Copier l’enregistrement CNAME</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delegation target:</source>
        <translation>Cible de délégation&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Publish this TXT record at the customer&apos;s DNS provider, or delegate the selector with the CNAME record.</source>
        <translation>Publiez cet enregistrement TXT chez l’hébergeur DNS du client, ou déléguez le sélecteur avec l’enregistrement CNAME.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a selector or generate a new key to see its DNS settings.</source>
        <translation>Choisissez un sélecteur ou générez une nouvelle clé pour voir ses paramètres DNS.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter the delegation target pattern above</source>
        <translation>Saisissez ci-dessus le modèle de cible de délégation</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::FindingsModel</name>
    <message>
        <location filename="../app/desktop/findings/FindingsModel.cpp" line="+34"/>
        <location line="+120"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+118"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+116"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>(other)</source>
        <translation>(autre)</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%1 (%n finding(s))</source>
        <translation>
            <numerusform>%1 (%n constat)</numerusform>
            <numerusform>%1 (%n constats)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (dismissed)</source>
        <translation>%1 (écarté)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1

Fix: %2</source>
        <translation>%1

Correctif&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Domain / record</source>
        <translation>Domaine / enregistrement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seen</source>
        <translation>Vu</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::FindingsPage</name>
    <message>
        <location filename="../app/desktop/findings/FindingsPage.cpp" line="+35"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding details</source>
        <translation>Détails du constat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy corrected record</source>
        <translation>Copier l’enregistrement corrigé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss…</source>
        <translation>Écarter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open example message</source>
        <translation>Ouvrir un message d’exemple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show dismissed</source>
        <translation>Afficher les constats écartés</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&lt;p&gt;Select a finding to see the explanation and the fix.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Choisissez un constat pour voir l’explication et le correctif.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;&lt;b&gt;Fix:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Correctif&#xa0;:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Corrected record:&lt;/b&gt;&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Enregistrement corrigé&#xa0;:&lt;/b&gt;&lt;/p&gt;&lt;pre&gt;%1&lt;/pre&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Rule:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Règle&#xa0;:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;Seen %1 time(s), last %2.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Vu %1&#xa0;fois, dernière fois %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;p&gt;&lt;b&gt;Dismissed:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Écarté&#xa0;:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Dismiss finding</source>
        <translation>Écarter le constat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why can this finding be ignored?</source>
        <translation>Pourquoi ce constat peut-il être ignoré&#xa0;?</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountDialog</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountDialog.cpp" line="+38"/>
        <source>IMAP Account</source>
        <translation>Compte IMAP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>imap.example.com</source>
        <translation>imap.example.com</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Implicit TLS (port 993)</source>
        <translation>TLS implicite (port 993)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS (port 143)</source>
        <translation>STARTTLS (port 143)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password (AUTHENTICATE PLAIN)</source>
        <translation>Mot de passe (AUTHENTICATE PLAIN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password (LOGIN)</source>
        <translation>Mot de passe (LOGIN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OAuth 2.0 access token (XOAUTH2)</source>
        <translation>Jeton d’accès OAuth 2.0 (XOAUTH2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remember in the system keychain</source>
        <translation>Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Without it, or where there is no keychain, Authlens asks for the password each time it connects. The password is never written to Authlens&apos; settings or database.</source>
        <translation>Sans cette option, ou en l’absence de trousseau, Authlens demande le mot de passe à chaque connexion. Le mot de passe n’est jamais écrit dans les réglages ni dans la base de données d’Authlens.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Fetch Folders from Server</source>
        <translation>&amp;Récupérer les dossiers du serveur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While Authlens runs, check the folders for new mail this often and import it.</source>
        <translation>Tant qu’Authlens tourne, vérifier les dossiers à cet intervalle et importer les nouveaux messages.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forget Trusted Certificate</source>
        <translation>Oublier le certificat approuvé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Trust This Certificate for This Account</source>
        <translation>&amp;Faire confiance à ce certificat pour ce compte</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Encryption:</source>
        <translation>&amp;Chiffrement :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in &amp;method:</source>
        <translation>&amp;Méthode de connexion :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check e&amp;very:</source>
        <translation>Vérifier &amp;toutes les :</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation type="vanished">Vérifier &amp;toutes les :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate:</source>
        <translation>Certificat :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folders to import (checked):</source>
        <translation>Dossiers à importer (cochés) :</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Enter the access token to list the folders.</source>
        <translation>Saisissez le jeton d’accès pour lister les dossiers.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the password to list the folders.</source>
        <translation>Saisissez le mot de passe pour lister les dossiers.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n folder(s) found. Check the ones to import.</source>
        <translation>
            <numerusform>%n dossier trouvé. Cochez ceux à importer.</numerusform>
            <numerusform>%n dossiers trouvés. Cochez ceux à importer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection used the certificate you trusted.</source>
        <translation>La connexion a utilisé le certificat que vous avez approuvé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server&apos;s certificate could not be verified, so nothing was sent to it. Check the certificate below (compare the fingerprint with the one your mail administrator gives you) and trust it only if it is the server&apos;s.</source>
        <translation>Le certificat du serveur n’a pas pu être vérifié, rien ne lui a donc été envoyé. Examinez le certificat ci-dessous (comparez l’empreinte avec celle que vous donne l’administrateur de la messagerie) et ne lui faites confiance que s’il est bien celui du serveur.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This certificate is now trusted for this account only. Fetch the folders again to connect with it.</source>
        <translation>Ce certificat est désormais approuvé pour ce compte uniquement. Récupérez à nouveau les dossiers pour vous connecter avec lui.</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="vanished">&amp;Jeton d’accès :</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Pass&amp;word:</source>
        <translation>Mot de pass&amp;e :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Access to&amp;ken:</source>
        <translation>&amp;Jeton d’accès :</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not in the server&apos;s last list.</source>
        <translation>Absent de la dernière liste du serveur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Verified against the system&apos;s certificate authorities.</source>
        <translation>Vérifié auprès des autorités de certification du système.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trusted for this account: SHA-256 %1</source>
        <translation>Approuvé pour ce compte : SHA-256 %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountMonitor</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountMonitor.cpp" line="+98"/>
        <source>no password given; monitoring of this account paused</source>
        <translation>aucun mot de passe donné ; surveillance de ce compte suspendue</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>While monitoring runs, Authlens keeps it in memory (never on disk) until monitoring stops.</source>
        <translation>Pendant la surveillance, Authlens le garde en mémoire (jamais sur disque) jusqu’à l’arrêt de la surveillance.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>checking now</source>
        <translation>vérification en cours</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>checked %1, %n new</source>
        <translation>
            <numerusform>vérifié à %1, %n nouveau</numerusform>
            <numerusform>vérifié à %1, %n nouveaux</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not checked yet</source>
        <translation>pas encore vérifié</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>next %1</source>
        <translation>prochaine à %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IMAP monitor: %1</source>
        <translation>Surveillance IMAP : %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountsController</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountsController.cpp" line="+55"/>
        <source>The password was not remembered: %1 Authlens will ask for it each time it connects to %2.</source>
        <translation>Le mot de passe n’a pas été mémorisé : %1 Authlens le demandera à chaque connexion à %2.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>An import is already running; %1 is imported after it.</source>
        <translation>Un import est déjà en cours ; %1 sera importé ensuite.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An import is already running.</source>
        <translation>Un import est déjà en cours.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>System Keychain</source>
        <translation>Trousseau du système</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapAccountsDialog</name>
    <message>
        <location filename="../app/desktop/import/ImapAccountsDialog.cpp" line="+23"/>
        <source>IMAP Accounts</source>
        <translation>Comptes IMAP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Now</source>
        <translation>&amp;Importer maintenant</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Remove Account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1 and its password in the system keychain? Messages already imported stay in the database.</source>
        <translation>Supprimer %1 et son mot de passe dans le trousseau du système ? Les messages déjà importés restent dans la base de données.</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>checked every %n minute(s)</source>
        <translation>
            <numerusform>vérifié toutes les %n minute</numerusform>
            <numerusform>vérifié toutes les %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not monitored</source>
        <translation>non surveillé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Stop Monitoring</source>
        <translation>&amp;Arrêter la surveillance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Start Monitoring</source>
        <translation>&amp;Démarrer la surveillance</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImapSecretSource</name>
    <message>
        <location filename="../app/desktop/import/ImapSecretSource.cpp" line="+21"/>
        <source>Authlens does not keep this account&apos;s password (&quot;Remember in the system keychain&quot; is off).</source>
        <translation>Authlens ne conserve pas le mot de passe de ce compte (« Mémoriser dans le trousseau du système » est désactivé).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Authlens asks for the password each time it connects instead.</source>
        <translation>Authlens demande donc le mot de passe à chaque connexion.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>IMAP Sign-in</source>
        <translation>Connexion IMAP</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access token for %1:</source>
        <translation>Jeton d’accès pour %1 :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password for %1:</source>
        <translation>Mot de passe pour %1 :</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ImportController</name>
    <message>
        <location filename="../app/desktop/import/ImportController.cpp" line="+77"/>
        <source>Importing %1: %2 messages, %3 new, %4/s</source>
        <translation>Import de %1&#xa0;: %2 messages, %3 nouveaux, %4/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, %1 errors</source>
        <translation>, %1 erreurs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, about %1 s left</source>
        <translation>, environ %1&#xa0;s restantes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import failed: %1</source>
        <translation>Échec de l’import&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 messages read, %3 new, %4 already stored, %5 errors, in %6 s</source>
        <translation>%1&#xa0;: %2 messages lus, %3 nouveaux, %4 déjà enregistrés, %5 erreurs, en %6&#xa0;s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import cancelled</source>
        <translation>Import annulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import finished</source>
        <translation>Import terminé</translation>
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
        <translation>Source :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages:</source>
        <translation>Messages :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read:</source>
        <translation>Lu :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate:</source>
        <translation>Débit :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left:</source>
        <translation>Temps restant :</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+161"/>
        <source>Source</source>
        <translation>Source</translation>
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
        <translation>Problème</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>Cancel Import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy List</source>
        <translation>Copier la liste</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelling: what was read is still stored; the next import continues here.</source>
        <translation>Annulation : ce qui a été lu est encore enregistré ; le prochain import reprend ici.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Import: %1</source>
        <translation>Import : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starting…</source>
        <translation>démarrage…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>not known yet</source>
        <translation>pas encore connu</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>%1 (source %2 of %3)</source>
        <translation>%1 (source %2 sur %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+33"/>
        <source>%1 read, %2 new, %3 already stored, %4 errors</source>
        <translation>%1 lus, %2 nouveaux, %3 déjà enregistrés, %4 erreurs</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 messages/s, %2 MB/s</source>
        <translation>%1 messages/s, %2 Mo/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not known (the size of an IMAP folder is not known in advance)</source>
        <translation>inconnu (la taille d’un dossier IMAP n’est pas connue à l’avance)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>done in %1</source>
        <translation>terminé en %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The import log has no entries for this import.</source>
        <translation>Le journal d’import n’a aucune entrée pour cet import.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first %1 of %2 import-log entries are listed.</source>
        <translation>Les %1 premières des %2 entrées du journal d’import sont listées.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n import-log entries (errors, warnings and notes):</source>
        <translation>
            <numerusform>%n entrée du journal d’import (erreurs, avertissements et notes) :</numerusform>
            <numerusform>%n entrées du journal d’import (erreurs, avertissements et notes) :</numerusform>
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
        <translation>position %1</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::KeychainSecrets</name>
    <message>
        <location filename="../app/desktop/import/KeychainSecrets.cpp" line="+23"/>
        <source>The system keychain has no password for this account.</source>
        <translation>Le trousseau du système n’a pas de mot de passe pour ce compte.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No system keychain is available (%1).</source>
        <translation>Aucun trousseau du système n’est disponible (%1).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The system keychain refused: %1</source>
        <translation>Le trousseau du système a refusé : %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The system keychain did not answer within %1 s.</source>
        <translation>Le trousseau du système n’a pas répondu en %1 s.</translation>
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
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checker</source>
        <translation>Vérificateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DKIM Setup</source>
        <translation>Configuration DKIM</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel import</source>
        <translation>Annuler l’import</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Message…</source>
        <translation>&amp;Ouvrir un message…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import Files or Mailbox…</source>
        <translation>&amp;Importer des fichiers ou une boîte aux lettres…</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DNS from a &amp;Records File…</source>
        <translation>DNS depuis un fichier d’&amp;enregistrements…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DNS from the &amp;System Resolver</source>
        <translation>DNS via le résolveur &amp;système</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="vanished">&amp;Langue</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language is used from the next start of Authlens.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d’Authlens.</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>First start: importing the bundled sample mailbox…</source>
        <translation>Premier démarrage&#xa0;: import de la boîte aux lettres d’exemple fournie…</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Re-verifying: %1 of %2 messages</source>
        <translation>Revérification&#xa0;: %1 messages sur %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+271"/>
        <source>Settings: %1</source>
        <translation>Paramètres&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-246"/>
        <source>Import IMAP &amp;Account…</source>
        <translation>Importer un &amp;compte IMAP…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Manage IMAP Accounts…</source>
        <translation>&amp;Gérer les comptes IMAP…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop IMAP Monitoring</source>
        <translation>&amp;Arrêter la surveillance IMAP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+M</source>
        <translation>Ctrl+Shift+M</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show Last Import &amp;Log</source>
        <translation>Afficher le &amp;journal du dernier import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-&amp;verify All Messages</source>
        <translation>Re&amp;vérifier tous les messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Find Messages</source>
        <translation>&amp;Rechercher des messages</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Open Message</source>
        <translation>Ouvrir un message</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Messages (*.eml *.msg *.txt *.mbox);;All files (*)</source>
        <translation>Messages (*.eml *.msg *.txt *.mbox);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+128"/>
        <source>Open a database first.</source>
        <translation>Ouvrez d’abord une base de données.</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Export Report</source>
        <translation>Exporter un rapport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>authlens-report.pdf</source>
        <translation>authlens-rapport.pdf</translation>
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
            <numerusform>Rapport écrit dans %1 (%n page).</numerusform>
            <numerusform>Rapport écrit dans %1 (%n pages).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import Folder or Maildir</source>
        <translation>Importer un dossier ou un Maildir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Files or Mailbox</source>
        <translation>Importer des fichiers ou une boîte aux lettres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail (*.eml *.mbox *.mbx);;All files (*)</source>
        <translation>Courrier (*.eml *.mbox *.mbx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An import is already running.</source>
        <translation>Un import est déjà en cours.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n source(s)</source>
        <translation>
            <numerusform>%n source</numerusform>
            <numerusform>%n sources</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open or Create Database</source>
        <translation>Ouvrir ou créer une base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authlens database (*.sqlite);;All files (*)</source>
        <translation>Base de données Authlens (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>DNS Records File</source>
        <translation>Fichier d’enregistrements DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>Fichiers de zone (*.zone *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Records file</source>
        <translation>Fichier d’enregistrements</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-verify</source>
        <translation>Revérifier</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The new settings can change verdicts. Re-verify the %n stored message(s) now?</source>
        <translation>
            <numerusform>Les nouveaux paramètres peuvent changer les verdicts. Revérifier maintenant le message enregistré (%n)&#xa0;?</numerusform>
            <numerusform>Les nouveaux paramètres peuvent changer les verdicts. Revérifier maintenant les %n messages enregistrés&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait until the running import or re-verification has finished.</source>
        <translation>Attendez la fin de l’importation ou de la revérification en cours.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re-verifying every stored message with the current settings…</source>
        <translation>Revérification de tous les messages enregistrés avec les paramètres actuels…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no database</source>
        <translation>aucune base de données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · DNS: %2</source>
        <translation>%1 · DNS&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Dropped text</source>
        <translation>Texte déposé</translation>
    </message>
    <message>
        <location line="-355"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;Folder or Maildir…</source>
        <translation>Importer un &amp;dossier ou un Maildir…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Export Report…</source>
        <translation>&amp;Exporter un rapport…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open &amp;Database…</source>
        <translation>Ouvrir une &amp;base de données…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Recent Databases</source>
        <translation>Bases de données &amp;récentes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Authlens</source>
        <translation>À &amp;propos d’Authlens</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About Authlens</source>
        <translation>À propos d’Authlens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;DKIM, SPF and DMARC analysis for email deliverability analysts.&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or (at your option) any later version (%2).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Authlens %1&lt;/h3&gt;&lt;p&gt;Analyse DKIM, SPF et DMARC pour les analystes de la délivrabilité des courriels.&lt;/p&gt;&lt;p&gt;Distribué sous la licence publique générale GNU, version 3 ou (à votre choix) toute version ultérieure (%2).&lt;/p&gt;</translation>
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
        <translation>(sans date)</translation>
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
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>avertissement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>info</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (worst: %2)</source>
        <translation>%1 (le plus grave : %2)</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>DKIM: %1</source>
        <translation>DKIM : %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>d=%1 s=%2: %3</source>
        <translation>d=%1 s=%2 : %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Objet</translation>
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
        <translation>Constats</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::MessagesPage</name>
    <message>
        <location filename="../app/desktop/messages/MessagesPage.cpp" line="+28"/>
        <source>Filter by From or subject</source>
        <translation>Filtrer par expéditeur ou objet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message filter</source>
        <translation>Filtre des messages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all</source>
        <translation>Tout afficher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show all messages</source>
        <translation>Afficher tous les messages</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message columns</source>
        <translation>Colonnes des messages</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Reset Columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>bounces of mail from %1</source>
        <translation>rebonds des messages de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>selector %1</source>
        <translation>sélecteur %1</translation>
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
        <translation>à partir du %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before %1</source>
        <translation>avant le %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>authlens::desktop::NewKeyDialog</name>
    <message>
        <location filename="../app/desktop/setup/NewKeyDialog.cpp" line="+32"/>
        <source>New DKIM Key</source>
        <translation>Nouvelle clé DKIM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing domain</source>
        <translation>Domaine signataire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>s2026</source>
        <translation>s2026</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Key type</source>
        <translation>Type de clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 2048 bits (recommended)</source>
        <translation>RSA 2048&#xa0;bits (recommandé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 3072 bits</source>
        <translation>RSA 3072&#xa0;bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA 4096 bits (long record: split into strings)</source>
        <translation>RSA 4096&#xa0;bits (enregistrement long&#xa0;: découpé en chaînes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ed25519 (RFC 8463)</source>
        <translation>Ed25519 (RFC 8463)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Many receivers cannot verify Ed25519 signatures yet. Publish an RSA key beside it under a second selector and sign every message with both.</source>
        <translation>De nombreux destinataires ne savent pas encore vérifier les signatures Ed25519. Publiez à côté une clé RSA sous un second sélecteur et signez chaque message avec les deux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also generate an RSA 2048 key with selector:</source>
        <translation>Générer aussi une clé RSA 2048 avec le sélecteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Selector of the RSA key beside the Ed25519 key</source>
        <translation>Sélecteur de la clé RSA à côté de la clé Ed25519</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the private key</source>
        <translation>Dossier de la clé privée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder for the private key</source>
        <translation>Choisir le dossier de la clé privée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The private key is written there as a PEM file readable only by you; the database keeps only the public key, its fingerprint and the file&apos;s path.</source>
        <translation>La clé privée y est écrite dans un fichier PEM lisible par vous seul&#xa0;; la base de données ne conserve que la clé publique, son empreinte et le chemin du fichier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Generate</source>
        <translation>Générer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Domaine&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Selector:</source>
        <translation>&amp;Sélecteur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Private key &amp;folder:</source>
        <translation>Dossier de la clé &amp;privée&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the Private Key</source>
        <translation>Dossier de la clé privée</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Enter the customer&apos;s signing domain.</source>
        <translation>Saisissez le domaine signataire du client.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Domain: %1</source>
        <translation>Domaine&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter a selector.</source>
        <translation>Saisissez un sélecteur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selector %1: %2</source>
        <translation>Sélecteur %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The RSA key needs a selector of its own.</source>
        <translation>La clé RSA a besoin de son propre sélecteur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an existing folder for the private key.</source>
        <translation>Choisissez un dossier existant pour la clé privée.</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ReverifyController</name>
    <message>
        <location filename="../app/desktop/settings/ReverifyController.cpp" line="+41"/>
        <source>re-verification after a settings change</source>
        <translation>revérification après un changement de paramètres</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Re-verification failed: %1</source>
        <translation>Échec de la revérification&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-verified %1 of %2 messages in %3 s: %4 changed.</source>
        <translation>%1 messages sur %2 revérifiés en %3 s&#xa0;: %4 modifiés.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n could not be read again.</source>
        <translation>
            <numerusform>%n n’a pas pu être relu.</numerusform>
            <numerusform>%n n’ont pas pu être relus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::ServerCertificateProbe</name>
    <message>
        <location filename="../app/desktop/import/ServerCertificateProbe.cpp" line="+20"/>
        <source>The server did not answer in time.</source>
        <translation>Le serveur n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The server sent an over-long line before TLS.</source>
        <translation>Le serveur a envoyé une ligne trop longue avant TLS.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server&apos;s greeting is not an IMAP greeting.</source>
        <translation>L’accueil du serveur n’est pas un accueil IMAP.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused STARTTLS: %1</source>
        <translation>Le serveur a refusé STARTTLS : %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The server sent no certificate.</source>
        <translation>Le serveur n’a envoyé aucun certificat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No certificate.</source>
        <translation>Aucun certificat.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subject: %1
Alternative names: %2
Issuer: %3
Valid from %4 to %5
SHA-256 fingerprint: %6</source>
        <translation>Sujet : %1
Noms alternatifs : %2
Émetteur : %3
Valide du %4 au %5
Empreinte SHA-256 : %6</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::SettingsDialog</name>
    <message>
        <location filename="../app/desktop/settings/SettingsDialog.cpp" line="+43"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;DNS</source>
        <translation>&amp;DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Policy</source>
        <translation>&amp;Politique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Receivers</source>
        <translation>Ré&amp;cepteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The &amp;system&apos;s resolver</source>
        <translation>Résolveur du &amp;système</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Recursive from the root, validating DNSSEC</source>
        <translation>&amp;Récursif depuis la racine, avec validation DNSSEC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;This server:</source>
        <translation>&amp;Ce serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Offline, from a records file:</source>
        <translation>&amp;Hors ligne, depuis un fichier d’enregistrements&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>192.0.2.53 or 192.0.2.53:5353</source>
        <translation>192.0.2.53 ou 192.0.2.53:5353</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DNS server address</source>
        <translation>Adresse du serveur DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Validate DNSSEC</source>
        <translation>&amp;Valider DNSSEC</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Records file</source>
        <translation>Fichier d’enregistrements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the records file</source>
        <translation>Choisir le fichier d’enregistrements</translation>
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
        <translation>Délai DNS en secondes</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Timeout per query:</source>
        <translation>&amp;Délai par requête&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The checker, the trace, imports and re-verification all use this source. A records file answers offline: names it does not hold do not exist.</source>
        <translation>Le vérificateur, la trace, les importations et la revérification utilisent tous cette source. Un fichier d’enregistrements répond hors ligne&#xa0;: les noms qu’il ne contient pas n’existent pas.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source> bits</source>
        <translation> bits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimum RSA key size</source>
        <translation>Taille minimale de clé RSA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smaller RSA keys give the result policy. RFC 8301 requires at least 1024.</source>
        <translation>Les clés RSA plus petites donnent le résultat policy. La RFC 8301 exige au moins 1024.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refuse (policy, as RFC 8301 requires)</source>
        <translation>Refuser (policy, comme l’exige la RFC 8301)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept like rsa-sha256</source>
        <translation>Accepter comme rsa-sha256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rsa-sha1 signatures</source>
        <translation>Signatures rsa-sha1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Allowed clock skew in seconds</source>
        <translation>Décalage d’horloge admis en secondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allowed for an expiry (x=) just past and a signing time (t=) in the future.</source>
        <translation>Admis pour une expiration (x=) tout juste passée et une heure de signature (t=) dans le futur.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signatures evaluated per message</source>
        <translation>Signatures évaluées par message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signatures past this many are reported as neutral, not evaluated.</source>
        <translation>Les signatures au-delà sont signalées neutral, sans être évaluées.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Minimum RSA key size:</source>
        <translation>Taille &amp;minimale de clé RSA&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rsa-&amp;sha1 signatures:</source>
        <translation>Signatures rsa-&amp;sha1&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed &amp;clock skew:</source>
        <translation>Décalage d’&amp;horloge admis&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;gnatures evaluated per message:</source>
        <translation>Si&amp;gnatures évaluées par message&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trusted &amp;authserv-ids, one per line. The Authentication-Results fields of these receivers are compared with Authlens&apos;s own verdicts; with none, the topmost Authentication-Results field is read.</source>
        <translation>&amp;authserv-id de confiance, une par ligne. Les champs Authentication-Results de ces récepteurs sont comparés aux verdicts d’Authlens&#xa0;; sans aucune, le champ Authentication-Results le plus haut est lu.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Trusted authserv-ids</source>
        <translation>authserv-id de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mx.example.com</source>
        <translation>mx.example.com</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The new language is used from the next start of Authlens.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d’Authlens.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>DNS Records File</source>
        <translation>Fichier d’enregistrements DNS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone files (*.zone *.txt);;All files (*)</source>
        <translation>Fichiers de zone (*.zone *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enter the DNS server&apos;s address, or choose another DNS source.</source>
        <translation>Saisissez l’adresse du serveur DNS ou choisissez une autre source DNS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The records file %1 does not exist.</source>
        <translation>Le fichier d’enregistrements %1 n’existe pas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The authserv-id &quot;%1&quot; is not a single name (one per line).</source>
        <translation>L’authserv-id «&#xa0;%1&#xa0;» n’est pas un nom unique (une par ligne).</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::SetupTableModel</name>
    <message>
        <location filename="../app/desktop/setup/SetupTableModel.cpp" line="+103"/>
        <source>generated</source>
        <translation>généré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for DNS</source>
        <translation>en attente du DNS</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>published, different</source>
        <translation>publié, différent</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+19"/>
        <source>published, matching</source>
        <translation>publié, conforme</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>enabled</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retired</source>
        <translation>retiré</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not published</source>
        <translation>non publié</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lookup failed</source>
        <translation>échec de la requête</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This selector signs imported mail but is not in the setup list.</source>
        <translation>Ce sélecteur signe du courrier importé mais ne figure pas dans la liste de configuration.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not in the setup list</source>
        <translation>absent de la liste de configuration</translation>
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
        <translation>jamais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not seen</source>
        <translation>jamais vu</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n signature(s), %1 pass</source>
        <translation>
            <numerusform>%n signature, %1 pass</numerusform>
            <numerusform>%n signatures, %1 pass</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Domain</source>
        <translation>Domaine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selector</source>
        <translation>Sélecteur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fingerprint</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last check</source>
        <translation>Dernière vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seen signing</source>
        <translation>Vu en signature</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::TracePage</name>
    <message>
        <location filename="../app/desktop/trace/TracePage.cpp" line="+26"/>
        <source>Open a message from the list or the checker to see its trace.</source>
        <translation>Ouvrez un message depuis la liste ou le vérificateur pour voir sa trace.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-verify now</source>
        <translation>Revérifier maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verify as of the message&apos;s date</source>
        <translation>Vérifier à la date du message</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Message trace</source>
        <translation>Trace du message</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Raw source</source>
        <translation>Source brute</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Trace</source>
        <translation>Trace</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Message %1: its raw bytes are not in the database (only a reference was kept).</source>
        <translation>Message %1&#xa0;: ses octets bruts ne sont pas dans la base de données (seule une référence a été conservée).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stored verdict (run %1): DKIM %2, SPF %3, DMARC %4</source>
        <translation>Verdict enregistré (exécution %1)&#xa0;: DKIM %2, SPF %3, DMARC %4</translation>
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
        <translation>Absent de la base de données (vérifié depuis un fichier ou collé).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>as of %1</source>
        <translation>à la date du %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified %1 with %2</source>
        <translation>Vérifié %1 avec %2</translation>
    </message>
</context>
<context>
    <name>authlens::desktop::VerdictCard</name>
    <message numerus="yes">
        <location filename="../app/desktop/checker/VerdictCard.cpp" line="+51"/>
        <source>From %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n finding(s)</source>
        <translation>
            <numerusform>De %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n constat</numerusform>
            <numerusform>De %1 &amp;nbsp; DKIM %2 &amp;nbsp; SPF %3 &amp;nbsp; DMARC %4 &amp;nbsp; %n constats</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open trace</source>
        <translation>Ouvrir la trace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the trace of %1</source>
        <translation>Ouvrir la trace de %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>DKIM, SPF and DMARC analysis</source>
        <translation type="vanished">Analyse DKIM, SPF et DMARC</translation>
    </message>
    <message>
        <source>Render the main window into a PNG file and exit.</source>
        <translation type="vanished">Rendre la fenêtre principale dans un fichier PNG et quitter.</translation>
    </message>
    <message>
        <source>file</source>
        <translation type="vanished">fichier</translation>
    </message>
    <message>
        <source>Open this database instead of the one in the data folder.</source>
        <translation type="vanished">Ouvrir cette base de données au lieu de celle du dossier de données.</translation>
    </message>
    <message>
        <source>Start on this page (0 = dashboard).</source>
        <translation type="vanished">Démarrer sur cette page (0 = tableau de bord).</translation>
    </message>
    <message>
        <source>index</source>
        <translation type="vanished">index</translation>
    </message>
    <message>
        <source>Open the trace of this message file.</source>
        <translation type="vanished">Ouvrir la trace de ce fichier de message.</translation>
    </message>
    <message>
        <source>Messages to show in the checker.</source>
        <translation type="vanished">Messages à afficher dans le vérificateur.</translation>
    </message>
</context>
</TS>
