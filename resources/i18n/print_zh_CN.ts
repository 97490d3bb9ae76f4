<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PackingBench</name>
    <message>
        <source>Packing bench — wave #%1</source>
        <translation>打包台 — 波次 #%1</translation>
    </message>
    <message>
        <source>%v of %m packed</source>
        <translation>已打包 %v / %m</translation>
    </message>
    <message>
        <source>Scan a slip or a tracking label (or type it and press Enter)</source>
        <translation>扫描装箱单或快递面单（也可以输入后按回车）</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <source>Tracking no.</source>
        <translation>运单号</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Ship wave and write the ship sheet…</source>
        <translation>整批发货并生成发货表…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>承运商：</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>This wave is %1.</source>
        <translation>此波次%1。</translation>
    </message>
    <message>
        <source>Every parcel is packed.</source>
        <translation>所有包裹都已打包。</translation>
    </message>
    <message>
        <source>Ship the wave</source>
        <translation>可以发货了</translation>
    </message>
    <message>
        <source>Pack next (%1 of %2):</source>
        <translation>下一个要打包（第 %1/%2 单）：</translation>
    </message>
    <message>
        <source>Save the ship sheet</source>
        <translation>保存发货表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Shipping the wave…</source>
        <translation>正在发货…</translation>
    </message>
    <message>
        <source>%1 orders marked shipped.</source>
        <translation>%1 个订单已标记为发货。</translation>
    </message>
    <message>
        <source>%1 refused (cancelled or refunded meanwhile).</source>
        <translation>%1 个被拒绝（期间已取消或退款）。</translation>
    </message>
    <message>
        <source>%1 without a tracking number are not in the sheet.</source>
        <translation>%1 个没有运单号，未写入发货表。</translation>
    </message>
    <message>
        <source>Ship sheet: %1</source>
        <translation>发货表：%1</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Packing slips</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <source>Hand-over manifest</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>活动报告</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Label 100 × 150 mm</source>
        <translation>面单 100 × 150 mm</translation>
    </message>
    <message>
        <source>Thank-you card</source>
        <translation>感谢卡</translation>
    </message>
    <message>
        <source>The shop's own words on the card</source>
        <translation>感谢卡上店铺自己的话</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Wave:</source>
        <translation>波次：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>单据：</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <source>any SKU</source>
        <translation>任意 SKU</translation>
    </message>
    <message>
        <source>e.g. SF Express</source>
        <translation>例如 顺丰速运</translation>
    </message>
    <message>
        <source>Create wave</source>
        <translation>创建波次</translation>
    </message>
    <message>
        <source>New wave (paid orders not shipped yet, most urgent first)</source>
        <translation>新波次（已付款未发货的订单，最紧急的在前）</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>SKU：</translation>
    </message>
    <message>
        <source>At most (orders):</source>
        <translation>最多（单）：</translation>
    </message>
    <message>
        <source>Carrier:</source>
        <translation>承运商：</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Packing bench…</source>
        <translation>打包台…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Wave #%1 · %2 orders · %3 packed · %4</source>
        <translation>波次 #%1 · %2 单 · 已打包 %3 · %4</translation>
    </message>
    <message>
        <source>Wave #%1 made: %2 orders, %3 units.</source>
        <translation>已创建波次 #%1：%2 单，%3 件。</translation>
    </message>
    <message>
        <source>Preparing the sheet…</source>
        <translation>正在生成单据…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF file (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation>
            <numerusform>已发送 %n 页到打印机。</numerusform></translation>
    </message>
</context>
</TS>