<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%n flagged order line(s), imported as they are; check them (%1):</source>
        <translation>
            <numerusform>%n flagged order line, imported as it is; check it (%1):</numerusform>
            <numerusform>%n flagged order lines, imported as they are; check them (%1):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) went to “%1”, which waits for approval: it does not run until it is approved.</source>
        <translation>
            <numerusform>%n order line went to “%1”, which waits for approval: it does not run until it is approved.</numerusform>
            <numerusform>%n order lines went to “%1”, which waits for approval: it does not run until it is approved.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) went to “%1”, which is still a draft: it does not count as running until you activate it.</source>
        <translation>
            <numerusform>%n order line went to “%1”, which is still a draft: it does not count as running until you activate it.</numerusform>
            <numerusform>%n order lines went to “%1”, which is still a draft: it does not count as running until you activate it.</numerusform></translation>
    </message>
</context>
</TS>
