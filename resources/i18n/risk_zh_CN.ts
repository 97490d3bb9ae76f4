<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AlertsPage</name>
    <message>
      <source>Alerts</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>First seen %1</source>
      <translation>首次发现于 %1</translation>
    </message>
    <message>
      <source>Checked %1</source>
      <translation>检查于 %1</translation>
    </message>
    <message>
      <source>No open alerts: the shop is healthy. Checked %1; checked again every few minutes.</source>
      <translation>没有待处理的预警：店铺状态良好。检查于 %1，每隔几分钟自动重新检查。</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>严重</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>警告</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新</translation>
    </message>
    <message>
      <source>Acknowledged</source>
      <translation>已知悉</translation>
    </message>
    <message>
      <source>Snoozed</source>
      <translation>已暂缓</translation>
    </message>
    <message>
      <source>Resolved</source>
      <translation>已解决</translation>
    </message>
    <message>
      <source>All severities</source>
      <translation>全部级别</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>级别</translation>
    </message>
    <message>
      <source>What and what to do</source>
      <translation>问题与建议</translation>
    </message>
    <message>
      <source>Orders</source>
      <translation>订单数</translation>
    </message>
    <message>
      <source>At stake</source>
      <translation>涉及金额</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Show orders</source>
      <translation>查看订单</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>知悉</translation>
    </message>
    <message>
      <source>Snooze</source>
      <translation>暂缓</translation>
    </message>
    <message numerus="yes">
      <source>For %n hours</source>
      <translation>
        <numerusform>%n 小时</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>New critical alert: %1</source>
      <translation>新的严重预警：%1</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>My shop</source>
      <translation>我的店铺</translation>
    </message>
  </context>
<context>
    <name>ThresholdsTab</name>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>Restore defaults</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <source>Unshipped order due within</source>
        <translation>未发货订单距截止不足</translation>
    </message>
    <message>
        <source>Balance window closes within</source>
        <translation>尾款支付期距结束不足</translation>
    </message>
    <message>
        <source>Presale share of orders (30 days) above</source>
        <translation>预售订单占比（30 天）高于</translation>
    </message>
    <message>
        <source>Late-shipment rate (30 days) above</source>
        <translation>延迟发货率（30 天）高于</translation>
    </message>
    <message>
        <source>On-time rate (30 days) below</source>
        <translation>按时发货率（30 天）低于</translation>
    </message>
    <message>
        <source>Bad-review rate above</source>
        <translation>差评率高于</translation>
    </message>
    <message>
        <source>Presale units above this share of 30-day sales</source>
        <translation>预售件数超过 30 天销量的比例</translation>
    </message>
    <message>
        <source>Returns of a campaign's shipped orders above</source>
        <translation>活动已发货订单的退货率高于</translation>
    </message>
    <message>
        <source>Cancel rate (30 days) above</source>
        <translation>取消率（30 天）高于</translation>
    </message>
    <message>
        <source>Shop rating below</source>
        <translation>店铺评分低于</translation>
    </message>
    <message>
        <source>Rates are judged from this many orders in 30 days</source>
        <translation>30 天内订单数达到此数才判断比率</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>default %1</source>
        <translation>默认 %1</translation>
    </message>
    <message>
        <source>These are the defaults for this platform. Alerts are checked again when you press OK.</source>
        <translation>这是该平台的默认值。点击“确定”后会重新检查预警。</translation>
    </message>
    <message>
        <source>This shop has its own values for some of these thresholds. Alerts are checked again when you press OK.</source>
        <translation>本店对其中部分阈值设置了自己的数值。点击“确定”后会重新检查预警。</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>Shop rating (0–5):</source>
        <translation>店铺评分（0–5）：</translation>
    </message>
    <message>
        <source>Bad-review rate:</source>
        <translation>差评率：</translation>
    </message>
    <message>
        <source>As read on:</source>
        <translation>查看日期：</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Recorded for %1.</source>
        <translation>已记录 %1 的数据。</translation>
    </message>
    <message>
        <source>Type numbers, e.g. 4.6 and 2.5.</source>
        <translation>请输入数字，例如 4.6 和 2.5。</translation>
    </message>
    <message>
        <source>Type a rating, a bad-review rate or both.</source>
        <translation>请输入评分、差评率或两者。</translation>
    </message>
    <message>
        <source>The platforms do not export these figures: read them in the seller centre (DSR / shop score, bad reviews) and type them here, e.g. once a week. The latest entry is checked against the thresholds (TikTok: rating 4.5; bad reviews above 2 %: pause new presales) and the dashboard shows the trend.</source>
        <translation>平台不导出这些数据：请在商家后台查看（DSR / 店铺评分、差评）后录入，例如每周一次。最新一条会与阈值比较（TikTok：评分 4.5；差评率超过 2% 应暂停新的预售），概览页显示其趋势。</translation>
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
</context>
</TS>