<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>AdminPanel</name>
    <message>
        <source>Kiosk admin</source>
        <translation>कियॉस्क एडमिन</translation>
    </message>
    <message>
        <source>Kiosk settings…</source>
        <translation>कियॉस्क सेटिंग्स…</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>कियॉस्क मोड से बाहर निकलें</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>कियॉस्क पर वापस जाएँ</translation>
    </message>
</context>
<context>
    <name>AssigneeField</name>
    <message>
        <source>Team member&apos;s phone (leave empty to keep as is)</source>
        <translation>टीम सदस्य का फ़ोन (जैसा है वैसा रखने के लिए खाली छोड़ें)</translation>
    </message>
    <message>
        <source>Unassign</source>
        <translation>असाइनी हटाएँ</translation>
    </message>
    <message>
        <source>Remove the lead&apos;s assignee when saving</source>
        <translation>सेव करते समय लीड का असाइनी हटाएँ</translation>
    </message>
    <message>
        <source>— the lead will be unassigned —</source>
        <translation>— लीड का असाइनी हट जाएगा —</translation>
    </message>
</context>
<context>
    <name>CatalogLoader</name>
    <message>
        <source>as of {time}</source>
        <extracomment>Which picker each catalog fills (labels feed both label pickers).</extracomment>
        <translation>{time} तक का</translation>
    </message>
    <message>
        <source>cached</source>
        <extracomment>Catalogs showing something (cached or fresh) in this generation.</extracomment>
        <translation>सेव की गई कॉपी</translation>
    </message>
    <message>
        <source>{note} (offline)</source>
        <translation>{note} (ऑफ़लाइन)</translation>
    </message>
    <message>
        <source>{loaded} — some could not be read.</source>
        <translation>{loaded} — कुछ पढ़ी नहीं जा सकीं।</translation>
    </message>
    <message>
        <source>Could not load the list: {reason}</source>
        <translation>लिस्ट लोड नहीं हो सकी: {reason}</translation>
    </message>
</context>
<context>
    <name>CatalogPicker</name>
    <message>
        <source>Show all {noun} (Down)</source>
        <translation>सभी {noun} दिखाएँ (Down)</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Retry loading {noun}</source>
        <translation>{noun} फिर से लोड करें</translation>
    </message>
    <message>
        <source>No {noun} in this account</source>
        <translation>इस अकाउंट में कोई {noun} नहीं</translation>
    </message>
    <message>
        <source>Loading {noun}…</source>
        <translation>{noun} लोड हो रहे हैं…</translation>
    </message>
    <message>
        <source>{placeholder} (refreshing {noun}…)</source>
        <translation>{placeholder} ({noun} रीफ़्रेश हो रहे हैं…)</translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <source>Only fill empty fields</source>
        <extracomment>More lines than this are summed up (&quot;… and 3 more&quot;): the list stays compact.</extracomment>
        <translation>सिर्फ़ खाली फ़ील्ड भरें</translation>
    </message>
    <message>
        <source>Never overwrite what the lead already has in Superfone</source>
        <translation>Superfone में लीड के पास जो पहले से है, उसे कभी न बदलें</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… और {count} अन्य</translation>
    </message>
    <message>
        <source>Will change: {changes}</source>
        <translation>बदलेगा: {changes}</translation>
    </message>
    <message>
        <source>Will change: nothing yet</source>
        <translation>बदलेगा: अभी कुछ नहीं</translation>
    </message>
    <message>
        <source>{field}: {new}</source>
        <translation>{field}: {new}</translation>
    </message>
    <message>
        <source>{field}: {old} → {new}</source>
        <translation>{field}: {old} → {new}</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>Demo mode: the built-in sandbox needs no key.</source>
        <translation>डेमो मोड: बने-बनाए सैंडबॉक्स को key की ज़रूरत नहीं।</translation>
    </message>
    <message>
        <source>The key is stored in your system keyring when there is one.</source>
        <translation>सिस्टम में keyring हो तो key उसी में सेव होती है।</translation>
    </message>
    <message>
        <source>Reading the API key…</source>
        <translation>API key पढ़ी जा रही है…</translation>
    </message>
    <message>
        <source>Could not read the saved API key: {reason}</source>
        <translation>सेव की हुई API key पढ़ी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <source>No system keyring was found: the API key is kept for this session only and must be entered again next time.</source>
        <translation>सिस्टम keyring नहीं मिला: API key सिर्फ़ इस बार के लिए रखी गई है, अगली बार फिर डालनी होगी।</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>कनेक्ट नहीं है</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>कनेक्ट हो रहा है…</translation>
    </message>
    <message>
        <source>Demo account</source>
        <translation>डेमो अकाउंट</translation>
    </message>
    <message>
        <source>Account at {url}</source>
        <translation>अकाउंट: {url}</translation>
    </message>
    <message>
        <source>Cannot use the base URL: {reason}</source>
        <translation>यह बेस URL इस्तेमाल नहीं हो सकता: {reason}</translation>
    </message>
</context>
<context>
    <name>DealPreview</name>
    <message>
        <source>Read as {amount}</source>
        <translation>इसे {amount} पढ़ा गया</translation>
    </message>
</context>
<context>
    <name>DeliveryStatus</name>
    <message>
        <source>Cannot read the outbox: {reason}</source>
        <extracomment>A draining backlog reports every entry; the line follows at most every 250 ms.</extracomment>
        <translation>आउटबॉक्स पढ़ा नहीं जा सका: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n भेजी जानी बाकी</numerusform>
            <numerusform>%n भेजी जानी बाकी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n पर ध्यान देना है</numerusform>
            <numerusform>%n पर ध्यान देना है</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>ऑफ़लाइन</translation>
    </message>
    <message>
        <source>No API key</source>
        <translation>API key नहीं है</translation>
    </message>
    <message>
        <source>All sent</source>
        <translation>सब भेज दी गईं</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>A .csv, .xlsx, .xls or .vcf file</source>
        <extracomment>Data rows shown beside each column in the mapping step. Rows listed in the preview&apos;s table of rows not imported (all are in the errors file).</extracomment>
        <translation>.csv, .xlsx, .xls या .vcf फ़ाइल</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>इम्पोर्ट करने की फ़ाइल</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>चुनें… (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>शीट (&amp;S):</translation>
    </message>
    <message>
        <source>Leads from a spreadsheet (CSV or Excel, as HubSpot, Zoho, Salesforce or Excel save them) or contact cards (.vcf). Nothing is sent before you have seen the preview.</source>
        <translation>स्प्रेडशीट से लीड (CSV या Excel, जैसे HubSpot, Zoho, Salesforce या Excel उन्हें सेव करते हैं) या कॉन्टैक्ट कार्ड (.vcf)। प्रीव्यू देखने से पहले कुछ भी नहीं भेजा जाता।</translation>
    </message>
</context>
<context>
    <name>FollowUpField</name>
    <message>
        <source>in 1 hour</source>
        <extracomment>What each quick pick&apos;s button says; it puts the English phrase in the field (the reader reads English), which then shows what it means in the language.</extracomment>
        <translation>1 घंटे में</translation>
    </message>
    <message>
        <source>this evening</source>
        <translation>आज शाम</translation>
    </message>
    <message>
        <source>tomorrow morning</source>
        <translation>कल सुबह</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <extracomment>How long typing must pause before the time is read (dateparser takes a few ms).</extracomment>
        <translation>फ़ॉलो-अप</translation>
    </message>
    <message>
        <source>tomorrow 11am, in 2 hours, mon 5pm, 28/11 16:30</source>
        <translation>tomorrow 11am, in 2 hours, mon 5pm, 28/11 16:30</translation>
    </message>
    <message>
        <source>Follow-up type</source>
        <translation>फ़ॉलो-अप का प्रकार</translation>
    </message>
    <message>
        <source>Follow-up {when}</source>
        <translation>फ़ॉलो-अप {when}</translation>
    </message>
    <message>
        <source>Boo&amp;k follow-up</source>
        <extracomment>Set by the lead card: creating this task closes the lead&apos;s other open ones.</extracomment>
        <translation>फ़ॉलो-अप बुक करें (&amp;K)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
</context>
<context>
    <name>FormPaste</name>
    <message>
        <source>Undo paste</source>
        <extracomment>LeadDraft attribute → the form&apos;s label for it, for &quot;what went where&quot;.</extracomment>
        <translation>पेस्ट पलटें</translation>
    </message>
    <message>
        <source>Put the fields back as they were before the paste (Ctrl+Z)</source>
        <translation>फ़ील्ड को पेस्ट से पहले जैसा कर दें (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing in the pasted text looks like a phone, email or name.</source>
        <translation>पेस्ट किए गए टेक्स्ट में कुछ भी फ़ोन, ईमेल या नाम जैसा नहीं है।</translation>
    </message>
    <message>
        <source>Pasted</source>
        <translation>पेस्ट किया गया</translation>
    </message>
    <message>
        <source>Paste undone.</source>
        <translation>पेस्ट पलट दिया गया।</translation>
    </message>
</context>
<context>
    <name>FormRows</name>
    <message>
        <source>Show {group}</source>
        <translation>{group} दिखाएँ</translation>
    </message>
    <message>
        <source>Show or hide the {group} fields</source>
        <translation>{group} वाले फ़ील्ड दिखाएँ या छिपाएँ</translation>
    </message>
    <message>
        <source>Hide {group}</source>
        <translation>{group} छिपाएँ</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>यूज़र गाइड (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Where do I find my API key?</source>
        <translation>मेरी API key कहाँ मिलेगी? (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>डायग्नोस्टिक्स कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>{app} के बारे में (&amp;A)</translation>
    </message>
    <message>
        <source>Diagnostics copied: paste them into your message to support.</source>
        <translation>डायग्नोस्टिक्स कॉपी हो गए: सपोर्ट को भेजे जाने वाले मैसेज में पेस्ट करें।</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} के बारे में</translation>
    </message>
    <message>
        <source>&lt;p&gt;Enter leads into Superfone CRM from the desktop.&lt;/p&gt;</source>
        <translation>&lt;p&gt;डेस्कटॉप से Superfone CRM में लीड दर्ज करें।&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;License: MIT&lt;/p&gt;</source>
        <translation>&lt;p&gt;लाइसेंस: MIT&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>यूज़र गाइड</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>कीबोर्ड शॉर्टकट</translation>
    </message>
    <message>
        <source>Your API key</source>
        <translation>आपकी API key</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>मदद</translation>
    </message>
    <message>
        <source>This help page is missing ({file}).</source>
        <translation>मदद का यह पन्ना नहीं मिला ({file})।</translation>
    </message>
</context>
<context>
    <name>ImportBatches</name>
    <message>
        <source>All saved leads</source>
        <translation>सभी सेव की गई लीड</translation>
    </message>
    <message>
        <source>{count} sent</source>
        <translation>{count} भेजी गईं</translation>
    </message>
    <message>
        <source>{count} waiting</source>
        <translation>{count} बाकी</translation>
    </message>
    <message>
        <source>{count} refused</source>
        <translation>{count} अस्वीकार</translation>
    </message>
    <message>
        <source>&amp;Import:</source>
        <translation>इम्पोर्ट (&amp;I):</translation>
    </message>
    <message>
        <source>Show the rows of one import</source>
        <translation>एक इम्पोर्ट की पंक्तियाँ दिखाएँ</translation>
    </message>
    <message>
        <source>&amp;Retry refused</source>
        <translation>अस्वीकार वाली फिर भेजें (&amp;R)</translation>
    </message>
    <message>
        <source>Send this import&apos;s refused rows again, as they were</source>
        <translation>इस इम्पोर्ट की अस्वीकार पंक्तियाँ जैसी थीं वैसी फिर से भेजें</translation>
    </message>
    <message>
        <source>E&amp;xport refused rows…</source>
        <translation>अस्वीकार पंक्तियाँ एक्सपोर्ट करें… (&amp;X)</translation>
    </message>
    <message>
        <source>{count} refused rows are queued again.</source>
        <translation>{count} अस्वीकार पंक्तियाँ फिर से कतार में हैं।</translation>
    </message>
    <message>
        <source>Export refused rows</source>
        <translation>अस्वीकार पंक्तियाँ एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>This import&apos;s file columns are no longer kept (imports older than 90 days are forgotten); nothing was exported.</source>
        <translation>इस इम्पोर्ट की फ़ाइल के कॉलम अब नहीं रखे गए हैं (90 दिन से पुराने इम्पोर्ट भुला दिए जाते हैं); कुछ भी एक्सपोर्ट नहीं हुआ।</translation>
    </message>
    <message>
        <source>{count} rows saved to {file}, with the reason in the last column.</source>
        <translation>{count} पंक्तियाँ {file} में सेव हुईं, आखिरी कॉलम में वजह के साथ।</translation>
    </message>
</context>
<context>
    <name>ImportEntry</name>
    <message>
        <source>One file at a time: not opened {files}</source>
        <extracomment>What a dropped contact card may fill in the form (the rest stays as the user had it).</extracomment>
        <translation>एक बार में एक ही फ़ाइल: {files} नहीं खोली गई</translation>
    </message>
    <message>
        <source>Could not read {file}: {reason}</source>
        <translation>{file} पढ़ी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <source>From {file}</source>
        <translation>{file} से</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message>
        <source>Choose a file</source>
        <extracomment>Each step&apos;s name in the window title (&quot;Import leads — Preview&quot;).</extracomment>
        <translation>फ़ाइल चुनें</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>कॉलम मिलाएँ</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>प्रीव्यू</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>Import leads — {step}</source>
        <extracomment>Unknown values listed by name per field; the rest are counted.</extracomment>
        <translation>लीड इम्पोर्ट करें — {step}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln to create or update</source>
        <translation>
            <numerusform>%Ln बनेगी या अपडेट होगी</numerusform>
            <numerusform>%Ln बनेंगी या अपडेट होंगी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to create</source>
        <translation>
            <numerusform>%Ln बनेगी</numerusform>
            <numerusform>%Ln बनेंगी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln अपडेट होगी</numerusform>
            <numerusform>%Ln अपडेट होंगी</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln अस्वीकार</numerusform>
            <numerusform>%Ln अस्वीकार</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln डुप्लिकेट छोड़ी गई</numerusform>
            <numerusform>%Ln डुप्लिकेट छोड़ी गईं</numerusform>
        </translation>
    </message>
    <message>
        <source>{counts}.</source>
        <translation>{counts}।</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>“{value}” ({count})</source>
        <translation>“{value}” ({count})</translation>
    </message>
    <message numerus="yes">
        <source>{listed} and %Ln more</source>
        <translation>
            <numerusform>{listed} और %Ln अन्य</numerusform>
            <numerusform>{listed} और %Ln अन्य</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in Superfone&apos;s {list} list: {values}</source>
        <translation>Superfone की {list} लिस्ट में नहीं: {values}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s).</source>
        <translation>
            <numerusform>%Ln पंक्ति।</numerusform>
            <numerusform>%Ln पंक्तियाँ।</numerusform>
        </translation>
    </message>
    <message>
        <source>The columns are matched as you matched them last time.</source>
        <translation>कॉलम वैसे ही मिलाए गए हैं जैसे आपने पिछली बार मिलाए थे।</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln lead(s)</source>
        <translation>
            <numerusform>%Ln लीड भेजें (&amp;S)</numerusform>
            <numerusform>%Ln लीड भेजें (&amp;S)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Putting %Ln lead(s) in the outbox…</source>
        <translation>
            <numerusform>%Ln लीड आउटबॉक्स में डाली जा रही है…</numerusform>
            <numerusform>%Ln लीड आउटबॉक्स में डाली जा रही हैं…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) are in the outbox (stopped: the rest were not queued); sending…</source>
        <translation>
            <numerusform>%Ln लीड आउटबॉक्स में है (रोका गया: बाकी कतार में नहीं डाली गईं); भेजी जा रही है…</numerusform>
            <numerusform>%Ln लीड आउटबॉक्स में हैं (रोका गया: बाकी कतार में नहीं डाली गईं); भेजी जा रही हैं…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) are in the outbox; sending…</source>
        <translation>
            <numerusform>%Ln लीड आउटबॉक्स में है; भेजी जा रही है…</numerusform>
            <numerusform>%Ln लीड आउटबॉक्स में हैं; भेजी जा रही हैं…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected to Superfone: they go when the app is connected.</source>
        <translation>Superfone से कनेक्ट नहीं है: ऐप के कनेक्ट होते ही ये भेजी जाएँगी।</translation>
    </message>
    <message>
        <source>You can close this window: sending goes on, and the Outbox tab shows it.</source>
        <translation>आप यह विंडो बंद कर सकते हैं: भेजना जारी रहेगा, और आउटबॉक्स टैब में दिखेगा।</translation>
    </message>
    <message numerus="yes">
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln बनी</numerusform>
            <numerusform>%Ln बनीं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln अपडेट हुई</numerusform>
            <numerusform>%Ln अपडेट हुईं</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent (stopped)</source>
        <translation>
            <numerusform>%Ln नहीं भेजी गई (रोका गया)</numerusform>
            <numerusform>%Ln नहीं भेजी गईं (रोका गया)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln रुकी हुई</numerusform>
            <numerusform>%Ln रुकी हुई</numerusform>
        </translation>
    </message>
    <message>
        <source>{waiting}: {reason}</source>
        <translation>{waiting}: {reason}</translation>
    </message>
    <message>
        <source>{results}; {waiting}</source>
        <translation>{results}; {waiting}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) saved to {file}, with the reason in the last column.</source>
        <translation>
            <numerusform>%Ln पंक्ति {file} में सेव हुई, आखिरी कॉलम में वजह के साथ।</numerusform>
            <numerusform>%Ln पंक्तियाँ {file} में सेव हुईं, आखिरी कॉलम में वजह के साथ।</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <extracomment>How often the send page reads the batch&apos;s counts while delivery works.</extracomment>
        <translation>&lt; पीछे (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>आगे (&amp;N) &gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Import leads</source>
        <translation>लीड इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Lead lists ({patterns})</source>
        <translation>लीड की लिस्ट ({patterns})</translation>
    </message>
    <message>
        <source>Not connected to Superfone: not looked up.</source>
        <translation>Superfone से कनेक्ट नहीं है: फ़ोन जाँचे नहीं गए।</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>हर पंक्ति जाँची जा रही है…</translation>
    </message>
    <message>
        <source>S&amp;top sending this import</source>
        <translation>इस इम्पोर्ट को भेजना रोकें (&amp;T)</translation>
    </message>
    <message>
        <source>The leads could not be queued: {reason}</source>
        <translation>लीड कतार में नहीं डाली जा सकीं: {reason}</translation>
    </message>
    <message>
        <source>Delivery is paused.</source>
        <translation>भेजना रुका हुआ है।</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>हो गया।</translation>
    </message>
    <message>
        <source>Export refused rows</source>
        <translation>अस्वीकार पंक्तियाँ एक्सपोर्ट करें</translation>
    </message>
    <message>
        <source>CSV files ({patterns})</source>
        <translation>CSV फ़ाइलें ({patterns})</translation>
    </message>
    <message>
        <source>Could not save {file}: {reason}</source>
        <translation>{file} सेव नहीं हो सकी: {reason}</translation>
    </message>
</context>
<context>
    <name>KeptValues</name>
    <message>
        <source>Nothing is kept for the next lead.</source>
        <extracomment>Form field → the StickyDefaults attribute that carries it to the next lead.</extracomment>
        <translation>अगली लीड के लिए कुछ नहीं रखा गया है।</translation>
    </message>
    <message>
        <source>Kept for the next lead: {labels} ({keys} forgets them).</source>
        <translation>अगली लीड के लिए रखे गए: {labels} ({keys} से भूल जाएँ)।</translation>
    </message>
    <message>
        <source>your last session</source>
        <extracomment>Field → the value that was carried over (the marker shows while it is there).</extracomment>
        <translation>आपका पिछला सेशन</translation>
    </message>
    <message>
        <source>Kept from {origin}, for this lead too. Change it, or press {keys} (Presets → Forget kept values) to empty all kept fields.</source>
        <translation>{origin} से रखा गया, इस लीड के लिए भी। इसे बदलें, या सभी रखे गए फ़ील्ड खाली करने के लिए {keys} दबाएँ (प्रीसेट → रखी गई वैल्यू भूल जाएँ)।</translation>
    </message>
    <message>
        <source>Forgotten: {names}.</source>
        <translation>भूल गए: {names}।</translation>
    </message>
    <message>
        <source>Nothing was kept.</source>
        <translation>कुछ भी रखा नहीं गया था।</translation>
    </message>
    <message>
        <source> Kept values stay: {labels}.</source>
        <translation> रखी गई वैल्यू बनी रहेंगी: {labels}।</translation>
    </message>
    <message>
        <source>Clear the form (Esc).{kept}</source>
        <translation>फ़ॉर्म खाली करें (Esc)।{kept}</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>रखा गया</translation>
    </message>
</context>
<context>
    <name>KioskSettingsDialog</name>
    <message>
        <source>One choice per line: Title | labels | products, e.g.
Home loans | Walk-in, Loans | Home Loan</source>
        <translation>हर लाइन में एक विकल्प: नाम | लेबल | प्रोडक्ट, जैसे
Home loans | Walk-in, Loans | Home Loan</translation>
    </message>
    <message>
        <source>Kiosk settings</source>
        <translation>कियॉस्क सेटिंग्स</translation>
    </message>
    <message>
        <source>Same as the app</source>
        <translation>ऐप जैसी ही</translation>
    </message>
    <message>
        <source>Notice the visitor agrees to</source>
        <translation>सूचना, जिस पर विज़िटर सहमति देता है</translation>
    </message>
    <message>
        <source>Notice version</source>
        <translation>सूचना का वर्ज़न</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>New PIN (empty: keep)</source>
        <translation>नया PIN (खाली: पुराना ही रहेगा)</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN दोबारा</translation>
    </message>
    <message>
        <source>“I&apos;m interested in” choices</source>
        <translation>“मेरी रुचि है” के विकल्प</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>सोर्स</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>सोर्स टाइप</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>स्टेज</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>ग्रुप</translation>
    </message>
    <message>
        <source>Assignee phone</source>
        <translation>असाइनी का फ़ोन</translation>
    </message>
    <message>
        <source>Labels (comma-separated)</source>
        <translation>लेबल (कॉमा से अलग करें)</translation>
    </message>
    <message>
        <source>Kiosk language</source>
        <translation>कियॉस्क की भाषा</translation>
    </message>
    <message>
        <source>The two PINs differ</source>
        <translation>दोनों PIN अलग-अलग हैं</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <source>Sorry, that didn&apos;t go through. Please ask at the desk.</source>
        <extracomment>The admin&apos;s key chord: no visitor presses four keys at once by accident. The notice is read, not tapped: a little smaller, so a full paragraph fits beside the form.</extracomment>
        <translation>माफ़ कीजिए, यह सेव नहीं हो पाया। कृपया डेस्क पर पूछें।</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>कियॉस्क</translation>
    </message>
    <message>
        <source>Welcome! Leave your number and we&apos;ll get in touch.</source>
        <translation>स्वागत है! अपना नंबर दें, हम आपसे संपर्क करेंगे।</translation>
    </message>
    <message>
        <source>Thank you, {name}!

We&apos;ll be in touch soon.</source>
        <translation>धन्यवाद, {name}!

हम जल्द ही आपसे संपर्क करेंगे।</translation>
    </message>
</context>
<context>
    <name>LeadCard</name>
    <message>
        <source>Stored in Superfone; not sent unless you change it</source>
        <translation>Superfone में सेव है; जब तक आप न बदलें, भेजा नहीं जाता</translation>
    </message>
    <message>
        <source>{name} (stored); type a team member&apos;s phone to change</source>
        <translation>{name} (सेव है); बदलने के लिए टीम सदस्य का फ़ोन लिखें</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>Could not list the tasks: {reason}</source>
        <translation>टास्क की लिस्ट नहीं मिल सकी: {reason}</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>असाइन नहीं</translation>
    </message>
    <message>
        <source>user {id}</source>
        <translation>यूज़र {id}</translation>
    </message>
    <message>
        <source>Completing…</source>
        <translation>पूरा हो रहा है…</translation>
    </message>
    <message>
        <source>Booking this {kind} closes the lead&apos;s open {tasks} (Superfone keeps one open call or visit per lead).</source>
        <translation>यह {kind} बुक करने पर लीड का खुला {tasks} बंद हो जाएगा (Superfone हर लीड का एक ही खुला कॉल या विज़िट रखता है)।</translation>
    </message>
</context>
<context>
    <name>LeadFinder</name>
    <message>
        <source>Looking up {phone}…</source>
        <translation>{phone} ढूँढा जा रहा है…</translation>
    </message>
    <message>
        <source>Could not look this phone up: {reason} Save will try again.</source>
        <translation>यह फ़ोन ढूँढा नहीं जा सका: {reason} सेव करते समय फिर कोशिश होगी।</translation>
    </message>
    <message>
        <source>Save will &lt;b&gt;update&lt;/b&gt; the existing lead: </source>
        <translation>सेव करने पर मौजूदा लीड &lt;b&gt;अपडेट&lt;/b&gt; होगी: </translation>
    </message>
    <message>
        <source>No lead has {phone} yet: Save will &lt;b&gt;create&lt;/b&gt; one.</source>
        <translation>{phone} की कोई लीड अभी नहीं है: सेव करने पर नई लीड &lt;b&gt;बनेगी&lt;/b&gt;।</translation>
    </message>
    <message>
        <source>No lead has {phone}, and creating leads is off: Save will fail. Turn on “Create the lead if this phone is new” to add it.</source>
        <translation>{phone} की कोई लीड नहीं है, और नई लीड बनाना बंद है: सेव नहीं होगा। जोड़ने के लिए “फ़ोन नया हो तो लीड बनाएँ” चालू करें।</translation>
    </message>
    <message>
        <source>No name</source>
        <translation>कोई नाम नहीं</translation>
    </message>
    <message>
        <source>stage {title}</source>
        <translation>स्टेज {title}</translation>
    </message>
    <message>
        <source>group {title}</source>
        <translation>ग्रुप {title}</translation>
    </message>
    <message>
        <source>assigned to {name}</source>
        <translation>{name} को असाइन</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>असाइन नहीं</translation>
    </message>
    <message>
        <source>labels {titles}</source>
        <translation>लेबल {titles}</translation>
    </message>
    <message>
        <source> This number is a secondary phone of the lead; it will be saved under its primary phone {phone}.</source>
        <translation> यह नंबर लीड का दूसरा फ़ोन है; यह उसके मुख्य फ़ोन {phone} के साथ सेव होगा।</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>Create the lead if this phone is new</source>
        <extracomment>QLineEdit cuts a paste at 32,767 characters without a word; a paste that long is refused by validation with its real length instead, and nothing is cut. Field → its &quot;kept&quot; marker (``ui.form.kept_values`` shows them), once built.</extracomment>
        <translation>फ़ोन नया हो तो लीड बनाएँ</translation>
    </message>
    <message>
        <source>Create the lead if the phone is new</source>
        <translation>फ़ोन नया हो तो लीड बनाएँ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सेव करें (&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>सेव करें (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Save &amp;&amp; &amp;New</source>
        <translation>सेव और नया (&amp;N)</translation>
    </message>
    <message>
        <source>Save and start the next lead (Ctrl+Shift+Enter)</source>
        <translation>सेव करें और अगली लीड शुरू करें (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>खाली करें</translation>
    </message>
    <message>
        <source>Clear the form (Esc)</source>
        <translation>फ़ॉर्म खाली करें (Esc)</translation>
    </message>
    <message>
        <source>A number in {place} (e.g. {example}), or one with +country code</source>
        <translation>{place} का नंबर (जैसे {example}), या +देश कोड वाला नंबर</translation>
    </message>
    <message>
        <source>A number in {place}, or one with +country code</source>
        <translation>{place} का नंबर, या +देश कोड वाला नंबर</translation>
    </message>
    <message>
        <source>Nothing in the list matches “{text}” ({noun}).</source>
        <translation>लिस्ट में “{text}” से मिलता कुछ नहीं है ({noun})।</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सेव हो रहा है…</translation>
    </message>
    <message>
        <source>Type the phone first: the app looks it up, says whether Save will create a lead or update one, and fills in what Superfone already has.</source>
        <translation>पहले फ़ोन नंबर लिखें: ऐप उसे Superfone में ढूँढता है, बताता है कि सेव करने पर नई लीड बनेगी या मौजूदा लीड अपडेट होगी, और Superfone में जो पहले से है वह भर देता है।</translation>
    </message>
    <message>
        <source>Has labels (click to remove):</source>
        <translation>लगे हुए लेबल (हटाने के लिए क्लिक करें):</translation>
    </message>
    <message>
        <source>Remove label {title} from the lead</source>
        <translation>लीड से लेबल {title} हटाएँ</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo — nothing is sent to Superfone</source>
        <translation>डेमो — Superfone को कुछ नहीं भेजा जाता</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>लीड</translation>
    </message>
    <message>
        <source>Outbox</source>
        <extracomment>Reads and edits of the outbox for the view and the status line: one at a time, in order, off the GUI thread (and never queued behind a slow catalog fetch).</extracomment>
        <translation>आउटबॉक्स</translation>
    </message>
    <message>
        <source>Starting the demo…</source>
        <extracomment>The window is (or starts as) a demo. The band over the form; part of the first paint.</extracomment>
        <translation>डेमो शुरू हो रहा है…</translation>
    </message>
    <message>
        <source>The demo did not start: {reason}</source>
        <translation>डेमो शुरू नहीं हुआ: {reason}</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>डेमो</translation>
    </message>
    <message>
        <source>Superfone did not accept the API key, so the lists could not be loaded. Enter a valid key.</source>
        <translation>Superfone ने API key स्वीकार नहीं की, इसलिए लिस्ट लोड नहीं हो सकीं। सही key डालें।</translation>
    </message>
    <message>
        <source>Preset “{name}” applied</source>
        <translation>प्रीसेट “{name}” लागू किया गया</translation>
    </message>
    <message>
        <source>Outbox ({count})</source>
        <translation>आउटबॉक्स ({count})</translation>
    </message>
    <message>
        <source>Quit without saving?</source>
        <translation>सेव किए बिना बंद करें?</translation>
    </message>
    <message>
        <source>This lead has not been saved. Quit?</source>
        <translation>यह लीड सेव नहीं हुई है। बंद करें?</translation>
    </message>
    <message>
        <source>Quit with leads waiting?</source>
        <translation>लीड अभी भेजी जानी बाकी हैं, फिर भी बंद करें?</translation>
    </message>
    <message numerus="yes">
        <source>%n saved lead(s) waiting to send, sent the next time you start {app}. Quit now?</source>
        <translation>
            <numerusform>%n सेव की गई लीड भेजी जानी बाकी है। यह अगली बार {app} शुरू करने पर भेजी जाएगी। अभी बंद करें?</numerusform>
            <numerusform>%n सेव की गई लीड भेजी जानी बाकी हैं। ये अगली बार {app} शुरू करने पर भेजी जाएँगी। अभी बंद करें?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>— not imported —</source>
        <translation>— इम्पोर्ट नहीं —</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>फ़ाइल का कॉलम</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>किस रूप में इम्पोर्ट करें</translation>
    </message>
    <message>
        <source>Row {number}</source>
        <translation>पंक्ति {number}</translation>
    </message>
    <message>
        <source>Check which lead field each column fills. Your choice is remembered for files with the same columns.</source>
        <translation>देखें कि हर कॉलम लीड का कौन-सा फ़ील्ड भरता है। यही कॉलम वाली फ़ाइलों के लिए आपकी पसंद याद रखी जाती है।</translation>
    </message>
    <message>
        <source>Import column {column} as</source>
        <translation>कॉलम {column} को इस रूप में इम्पोर्ट करें</translation>
    </message>
</context>
<context>
    <name>MultiPicker</name>
    <message>
        <source>Backspace removes the last of the {noun}; Left moves onto them</source>
        <translation>Backspace आखिरी {noun} हटाता है; Left से उन पर जाएँ</translation>
    </message>
</context>
<context>
    <name>NoteReceipt</name>
    <message>
        <source>Note saved</source>
        <extracomment>Longer notes are shown cut, with an ellipsis; the whole text is in the tooltip. The entry whose note the line shows, and that note&apos;s text.</extracomment>
        <translation>नोट सेव हुआ</translation>
    </message>
    <message>
        <source>Note posted</source>
        <translation>नोट पोस्ट हुआ</translation>
    </message>
    <message>
        <source>{what}: {note}</source>
        <translation>{what}: {note}</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Waiting to send</source>
        <translation>भेजना बाकी</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>भेजी जा रही है…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>भेज दी गई</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>ध्यान देना है</translation>
    </message>
    <message>
        <source>Paused: API key</source>
        <translation>रुकी हुई: API key</translation>
    </message>
    <message>
        <source>Discarded</source>
        <translation>हटा दी गई</translation>
    </message>
    <message>
        <source>All</source>
        <extracomment>The state filter&apos;s choices: label -&gt; states (None = all).</extracomment>
        <translation>सभी</translation>
    </message>
    <message>
        <source>Timeline note may not have been posted: post it again?</source>
        <translation>टाइमलाइन नोट शायद पोस्ट नहीं हुआ: फिर से पोस्ट करें?</translation>
    </message>
    <message>
        <source>the follow-up</source>
        <translation>फ़ॉलो-अप</translation>
    </message>
    <message>
        <source>the note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Sending {rest}…</source>
        <translation>{rest} भेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Saved under another API key: sent when that key is set again, or discard it.</source>
        <translation>दूसरी API key से सेव हुई है: वह key फिर से डालने पर भेजी जाएगी, या इसे हटा दें।</translation>
    </message>
    <message>
        <source>Superfone said: {message}</source>
        <translation>Superfone ने कहा: {message}</translation>
    </message>
    <message>
        <source>Find by name or phone</source>
        <extracomment>A load is under way / another is wanted after it (filters changed meanwhile). What the last action could not do, shown once the rows are fresh. The whole outbox&apos;s counts when the rows were read (no import picked). Only the rows of this import (its batch id), set by ui.import_wizard&apos;s picker.</extracomment>
        <translation>नाम या फ़ोन से ढूँढें</translation>
    </message>
    <message>
        <source>Find saved leads by name or phone</source>
        <translation>सेव की गई लीड नाम या फ़ोन से ढूँढें</translation>
    </message>
    <message>
        <source>Show saved leads in state</source>
        <translation>इस स्थिति वाली सेव की गई लीड दिखाएँ</translation>
    </message>
    <message>
        <source>Saved leads</source>
        <translation>सेव की गई लीड</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>सेव हुई</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>State</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Open in form</source>
        <translation>फ़ॉर्म में खोलें</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>अभी भेजें</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>हटाएँ…</translation>
    </message>
    <message>
        <source>Post note again</source>
        <translation>नोट फिर पोस्ट करें</translation>
    </message>
    <message>
        <source>Note is there</source>
        <translation>नोट मौजूद है</translation>
    </message>
    <message>
        <source>Cannot read the outbox: {reason}</source>
        <translation>आउटबॉक्स पढ़ा नहीं जा सका: {reason}</translation>
    </message>
    <message>
        <source>Field: {field}</source>
        <translation>फ़ील्ड: {field}</translation>
    </message>
    <message>
        <source>{waiting} waiting to send · {attention} need attention · {sent} sent</source>
        <translation>{waiting} भेजनी बाकी · {attention} पर ध्यान देना है · {sent} भेजी गईं</translation>
    </message>
    <message>
        <source>Nothing saved yet: every lead you save is listed here at once.</source>
        <translation>अभी कुछ सेव नहीं हुआ: आप जो भी लीड सेव करेंगे, वह तुरंत यहाँ दिखेगी।</translation>
    </message>
    <message>
        <source>Discard this lead?</source>
        <translation>यह लीड हटाएँ?</translation>
    </message>
    <message>
        <source>Discard the saved lead {who}? It will not be sent to Superfone.</source>
        <translation>सेव की गई लीड {who} हटाएँ? यह Superfone को नहीं भेजी जाएगी।</translation>
    </message>
    <message>
        <source>the rest</source>
        <translation>बाकी</translation>
    </message>
</context>
<context>
    <name>PauseText</name>
    <message>
        <source>Superfone did not accept the API key. Enter a valid key: saved leads wait in the outbox and are sent as soon as it works.</source>
        <extracomment>The Settings message for a refused key (tests and the key flow look for its words).</extracomment>
        <translation>Superfone ने API key स्वीकार नहीं की। सही key डालें: सेव की गई लीड आउटबॉक्स में रुकी रहती हैं और key चलते ही भेजी जाती हैं।</translation>
    </message>
    <message>
        <source>Waiting: {reason}.</source>
        <translation>रुकी हुई: {reason}।</translation>
    </message>
    <message>
        <source>Saved leads are not being sent: {reason}.{detail} They wait in the outbox and are sent as soon as the connection works.</source>
        <translation>सेव की गई लीड नहीं भेजी जा रहीं: {reason}।{detail} ये आउटबॉक्स में रुकी रहती हैं और कनेक्शन चलते ही भेजी जाती हैं।</translation>
    </message>
</context>
<context>
    <name>PausedLeads</name>
    <message>
        <source>Send the waiting leads with this key?</source>
        <translation>रुकी हुई लीड इस key से भेजें?</translation>
    </message>
    <message numerus="yes">
        <source>%n saved lead(s) waited because Superfone did not accept the API key at the time. Send them with this key? Say yes only if this key is for the same Superfone account.</source>
        <translation>
            <numerusform>%n सेव की गई लीड रुकी रही क्योंकि उस समय Superfone ने API key स्वीकार नहीं की थी। क्या इसे इस key से भेजें? हाँ तभी कहें जब यह key उसी Superfone अकाउंट की हो।</numerusform>
            <numerusform>%n सेव की गई लीड रुकी रहीं क्योंकि उस समय Superfone ने API key स्वीकार नहीं की थी। क्या इन्हें इस key से भेजें? हाँ तभी कहें जब यह key उसी Superfone अकाउंट की हो।</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the waiting leads to this address?</source>
        <translation>रुकी हुई लीड इस पते पर भेजें?</translation>
    </message>
    <message numerus="yes">
        <source>%n saved lead(s) with this API key waited because the server address did not work (it redirected, its certificate was refused, or it could not be used). Send them to the address now set?</source>
        <translation>
            <numerusform>इस API key वाली %n सेव की गई लीड रुकी रही क्योंकि सर्वर का पता काम नहीं कर रहा था (उसने रीडायरेक्ट किया, उसका सर्टिफ़िकेट अस्वीकार हुआ, या वह इस्तेमाल नहीं हो सका)। क्या इसे अभी सेट किए गए पते पर भेजें?</numerusform>
            <numerusform>इस API key वाली %n सेव की गई लीड रुकी रहीं क्योंकि सर्वर का पता काम नहीं कर रहा था (उसने रीडायरेक्ट किया, उसका सर्टिफ़िकेट अस्वीकार हुआ, या वह इस्तेमाल नहीं हो सका)। क्या इन्हें अभी सेट किए गए पते पर भेजें?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Kiosk PIN</source>
        <translation>कियॉस्क PIN</translation>
    </message>
    <message>
        <source>Enter the kiosk PIN to leave kiosk mode or change its settings.</source>
        <translation>कियॉस्क मोड से बाहर निकलने या इसकी सेटिंग्स बदलने के लिए कियॉस्क PIN डालें।</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएँ</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n try(s) left.</source>
        <translation>
            <numerusform>गलत PIN। %n कोशिश बाकी है।</numerusform>
            <numerusform>गलत PIN। %n कोशिशें बाकी हैं।</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>बहुत बार गलत PIN डाला गया। %n सेकंड बाद फिर कोशिश करें।</numerusform>
            <numerusform>बहुत बार गलत PIN डाला गया। %n सेकंड बाद फिर कोशिश करें।</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the kiosk PIN.</source>
        <translation>कियॉस्क PIN डालें।</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Could not save settings: {reason}</source>
        <translation>सेटिंग्स सेव नहीं हो सकीं: {reason}</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>&amp;Look each phone up in Superfone (tells new leads from updates)</source>
        <translation>हर फ़ोन Superfone में जाँचें (&amp;L) (नई लीड और अपडेट अलग बताता है)</translation>
    </message>
    <message>
        <source>One Get Lead per row, 5 a second: 1,000 rows take about 3 minutes</source>
        <translation>हर पंक्ति पर एक Get Lead, एक सेकंड में 5: 1,000 पंक्तियों में लगभग 3 मिनट लगते हैं</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Not imported because</source>
        <translation>इम्पोर्ट न होने की वजह</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>यहाँ देखें (&amp;L):</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>फ़ाइल का नाम (&amp;N):</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>फ़ाइल का प्रकार (&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>खोलें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>सेव करें (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>चुनें (&amp;C)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>इस नाम से सेव करें</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>फ़ोल्डर</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>फ़ोल्डर:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>पीछे जाएँ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>आगे जाएँ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ऊपर वाला फ़ोल्डर</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ऊपर वाले फ़ोल्डर में जाएँ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>नया फ़ोल्डर</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>नया फ़ोल्डर (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>नाम बदलें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>मिटाएँ (&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएँ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>छिपी फ़ाइलें दिखाएँ (&amp;H)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>सूची</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>विवरण के साथ</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>सूची के रूप में दिखाएँ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>विवरण के साथ दिखाएँ</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>हाल की जगहें</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>साइडबार</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>जगहों और बुकमार्क की सूची</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>किस्म</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>बदलने की तारीख</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>मेरा कंप्यूटर</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>कंप्यूटर</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>मान लिखें:</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पहले जैसा करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>पेस्ट करें (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएँ...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएँ...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सेव करें</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सभी सेव करें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>हाँ (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सभी के लिए हाँ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>नहीं (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सभी के लिए नहीं (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>रोकें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर कोशिश करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>मदद</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>डिफ़ॉल्ट वापस लाएँ</translation>
    </message>
</context>
<context>
    <name>QTabBar</name>
    <message>
        <source>Scroll Left</source>
        <translation>बाएँ स्क्रॉल करें</translation>
    </message>
    <message>
        <source>Scroll Right</source>
        <translation>दाएँ स्क्रॉल करें</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>पहले जैसा करें (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>फिर से करें (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>काटें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>कॉपी करें (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>पेस्ट करें (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>मिटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सब चुनें</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>Superfone said: {text}</source>
        <extracomment>Fields the user has left: only those are checked live. A server&apos;s complaint: field -&gt; (what the form shows, the value it was about, Superfone&apos;s own words for the tooltip). Entries saved in this window whose outcome it still reports. Of those, the ones already reported saved (the lead is on Superfone; its note or follow-up was still going): ``saved`` is emitted once per entry. The entry whose outcome the result line shows (the latest save). A plain Save keeps the buttons busy until this entry has an outcome. Saving replaces this entry (a refused lead opened back in the form). The phone (E.164) of that entry: saving another phone adds a new entry. The kept values&apos; markers: what Save &amp; New carries over, and forgetting it. The assignee field completes names of the team it learns from Superfone. The stored lead, the change list, its tasks and the follow-up (issue #14). The note box empties once its note is saved; Save again never re-posts it.</extracomment>
        <translation>Superfone ने कहा: {text}</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n field(s) need attention.</source>
        <translation>
            <numerusform>सेव नहीं हुआ: %n फ़ील्ड पर ध्यान देना है।</numerusform>
            <numerusform>सेव नहीं हुआ: %n फ़ील्ड पर ध्यान देना है।</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: check the follow-up time.</source>
        <translation>सेव नहीं हुआ: फ़ॉलो-अप का समय जाँचें।</translation>
    </message>
    <message>
        <source>Not saved.</source>
        <translation>सेव नहीं हुआ।</translation>
    </message>
    <message>
        <source>Could not keep the lead on this computer: {reason}</source>
        <translation>लीड इस कंप्यूटर पर सेव नहीं हो सकी: {reason}</translation>
    </message>
    <message>
        <source>Saved {lead}: sending…</source>
        <translation>{lead} सेव हुई: भेजी जा रही है…</translation>
    </message>
    <message>
        <source>Saved on this computer: it is sent once an API key is set.</source>
        <translation>इस कंप्यूटर पर सेव हुई: API key डालते ही भेजी जाएगी।</translation>
    </message>
    <message>
        <source>Saved on this computer: it is sent when Superfone can be reached.</source>
        <translation>इस कंप्यूटर पर सेव हुई: Superfone से कनेक्शन होते ही भेजी जाएगी।</translation>
    </message>
    <message>
        <source>the lead you just saved</source>
        <translation>अभी सेव की गई लीड</translation>
    </message>
    <message>
        <source>Clear the form?</source>
        <translation>फ़ॉर्म खाली करें?</translation>
    </message>
    <message>
        <source>Clear what you typed for this lead? {kept}</source>
        <translation>इस लीड के लिए जो टाइप किया है उसे खाली करें? {kept}</translation>
    </message>
    <message>
        <source>the last lead you saved</source>
        <translation>आखिरी सेव की गई लीड</translation>
    </message>
    <message>
        <source>Cleared. {kept}</source>
        <translation>खाली कर दिया। {kept}</translation>
    </message>
    <message>
        <source>Replace the form?</source>
        <translation>फ़ॉर्म बदलें?</translation>
    </message>
    <message>
        <source>Open the saved lead in the form, replacing what is typed?</source>
        <translation>टाइप किए हुए की जगह सेव की गई लीड फ़ॉर्म में खोलें?</translation>
    </message>
    <message>
        <source>Fix the lead and save: it replaces the one in the outbox.</source>
        <translation>लीड ठीक करके सेव करें: यह आउटबॉक्स वाली लीड की जगह ले लेगी।</translation>
    </message>
    <message>
        <source>{result} (sending {rest}…)</source>
        <translation>{result} ({rest} भेजा जा रहा है…)</translation>
    </message>
    <message>
        <source>{who}: {question} See the Outbox tab.</source>
        <translation>{who}: {question} आउटबॉक्स टैब देखें।</translation>
    </message>
    <message>
        <source>Saved{outcome}.</source>
        <translation>सेव हुई{outcome}।</translation>
    </message>
    <message>
        <source>Not saved: Superfone refused a field.</source>
        <translation>सेव नहीं हुआ: Superfone ने एक फ़ील्ड स्वीकार नहीं किया।</translation>
    </message>
    <message>
        <source>A saved lead needs attention ({who}): {text} Open it from the Outbox tab.</source>
        <translation>एक सेव की गई लीड पर ध्यान देना है ({who}): {text} इसे आउटबॉक्स टैब से खोलें।</translation>
    </message>
    <message>
        <source>Not sent: {who} needs attention.</source>
        <translation>नहीं भेजी गई: {who} पर ध्यान देना है।</translation>
    </message>
    <message>
        <source>Saved on this computer; sending when Superfone answers.</source>
        <translation>इस कंप्यूटर पर सेव हुई; Superfone के जवाब देते ही भेजी जाएगी।</translation>
    </message>
    <message>
        <source>{error} Saved leads are kept on this computer and sent automatically.</source>
        <translation>{error} सेव की गई लीड इस कंप्यूटर पर रहती हैं और अपने आप भेजी जाती हैं।</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>S&amp;top sending this import</source>
        <translation>इस इम्पोर्ट को भेजना रोकें (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Export refused rows…</source>
        <translation>अस्वीकार पंक्तियाँ एक्सपोर्ट करें… (&amp;E)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>source “{value}”</source>
        <extracomment>The admin&apos;s team members, (phone in E.164, name); None: not shown (no account). Phones delivery sends to at once (Settings.import_senders); used from the next start.</extracomment>
        <translation>सोर्स “{value}”</translation>
    </message>
    <message>
        <source>source type {value}</source>
        <translation>सोर्स टाइप {value}</translation>
    </message>
    <message>
        <source>stage {value}</source>
        <translation>स्टेज {value}</translation>
    </message>
    <message>
        <source>group {value}</source>
        <translation>ग्रुप {value}</translation>
    </message>
    <message>
        <source>assignee {value}</source>
        <translation>असाइनी {value}</translation>
    </message>
    <message>
        <source>labels {value}</source>
        <translation>लेबल {value}</translation>
    </message>
    <message>
        <source>creates new leads</source>
        <translation>नई लीड बनाता है</translation>
    </message>
    <message>
        <source>never creates leads</source>
        <translation>कभी नई लीड नहीं बनाता</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>The client in use (the demo&apos;s, or the saved key&apos;s): Test connection without a typed key tests it instead of asking for one (issue 13, bug 10).</extracomment>
        <translation>सेटिंग्स</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>•••••••• (saved; type to replace)</source>
        <translation>•••••••• (सेव है; बदलने के लिए टाइप करें)</translation>
    </message>
    <message>
        <source>Paste the key Superfone gave you</source>
        <translation>Superfone से मिली key यहाँ पेस्ट करें</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>दिखाएँ</translation>
    </message>
    <message>
        <source>Remove saved key</source>
        <translation>सेव की हुई key हटाएँ</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>कनेक्शन जाँचें</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API बेस URL</translation>
    </message>
    <message>
        <source>Default country for phone numbers</source>
        <translation>फ़ोन नंबरों के लिए डिफ़ॉल्ट देश</translation>
    </message>
    <message>
        <source>From the system ({country})</source>
        <translation>सिस्टम से ({country})</translation>
    </message>
    <message>
        <source>Forget defaults</source>
        <translation>डिफ़ॉल्ट भूल जाएँ</translation>
    </message>
    <message>
        <source>Start the next lead with empty source, stage, labels…</source>
        <translation>अगली लीड खाली सोर्स, स्टेज, लेबल… के साथ शुरू करें</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>प्रीसेट</translation>
    </message>
    <message>
        <source>Remove preset</source>
        <translation>प्रीसेट हटाएँ</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>सिस्टम ({language})</translation>
    </message>
    <message>
        <source>Phones sent to at once</source>
        <translation>एक साथ कितने फ़ोन पर भेजें</translation>
    </message>
    <message>
        <source>How many different phones the outbox sends to at the same time. More makes large imports faster. Takes effect at the next start.</source>
        <translation>आउटबॉक्स एक ही समय में कितने अलग-अलग फ़ोन पर भेजता है। ज़्यादा रखने से बड़े इम्पोर्ट जल्दी होते हैं। अगली बार ऐप शुरू करने पर लागू होगा।</translation>
    </message>
    <message>
        <source>API &amp;key</source>
        <extracomment>The account&apos;s members by name for the Assignee field (None: no account yet).</extracomment>
        <translation>API key (&amp;K)</translation>
    </message>
    <message>
        <source>Default &amp;country</source>
        <translation>डिफ़ॉल्ट देश (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा (&amp;L)</translation>
    </message>
    <message>
        <source>Save &amp; New keeps</source>
        <translation>सेव और नया में ये बने रहते हैं</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>प्रीसेट (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Team members</source>
        <translation>टीम सदस्य (&amp;T)</translation>
    </message>
    <message>
        <source>Phones sent to at &amp;once</source>
        <translation>एक साथ कितने फ़ोन पर भेजें (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Base URL (advanced)</source>
        <translation>बेस URL (एडवांस्ड) (&amp;B)</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>छिपाएँ</translation>
    </message>
    <message>
        <source>The saved key will be removed when you press Save.</source>
        <translation>सेव करें दबाने पर सेव की हुई key हट जाएगी।</translation>
    </message>
    <message>
        <source>Nothing: each lead starts empty (applies when you press Save).</source>
        <translation>कुछ नहीं: हर लीड खाली शुरू होगी (सेव करें दबाने पर लागू)।</translation>
    </message>
    <message>
        <source>Type the key to test it.</source>
        <translation>जाँचने के लिए key टाइप करें।</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Menus, tabs, Settings and messages change at once; the form and the Outbox tab at the next start.</source>
        <translation>मेन्यू, टैब, सेटिंग्स और मैसेज तुरंत बदल जाते हैं; फ़ॉर्म और आउटबॉक्स टैब अगली बार ऐप शुरू करने पर।</translation>
    </message>
    <message numerus="yes">
        <source>Connected: the account has %n label(s).</source>
        <translation>
            <numerusform>कनेक्ट हो गया: अकाउंट में %n लेबल है।</numerusform>
            <numerusform>कनेक्ट हो गया: अकाउंट में %n लेबल हैं।</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <translation>नहीं हो पाया: {reason}</translation>
    </message>
</context>
<context>
    <name>SinglePicker</name>
    <message>
        <source>Remove {one} from lead</source>
        <translation>लीड से {one} हटाएँ</translation>
    </message>
    <message>
        <source>Take the {one} off the lead in Superfone when saving (Delete in the empty field)</source>
        <translation>सेव करते समय Superfone में लीड से {one} हटाएँ (खाली फ़ील्ड में Delete)</translation>
    </message>
    <message>
        <source>Undo remove</source>
        <translation>हटाना रद्द करें</translation>
    </message>
    <message>
        <source>Leave the lead&apos;s {one} as it is (Delete in the empty field)</source>
        <translation>लीड का {one} जैसा है वैसा रहने दें (खाली फ़ील्ड में Delete)</translation>
    </message>
    <message>
        <source>— will be cleared —</source>
        <translation>— खाली हो जाएगा —</translation>
    </message>
</context>
<context>
    <name>StartupProblems</name>
    <message>
        <source>File: {file}</source>
        <extracomment>Exit status when the app refuses to start over its data (see ``fatal``).</extracomment>
        <translation>फ़ाइल: {file}</translation>
    </message>
    <message>
        <source>The damaged file was moved aside, not deleted: {names}</source>
        <translation>खराब फ़ाइल को अलग रख दिया गया है, मिटाया नहीं गया: {names}</translation>
    </message>
    <message>
        <source>Your saved leads and your API key are not affected. Settings start from the defaults; set the address, country and presets again in Settings.</source>
        <translation>आपकी सेव की गई लीड और API key पर कोई असर नहीं पड़ा। सेटिंग्स डिफ़ॉल्ट से शुरू होती हैं; पता, देश और प्रीसेट सेटिंग्स में फिर से सेट करें।</translation>
    </message>
    <message>
        <source> The file was left where it is and is replaced when you save settings.</source>
        <translation> फ़ाइल जहाँ थी वहीं छोड़ दी गई है और सेटिंग्स सेव करने पर बदल दी जाएगी।</translation>
    </message>
    <message>
        <source>Settings were reset</source>
        <translation>सेटिंग्स रीसेट हो गईं</translation>
    </message>
    <message>
        <source>The settings file {what}, so it could not be used.</source>
        <translation>सेटिंग्स फ़ाइल {what}, इसलिए इसका इस्तेमाल नहीं हो सका।</translation>
    </message>
    <message>
        <source>The outbox could not be read</source>
        <translation>आउटबॉक्स पढ़ा नहीं जा सका</translation>
    </message>
    <message>
        <source>{error} {app} started with a new, empty outbox.</source>
        <translation>{error} {app} एक नए, खाली आउटबॉक्स के साथ शुरू हुआ।</translation>
    </message>
    <message>
        <source>Leads already delivered to Superfone are safe there. Leads that were waiting to be sent are in the moved file; keep it and contact support to recover them.</source>
        <translation>जो लीड Superfone तक पहुँच चुकी हैं, वे वहाँ सुरक्षित हैं। जो लीड भेजी जानी बाकी थीं, वे अलग रखी गई फ़ाइल में हैं; उसे संभालकर रखें और उन्हें वापस पाने के लिए सपोर्ट से संपर्क करें।</translation>
    </message>
    <message>
        <source>Update {app}</source>
        <translation>{app} अपडेट करें</translation>
    </message>
    <message>
        <source>The outbox was written by a newer version of {app} (schema {found}; this version knows up to {supported}). Update the app to open it.</source>
        <translation>आउटबॉक्स {app} के नए वर्ज़न ने लिखा है (स्कीमा {found}; यह वर्ज़न {supported} तक जानता है)। इसे खोलने के लिए ऐप अपडेट करें।</translation>
    </message>
    <message>
        <source>Nothing was opened or changed: your leads are safe in that file. {app} will close now.</source>
        <translation>कुछ भी खोला या बदला नहीं गया: आपकी लीड उस फ़ाइल में सुरक्षित हैं। {app} अब बंद होगा।</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>डेटा फ़ोल्डर में लिखा नहीं जा सकता</translation>
    </message>
    <message>
        <source>Nothing was changed. {app} needs to save leads there before sending them, so it will close now. Free some disk space or ask for write access to the folder, or start it with --data-dir and another folder.</source>
        <translation>कुछ भी नहीं बदला गया। {app} को लीड भेजने से पहले वहाँ सेव करनी होती हैं, इसलिए यह अब बंद होगा। डिस्क में जगह खाली करें या फ़ोल्डर में लिखने की अनुमति माँगें, या इसे --data-dir और किसी दूसरे फ़ोल्डर के साथ शुरू करें।</translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message>
        <source>Follow-up call</source>
        <extracomment>Task types as the form names them (the API&apos;s FIRST_CALL included).</extracomment>
        <translation>फ़ॉलो-अप कॉल</translation>
    </message>
    <message>
        <source>First call</source>
        <translation>पहली कॉल</translation>
    </message>
    <message>
        <source>Callback request</source>
        <translation>कॉलबैक रिक्वेस्ट</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>साइट विज़िट</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>रिमाइंडर</translation>
    </message>
    <message>
        <source>Open tasks</source>
        <translation>खुले टास्क</translation>
    </message>
    <message>
        <source>Complete newest task</source>
        <translation>सबसे नया टास्क पूरा करें</translation>
    </message>
    <message>
        <source>Complete the lead&apos;s newest open task</source>
        <translation>लीड का सबसे नया खुला टास्क पूरा करें</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
</context>
<context>
    <name>TeamMembersEditor</name>
    <message>
        <source>Team members</source>
        <translation>टीम सदस्य</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>सदस्य जोड़ें</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>सदस्य हटाएँ</translation>
    </message>
    <message>
        <source>enter the member&apos;s name.</source>
        <translation>सदस्य का नाम लिखें।</translation>
    </message>
    <message>
        <source>Team member in row {row}: {problem}</source>
        <translation>पंक्ति {row} का टीम सदस्य: {problem}</translation>
    </message>
</context>
<context>
    <name>VisitorForm</name>
    <message>
        <source>I agree to the notice above</source>
        <translation>मैं ऊपर दी गई सूचना से सहमत हूँ</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>मोबाइल नंबर</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Last name (optional)</source>
        <translation>उपनाम (ज़रूरी नहीं)</translation>
    </message>
    <message>
        <source>Your mobile number</source>
        <translation>आपका मोबाइल नंबर</translation>
    </message>
    <message>
        <source>Your first name</source>
        <translation>आपका पहला नाम</translation>
    </message>
    <message>
        <source>I&apos;m interested in</source>
        <translation>मेरी रुचि है</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>भेजें</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>जैसे {example}</translation>
    </message>
    <message>
        <source>(Notice {version})</source>
        <translation>(सूचना {version})</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>&lt;h2&gt;Welcome to {app}&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;{app} में आपका स्वागत है&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Enter leads into your Superfone CRM account, fast, from the keyboard.
To connect, you need the account&apos;s API key (ask Superfone or your admin).</source>
        <translation>कीबोर्ड से, तेज़ी से, अपने Superfone CRM अकाउंट में लीड दर्ज करें।
कनेक्ट करने के लिए अकाउंट की API key चाहिए (Superfone या अपने एडमिन से माँगें)।</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>API key डालें…</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>डेमो आज़माएँ</translation>
    </message>
    <message>
        <source>A built-in practice account; nothing is sent to Superfone</source>
        <translation>अभ्यास के लिए बना-बनाया अकाउंट; Superfone को कुछ नहीं भेजा जाता</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <extracomment>Filled by ui.help_menu (guide, shortcuts, diagnostics, About).</extracomment>
        <translation>फ़ाइल (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import leads…</source>
        <translation>लीड इम्पोर्ट करें… (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>सेटिंग्स… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Refresh lists</source>
        <translation>लिस्ट रीफ़्रेश करें (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Kiosk mode…</source>
        <translation>कियॉस्क मोड… (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>व्यू (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Lead form</source>
        <translation>लीड फ़ॉर्म (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Outbox and history</source>
        <translation>आउटबॉक्स और हिस्ट्री (&amp;O)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>प्रीसेट</translation>
    </message>
    <message>
        <source>&amp;Save current defaults as preset…</source>
        <translation>मौजूदा डिफ़ॉल्ट को प्रीसेट के रूप में सेव करें… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Forget kept values</source>
        <translation>रखी गई वैल्यू भूल जाएँ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>मदद (&amp;H)</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>प्रीसेट सेव करें</translation>
    </message>
    <message>
        <source>Name (e.g. Walk-in counter):</source>
        <translation>नाम (जैसे वॉक-इन काउंटर):</translation>
    </message>
</context>
<context>
    <name>WorkerPool</name>
    <message>
        <source>Something went wrong inside the app ({kind}). It has been logged.</source>
        <translation>ऐप के अंदर कुछ गड़बड़ हुई ({kind})। इसे लॉग में दर्ज कर लिया गया है।</translation>
    </message>
</context>
<context>
    <name>_Chip</name>
    <message>
        <source>Remove {one} {title}</source>
        <translation>{one} {title} हटाएँ</translation>
    </message>
    <message>
        <source>Remove {title}</source>
        <translation>{title} हटाएँ</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Customer</source>
        <translation>ग्राहक</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>पाइपलाइन</translation>
    </message>
    <message>
        <source>Labels &amp;&amp; products</source>
        <translation>लेबल और प्रोडक्ट</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>डील</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>नोट्स</translation>
    </message>
    <message>
        <source>Other numbers, separated by commas</source>
        <translation>दूसरे नंबर, कॉमा से अलग करके</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>फ़ोन (&amp;P)</translation>
    </message>
    <message>
        <source>98765 43210 or +91 98765 43210</source>
        <translation>98765 43210 या +91 98765 43210</translation>
    </message>
    <message>
        <source>Fi&amp;rst name</source>
        <translation>पहला नाम (&amp;R)</translation>
    </message>
    <message>
        <source>L&amp;ast name</source>
        <translation>उपनाम (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Business</source>
        <translation>बिज़नेस (&amp;B)</translation>
    </message>
    <message>
        <source>E&amp;mail</source>
        <translation>ईमेल (&amp;M)</translation>
    </message>
    <message>
        <source>One or more, separated by commas</source>
        <translation>एक या ज़्यादा, कॉमा से अलग करके</translation>
    </message>
    <message>
        <source>E&amp;xtra phones</source>
        <translation>एक्स्ट्रा फ़ोन (&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>वेबसाइट (&amp;W)</translation>
    </message>
    <message>
        <source>S&amp;tage</source>
        <translation>स्टेज (&amp;T)</translation>
    </message>
    <message>
        <source>Keep the lead&apos;s stage</source>
        <translation>लीड का स्टेज वही रखें</translation>
    </message>
    <message>
        <source>&amp;Group</source>
        <translation>ग्रुप (&amp;G)</translation>
    </message>
    <message>
        <source>Keep the lead&apos;s group</source>
        <translation>लीड का ग्रुप वही रखें</translation>
    </message>
    <message>
        <source>Ass&amp;ignee</source>
        <translation>असाइनी (&amp;I)</translation>
    </message>
    <message>
        <source>Add &amp;labels</source>
        <translation>लेबल जोड़ें (&amp;L)</translation>
    </message>
    <message>
        <source>Type to find a label</source>
        <translation>लेबल ढूँढने के लिए टाइप करें</translation>
    </message>
    <message>
        <source>Rem&amp;ove labels</source>
        <translation>लेबल हटाएँ (&amp;O)</translation>
    </message>
    <message>
        <source>Labels to take off the lead</source>
        <translation>लीड से हटाने वाले लेबल</translation>
    </message>
    <message>
        <source>Produ&amp;cts</source>
        <translation>प्रोडक्ट (&amp;C)</translation>
    </message>
    <message>
        <source>Type to find a product</source>
        <translation>प्रोडक्ट ढूँढने के लिए टाइप करें</translation>
    </message>
    <message>
        <source>&amp;Deal value</source>
        <translation>डील वैल्यू (&amp;D)</translation>
    </message>
    <message>
        <source>50000, 1,50,000 or 2.5L</source>
        <translation>50000, 1,50,000 या 2.5L</translation>
    </message>
    <message>
        <source>So&amp;urce</source>
        <translation>सोर्स (&amp;U)</translation>
    </message>
    <message>
        <source>walk-in, website-form, ...</source>
        <translation>walk-in, website-form, ...</translation>
    </message>
    <message>
        <source>Source t&amp;ype</source>
        <translation>सोर्स टाइप (&amp;Y)</translation>
    </message>
    <message>
        <source>Choose a source type</source>
        <translation>सोर्स टाइप चुनें</translation>
    </message>
    <message>
        <source>Apartment / unit</source>
        <translation>फ़्लैट / यूनिट</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>शुरुआती अक्षर</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>अक्षांश</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>देशांतर</translation>
    </message>
    <message>
        <source>City</source>
        <translation>शहर</translation>
    </message>
    <message>
        <source>About the lead</source>
        <translation>लीड के बारे में</translation>
    </message>
    <message>
        <source>Stored on the lead</source>
        <translation>लीड पर सेव रहता है</translation>
    </message>
    <message>
        <source>Timelin&amp;e note</source>
        <translation>टाइमलाइन नोट (&amp;E)</translation>
    </message>
    <message>
        <source>Added to the lead&apos;s timeline</source>
        <translation>लीड की टाइमलाइन में जुड़ता है</translation>
    </message>
    <message>
        <source>stages</source>
        <translation>स्टेज</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>ग्रुप</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>लेबल</translation>
    </message>
    <message>
        <source>products</source>
        <translation>प्रोडक्ट</translation>
    </message>
    <message>
        <source>source types</source>
        <translation>सोर्स टाइप</translation>
    </message>
    <message>
        <source>Couldn&apos;t read this time — try &apos;tomorrow 11am&apos;</source>
        <translation>यह समय समझ नहीं आया — &apos;tomorrow 11am&apos; जैसा लिखें</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>फ़ॉलो-अप कॉल</translation>
    </message>
    <message>
        <source>Callback request</source>
        <translation>कॉलबैक रिक्वेस्ट</translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation>साइट विज़िट</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>बुकिंग</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>रिमाइंडर</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>सोम</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>मंगल</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>बुध</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>गुरु</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>शुक्र</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>शनि</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>रवि</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>जन॰</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>फ़र॰</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>मार्च</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>अप्रैल</translation>
    </message>
    <message>
        <source>May</source>
        <translation>मई</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>जून</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>जुल॰</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>अग॰</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>सित॰</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>अक्तू॰</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>नव॰</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>दिस॰</translation>
    </message>
    <message>
        <source>{weekday} {day} {month}{year}, {time}</source>
        <translation>{weekday}, {day} {month}{year}, {time}</translation>
    </message>
    <message>
        <source>{type}, {when}</source>
        <translation>{type}, {when}</translation>
    </message>
    <message>
        <source>Type a time, e.g. &apos;tomorrow 11am&apos;</source>
        <translation>समय लिखें, जैसे &apos;tomorrow 11am&apos;</translation>
    </message>
    <message>
        <source>Add a time, e.g. &apos;today 6pm&apos;</source>
        <translation>समय भी लिखें, जैसे &apos;today 6pm&apos;</translation>
    </message>
    <message>
        <source>{shown} has passed — pick a later time</source>
        <translation>{shown} बीत चुका है — बाद का समय चुनें</translation>
    </message>
    <message>
        <source>Too soon to book — pick a time a few minutes away</source>
        <translation>बुक करने के लिए बहुत जल्दी है — कुछ मिनट बाद का समय चुनें</translation>
    </message>
    <message>
        <source>{shown} is more than a year away — check the date</source>
        <translation>{shown} एक साल से ज़्यादा दूर है — तारीख जाँचें</translation>
    </message>
    <message>
        <source>The follow-up time ({shown}) passed before sending</source>
        <translation>फ़ॉलो-अप का समय ({shown}) भेजने से पहले ही बीत गया</translation>
    </message>
    <message>
        <source>{what}: waiting to be booked</source>
        <translation>{what}: बुक होना बाकी</translation>
    </message>
    <message>
        <source>; {what} booked</source>
        <translation>; {what} बुक हो गया</translation>
    </message>
    <message>
        <source>; its follow-up was not booked</source>
        <translation>; इसका फ़ॉलो-अप बुक नहीं हुआ</translation>
    </message>
    <message>
        <source>{what}: booked</source>
        <translation>{what}: बुक हो गया</translation>
    </message>
    <message>
        <source>{what}: not booked</source>
        <translation>{what}: बुक नहीं हुआ</translation>
    </message>
    <message>
        <source>{what}: checking whether it was booked</source>
        <translation>{what}: जाँच हो रही है कि बुक हुआ या नहीं</translation>
    </message>
    <message>
        <source>Follow-up: can&apos;t be read</source>
        <translation>फ़ॉलो-अप: पढ़ा नहीं जा सका</translation>
    </message>
    <message>
        <source>We, the business at this desk, collect your phone number and name to follow up on your visit and on what you are interested in. We may call you or send you a message about it. We keep them in our customer records (Superfone CRM) and use them for nothing else. Ask us at the desk at any time to see, correct or delete them, or to withdraw your consent.</source>
        <translation>हम, इस डेस्क वाला बिज़नेस, आपकी विज़िट और आपकी रुचि के बारे में आगे बात करने के लिए आपका फ़ोन नंबर और नाम लेते हैं। इसके लिए हम आपको कॉल या मैसेज कर सकते हैं। हम इन्हें अपने ग्राहक रिकॉर्ड (Superfone CRM) में रखते हैं और किसी और काम में इस्तेमाल नहीं करते। इन्हें देखने, ठीक करवाने या मिटवाने, या अपनी सहमति वापस लेने के लिए कभी भी डेस्क पर हमसे कहें।</translation>
    </message>
    <message>
        <source>Please tick “I agree” first: without it we can&apos;t keep your number.</source>
        <translation>कृपया पहले “मैं सहमत हूँ” पर टिक करें: इसके बिना हम आपका नंबर नहीं रख सकते।</translation>
    </message>
    <message>
        <source>Please enter your first name</source>
        <translation>कृपया अपना पहला नाम लिखें</translation>
    </message>
    <message>
        <source>Enter a PIN</source>
        <translation>PIN डालें</translation>
    </message>
    <message>
        <source>Use digits only</source>
        <translation>सिर्फ़ अंक डालें</translation>
    </message>
    <message>
        <source>Use at least {count} digits</source>
        <translation>कम से कम {count} अंक डालें</translation>
    </message>
    <message>
        <source>Use at most {count} digits</source>
        <translation>ज़्यादा से ज़्यादा {count} अंक डालें</translation>
    </message>
    <message>
        <source>Enter a number, like 50000 or 2.5L</source>
        <translation>संख्या लिखें, जैसे 50000 या 2.5L</translation>
    </message>
    <message>
        <source>Deal value can&apos;t be negative</source>
        <translation>डील वैल्यू माइनस में नहीं हो सकती</translation>
    </message>
    <message>
        <source>Deal value is too large (at most {limit:,})</source>
        <translation>डील वैल्यू बहुत बड़ी है (ज़्यादा से ज़्यादा {limit:,})</translation>
    </message>
    <message>
        <source>Use at most 2 decimal places</source>
        <translation>दशमलव के बाद ज़्यादा से ज़्यादा 2 अंक डालें</translation>
    </message>
    <message>
        <source>Enter a deal value</source>
        <translation>डील वैल्यू लिखें</translation>
    </message>
    <message>
        <source>crore</source>
        <translation>करोड़</translation>
    </message>
    <message>
        <source>lakh</source>
        <translation>लाख</translation>
    </message>
    <message>
        <source>{amount} ({count} {unit})</source>
        <translation>{amount} ({count} {unit})</translation>
    </message>
    <message>
        <source>India</source>
        <translation>भारत</translation>
    </message>
    <message>
        <source>Contains characters a phone number can&apos;t have: {shown}</source>
        <translation>इसमें ऐसे अक्षर हैं जो फ़ोन नंबर में नहीं हो सकते: {shown}</translation>
    </message>
    <message>
        <source>Too short for a phone number</source>
        <translation>फ़ोन नंबर के लिए बहुत छोटा है</translation>
    </message>
    <message>
        <source>Too short for a phone number in {place}</source>
        <translation>{place} के फ़ोन नंबर के लिए बहुत छोटा है</translation>
    </message>
    <message>
        <source>Too long for a phone number</source>
        <translation>फ़ोन नंबर के लिए बहुत लंबा है</translation>
    </message>
    <message>
        <source>Too long for a phone number in {place}</source>
        <translation>{place} के फ़ोन नंबर के लिए बहुत लंबा है</translation>
    </message>
    <message>
        <source>Doesn&apos;t look like a phone number</source>
        <translation>यह फ़ोन नंबर नहीं लगता</translation>
    </message>
    <message>
        <source>Phone numbers can&apos;t contain letters</source>
        <translation>फ़ोन नंबर में अक्षर नहीं हो सकते</translation>
    </message>
    <message>
        <source>Doesn&apos;t contain any digits</source>
        <translation>इसमें कोई अंक नहीं है</translation>
    </message>
    <message>
        <source>Start with + and the country code</source>
        <translation>+ और देश के कोड से शुरू करें</translation>
    </message>
    <message>
        <source>Enter a phone number</source>
        <translation>फ़ोन नंबर लिखें</translation>
    </message>
    <message>
        <source>Unknown country code +{code}</source>
        <translation>अनजान देश कोड +{code}</translation>
    </message>
    <message>
        <source>Looks like a local number: add the area code</source>
        <translation>यह लोकल नंबर लगता है: एरिया कोड भी जोड़ें</translation>
    </message>
    <message>
        <source>Not a valid number for {place}</source>
        <translation>{place} के लिए सही नंबर नहीं है</translation>
    </message>
    <message>
        <source>The “+” can only come at the start</source>
        <translation>“+” सिर्फ़ शुरू में आ सकता है</translation>
    </message>
    <message>
        <source>Unknown country code after the “+”</source>
        <translation>“+” के बाद का देश कोड अनजान है</translation>
    </message>
    <message>
        <source>Wrong number of digits for a phone number</source>
        <translation>फ़ोन नंबर के अंकों की गिनती गलत है</translation>
    </message>
    <message>
        <source>Wrong number of digits for a phone number in {place}</source>
        <translation>{place} के फ़ोन नंबर के अंकों की गिनती गलत है</translation>
    </message>
    <message>
        <source>Superfone needs the customer&apos;s phone number to find the lead. Type it in Phone.</source>
        <translation>लीड ढूँढने के लिए Superfone को ग्राहक का फ़ोन नंबर चाहिए। इसे फ़ोन में लिखें।</translation>
    </message>
    <message>
        <source>No lead has this phone number yet, and “Create the lead if this phone is new” is off. Turn it on to create the lead, or check the number.</source>
        <translation>इस फ़ोन नंबर की कोई लीड अभी नहीं है, और “फ़ोन नया हो तो लीड बनाएँ” बंद है। लीड बनाने के लिए इसे चालू करें, या नंबर जाँचें।</translation>
    </message>
    <message>
        <source>More than one lead in Superfone has this number as its main phone. Ask your admin to merge them in Superfone, then save again.</source>
        <translation>Superfone में एक से ज़्यादा लीड का मुख्य फ़ोन यही नंबर है। अपने एडमिन से Superfone में इन्हें मर्ज करवाएँ, फिर दोबारा सेव करें।</translation>
    </message>
    <message>
        <source>Superfone can&apos;t add and remove labels in one save. Save the labels to add first, then remove the others in a second save.</source>
        <translation>Superfone एक ही सेव में लेबल जोड़ और हटा नहीं सकता। पहले जोड़ने वाले लेबल सेव करें, फिर दूसरी बार सेव करके बाकी हटाएँ।</translation>
    </message>
    <message>
        <source>The assignee&apos;s phone number is not a valid number. Pick the person from the list, or check the digits.</source>
        <translation>असाइनी का फ़ोन नंबर सही नहीं है। लिस्ट से व्यक्ति चुनें, या अंक जाँचें।</translation>
    </message>
    <message>
        <source>No Superfone user has the phone number {value}. Pick a team member from the list.</source>
        <translation>किसी भी Superfone यूज़र का फ़ोन नंबर {value} नहीं है। लिस्ट से टीम का कोई सदस्य चुनें।</translation>
    </message>
    <message>
        <source>{value} is not an active member of your team in Superfone (perhaps deactivated). Pick someone else, or ask your admin to add them back.</source>
        <translation>{value} Superfone में आपकी टीम का सक्रिय सदस्य नहीं है (शायद डीएक्टिवेट हो गया है)। किसी और को चुनें, या एडमिन से उन्हें वापस जोड़ने को कहें।</translation>
    </message>
    <message>
        <source>Superfone has no stage called {value}. Pick a stage from the list; if it was just added, use File → Refresh lists.</source>
        <translation>Superfone में {value} नाम का कोई स्टेज नहीं है। लिस्ट से स्टेज चुनें; अगर यह अभी जोड़ा गया है, तो फ़ाइल → लिस्ट रीफ़्रेश करें इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>Superfone has more than one stage called {value}. Ask your admin to rename one, then pick it again.</source>
        <translation>Superfone में {value} नाम के एक से ज़्यादा स्टेज हैं। एडमिन से किसी एक का नाम बदलवाएँ, फिर दोबारा चुनें।</translation>
    </message>
    <message>
        <source>Superfone has no group called {value}. Pick a group from the list; if it was just added, use File → Refresh lists.</source>
        <translation>Superfone में {value} नाम का कोई ग्रुप नहीं है। लिस्ट से ग्रुप चुनें; अगर यह अभी जोड़ा गया है, तो फ़ाइल → लिस्ट रीफ़्रेश करें इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>Superfone has more than one group called {value}. Ask your admin to rename one, then pick it again.</source>
        <translation>Superfone में {value} नाम के एक से ज़्यादा ग्रुप हैं। एडमिन से किसी एक का नाम बदलवाएँ, फिर दोबारा चुनें।</translation>
    </message>
    <message>
        <source>Superfone did not accept the API key. Open Settings and enter the key again.</source>
        <translation>Superfone ने API key स्वीकार नहीं की। सेटिंग्स खोलकर key दोबारा डालें।</translation>
    </message>
    <message>
        <source>Superfone did not accept this phone number. Check the digits and the country code.</source>
        <translation>Superfone ने यह फ़ोन नंबर स्वीकार नहीं किया। अंक और देश कोड जाँचें।</translation>
    </message>
    <message>
        <source>Superfone did not accept one of the extra phones. Check each number and its country code.</source>
        <translation>Superfone ने एक्स्ट्रा फ़ोन में से एक स्वीकार नहीं किया। हर नंबर और उसका देश कोड जाँचें।</translation>
    </message>
    <message>
        <source>This person</source>
        <translation>यह व्यक्ति</translation>
    </message>
    <message>
        <source>this name</source>
        <translation>यह नाम</translation>
    </message>
    <message>
        <source>{number} already belongs to another lead in Superfone. Remove it there first, or leave it out here.</source>
        <translation>{number} पहले से Superfone में किसी दूसरी लीड का है। पहले वहाँ से हटाएँ, या यहाँ न डालें।</translation>
    </message>
    <message>
        <source>Superfone refused the lead and said: “{message}”.</source>
        <translation>Superfone ने लीड स्वीकार नहीं की और कहा: “{message}”।</translation>
    </message>
    <message>
        <source>this</source>
        <translation>यह</translation>
    </message>
    <message>
        <source>{number} already belongs to another lead ({other_lead}). Remove it there first, or leave it out here.</source>
        <translation>{number} पहले से दूसरी लीड ({other_lead}) का है। पहले वहाँ से हटाएँ, या यहाँ न डालें।</translation>
    </message>
    <message>
        <source>Contains invisible control characters</source>
        <translation>इसमें छिपे हुए कंट्रोल कैरेक्टर हैं</translation>
    </message>
    <message>
        <source>Contains only invisible characters</source>
        <translation>इसमें सिर्फ़ छिपे हुए कैरेक्टर हैं</translation>
    </message>
    <message>
        <source>Too long: {length:,} characters (at most {limit:,})</source>
        <translation>बहुत लंबा: {length:,} कैरेक्टर (ज़्यादा से ज़्यादा {limit:,})</translation>
    </message>
    <message>
        <source>Enter a web address, like acme.in or https://acme.in</source>
        <translation>वेब एड्रेस लिखें, जैसे acme.in या https://acme.in</translation>
    </message>
    <message>
        <source>{item}: {problem}</source>
        <translation>{item}: {problem}</translation>
    </message>
    <message>
        <source>{item}: {problem} (and {count} more)</source>
        <translation>{item}: {problem} (और {count} अन्य)</translation>
    </message>
    <message>
        <source>A web address can&apos;t contain spaces</source>
        <translation>वेब एड्रेस में स्पेस नहीं हो सकता</translation>
    </message>
    <message>
        <source>Choose a {what}, or clear it</source>
        <translation>कोई {what} चुनें, या इसे खाली करें</translation>
    </message>
    <message>
        <source>label</source>
        <translation>लेबल</translation>
    </message>
    <message>
        <source>{names} are both added and removed; pick one</source>
        <translation>{names} जोड़े भी जा रहे हैं और हटाए भी; एक चुनें</translation>
    </message>
    <message>
        <source>Unknown source type {value}; choose one from the list</source>
        <translation>अनजान सोर्स टाइप {value}; लिस्ट में से चुनें</translation>
    </message>
    <message>
        <source>{item} is the same as the main phone number</source>
        <translation>{item} मुख्य फ़ोन नंबर ही है</translation>
    </message>
    <message>
        <source>Use a web address starting with http:// or https://</source>
        <translation>http:// या https:// से शुरू होने वाला वेब एड्रेस लिखें</translation>
    </message>
    <message>
        <source>That looks like an email address; enter a website, like acme.in</source>
        <translation>यह ईमेल एड्रेस लगता है; वेबसाइट लिखें, जैसे acme.in</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>अक्षांश (latitude)</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>देशांतर (longitude)</translation>
    </message>
    <message>
        <source>Enter only the {word} here, like {example}</source>
        <translation>यहाँ सिर्फ़ {word} लिखें, जैसे {example}</translation>
    </message>
    <message>
        <source>Enter the longitude too, or clear the latitude</source>
        <translation>देशांतर (longitude) भी लिखें, या अक्षांश (latitude) खाली करें</translation>
    </message>
    <message>
        <source>Enter the latitude too, or clear the longitude</source>
        <translation>अक्षांश (latitude) भी लिखें, या देशांतर (longitude) खाली करें</translation>
    </message>
    <message>
        <source>A {what} has no name</source>
        <translation>एक {what} का कोई नाम नहीं है</translation>
    </message>
    <message>
        <source>{names} is both added and removed; pick one</source>
        <translation>{names} जोड़ा भी जा रहा है और हटाया भी; एक चुनें</translation>
    </message>
    <message>
        <source>stage</source>
        <translation>स्टेज</translation>
    </message>
    <message>
        <source>{loaded} of {total} loaded</source>
        <translation>{total} में से {loaded} लोड हुईं</translation>
    </message>
    <message>
        <source>the list claims {count} rows</source>
        <translation>लिस्ट {count} पंक्तियाँ बताती है</translation>
    </message>
    <message>
        <source>the list claims {count} pages</source>
        <translation>लिस्ट {count} पेज बताती है</translation>
    </message>
    <message>
        <source>asked for page {number}, got page {got}</source>
        <translation>पेज {number} माँगा था, पेज {got} मिला</translation>
    </message>
    <message>
        <source>the answer is larger than {megabytes} MB</source>
        <translation>जवाब {megabytes} MB से बड़ा है</translation>
    </message>
    <message>
        <source>Superfone did not accept the API key. Check it in Settings.</source>
        <translation>Superfone ने API key स्वीकार नहीं की। सेटिंग्स में इसे जाँचें।</translation>
    </message>
    <message>
        <source>The API key is empty or contains characters an API key cannot have (spaces or line breaks inside it?). Check it in Settings.</source>
        <translation>API key खाली है या उसमें ऐसे अक्षर हैं जो API key में नहीं हो सकते (बीच में स्पेस या नई लाइन?)। सेटिंग्स में इसे जाँचें।</translation>
    </message>
    <message>
        <source>Superfone is limiting requests right now.</source>
        <translation>Superfone अभी रिक्वेस्ट सीमित कर रहा है।</translation>
    </message>
    <message>
        <source>Superfone is limiting requests right now. Retrying in {seconds} s.</source>
        <translation>Superfone अभी रिक्वेस्ट सीमित कर रहा है। {seconds} सेकंड में फिर कोशिश होगी।</translation>
    </message>
    <message>
        <source>Superfone had a problem (HTTP {status}).</source>
        <translation>Superfone में कोई समस्या आई (HTTP {status})।</translation>
    </message>
    <message>
        <source>Superfone had a problem (HTTP {status}): {message}.</source>
        <translation>Superfone में कोई समस्या आई (HTTP {status}): {message}।</translation>
    </message>
    <message>
        <source>Superfone answered with a redirect (HTTP {status}), which the app does not follow. Check the server address in Settings.</source>
        <translation>Superfone ने रीडायरेक्ट भेजा (HTTP {status}), जिसे ऐप नहीं मानता। सेटिंग्स में सर्वर का पता जाँचें।</translation>
    </message>
    <message>
        <source>Superfone gave an answer the app does not expect (HTTP {status}).</source>
        <translation>Superfone ने ऐसा जवाब दिया जिसकी ऐप को उम्मीद नहीं थी (HTTP {status})।</translation>
    </message>
    <message>
        <source>Superfone gave an answer the app does not expect (HTTP {status}): {message}.</source>
        <translation>Superfone ने ऐसा जवाब दिया जिसकी ऐप को उम्मीद नहीं थी (HTTP {status}): {message}।</translation>
    </message>
    <message>
        <source>Superfone sent a response the app cannot read ({detail}).</source>
        <translation>Superfone ने ऐसा जवाब भेजा जिसे ऐप पढ़ नहीं सकता ({detail})।</translation>
    </message>
    <message>
        <source>Superfone refused the request (HTTP {status}).</source>
        <translation>Superfone ने रिक्वेस्ट अस्वीकार कर दी (HTTP {status})।</translation>
    </message>
    <message>
        <source>a web page instead of data; is the server address right?</source>
        <translation>डेटा की जगह एक वेब पेज; क्या सर्वर का पता सही है?</translation>
    </message>
    <message>
        <source>The connection to Superfone dropped before it answered. The request may have been received; check the result before sending it again.</source>
        <translation>Superfone के जवाब देने से पहले कनेक्शन टूट गया। हो सकता है रिक्वेस्ट पहुँच गई हो; दोबारा भेजने से पहले नतीजा जाँच लें।</translation>
    </message>
    <message>
        <source>The connection dropped while Superfone was answering. The request was received; check the result before sending it again.</source>
        <translation>Superfone जवाब दे रहा था तभी कनेक्शन टूट गया। रिक्वेस्ट पहुँच गई थी; दोबारा भेजने से पहले नतीजा जाँच लें।</translation>
    </message>
    <message>
        <source>Could not connect to Superfone in time. Check the internet connection.</source>
        <translation>समय पर Superfone से कनेक्ट नहीं हो सका। इंटरनेट कनेक्शन जाँचें।</translation>
    </message>
    <message>
        <source>The app waited too long for a free connection to Superfone. Try again.</source>
        <translation>ऐप ने Superfone से खाली कनेक्शन के लिए बहुत देर इंतज़ार किया। फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Sending to Superfone took too long and was stopped before it finished. Nothing was saved; try again.</source>
        <translation>Superfone को भेजने में बहुत देर लगी और पूरा होने से पहले रोक दिया गया। कुछ भी सेव नहीं हुआ; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>Superfone did not answer in time. The request may have been received; check the result before sending it again.</source>
        <translation>Superfone ने समय पर जवाब नहीं दिया। हो सकता है रिक्वेस्ट पहुँच गई हो; दोबारा भेजने से पहले नतीजा जाँच लें।</translation>
    </message>
    <message>
        <source>Superfone did not answer in time.</source>
        <translation>Superfone ने समय पर जवाब नहीं दिया।</translation>
    </message>
    <message>
        <source>Could not reach Superfone. Check the internet connection and the server address in Settings.</source>
        <translation>Superfone तक नहीं पहुँच सके। इंटरनेट कनेक्शन और सेटिंग्स में सर्वर का पता जाँचें।</translation>
    </message>
    <message>
        <source>The connection to Superfone failed before the request was sent. Nothing was saved; try again.</source>
        <translation>रिक्वेस्ट भेजे जाने से पहले Superfone से कनेक्शन टूट गया। कुछ भी सेव नहीं हुआ; फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>The server address uses a protocol the app cannot speak.</source>
        <translation>सर्वर का पता ऐसा प्रोटोकॉल इस्तेमाल करता है जो ऐप नहीं समझता।</translation>
    </message>
    <message>
        <source>its compressed body is corrupt</source>
        <translation>उसका कंप्रेस किया गया हिस्सा खराब है</translation>
    </message>
    <message>
        <source>Superfone gave up waiting for the request (HTTP 408). Nothing was saved; it is sent again.</source>
        <translation>Superfone ने रिक्वेस्ट का इंतज़ार करना छोड़ दिया (HTTP 408)। कुछ भी सेव नहीं हुआ; इसे फिर से भेजा जाएगा।</translation>
    </message>
    <message>
        <source>the answer was empty</source>
        <translation>जवाब खाली था</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>जवाब JSON ऑब्जेक्ट नहीं है</translation>
    </message>
    <message>
        <source>the answer has no data</source>
        <translation>जवाब में डेटा नहीं है</translation>
    </message>
    <message>
        <source>Superfone started to answer, then stopped. The request was received; check the result before sending it again.</source>
        <translation>Superfone ने जवाब देना शुरू किया, फिर रुक गया। रिक्वेस्ट पहुँच गई थी; दोबारा भेजने से पहले नतीजा जाँच लें।</translation>
    </message>
    <message>
        <source>the answer was cut off before its end</source>
        <translation>जवाब पूरा होने से पहले कट गया</translation>
    </message>
    <message>
        <source>Could not connect securely to Superfone (certificate not trusted). If your network inspects HTTPS traffic, ask your IT person to make its certificate trusted; the app never connects without checking.</source>
        <translation>Superfone से सुरक्षित कनेक्शन नहीं हो सका (सर्टिफ़िकेट भरोसेमंद नहीं है)। अगर आपका नेटवर्क HTTPS ट्रैफ़िक जाँचता है, तो अपने IT वाले से उसका सर्टिफ़िकेट भरोसेमंद करवाएँ; ऐप बिना जाँचे कभी कनेक्ट नहीं करता।</translation>
    </message>
    <message>
        <source>Could not set up a secure connection to Superfone (the TLS handshake failed).</source>
        <translation>Superfone से सुरक्षित कनेक्शन नहीं बन सका (TLS हैंडशेक नाकाम रहा)।</translation>
    </message>
    <message>
        <source>the answer is not valid JSON</source>
        <translation>जवाब सही JSON नहीं है</translation>
    </message>
    <message>
        <source>The server address is not a valid URL. It should look like {example}.</source>
        <translation>सर्वर का पता सही URL नहीं है। यह {example} जैसा होना चाहिए।</translation>
    </message>
    <message>
        <source>The server address must start with https:// and name a host, like {example}.</source>
        <translation>सर्वर का पता https:// से शुरू होना चाहिए और उसमें होस्ट का नाम होना चाहिए, जैसे {example}।</translation>
    </message>
    <message>
        <source>The server address must not contain a user name, a password, &apos;?&apos; or &apos;#&apos;.</source>
        <translation>सर्वर के पते में यूज़र नेम, पासवर्ड, &apos;?&apos; या &apos;#&apos; नहीं होना चाहिए।</translation>
    </message>
    <message>
        <source>Refusing plain http:// to {host}: the API key would travel unencrypted. Use https://.</source>
        <translation>{host} से सादा http:// कनेक्शन नहीं किया जाएगा: API key बिना एन्क्रिप्शन के जाएगी। https:// इस्तेमाल करें।</translation>
    </message>
    <message>
        <source>an email address needs an @ (like name@example.com)</source>
        <translation>ईमेल पते में @ होना चाहिए (जैसे name@example.com)</translation>
    </message>
    <message>
        <source>something is missing before the @</source>
        <translation>@ से पहले कुछ छूट गया है</translation>
    </message>
    <message>
        <source>something is missing after the @</source>
        <translation>@ के बाद कुछ छूट गया है</translation>
    </message>
    <message>
        <source>the part after the @ is not a full domain name (like example.com)</source>
        <translation>@ के बाद का हिस्सा पूरा डोमेन नाम नहीं है (जैसे example.com)</translation>
    </message>
    <message>
        <source>a dot or hyphen is in the wrong place (two in a row, or at the start or end)</source>
        <translation>कोई डॉट या हाइफ़न गलत जगह है (लगातार दो, या शुरू या आखिर में)</translation>
    </message>
    <message>
        <source>it has characters an email address cannot have (a space or a comma?)</source>
        <translation>इसमें ऐसे अक्षर हैं जो ईमेल पते में नहीं हो सकते (कोई स्पेस या कॉमा?)</translation>
    </message>
    <message>
        <source>it is too long for an email address</source>
        <translation>यह ईमेल पते के लिए बहुत लंबा है</translation>
    </message>
    <message>
        <source>the part after the @ is a reserved name that cannot receive email</source>
        <translation>@ के बाद का हिस्सा एक आरक्षित नाम है जिस पर ईमेल नहीं आ सकता</translation>
    </message>
    <message>
        <source>write only the address itself, like name@example.com</source>
        <translation>सिर्फ़ पता लिखें, जैसे name@example.com</translation>
    </message>
    <message>
        <source>an address with an IP address after the @ is not accepted</source>
        <translation>@ के बाद IP एड्रेस वाला पता स्वीकार नहीं होता</translation>
    </message>
    <message>
        <source>this email address is not valid</source>
        <translation>यह ईमेल पता सही नहीं है</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(कुछ नहीं)</translation>
    </message>
    <message>
        <source>CSV upload</source>
        <translation>CSV अपलोड</translation>
    </message>
    <message>
        <source>Facebook integration</source>
        <translation>Facebook इंटीग्रेशन</translation>
    </message>
    <message>
        <source>Phone contact</source>
        <translation>फ़ोन कॉन्टैक्ट</translation>
    </message>
    <message>
        <source>WhatsApp message</source>
        <translation>WhatsApp मैसेज</translation>
    </message>
    <message>
        <source>WhatsApp integration</source>
        <translation>WhatsApp इंटीग्रेशन</translation>
    </message>
    <message>
        <source>Pabbly</source>
        <translation>Pabbly</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>group</source>
        <translation>ग्रुप</translation>
    </message>
    <message>
        <source>product</source>
        <translation>प्रोडक्ट</translation>
    </message>
    <message>
        <source>Enter the {word} as a number, like {example}</source>
        <translation>{word} संख्या में लिखें, जैसे {example}</translation>
    </message>
    <message>
        <source>The {word} must be between -{bound:g} and {bound:g}</source>
        <translation>{word} -{bound:g} और {bound:g} के बीच होना चाहिए</translation>
    </message>
    <message>
        <source>The lead was saved, but its follow-up was not booked: {reason}</source>
        <translation>लीड सेव हो गई, पर उसका फ़ॉलो-अप बुक नहीं हुआ: {reason}</translation>
    </message>
    <message>
        <source>Superfone did not find the lead to add it to.</source>
        <translation>Superfone को वह लीड नहीं मिली जिसमें इसे जोड़ना था।</translation>
    </message>
    <message>
        <source>The lead was saved, except removing labels: {message}</source>
        <translation>लीड सेव हो गई, सिवाय लेबल हटाने के: {message}</translation>
    </message>
    <message>
        <source>The lead was saved, except the timeline note: {message}</source>
        <translation>लीड सेव हो गई, सिवाय टाइमलाइन नोट के: {message}</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>कॉमा</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>सेमीकोलन</translation>
    </message>
    <message>
        <source>tabs</source>
        <translation>टैब</translation>
    </message>
    <message>
        <source>bars</source>
        <translation>खड़ी लकीरें (|)</translation>
    </message>
    <message>
        <source>Read as {encoding} text with {separator} between cells</source>
        <translation>{encoding} टेक्स्ट के रूप में पढ़ा गया, सेल के बीच {separator}</translation>
    </message>
    <message>
        <source>The file is empty: there is no header row and no data.</source>
        <translation>फ़ाइल खाली है: न हेडर पंक्ति है, न डेटा।</translation>
    </message>
    <message>
        <source>Could not read the file near line {line}: {reason}</source>
        <translation>फ़ाइल लाइन {line} के पास पढ़ी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <source>Could not tell how this file&apos;s text is encoded. Save it from Excel as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>पता नहीं चल सका कि इस फ़ाइल का टेक्स्ट किस एन्कोडिंग में है। इसे Excel से &quot;CSV UTF-8&quot; के रूप में सेव करके फिर से कोशिश करें।</translation>
    </message>
    <message>
        <source>This looks like a binary file, not text. Choose a CSV, Excel or vCard file.</source>
        <translation>यह टेक्स्ट नहीं, बाइनरी फ़ाइल लगती है। CSV, Excel या vCard फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>The file says it is {encoding} but is not: {reason}</source>
        <translation>फ़ाइल खुद को {encoding} बताती है, पर है नहीं: {reason}</translation>
    </message>
    <message>
        <source>{name} is a folder; choose a file.</source>
        <translation>{name} एक फ़ोल्डर है; कोई फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>{name} is {size} MB; files up to {limit} MB can be imported. Split it into smaller files.</source>
        <translation>{name} {size} MB की है; {limit} MB तक की फ़ाइलें इम्पोर्ट हो सकती हैं। इसे छोटी फ़ाइलों में बाँटें।</translation>
    </message>
    <message>
        <source>Only Excel workbooks have sheets; leave out the sheet name.</source>
        <translation>शीट सिर्फ़ Excel वर्कबुक में होती हैं; शीट का नाम हटा दें।</translation>
    </message>
    <message>
        <source>Cannot import {suffix} files; use one of {kinds}.</source>
        <translation>{suffix} फ़ाइलें इम्पोर्ट नहीं हो सकतीं; इनमें से कोई इस्तेमाल करें: {kinds}।</translation>
    </message>
    <message>
        <source>There is no file {name}.</source>
        <translation>{name} नाम की कोई फ़ाइल नहीं है।</translation>
    </message>
    <message>
        <source>Cannot open {name}: {reason}</source>
        <translation>{name} खुल नहीं सकी: {reason}</translation>
    </message>
    <message>
        <source>Cannot read {name}: {reason}</source>
        <translation>{name} पढ़ी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Other phones</source>
        <translation>दूसरे फ़ोन</translation>
    </message>
    <message>
        <source>Full name (split)</source>
        <translation>पूरा नाम (अलग किया जाएगा)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>पहला नाम</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>उपनाम</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>बिज़नेस</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ईमेल</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>वेबसाइट</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>स्टेज</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>ग्रुप</translation>
    </message>
    <message>
        <source>Assignee phone</source>
        <translation>असाइनी का फ़ोन</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>लेबल</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>प्रोडक्ट</translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation>डील वैल्यू</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>सोर्स</translation>
    </message>
    <message>
        <source>Source type</source>
        <translation>सोर्स टाइप</translation>
    </message>
    <message>
        <source>Additional info</source>
        <translation>अतिरिक्त जानकारी</translation>
    </message>
    <message>
        <source>Timeline note</source>
        <translation>टाइमलाइन नोट</translation>
    </message>
    <message>
        <source>No column is used as the phone number; every lead needs one. Columns: {columns}</source>
        <translation>कोई भी कॉलम फ़ोन नंबर के लिए नहीं चुना गया; हर लीड को फ़ोन नंबर चाहिए। कॉलम: {columns}</translation>
    </message>
    <message>
        <source>{field} comes from several columns ({columns}); pick one</source>
        <translation>{field} कई कॉलम से आ रहा है ({columns}); एक चुनें</translation>
    </message>
    <message>
        <source>source type</source>
        <translation>सोर्स टाइप</translation>
    </message>
    <message>
        <source>{value} is not a {what} in Superfone; add it there or fix it</source>
        <translation>{value} Superfone में कोई {what} नहीं है; उसे वहाँ जोड़ें या इसे ठीक करें</translation>
    </message>
    <message>
        <source>{label}: {message}</source>
        <translation>{label}: {message}</translation>
    </message>
    <message>
        <source>Not looked up: {reason}</source>
        <translation>जाँचा नहीं गया: {reason}</translation>
    </message>
    <message>
        <source>Same phone as row {first}; only row {first} is imported</source>
        <translation>पंक्ति {first} जैसा ही फ़ोन; सिर्फ़ पंक्ति {first} इम्पोर्ट होगी</translation>
    </message>
    <message>
        <source>Not looked up</source>
        <translation>जाँचा नहीं गया</translation>
    </message>
    <message>
        <source>Left out {count} lines after the data that fill only their first cell (a report&apos;s footer)</source>
        <translation>डेटा के बाद की {count} लाइनें छोड़ दी गईं जिनमें सिर्फ़ पहला सेल भरा है (रिपोर्ट का फ़ुटर)</translation>
    </message>
    <message>
        <source>The header row has {count} columns; at most {limit} can be read. Is this the right file, and is its first row the header?</source>
        <translation>हेडर पंक्ति में {count} कॉलम हैं; ज़्यादा से ज़्यादा {limit} पढ़े जा सकते हैं। क्या यह सही फ़ाइल है, और क्या इसकी पहली पंक्ति हेडर है?</translation>
    </message>
    <message>
        <source>This row has {cells} cells but the header only {columns} columns; a value may have shifted into the wrong column</source>
        <translation>इस पंक्ति में {cells} सेल हैं पर हेडर में सिर्फ़ {columns} कॉलम; हो सकता है कोई वैल्यू गलत कॉलम में खिसक गई हो</translation>
    </message>
    <message>
        <source>Left out 1 line after the data that fill only their first cell (a report&apos;s footer)</source>
        <translation>डेटा के बाद की 1 लाइन छोड़ दी गई जिसमें सिर्फ़ पहला सेल भरा है (रिपोर्ट का फ़ुटर)</translation>
    </message>
    <message>
        <source>Header &quot;{name}&quot; appears more than once; column {index} is &quot;{renamed}&quot;</source>
        <translation>हेडर &quot;{name}&quot; एक से ज़्यादा बार है; कॉलम {index} का नाम &quot;{renamed}&quot; रखा गया</translation>
    </message>
    <message>
        <source>This file has no contact cards (no BEGIN:VCARD).</source>
        <translation>इस फ़ाइल में कोई कॉन्टैक्ट कार्ड नहीं है (BEGIN:VCARD नहीं)।</translation>
    </message>
    <message>
        <source>No contact cards could be read from this file.</source>
        <translation>इस फ़ाइल से कोई कॉन्टैक्ट कार्ड पढ़ा नहीं जा सका।</translation>
    </message>
    <message>
        <source>Could not read the contact cards: {reason}</source>
        <translation>कॉन्टैक्ट कार्ड पढ़े नहीं जा सके: {reason}</translation>
    </message>
    <message>
        <source>Read sheet &quot;{name}&quot;</source>
        <translation>शीट &quot;{name}&quot; पढ़ी गई</translation>
    </message>
    <message>
        <source>There is no sheet &quot;{wanted}&quot; in this workbook; it has {listed}.</source>
        <translation>इस वर्कबुक में &quot;{wanted}&quot; नाम की शीट नहीं है; इसमें ये हैं: {listed}।</translation>
    </message>
    <message>
        <source>This workbook has no sheets.</source>
        <translation>इस वर्कबुक में कोई शीट नहीं है।</translation>
    </message>
    <message>
        <source>Merged cells {cells} each read as {value}</source>
        <translation>मर्ज किए गए सेल {cells} में से हर एक {value} के रूप में पढ़ा गया</translation>
    </message>
    <message>
        <source>... and {count} more merged ranges</source>
        <translation>... और {count} मर्ज किए गए हिस्से</translation>
    </message>
    <message>
        <source>This workbook is password-protected. Save a copy without a password.</source>
        <translation>यह वर्कबुक पासवर्ड से सुरक्षित है। बिना पासवर्ड की एक कॉपी सेव करें।</translation>
    </message>
    <message>
        <source>Not a readable Excel file ({kind}: {reason})</source>
        <translation>पढ़ने लायक Excel फ़ाइल नहीं है ({kind}: {reason})</translation>
    </message>
    <message>
        <source>Could not read sheet {sheet}: {reason}</source>
        <translation>शीट {sheet} पढ़ी नहीं जा सकी: {reason}</translation>
    </message>
    <message>
        <source>Another Superfone Desk is using {folder}; close it first.</source>
        <translation>{folder} को दूसरा Superfone Desk इस्तेमाल कर रहा है; पहले उसे बंद करें।</translation>
    </message>
    <message>
        <source>permission denied (the folder is read-only for this user)</source>
        <translation>अनुमति नहीं है (इस यूज़र के लिए फ़ोल्डर सिर्फ़ पढ़ने के लिए है)</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>डिस्क सिर्फ़ पढ़ने के लिए है</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>डिस्क भर गई है</translation>
    </message>
    <message>
        <source>a file is in the way where the folder should be</source>
        <translation>जहाँ फ़ोल्डर होना चाहिए वहाँ एक फ़ाइल है</translation>
    </message>
    <message>
        <source>Superfone Desk cannot write to its data folder {folder}: {reason}.</source>
        <translation>Superfone Desk अपने डेटा फ़ोल्डर {folder} में लिख नहीं पा रहा: {reason}।</translation>
    </message>
    <message>
        <source>No system keyring found: the key is kept for this session only.</source>
        <translation>सिस्टम keyring नहीं मिला: key सिर्फ़ इस बार के लिए रखी गई है।</translation>
    </message>
    <message>
        <source>Set by the {variable} environment variable; not stored by this app.</source>
        <translation>{variable} एनवायरनमेंट वेरिएबल से सेट है; यह ऐप इसे सेव नहीं करता।</translation>
    </message>
    <message>
        <source>Stored in your system keyring ({backend}).</source>
        <translation>आपके सिस्टम keyring ({backend}) में सेव है।</translation>
    </message>
    <message>
        <source>is far too large to be a settings file</source>
        <translation>सेटिंग्स फ़ाइल होने के लिए बहुत बड़ी है</translation>
    </message>
    <message>
        <source>holds a JSON {kind}, not settings</source>
        <translation>में सेटिंग्स नहीं, JSON {kind} है</translation>
    </message>
    <message>
        <source>could not be read ({reason})</source>
        <translation>पढ़ी नहीं जा सकी ({reason})</translation>
    </message>
    <message>
        <source>is not UTF-8 text</source>
        <translation>UTF-8 टेक्स्ट नहीं है</translation>
    </message>
    <message>
        <source>is nested too deeply to be a settings file</source>
        <translation>सेटिंग्स फ़ाइल होने के लिए बहुत गहराई तक नेस्टेड है</translation>
    </message>
    <message>
        <source>is not valid JSON</source>
        <translation>सही JSON नहीं है</translation>
    </message>
    <message>
        <source>holds values of the wrong kind ({kind})</source>
        <translation>में गलत किस्म की वैल्यू हैं ({kind})</translation>
    </message>
    <message>
        <source>the API key was not accepted</source>
        <translation>API key स्वीकार नहीं की गई</translation>
    </message>
    <message>
        <source>the server&apos;s certificate was refused</source>
        <translation>सर्वर का सर्टिफ़िकेट अस्वीकार हुआ</translation>
    </message>
    <message>
        <source>the server address redirects elsewhere</source>
        <translation>सर्वर का पता कहीं और रीडायरेक्ट करता है</translation>
    </message>
    <message>
        <source>the server address cannot be used</source>
        <translation>सर्वर का पता इस्तेमाल नहीं हो सकता</translation>
    </message>
    <message>
        <source>the saved lead is damaged</source>
        <translation>सेव की गई लीड खराब हो गई है</translation>
    </message>
    <message>
        <source>Updated lead {lead}</source>
        <translation>लीड अपडेट की गई: {lead}</translation>
    </message>
    <message>
        <source>the connection settings were refused</source>
        <translation>कनेक्शन सेटिंग्स अस्वीकार हुईं</translation>
    </message>
    <message>
        <source>Created lead {lead}</source>
        <translation>लीड बनाई गई: {lead}</translation>
    </message>
    <message>
        <source>Not sent: the import was stopped</source>
        <translation>नहीं भेजी गई: इम्पोर्ट रोक दिया गया था</translation>
    </message>
    <message>
        <source>This saved lead is damaged on disk and cannot be sent ({reason}).</source>
        <translation>सेव की गई यह लीड डिस्क पर खराब हो गई है और भेजी नहीं जा सकती ({reason})।</translation>
    </message>
</context>
</TS>
