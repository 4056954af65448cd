<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DeliveryStatus</name>
    <message numerus="yes">
        <source>%n waiting to send</source>
        <translation>
            <numerusform>%n waiting to send</numerusform>
            <numerusform>%n waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need(s) attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message numerus="yes">
        <source>%Ln to create or update</source>
        <translation>
            <numerusform>%Ln to create or update</numerusform>
            <numerusform>%Ln to create or update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to create</source>
        <translation>
            <numerusform>%Ln to create</numerusform>
            <numerusform>%Ln to create</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln to update</source>
        <translation>
            <numerusform>%Ln to update</numerusform>
            <numerusform>%Ln to update</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln refused</source>
        <translation>
            <numerusform>%Ln refused</numerusform>
            <numerusform>%Ln refused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln duplicate(s) skipped</source>
        <translation>
            <numerusform>%Ln duplicate skipped</numerusform>
            <numerusform>%Ln duplicates skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{listed} and %Ln more</source>
        <translation>
            <numerusform>{listed} and %Ln more</numerusform>
            <numerusform>{listed} and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s).</source>
        <translation>
            <numerusform>%Ln row.</numerusform>
            <numerusform>%Ln rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Send %Ln lead(s)</source>
        <translation>
            <numerusform>&amp;Send %Ln lead</numerusform>
            <numerusform>&amp;Send %Ln leads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Putting %Ln lead(s) in the outbox…</source>
        <translation>
            <numerusform>Putting %Ln lead in the outbox…</numerusform>
            <numerusform>Putting %Ln leads in the outbox…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) are in the outbox (stopped: the rest were not queued); sending…</source>
        <translation>
            <numerusform>%Ln lead is in the outbox (stopped: the rest were not queued); sending…</numerusform>
            <numerusform>%Ln leads are in the outbox (stopped: the rest were not queued); sending…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln lead(s) are in the outbox; sending…</source>
        <translation>
            <numerusform>%Ln lead is in the outbox; sending…</numerusform>
            <numerusform>%Ln leads are in the outbox; sending…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln created</source>
        <translation>
            <numerusform>%Ln created</numerusform>
            <numerusform>%Ln created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln updated</source>
        <translation>
            <numerusform>%Ln updated</numerusform>
            <numerusform>%Ln updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not sent (stopped)</source>
        <translation>
            <numerusform>%Ln not sent (stopped)</numerusform>
            <numerusform>%Ln not sent (stopped)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln waiting</numerusform>
            <numerusform>%Ln waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) saved to {file}, with the reason in the last column.</source>
        <translation>
            <numerusform>%Ln row saved to {file}, with the reason in the last column.</numerusform>
            <numerusform>%Ln rows saved to {file}, with the reason in the last column.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n saved lead(s) waiting to send, sent the next time you start {app}. Quit now?</source>
        <translation>
            <numerusform>%n saved lead is waiting to send. It will be sent the next time you start {app}. Quit now?</numerusform>
            <numerusform>%n saved leads are waiting to send. They will be sent the next time you start {app}. Quit now?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PausedLeads</name>
    <message numerus="yes">
        <source>%n saved lead(s) waited because Superfone did not accept the API key at the time. Send them with this key? Say yes only if this key is for the same Superfone account.</source>
        <translation>
            <numerusform>%n saved lead waited because Superfone did not accept the API key at the time. Send it with this key? Say yes only if this key is for the same Superfone account.</numerusform>
            <numerusform>%n saved leads waited because Superfone did not accept the API key at the time. Send them with this key? Say yes only if this key is for the same Superfone account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n saved lead(s) with this API key waited because the server address did not work (it redirected, its certificate was refused, or it could not be used). Send them to the address now set?</source>
        <translation>
            <numerusform>%n saved lead with this API key waited because the server address did not work (it redirected, its certificate was refused, or it could not be used). Send it to the address now set?</numerusform>
            <numerusform>%n saved leads with this API key waited because the server address did not work (it redirected, its certificate was refused, or it could not be used). Send them to the address now set?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message numerus="yes">
        <source>Wrong PIN. %n try(s) left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message numerus="yes">
        <source>Not saved: %n field(s) need attention.</source>
        <translation>
            <numerusform>Not saved: %n field needs attention.</numerusform>
            <numerusform>Not saved: %n fields need attention.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Connected: the account has %n label(s).</source>
        <translation>
            <numerusform>Connected: the account has %n label.</numerusform>
            <numerusform>Connected: the account has %n labels.</numerusform>
        </translation>
    </message>
</context>
</TS>
