<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BulkDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%Ln order(s)&lt;/b&gt; will be changed.</source>
        <translation>
            <numerusform>将修改 &lt;b&gt;%Ln 个订单&lt;/b&gt;。</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s) are skipped, with the reason:</source>
        <translation>
            <numerusform>%Ln 个订单将被跳过，原因如下：</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln selected order(s)</source>
        <translation>
            <numerusform>已选 %Ln 个订单</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %Ln order(s) matching the filter</source>
        <translation>
            <numerusform>符合筛选条件的全部 %Ln 个订单</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignDetailView</name>
    <message>
        <source>%1 (%2 time)</source>
        <translation>%1（%2时间）</translation>
    </message>
    <message numerus="yes">
        <source>cap %Ln unit(s)</source>
        <translation>
            <numerusform>限量 %Ln 件</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignPage</name>
    <message>
        <source>Next is not available until this is fixed:</source>
        <translation>修正以下问题后才能进入下一步：</translation>
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
<context>
    <name>CampaignWizard</name>
    <message>
        <source>SKU %1 · %2</source>
        <translation>SKU %1 · %2</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>No campaigns yet</source>
        <translation>还没有活动</translation>
    </message>
    <message>
        <source>A campaign holds a presale's rules: its SKUs and prices, deposit and balance windows, caps and ship promise. Imported orders are matched to it.</source>
        <translation>活动记录一次预售的规则：SKU 与价格、定金和尾款时间、限量和发货承诺。导入的订单会匹配到活动。</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Import a definition…</source>
        <translation>导入活动配置…</translation>
    </message>
</context>
<context>
    <name>FlaggedOrdersModel</name>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Why it was flagged</source>
        <translation>标记原因</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Show in the order table</source>
        <translation>在订单表中查看</translation>
    </message>
    <message>
        <source>Open these order lines in the order table (this window closes)</source>
        <translation>在订单表中打开这些订单行（本窗口会关闭）</translation>
    </message>
    <message>
        <source>Not moved back: these order lines are already further along in the database than in this file (it is an older export, e.g. shipped in the database but paid in the file). The database keeps the newer state; nothing is wrong:</source>
        <translation>未回退：这些订单行在数据库中的状态比本文件更新（本文件是较早的导出，例如数据库中已发货、文件中仍是已付款）。数据库保留较新的状态，无需处理：</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n flagged order line(s), imported as they are; check them (%1):</source>
        <translation>
            <numerusform>%n 个订单行被标记，已按原样导入，请核对（%1）：</numerusform></translation>
    </message>
    <message>
        <source>The first %1 are listed.</source>
        <translation>下面列出前 %1 个。</translation>
    </message>
    <message>
        <source>“%1” is active now: its orders count as running.</source>
        <translation>“%1”已生效：其订单计入进行中的活动。</translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) went to “%1”, which waits for approval: it does not run until it is approved.</source>
        <translation>
            <numerusform>%n 个订单行归入“%1”，该活动正在等待审核：审核通过后才会生效。</numerusform></translation>
    </message>
    <message>
        <source>Approve “%1”</source>
        <translation>审核通过“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) went to “%1”, which is still a draft: it does not count as running until you activate it.</source>
        <translation>
            <numerusform>%n 个订单行归入“%1”，该活动仍是草稿：启用后才计入进行中的活动。</numerusform></translation>
    </message>
    <message>
        <source>Activate “%1”</source>
        <translation>启用“%1”</translation>
    </message>
    <message>
        <source>Older, not moved back</source>
        <translation>文件较旧，未回退</translation>
    </message>
    <message>
        <source>Flagged orders do not fit a campaign's rules (no matching campaign, outside its window, over its cap or its limit per buyer). They were imported as they are; they are listed below.</source>
        <translation>标记待查的订单不符合活动规则（没有匹配的活动、超出活动时间、超出限量或每人限购）。它们已按原样导入，列在下方。</translation>
    </message>
    <message>
        <source>Flagged by the import of %1</source>
        <translation>导入 %1 时标记的订单</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message numerus="yes">
        <source>%Ln SKU(s)</source>
        <translation>
            <numerusform>%Ln 个 SKU</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%Ln order(s) written to %2</source>
        <translation>
            <numerusform>已将 %Ln 个订单导出到 %2</numerusform></translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <source>Import an order export from Taobao/Tmall, JD, Douyin or TikTok Shop (File ▸ Import, or drop the file on this window), or open the demo shop to look around.</source>
        <translation>导入淘宝/天猫、京东、抖音或 TikTok Shop 的订单导出文件（文件 ▸ 导入，或把文件拖到本窗口），也可以先打开演示店铺看看。</translation>
    </message>
    <message>
        <source>No orders match this filter</source>
        <translation>没有符合筛选条件的订单</translation>
    </message>
    <message>
        <source>Change the filter or show all orders.</source>
        <translation>请修改筛选条件，或显示全部订单。</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <source>Show all orders</source>
        <translation>显示全部订单</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>共 %Ln 个订单</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln order(s) changed</source>
        <translation>
            <numerusform>%1：已修改 %Ln 个订单</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) copied</source>
        <translation>
            <numerusform>已复制 %Ln 行</numerusform></translation>
    </message>
</context>
<context>
    <name>PackingBench</name>
    <message numerus="yes">
        <source>%Ln order(s) marked shipped.</source>
        <translation>
            <numerusform>%Ln 个订单已标记为发货。</numerusform></translation>
    </message>
</context>
</TS>
