<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AlertsPage</name>
    <message numerus="yes">
        <source>For %n hours</source>
        <translation>
            <numerusform>For %n hour</numerusform>
            <numerusform>For %n hours</numerusform></translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln order(s)&lt;/b&gt; will be changed.</source>
        <translation>
            <numerusform>&lt;b&gt;%Ln order&lt;/b&gt; will be changed.</numerusform>
            <numerusform>&lt;b&gt;%Ln orders&lt;/b&gt; will be changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) are skipped, with the reason:</source>
        <translation>
            <numerusform>%Ln order is skipped, with the reason:</numerusform>
            <numerusform>%Ln orders are skipped, with the reason:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected order(s)</source>
        <translation>
            <numerusform>%Ln selected order</numerusform>
            <numerusform>%Ln selected orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln order(s) matching the filter</source>
        <translation>
            <numerusform>The %Ln order matching the filter</numerusform>
            <numerusform>All %Ln orders matching the filter</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignDetailView</name>
    <message numerus="yes">
        <source>cap %Ln unit(s)</source>
        <translation>
            <numerusform>cap %Ln unit</numerusform>
            <numerusform>cap %Ln units</numerusform></translation>
    </message>
</context>
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
<context>
    <name>InventoryPage</name>
    <message numerus="yes">
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln SKU</numerusform>
            <numerusform>%Ln SKUs</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln order(s) written to %2</source>
        <translation>
            <numerusform>%Ln order written to %2</numerusform>
            <numerusform>%Ln orders written to %2</numerusform></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln order(s) changed</source>
        <translation>
            <numerusform>%1: %Ln order changed</numerusform>
            <numerusform>%1: %Ln orders changed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) copied</source>
        <translation>
            <numerusform>%Ln row copied</numerusform>
            <numerusform>%Ln rows copied</numerusform></translation>
    </message>
</context>
<context>
    <name>PackingBench</name>
    <message numerus="yes">
        <source>%Ln order(s) marked shipped.</source>
        <translation>
            <numerusform>%Ln order marked shipped.</numerusform>
            <numerusform>%Ln orders marked shipped.</numerusform></translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n page to the printer.</numerusform>
            <numerusform>Sent %n pages to the printer.</numerusform></translation>
    </message>
</context>
<context>
    <name>PlannerDialog</name>
    <message numerus="yes">
        <source>%n earlier campaign(s) of this shop on the platform</source>
        <translation>
            <numerusform>%n earlier campaign of this shop on the platform</numerusform>
            <numerusform>%n earlier campaigns of this shop on the platform</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>If supply arrives %n day(s) late, no order of this campaign ships late.</source>
        <translation>
            <numerusform>If supply arrives %n day late, no order of this campaign ships late.</numerusform>
            <numerusform>If supply arrives %n days late, no order of this campaign ships late.</numerusform></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Last %n days: %1 – %2, compared with %3 – %4 (hover a figure for its definition).</source>
        <translation>
            <numerusform>Last %n day: %1 – %2, compared with %3 – %4 (hover a figure for its definition).</numerusform>
            <numerusform>Last %n days: %1 – %2, compared with %3 – %4 (hover a figure for its definition).</numerusform></translation>
    </message>
</context>
</TS>
