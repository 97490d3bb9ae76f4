<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <source>Figures as of %1 (%2)</source>
        <translation>数据截至 %1（%2）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>all orders in this shop</source>
        <translation>本店全部订单</translation>
    </message>
    <message>
        <source>all orders of this campaign</source>
        <translation>本活动全部订单</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>not shipped, ship deadline passed</source>
        <translation>未发货且已过发货截止时间</translation>
    </message>
    <message>
        <source>Due in 48 h</source>
        <translation>48 小时内到期</translation>
    </message>
    <message>
        <source>not shipped, deadline within 48 hours</source>
        <translation>未发货，48 小时内到达发货截止时间</translation>
    </message>
    <message>
        <source>Active campaigns</source>
        <translation>进行中的活动</translation>
    </message>
    <message>
        <source>approved, presale not over</source>
        <translation>已审核通过且预售尚未结束</translation>
    </message>
    <message>
        <source>Orders by status</source>
        <translation>各状态订单数</translation>
    </message>
    <message>
        <source>Campaigns by status</source>
        <translation>各状态活动数</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>Campaign #%1 “%2” on %3 · %4</source>
        <translation>活动 #%1「%2」（%3）· %4</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计周期：</translation>
    </message>
    <message>
        <source>Key figures in %1</source>
        <translation>关键指标（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Last %n days</source>
        <translation>
            <numerusform>最近 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n days: %1 – %2, compared with %3 – %4 (hover a figure for its definition).</source>
        <translation>
            <numerusform>最近 %n 天：%1 – %2，对比 %3 – %4（鼠标悬停在指标上可查看口径说明）。</numerusform>
        </translation>
    </message>
    <message>
        <source>the SKUs of campaign #%1</source>
        <translation>活动 #%1 的 SKU</translation>
    </message>
</context>
<context>
    <name>DashboardTiles</name>
    <message>
        <source>GMV</source>
        <translation>成交额（GMV）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Deposits collected</source>
        <translation>已收定金</translation>
    </message>
    <message>
        <source>Balances collected</source>
        <translation>已收尾款</translation>
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
        <source>Penalty exposure</source>
        <translation>超时罚款风险</translation>
    </message>
    <message>
        <source>Deposit liability</source>
        <translation>定金负债</translation>
    </message>
    <message>
        <source>Orders placed in the period.</source>
        <translation>本周期内下单的订单数。</translation>
    </message>
    <message>
        <source>Deposits paid on deposit orders placed in the period.</source>
        <translation>本周期内下单的定金订单已支付的定金。</translation>
    </message>
    <message>
        <source>Balances paid on deposit orders placed in the period.</source>
        <translation>本周期内下单的定金订单已支付的尾款。</translation>
    </message>
    <message>
        <source>Deposit orders whose balance was paid ÷ deposit orders whose deposit was paid.</source>
        <translation>已付尾款的定金订单 ÷ 已付定金的定金订单。</translation>
    </message>
    <message>
        <source>Orders due in the period that shipped by their deadline ÷ orders due in it (cancelled before the deadline left out).</source>
        <translation>本周期内到期且按时发货的订单 ÷ 本周期内到期的订单（截止前已取消的不计）。</translation>
    </message>
    <message>
        <source>Presale orders ÷ all orders placed in the period. Above 30 % a platform may limit presales.</source>
        <translation>预售订单 ÷ 本周期内全部订单。超过 30% 时平台可能限制预售。</translation>
    </message>
    <message>
        <source>The orders overdue now: the platform's late penalty per order where it has one (TikTok: US$8.00), else what their buyers paid.</source>
        <translation>当前已超时的订单：平台有每单超时罚款的按罚款计（TikTok：8.00 美元），否则按买家已付金额计。</translation>
    </message>
    <message>
        <source>What cancelling every open deposit order now would refund: twice the deposit, plus any balance paid.</source>
        <translation>若现在取消全部未完成的定金订单需退还的金额：定金的两倍，加上已付的尾款。</translation>
    </message>
    <message>
        <source>%1 pts vs previous period</source>
        <translation>较上一周期 %1 个百分点</translation>
    </message>
    <message>
        <source>%1% vs previous period</source>
        <translation>较上一周期 %1%</translation>
    </message>
    <message>
        <source>over 10× the previous period</source>
        <translation>超过上一周期的 10 倍</translation>
    </message>
    <message>
        <source>no figure to compare</source>
        <translation>无可比数据</translation>
    </message>
    <message>
        <source>none in the previous period</source>
        <translation>上一周期为零</translation>
    </message>
    <message>
        <source>none in either period</source>
        <translation>两个周期均为零</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>上一周期：%1</translation>
    </message>
    <message>
        <source>The order value of orders placed in the period whose deposit or payment was made, less those cancelled, refunded or returned.</source>
        <translation>本周期内下单、已付定金或已付款的订单金额，不含已取消、已退款、已退货的订单。</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Orders per day</source>
        <translation>每日订单数</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 订单</translation>
    </message>
    <message>
        <source>No orders in this period.</source>
        <translation>本周期内没有订单。</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <source>Deposits and balances per day (%1)</source>
        <translation>每日定金与尾款（%1）</translation>
    </message>
    <message>
        <source>No payments in this period.</source>
        <translation>本周期内没有付款。</translation>
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
        <source>Deposits %1, balances and full payments %2 in the period</source>
        <translation>本周期定金 %1，尾款与全款 %2</translation>
    </message>
    <message>
        <source>Shop health</source>
        <translation>店铺健康度</translation>
    </message>
    <message>
        <source>No rating entered yet: type the platform's rating and bad-review rate in Preferences → Shop health, as often as you read them.</source>
        <translation>尚未录入评分：请在“偏好设置 → 店铺健康度”中录入平台上的店铺评分和差评率，每次查看后录入即可。</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>店铺评分</translation>
    </message>
    <message>
        <source>Bad-review rate</source>
        <translation>差评率</translation>
    </message>
    <message>
        <source>Latest (%1): rating %2, bad-review rate %3</source>
        <translation>最新（%1）：评分 %2，差评率 %3</translation>
    </message>
    <message>
        <source>Shipments due vs stock arriving per day: %1</source>
        <translation>每日应发货与到货对比：%1</translation>
    </message>
    <message>
        <source>all SKUs</source>
        <translation>全部 SKU</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <source>This shop has no orders or campaigns yet</source>
        <translation>本店还没有订单或活动</translation>
    </message>
    <message>
        <source>Start with one of these. The figures, charts and alerts appear here as soon as there are orders.</source>
        <translation>从下面任一步开始。有了订单后，这里会显示指标、图表和预警。</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Bring in the order export of Taobao/Tmall, JD, Douyin or TikTok Shop (.xlsx or .csv): orders, deposits and ship deadlines are read from it.</source>
        <translation>导入淘宝/天猫、京东、抖店或 TikTok Shop 导出的订单表（.xlsx 或 .csv），自动读取订单、定金和发货截止时间。</translation>
    </message>
    <message>
        <source>Create a campaign…</source>
        <translation>新建预售活动…</translation>
    </message>
    <message>
        <source>Set up a presale step by step: SKUs, prices and deposit, schedule and ship window, checked against the platform's rules.</source>
        <translation>按步骤设置预售：SKU、价格与定金、时间安排和发货时效，并按平台规则检查。</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <source>Look around a made-up shop with campaigns on four platforms and orders in every state; your own database stays as it is.</source>
        <translation>浏览一个虚构店铺：四个平台的活动和各种状态的订单；您自己的数据库不受影响。</translation>
    </message>
</context>
</TS>
