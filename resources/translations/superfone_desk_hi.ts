<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
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
    <name>core</name>
    <message>
        <source>Couldn&apos;t read this time — try &apos;tomorrow 11am&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Callback request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a time, e.g. &apos;tomorrow 11am&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a time, e.g. &apos;today 6pm&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} has passed — pick a later time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too soon to book — pick a time a few minutes away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} is more than a year away — check the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up time ({shown}) passed before sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We, the business at this desk, collect your phone number and name to follow up on your visit and on what you are interested in. We may call you or send you a message about it. We keep them in our customer records (Superfone CRM) and use them for nothing else. Ask us at the desk at any time to see, correct or delete them, or to withdraw your consent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please tick “I agree” first: without it we can&apos;t keep your number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use digits only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least {count} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most {count} digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a number, like 50000 or 2.5L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal value can&apos;t be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal value is too large (at most {limit:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most 2 decimal places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a deal value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains characters a phone number can&apos;t have: {shown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short for a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short for a phone number in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long for a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long for a phone number in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doesn&apos;t look like a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers can&apos;t contain letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doesn&apos;t contain any digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with + and the country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown country code +{code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks like a local number: add the area code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid number for {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “+” can only come at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown country code after the “+”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number of digits for a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong number of digits for a phone number in {place}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone needs the customer&apos;s phone number to find the lead. Type it in Phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead has this phone number yet, and “Create the lead if this phone is new” is off. Turn it on to create the lead, or check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one lead in Superfone has this number as its main phone. Ask your admin to merge them in Superfone, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone can&apos;t add and remove labels in one save. Save the labels to add first, then remove the others in a second save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assignee&apos;s phone number is not a valid number. Pick the person from the list, or check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Superfone user has the phone number {value}. Pick a team member from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not an active member of your team in Superfone (perhaps deactivated). Pick someone else, or ask your admin to add them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone has no stage called {value}. Pick a stage from the list; if it was just added, use File → Refresh lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone has more than one stage called {value}. Ask your admin to rename one, then pick it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone has no group called {value}. Pick a group from the list; if it was just added, use File → Refresh lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone has more than one group called {value}. Ask your admin to rename one, then pick it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone did not accept the API key. Open Settings and enter the key again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone did not accept this phone number. Check the digits and the country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone did not accept one of the extra phones. Check each number and its country code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} already belongs to another lead in Superfone. Remove it there first, or leave it out here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superfone refused the lead and said: “{message}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} already belongs to another lead ({other_lead}). Remove it there first, or leave it out here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains invisible control characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains only invisible characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long: {length:,} characters (at most {limit:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a web address, like acme.in or https://acme.in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item}: {problem} (and {count} more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A web address can&apos;t contain spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a {what}, or clear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} are both added and removed; pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown source type {value}; choose one from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{item} is the same as the main phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a web address starting with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That looks like an email address; enter a website, like acme.in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter only the {word} here, like {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the longitude too, or clear the latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the latitude too, or clear the longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {what} has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{names} is both added and removed; pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the {word} as a number, like {example}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {word} must be between -{bound:g} and {bound:g}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
