<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>PlannerDialog</name>
    <message>
        <source>the default presale shape (no earlier campaign on this platform)</source>
        <translation>默认预售曲线（本平台还没有往期活动）</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier campaign(s) of this shop on the platform</source>
        <translation><numerusform>本店在该平台的 %n 个往期活动</numerusform></translation>
    </message>
    <message>
        <source>the actual figures: the selling window has closed</source>
        <translation>实际数据：售卖期已结束</translation>
    </message>
    <message>
        <source>nothing yet: the selling window has not opened</source>
        <translation>尚无数据：售卖期还没开始</translation>
    </message>
    <message>
        <source>this campaign's own</source>
        <translation>本活动实际</translation>
    </message>
    <message>
        <source>the shop's earlier campaigns</source>
        <translation>本店往期活动</translation>
    </message>
    <message>
        <source>the default</source>
        <translation>默认值</translation>
    </message>
    <message>
        <source>full payment</source>
        <translation>全款预售</translation>
    </message>
    <message>
        <source>Forecast from %1; %2 % of the selling window has gone by. Balance conversion %3 % (%4).</source>
        <translation>预测依据：%1；售卖期已过 %2%。尾款转化率 %3%（%4）。</translation>
    </message>
    <message>
        <source>Add as supply batch</source>
        <translation>加入到货计划</translation>
    </message>
    <message>
        <source>%1 units of %2 by %3</source>
        <translation>%2 共 %1 件，%3 前到货</translation>
    </message>
    <message>
        <source>Next: order %1 from the factory.</source>
        <translation>下一步：向工厂下单——%1。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Stock and incoming supply cover the forecast: nothing to order now.</source>
        <translation>现货和在途补货足以覆盖预测：目前无需下单。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Set the days late to see what a late supply would cost.</source>
        <translation>设置延迟天数，查看到货延迟的代价。</translation>
    </message>
    <message numerus="yes">
        <source>If supply arrives %n day(s) late, no order of this campaign ships late.</source>
        <translation><numerusform>即使到货延迟 %n 天，本活动也没有订单会延迟发货。</numerusform></translation>
    </message>
    <message>
        <source>If supply arrives %1 days late: %2 orders ship late; penalty %3; refunds if they are cancelled %4. Add supply sooner or tell buyers now.</source>
        <translation>若到货延迟 %1 天：%2 个订单将延迟发货；罚金 %3；若被取消需退款 %4。请提前补货，或现在就通知买家。</translation>
    </message>
    <message>
        <source>The compensation is an amount, like 10.00.</source>
        <translation>补偿金额请填写数字，例如 10.00。</translation>
    </message>
    <message>
        <source>No order of this campaign needs this message now.</source>
        <translation>本活动目前没有需要发送这类消息的订单。</translation>
    </message>
    <message>
        <source>%1 messages. Compensation %2 each, %3 in all: check it before you send.</source>
        <translation>共 %1 条消息。每单补偿 %2，合计 %3：发送前请核对。</translation>
    </message>
    <message>
        <source>%1 messages. Export them for the platform's bulk-messaging tool.</source>
        <translation>共 %1 条消息。导出后可用平台的批量消息工具发送。</translation>
    </message>
    <message>
        <source>Saved as this shop's template.</source>
        <translation>已保存为本店模板。</translation>
    </message>
    <message>
        <source>Export messages</source>
        <translation>导出消息</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>%1 messages written to %2 and noted on each order's timeline.</source>
        <translation>已将 %1 条消息写入 %2，并记入每个订单的时间线。</translation>
    </message>
    <message>
        <source>Plan “%1”</source>
        <translation>计划「%1」</translation>
    </message>
    <message>
        <source>Forecast and production</source>
        <translation>预测与生产</translation>
    </message>
    <message>
        <source>Profit and loss</source>
        <translation>盈亏</translation>
    </message>
    <message>
        <source>Buyer messages</source>
        <translation>买家消息</translation>
    </message>
    <message>
        <source>Safety stock per SKU:</source>
        <translation>每个 SKU 的安全库存：</translation>
    </message>
    <message>
        <source>If supply arrives this many days late:</source>
        <translation>假如到货延迟天数：</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Sold so far</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>区间</translation>
    </message>
    <message>
        <source>Still to ship</source>
        <translation>待发货</translation>
    </message>
    <message>
        <source>Other campaigns</source>
        <translation>其他活动占用</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现货</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>To make</source>
        <translation>需生产</translation>
    </message>
    <message>
        <source>Arrive by</source>
        <translation>最晚到货</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>付清件数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Forfeited deposits</source>
        <translation>没收定金</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Balance reminder (催付)</source>
        <translation>催付尾款</translation>
    </message>
    <message>
        <source>Progress update</source>
        <translation>进度通知</translation>
    </message>
    <message>
        <source>Delay notice with compensation</source>
        <translation>延迟通知（含补偿）</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>消息类型：</translation>
    </message>
    <message>
        <source>Buyers' language:</source>
        <translation>买家语言：</translation>
    </message>
    <message>
        <source>New ship date:</source>
        <translation>新发货日期：</translation>
    </message>
    <message>
        <source>Compensation per order:</source>
        <translation>每单补偿：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Preview the list</source>
        <translation>预览名单</translation>
    </message>
    <message>
        <source>Keep this text as my template</source>
        <translation>保存为我的模板</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>PnlTable</name>
    <message>
        <source>No figures yet: the campaign needs SKUs and prices.</source>
        <translation>暂无数据：活动需要先有 SKU 和价格。</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>balance conversion %1</source>
        <translation>尾款转化率 %1</translation>
    </message>
    <message>
        <source>platform pre-order fee %1</source>
        <translation>平台预售服务费 %1</translation>
    </message>
    <message>
        <source>no product cost for %1 (counted as 0)</source>
        <translation>%1 没有商品成本（按 0 计）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>付清件数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Platform fees</source>
        <translation>平台费用</translation>
    </message>
    <message>
        <source>Forfeited deposits</source>
        <translation>没收定金</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
</context>
</TS>