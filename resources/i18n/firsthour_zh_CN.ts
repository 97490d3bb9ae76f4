<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CampaignDetailView</name>
    <message>
        <source>%1 (%2 time)</source>
        <translation>%1（%2时间）</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Paid</source>
        <translation>已收款</translation>
    </message>
    <message>
        <source>%1 (%2 time)</source>
        <translation>%1（%2时间）</translation>
    </message>
    <message>
        <source>In the campaign's time zone (%1); in shop time: %2</source>
        <translation>按活动所在时区（%1）；店铺时间：%2</translation>
    </message>
    <message>
        <source>No order waits to ship: nothing can be late</source>
        <translation>没有待发货的订单：不会超时</translation>
    </message>
</context>
</TS>
