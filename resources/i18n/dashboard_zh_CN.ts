<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardCharts</name>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>Presale orders</source>
        <translation>预售订单</translation>
    </message>
    <message>
        <source>Deposits against balances received per day (%1)</source>
        <translation>每日收到的定金与尾款（%1）</translation>
    </message>
    <message>
        <source>Deposits</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Balances and full payments</source>
        <translation>尾款与全款</translation>
    </message>
    <message>
        <source>No health figures yet: type the shop's rating and bad-review rate in Settings (or `presale shop health`) to follow their trend.</source>
        <translation>还没有店铺健康数据：在“设置”中填写店铺评分和差评率（或使用 `presale shop health`），即可查看趋势。</translation>
    </message>
    <message>
        <source>Rating (0-5)</source>
        <translation>评分（0-5）</translation>
    </message>
    <message>
        <source>Bad-review rate (%)</source>
        <translation>差评率（%）</translation>
    </message>
    <message>
        <source>Orders per day, last 30 days</source>
        <translation>近 30 天每日订单</translation>
    </message>
    <message>
        <source>Shop health trend</source>
        <translation>店铺健康趋势</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>The whole shop</source>
        <translation>整个店铺</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>查看：</translation>
    </message>
    <message>
        <source>Start here</source>
        <translation>从这里开始</translation>
    </message>
    <message>
        <source>This shop has no orders and no campaigns yet. Import an order export from your platform, set up a presale campaign, or open the demo shop to look around first.</source>
        <translation>这个店铺还没有订单和活动。可以导入平台导出的订单表、创建一个预售活动，或先打开演示店铺看看。</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Create a campaign…</source>
        <translation>创建活动…</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
</context>
</TS>
