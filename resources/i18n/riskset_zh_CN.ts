<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>RiskSettingsDialog</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>Saved; the alerts were checked again with them.</source>
        <translation>已保存，并已按新设置重新检查预警。</translation>
    </message>
    <message>
        <source>Warn when a shipment is due within (hours)</source>
        <translation>发货期限前多少小时提醒（小时）</translation>
    </message>
    <message>
        <source>Critical when due within (hours)</source>
        <translation>发货期限前多少小时为严重（小时）</translation>
    </message>
    <message>
        <source>Warn before the balance window closes (hours)</source>
        <translation>尾款截止前多少小时提醒（小时）</translation>
    </message>
    <message>
        <source>Late rate, 30 days: critical above (%)</source>
        <translation>30 天延迟发货率高于此值为严重（%）</translation>
    </message>
    <message>
        <source>On-time rate: warn below (%)</source>
        <translation>按时发货率低于此值提醒（%）</translation>
    </message>
    <message>
        <source>On-time rate: critical below (%)</source>
        <translation>按时发货率低于此值为严重（%）</translation>
    </message>
    <message>
        <source>Presale share: warn above (%)</source>
        <translation>预售占比高于此值提醒（%）</translation>
    </message>
    <message>
        <source>Presale share: critical above (%)</source>
        <translation>预售占比高于此值为严重（%）</translation>
    </message>
    <message>
        <source>Cancel rate: warn above (%)</source>
        <translation>取消率高于此值提醒（%）</translation>
    </message>
    <message>
        <source>Bad-review rate: warn above (%)</source>
        <translation>差评率高于此值提醒（%）</translation>
    </message>
    <message>
        <source>Bad-review rate: critical above (%)</source>
        <translation>差评率高于此值为严重（%）</translation>
    </message>
    <message>
        <source>Return rate of a campaign: warn above (%)</source>
        <translation>活动退货率高于此值提醒（%）</translation>
    </message>
    <message>
        <source>Return rate of a campaign: critical above (%)</source>
        <translation>活动退货率高于此值为严重（%）</translation>
    </message>
    <message>
        <source>Shop rating: critical below</source>
        <translation>店铺评分低于此值为严重</translation>
    </message>
    <message>
        <source>Shop health and alert thresholds</source>
        <translation>店铺健康与预警阈值</translation>
    </message>
    <message>
        <source>Shop health (the platforms don't export it)</source>
        <translation>店铺健康（平台导出表中没有）</translation>
    </message>
    <message>
        <source>Shop rating (DSR):</source>
        <translation>店铺评分（DSR）：</translation>
    </message>
    <message>
        <source>Bad-review rate:</source>
        <translation>差评率：</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Bad-review rate</source>
        <translation>差评率</translation>
    </message>
    <message>
        <source>Alert thresholds</source>
        <translation>预警阈值</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Every platform</source>
        <translation>所有平台</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>This shop</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>Change a value in the “This shop” column and save; empty it for no limit. Rates are percentages.</source>
        <translation>在“本店”一栏修改数值后保存；清空表示不设限。比率按百分比填写。</translation>
    </message>
</context>
</TS>