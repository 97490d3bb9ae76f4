<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustDialog</name>
    <message>
        <source>SKU:</source>
        <translation>SKU：</translation>
    </message>
    <message>
        <source>Change (+ in, − out):</source>
        <translation>变动（+ 入库，− 出库）：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>参考单号：</translation>
    </message>
    <message>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
</context>
<context>
    <name>AllocateDialog</name>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
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
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Apply allocation</source>
        <translation>执行分配</translation>
    </message>
    <message>
        <source>Allocate stock</source>
        <translation>分配库存</translation>
    </message>
    <message>
        <source>Working out the allocation…</source>
        <translation>正在计算分配…</translation>
    </message>
    <message>
        <source>Earliest ship deadline first: %1 units from stock on hand, %2 from supply batches.&lt;br&gt;&lt;b&gt;%3 orders start holding stock, %4 let go of it.&lt;/b&gt;&lt;br&gt;%5 orders get nothing in time; %6 only after their deadline.</source>
        <translation>按最早发货期限优先：现货分配 %1 件，到货批次分配 %2 件。&lt;br&gt;&lt;b&gt;%3 个订单将占用现货，%4 个订单释放现货。&lt;/b&gt;&lt;br&gt;%5 个订单无货可发；%6 个订单只能在期限后发货。</translation>
    </message>
    <message>
        <source>holds stock</source>
        <translation>占用现货</translation>
    </message>
    <message>
        <source>lets go</source>
        <translation>释放现货</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>SKU:</source>
        <translation>SKU：</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>Expected on:</source>
        <translation>预计到货：</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Supply batch #%1</source>
        <translation>到货批次 #%1</translation>
    </message>
    <message>
        <source>New supply batch</source>
        <translation>新增到货批次</translation>
    </message>
</context>
<context>
    <name>BulkDialog</name>
    <message>
        <source>Tracking numbers</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>%1: %2 tracking numbers</source>
        <translation>%1：%2 个运单号</translation>
    </message>
    <message>
        <source>Type or pick the carrier.</source>
        <translation>请填写或选择快递公司。</translation>
    </message>
    <message>
        <source>Write the note.</source>
        <translation>请填写备注。</translation>
    </message>
    <message>
        <source>Type the tag.</source>
        <translation>请填写标签。</translation>
    </message>
    <message>
        <source>Working out what happens…</source>
        <translation>正在计算影响…</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 orders&lt;/b&gt; will be changed.</source>
        <translation>将修改 &lt;b&gt;%1 个订单&lt;/b&gt;。</translation>
    </message>
    <message>
        <source>Refunds to buyers: %1</source>
        <translation>退给买家：%1</translation>
    </message>
    <message>
        <source>Deposits you keep: %1</source>
        <translation>没收定金：%1</translation>
    </message>
    <message>
        <source>No money changes hands.</source>
        <translation>不涉及退款或没收。</translation>
    </message>
    <message>
        <source>%1 order numbers in the tracking list match no selected order.</source>
        <translation>运单列表中有 %1 个订单号不在所选订单中。</translation>
    </message>
    <message>
        <source>%1 orders are skipped, with the reason:</source>
        <translation>%1 个订单将被跳过，原因如下：</translation>
    </message>
    <message>
        <source>No order is skipped.</source>
        <translation>没有订单被跳过。</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 个</translation>
    </message>
    <message>
        <source>%1 selected orders</source>
        <translation>已选 %1 个订单</translation>
    </message>
    <message>
        <source>All %1 orders matching the filter</source>
        <translation>符合筛选条件的全部 %1 个订单</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>快递公司：</translation>
    </message>
    <message>
        <source>Tracking numbers:</source>
        <translation>运单号：</translation>
    </message>
    <message>
        <source>None now (carrier only)</source>
        <translation>暂不填写（只填快递公司）</translation>
    </message>
    <message>
        <source>Type or scan (order number, tracking number per line)</source>
        <translation>输入或扫码（每行：订单号 运单号）</translation>
    </message>
    <message>
        <source>From a sheet (.xlsx / .csv)</source>
        <translation>从表格导入（.xlsx / .csv）</translation>
    </message>
    <message>
        <source>6917926768823643751  SF1234567890</source>
        <translation>6917926768823643751  SF1234567890</translation>
    </message>
    <message>
        <source>Choose sheet…</source>
        <translation>选择表格…</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>The refund is my fault (the deposit is refunded too)</source>
        <translation>因商家原因退款（定金一并退还）</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Confirm: %1</source>
        <translation>确认：%1</translation>
    </message>
</context>
<context>
    <name>DelayDialog</name>
    <message>
        <source>Batch #%1: %2 × %3, expected %4</source>
        <translation>批次 #%1：%2 × %3，预计 %4 到货</translation>
    </message>
    <message>
        <source>New date:</source>
        <translation>新日期：</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>发货期限</translation>
    </message>
    <message>
        <source>Penalty</source>
        <translation>罚金</translation>
    </message>
    <message>
        <source>Delay the batch</source>
        <translation>推迟到货</translation>
    </message>
    <message>
        <source>Delay supply</source>
        <translation>推迟到货批次</translation>
    </message>
    <message>
        <source>Working out which orders become late…</source>
        <translation>正在计算哪些订单会延迟…</translation>
    </message>
    <message>
        <source>No order becomes late: every order this batch covers can still ship by its deadline.</source>
        <translation>没有订单会因此延迟：这批货覆盖的订单都还能按期发货。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 orders become late&lt;/b&gt; (covered only after their ship deadline, or not at all). Penalty or money at risk: &lt;b&gt;%2&lt;/b&gt;.</source>
        <translation>&lt;b&gt;%1 个订单将延迟&lt;/b&gt;（到货晚于发货期限，或无货可发）。罚金或风险金额：&lt;b&gt;%2&lt;/b&gt;。</translation>
    </message>
</context>
<context>
    <name>DeskLabels</name>
    <message>
        <source>Not on the member list</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>No campaign</source>
        <translation>无活动</translation>
    </message>
    <message>
        <source>Outside the window</source>
        <translation>超出活动时间</translation>
    </message>
    <message>
        <source>Over the cap</source>
        <translation>超出限量</translation>
    </message>
    <message>
        <source>Over the buyer limit</source>
        <translation>超出限购</translation>
    </message>
    <message>
        <source>Presale type differs</source>
        <translation>预售类型不符</translation>
    </message>
    <message>
        <source>Mark shipped</source>
        <translation>标记发货</translation>
    </message>
    <message>
        <source>Cancel by seller</source>
        <translation>商家取消</translation>
    </message>
    <message>
        <source>Close unpaid balance</source>
        <translation>关闭未付尾款</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>标记完成</translation>
    </message>
    <message>
        <source>Cancelled by buyer</source>
        <translation>买家取消</translation>
    </message>
    <message>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>The orders are marked shipped with the carrier and tracking number; their units leave stock on hand (ledger).</source>
        <translation>订单将标记为已发货并记录快递公司和运单号；相应件数从现货中扣减（记入库存流水）。</translation>
    </message>
    <message>
        <source>The orders are cancelled by you. Buyers get back what they paid; on deposit orders the deposit is refunded twice (Civil Code art. 587).</source>
        <translation>由商家取消订单。买家收回已付款项；定金订单按双倍返还定金（《民法典》第587条）。</translation>
    </message>
    <message>
        <source>The balance window is closed on these orders: the buyers did not pay the balance, and you keep their deposits (art. 587).</source>
        <translation>关闭这些订单的尾款：买家未付尾款，定金归商家所有（第587条）。</translation>
    </message>
    <message>
        <source>The orders are refunded before shipping. On deposit orders the deposit stays with you unless the refund is your fault.</source>
        <translation>发货前退款。定金订单的定金不退，除非是商家原因。</translation>
    </message>
    <message>
        <source>The shipped orders are marked completed.</source>
        <translation>已发货订单将标记为完成。</translation>
    </message>
    <message>
        <source>The buyers cancelled: unpaid orders close; paid deposits are kept.</source>
        <translation>买家取消：未付款订单关闭；已付定金不退。</translation>
    </message>
    <message>
        <source>The note is added to each order&apos;s notes and history.</source>
        <translation>备注将添加到每个订单的备注和历史记录中。</translation>
    </message>
    <message>
        <source>The tag is added to each order.</source>
        <translation>每个订单都会加上这个标签。</translation>
    </message>
    <message>
        <source>All orders</source>
        <translation>全部订单</translation>
    </message>
    <message>
        <source>To ship today</source>
        <translation>今天要发货</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due within 48 h</source>
        <translation>48 小时内到期</translation>
    </message>
    <message>
        <source>Unpaid balances</source>
        <translation>未付尾款</translation>
    </message>
    <message>
        <source>Flagged at import</source>
        <translation>导入时标记</translation>
    </message>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Adjustment</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>找到</translation>
    </message>
    <message>
        <source>Sample / gift</source>
        <translation>样品 / 赠品</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <source>Full payment</source>
        <translation>全款</translation>
    </message>
    <message>
        <source>Deposit refunded again (art. 587)</source>
        <translation>双倍返还的定金（第587条）</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Deposit paid</source>
        <translation>已付定金</translation>
    </message>
    <message>
        <source>Balance window opened</source>
        <translation>尾款开始</translation>
    </message>
    <message>
        <source>Balance paid</source>
        <translation>已付尾款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Balance not paid (deposit kept)</source>
        <translation>尾款未付（定金没收）</translation>
    </message>
    <message>
        <source>Cancelled by seller</source>
        <translation>商家取消</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
</context>
<context>
    <name>FlowChart</name>
    <message>
        <source>Due to ship</source>
        <translation>应发货</translation>
    </message>
    <message>
        <source>Arriving</source>
        <translation>到货</translation>
    </message>
    <message>
        <source>Not in the bars: %1 units already overdue, %2 units with no ship deadline yet (balance not paid).</source>
        <translation>柱状图未含：已超时 %1 件，尚无发货期限（尾款未付）%2 件。</translation>
    </message>
    <message>
        <source>Due to ship vs arriving per day: %1</source>
        <translation>每日应发货与到货：%1</translation>
    </message>
    <message>
        <source>Due to ship vs arriving per day: all SKUs</source>
        <translation>每日应发货与到货：全部 SKU</translation>
    </message>
    <message>
        <source>Not covered in time</source>
        <translation>无法按时满足</translation>
    </message>
    <message>
        <source>%1 units due in these days will not be covered by their deadline (red).</source>
        <translation>这些天到期的 %1 件无法在截止前备齐（红色）。</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>%1 SKUs</source>
        <translation>%1 个 SKU</translation>
    </message>
    <message>
        <source>%1 short of stock, %2 orders not covered in time</source>
        <translation>%1 个缺货，%2 个订单无法按期发货</translation>
    </message>
    <message>
        <source>Supply batch added</source>
        <translation>已添加到货批次</translation>
    </message>
    <message>
        <source>Supply batch saved</source>
        <translation>已保存到货批次</translation>
    </message>
    <message>
        <source>Supply received into stock</source>
        <translation>已收货入库</translation>
    </message>
    <message>
        <source>Supply batch delayed</source>
        <translation>已推迟到货批次</translation>
    </message>
    <message>
        <source>Stock allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <source>Stock adjusted</source>
        <translation>已调整库存</translation>
    </message>
    <message>
        <source>Stock per SKU</source>
        <translation>各 SKU 库存</translation>
    </message>
    <message>
        <source>Supply batches</source>
        <translation>到货批次</translation>
    </message>
    <message>
        <source>Production runs and purchase orders</source>
        <translation>生产批次和采购单</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Receive…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <source>Delay…</source>
        <translation>推迟…</translation>
    </message>
    <message>
        <source>Allocate…</source>
        <translation>分配…</translation>
    </message>
    <message>
        <source>Adjust stock…</source>
        <translation>调整库存…</translation>
    </message>
    <message>
        <source>Ledger…</source>
        <translation>流水…</translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>Stock ledger: %1</source>
        <translation>库存流水：%1</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现货</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>参考单号</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
</context>
<context>
    <name>OrderDetailPanel</name>
    <message>
        <source>No order selected</source>
        <translation>未选择订单</translation>
    </message>
    <message>
        <source>Select an order to see its lines, price, payments, address and history.</source>
        <translation>选择一个订单，查看商品、价格、付款、地址和历史。</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Ship by %1</source>
        <translation>发货期限 %1</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Unit price × quantity</source>
        <translation>单价 × 数量</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>划线价</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Deposit counts for</source>
        <translation>定金抵扣</translation>
    </message>
    <message>
        <source>Balance discount</source>
        <translation>尾款立减</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <source>Order total</source>
        <translation>订单总额</translation>
    </message>
    <message>
        <source>Payments and refunds</source>
        <translation>付款与退款</translation>
    </message>
    <message>
        <source>Nothing paid yet</source>
        <translation>尚未付款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Deposit kept</source>
        <translation>没收定金</translation>
    </message>
    <message>
        <source>A late shipment may cost</source>
        <translation>延迟发货可能损失</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>收货信息</translation>
    </message>
    <message>
        <source>No address in the data (the platform keeps it)</source>
        <translation>数据中没有地址（由平台保存）</translation>
    </message>
    <message>
        <source>Buyer: %1</source>
        <translation>买家：%1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No changes recorded yet</source>
        <translation>暂无变更记录</translation>
    </message>
    <message>
        <source>Act on this order</source>
        <translation>处理此订单</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>vip, gift, call back</source>
        <translation>VIP, 送礼, 回访</translation>
    </message>
    <message>
        <source>Save notes</source>
        <translation>保存备注</translation>
    </message>
    <message>
        <source>Close the detail panel</source>
        <translation>关闭详情面板</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>overdue %1</source>
        <translation>超时 %1</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <source>Ship by</source>
        <translation>发货期限</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>Import flags</source>
        <translation>导入标记</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Overdue: the ship deadline has passed and it is not shipped</source>
        <translation>已超时：已过发货期限仍未发货</translation>
    </message>
    <message>
        <source>Due within 24 hours</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <source>Computed from the payments: not sortable</source>
        <translation>由付款记录计算：不能排序</translation>
    </message>
    <message>
        <source>Click to sort (in the database, the whole result)</source>
        <translation>点击排序（在数据库中对全部结果排序）</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Name of this view:</source>
        <translation>视图名称：</translation>
    </message>
    <message>
        <source>View saved: %1</source>
        <translation>已保存视图：%1</translation>
    </message>
    <message>
        <source>Delete view “%1”</source>
        <translation>删除视图“%1”</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>No orders yet: import an export or open the demo shop</source>
        <translation>还没有订单：导入平台导出文件，或打开演示店铺</translation>
    </message>
    <message>
        <source>No orders match</source>
        <translation>没有符合条件的订单</translation>
    </message>
    <message>
        <source>%1+ orders (counting…)</source>
        <translation>%1+ 个订单（计数中…）</translation>
    </message>
    <message>
        <source>%1 orders</source>
        <translation>%1 个订单</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
    <message>
        <source>All %1 matching</source>
        <translation>全部 %1 个</translation>
    </message>
    <message>
        <source>Still reading the orders; try again in a moment</source>
        <translation>正在读取订单，请稍后再试</translation>
    </message>
    <message>
        <source>%1: %2 orders changed</source>
        <translation>%1：已修改 %2 个订单</translation>
    </message>
    <message>
        <source>%1 skipped</source>
        <translation>跳过 %1 个</translation>
    </message>
    <message>
        <source>Notes saved</source>
        <translation>备注已保存</translation>
    </message>
    <message>
        <source>%1 rows copied</source>
        <translation>已复制 %1 行</translation>
    </message>
    <message>
        <source>Order no., buyer, recipient, tracking no. or SKU (Ctrl+F)</source>
        <translation>订单号、买家、收件人、运单号或 SKU（Ctrl+F）</translation>
    </message>
    <message>
        <source>%1 states</source>
        <translation>%1 个状态</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>%1 flags</source>
        <translation>%1 个标记</translation>
    </message>
    <message>
        <source>Import flags: any</source>
        <translation>导入标记：不限</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Any deadline</source>
        <translation>不限期限</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Due within 24 h</source>
        <translation>24 小时内到期</translation>
    </message>
    <message>
        <source>Due within 48 h</source>
        <translation>48 小时内到期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>Due by a date…</source>
        <translation>指定日期前到期…</translation>
    </message>
    <message>
        <source>Balance unpaid</source>
        <translation>尾款未付</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>批量操作</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>保存视图…</translation>
    </message>
</context>
<context>
    <name>PositionTableModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现货</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预占</translation>
    </message>
    <message>
        <source>Sold, not reserved</source>
        <translation>已售未预占</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Available to promise</source>
        <translation>可承诺量</translation>
    </message>
    <message>
        <source>Orders short</source>
        <translation>缺货订单</translation>
    </message>
    <message>
        <source>Short from</source>
        <translation>缺货起始</translation>
    </message>
    <message>
        <source>Next arrival</source>
        <translation>下次到货</translation>
    </message>
    <message>
        <source>%1 orders get no stock at all, %2 only after their ship deadline; the first deadline is %3</source>
        <translation>%1 个订单无货可发，%2 个订单要到发货期限之后才有货；最早期限为 %3</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <source>Batch #%1: %2 × %3, %4 received so far</source>
        <translation>批次 #%1：%2 × %3，已收 %4</translation>
    </message>
    <message>
        <source>Units arrived:</source>
        <translation>到货件数：</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <source>Receive supply</source>
        <translation>到货入库</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现货</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预占</translation>
    </message>
    <message>
        <source>Sold, not reserved</source>
        <translation>已售未预占</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Available to promise</source>
        <translation>可承诺量</translation>
    </message>
    <message>
        <source>Short by %1 units: on hand plus incoming does not cover what is sold</source>
        <translation>缺 %1 件：现货加在途不够已售数量</translation>
    </message>
</context>
<context>
    <name>SupplyDialogs</name>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 个</translation>
    </message>
</context>
<context>
    <name>SupplyTableModel</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
