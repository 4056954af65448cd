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
