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
    <name>DashboardPage</name>
    <message>
      <source>GMV</source>
      <translation>成交额（GMV）</translation>
    </message>
    <message>
      <source>Deposits collected</source>
      <translation>已收定金</translation>
    </message>
    <message>
      <source>Balance conversion</source>
      <translation>尾款转化率</translation>
    </message>
    <message>
      <source>On-time rate</source>
      <translation>按时发货率</translation>
    </message>
    <message>
      <source>Presale share</source>
      <translation>预售占比</translation>
    </message>
    <message>
      <source>Penalty exposure (overdue now)</source>
      <translation>超时罚款风险（当前超时）</translation>
    </message>
    <message>
      <source>Deposit liability</source>
      <translation>定金负债</translation>
    </message>
    <message>
      <source>Key figures (all orders, per currency)</source>
      <translation>关键指标（全部订单，按币种）</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>My shop</source>
      <translation>我的店铺</translation>
    </message>
  </context>
</TS>