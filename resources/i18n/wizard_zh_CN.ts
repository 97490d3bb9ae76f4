<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BasicsPage</name>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="36"/>
        <source>Step 1 of 6 · Platform and type</source>
        <translation>第 1 步（共 6 步）· 平台与类型</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="37"/>
        <source>Where the presale runs, how buyers pay, and what it is for.</source>
        <translation>在哪个平台预售、买家怎样付款、这次预售的目的。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="47"/>
        <source>e.g. Down jacket Double 11 deposit presale</source>
        <translation>例如：羽绒服 双11定金预售</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="49"/>
        <source>Shown in your campaign list; buyers do not see it.</source>
        <translation>显示在活动列表中，买家看不到。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="50"/>
        <source>Campaign name:</source>
        <translation>活动名称：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="55"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="59"/>
        <source>TikTok Shop&apos;s presale rules differ by region; pick the region of the shop.</source>
        <translation>TikTok Shop 各地区的预售规则不同，请选择店铺所在地区。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="60"/>
        <source>Region rules:</source>
        <translation>地区规则：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="73"/>
        <source>Buyers pay a deposit now and the balance in the balance window; deposit expansion, balance discounts and volume tiers are possible.</source>
        <translation>买家先付定金，在尾款期内付尾款；可设置定金膨胀、尾款立减和件数阶梯价。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="76"/>
        <source>Buyers pay the whole price when they order; you ship by the promised time.</source>
        <translation>买家下单时付全款，您在承诺的时间内发货。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="86"/>
        <source>Presale type:</source>
        <translation>预售类型：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="93"/>
        <source>Why you run this presale; reports group campaigns by it.</source>
        <translation>本次预售的目的；报表按目的汇总活动。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="94"/>
        <source>Purpose:</source>
        <translation>目的：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="100"/>
        <source>The currency the shop settles in.</source>
        <translation>店铺结算使用的币种。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="101"/>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="105"/>
        <source>This platform&apos;s presale rules</source>
        <translation>该平台的预售规则</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="198"/>
        <source>Presale ship window: %1–%2 days; %3–%4 days recommended.</source>
        <translation>预售发货时间：%1–%2 天；建议 %3–%4 天。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="204"/>
        <source>The limit is the common one, not a published rule; check the platform&apos;s back office.</source>
        <translation>此上限为常见做法，并非平台公布的规则，请以平台后台为准。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="207"/>
        <source>Late shipment: you compensate the buyer.</source>
        <translation>延迟发货：需向买家赔付。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="208"/>
        <source>Late shipment: the shop&apos;s logistics score drops and buyers are compensated.</source>
        <translation>延迟发货：店铺物流评分下降，并需赔付买家。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="210"/>
        <source>Late shipment: the platform cancels and refunds the order.</source>
        <translation>延迟发货：平台自动取消订单并退款。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="215"/>
        <source>Penalty: %1 %2 per late order.</source>
        <translation>罚款：每笔延迟订单 %1 %2。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="220"/>
        <source>Only enterprise shops whose DSR is at or above the industry average may run presales.</source>
        <translation>仅企业店铺且 DSR 不低于行业平均水平时可开通预售。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/basics_page.py" line="223"/>
        <source>Eligibility: shop rating at least %1, cancel rate at most %2% in 30 days.</source>
        <translation>开通条件：店铺评分不低于 %1，近 30 天取消率不高于 %2%。</translation>
    </message>
</context>
<context>
    <name>CampaignWizard</name>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="98"/>
        <source>New presale campaign</source>
        <translation>新建预售活动</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="99"/>
        <source>Edit presale campaign</source>
        <translation>编辑预售活动</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="102"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="103"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="104"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="106"/>
        <source>Create campaign</source>
        <translation>创建活动</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="107"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="121"/>
        <source>Check everything once more. Nothing is saved until you press “%1”.</source>
        <translation>请再检查一遍。点击“%1”之前不会保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="146"/>
        <source>Platform and type</source>
        <translation>平台与类型</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="146"/>
        <source>SKUs</source>
        <translation>商品 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="147"/>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="147"/>
        <source>Schedule</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="148"/>
        <source>Limits</source>
        <translation>限制</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="148"/>
        <source>Review</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="161"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="345"/>
        <source>Not saved. Fix these first:</source>
        <translation>未保存。请先修正以下问题：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="354"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="365"/>
        <source>Discard this campaign?</source>
        <translation>放弃这个活动？</translation>
    </message>
    <message>
        <location filename="../../app/wizards/campaign_wizard.py" line="366"/>
        <source>Nothing has been saved yet. Close the wizard and lose what you entered?</source>
        <translation>尚未保存任何内容。关闭向导将丢失已填写的内容，确定吗？</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/wizards/issue_text.py" line="23"/>
        <source>en</source>
        <extracomment>The language of this translation, for the engine&apos;s own texts</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>ItemPricingEditor</name>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="184"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="191"/>
        <source>Fixed price</source>
        <translation>固定价格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="192"/>
        <source>Volume tiers</source>
        <translation>件数阶梯价</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="202"/>
        <source>The presale unit price (P).</source>
        <translation>预售单价（P）。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="203"/>
        <source>Presale price:</source>
        <translation>预售价：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="212"/>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="214"/>
        <source>The normal (crossed-out) price, used for the effective discount.</source>
        <translation>日常价（划线价），用于计算实际折扣。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="215"/>
        <source>List price:</source>
        <translation>划线价：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="219"/>
        <location filename="../../app/wizards/item_pricing.py" line="260"/>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="223"/>
        <source>What the buyer pays now (D).</source>
        <translation>买家现在支付的金额（D）。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="224"/>
        <source>Deposit paid:</source>
        <translation>定金：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="226"/>
        <source>= deposit</source>
        <translation>= 定金</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="228"/>
        <source>What the deposit counts for against the price (W), e.g. 10 counts as 100.</source>
        <translation>定金可抵扣的金额（W），例如定金 10 抵 100。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="238"/>
        <source>Deposit counts as:</source>
        <translation>定金抵扣：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="242"/>
        <source>Taken off the balance when it is paid in the balance window (R).</source>
        <translation>在尾款期内支付尾款时立减的金额（R）。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="243"/>
        <source>Balance discount:</source>
        <translation>尾款立减：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="247"/>
        <source>PRC Civil Code art. 586: a deposit above 20% of the price has no deposit effect; the excess is an ordinary prepayment and must be refunded.</source>
        <translation>《民法典》第 586 条：定金超过价款 20% 的部分不产生定金效力，属于普通预付款，须退还。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="249"/>
        <source>Legal deposit cap (20%):</source>
        <translation>定金法定上限（20%）：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="251"/>
        <source>Refundable excess:</source>
        <translation>须退还的超额部分：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="255"/>
        <source>What the buyer pays (per unit)</source>
        <translation>买家实付（每件）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="260"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="260"/>
        <source>Deposit counts as</source>
        <translation>定金抵扣</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="261"/>
        <source>Balance discount</source>
        <translation>尾款立减</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="261"/>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="261"/>
        <source>Buyer pays in total</source>
        <translation>买家合计支付</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="262"/>
        <source>Off the list price</source>
        <translation>比划线价优惠</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="399"/>
        <source>%1 counts as %2 (×%3)</source>
        <translation>%1 抵 %2（膨胀 ×%3）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="402"/>
        <source>counts at face value</source>
        <translation>按面值抵扣</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="412"/>
        <source>%1 (20% of %2)</source>
        <translation>%1（%2 的 20%）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="417"/>
        <source>%1 per unit must be refunded as a prepayment</source>
        <translation>每件 %1 须作为预付款退还</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="421"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="430"/>
        <source>Enter the price terms to see what buyers pay.</source>
        <translation>填写价格条件后即可看到买家实付金额。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="440"/>
        <source>Any quantity</source>
        <translation>任意件数</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="441"/>
        <source>From %1 sold</source>
        <translation>已售满 %1 件</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="459"/>
        <source>The balance is raised to the platform minimum where it would drop below it.</source>
        <translation>尾款低于平台最低金额时，按最低金额收取。</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="30"/>
        <source>Step 5 of 6 · Limits and stock</source>
        <translation>第 5 步（共 6 步）· 限购与库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="32"/>
        <source>How many units one buyer may take, whether paid orders hold real stock, and who may buy.</source>
        <translation>每位买家最多买几件、付款订单是否占用真实库存、谁可以购买。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="39"/>
        <source>No limit</source>
        <translation>不限购</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="40"/>
        <source> per buyer</source>
        <translation> 件/人</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="44"/>
        <source>The most units one buyer may order in this presale (限购).</source>
        <translation>每位买家在本次预售中最多可购买的件数（限购）。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="51"/>
        <source>Purchase limit:</source>
        <translation>限购：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="54"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="59"/>
        <source>Each paid order holds stock you have on hand. Safest when the goods are already in the warehouse.</source>
        <translation>每笔已付款订单占用现有库存。货已在仓库时最稳妥。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="62"/>
        <source>Sell against stock still to arrive (produce to presale demand). Watch the supply dates: an order whose deadline comes before its stock ships late.</source>
        <translation>按未到货的库存销售（以销定产）。请留意到货日期：发货截止早于到货的订单会延迟发货。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/limits_page.py" line="80"/>
        <source>Who may buy</source>
        <translation>购买人群</translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../app/wizards/common.py" line="205"/>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="206"/>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="207"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="208"/>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="209"/>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="215"/>
        <source>Default rules</source>
        <translation>默认规则</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="216"/>
        <source>United States (ship 3–60 days)</source>
        <translation>美国（3–60 天发货）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="217"/>
        <source>Thailand (ship 3–15 days)</source>
        <translation>泰国（3–15 天发货）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="223"/>
        <source>TikTok Shop US</source>
        <translation>TikTok Shop 美国</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="224"/>
        <source>TikTok Shop Thailand</source>
        <translation>TikTok Shop 泰国</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="228"/>
        <source>Deposit presale</source>
        <translation>定金预售</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="229"/>
        <source>Full-payment presale</source>
        <translation>全款预售</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="232"/>
        <source>Test the market</source>
        <translation>测款</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="233"/>
        <source>Build demand before launch</source>
        <translation>新品蓄水</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="234"/>
        <source>Clear planned stock</source>
        <translation>清库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="237"/>
        <source>Reserve real stock at payment</source>
        <translation>预占真实库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="238"/>
        <source>Sell against incoming supply (no reservation)</source>
        <translation>不预占库存（按到货销售）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="242"/>
        <source>Everyone</source>
        <translation>所有买家</translation>
    </message>
    <message>
        <location filename="../../app/wizards/common.py" line="243"/>
        <source>Members only</source>
        <translation>仅限会员</translation>
    </message>
</context>
<context>
    <name>PricingPage</name>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="39"/>
        <source>Step 3 of 6 · Prices</source>
        <translation>第 3 步（共 6 步）· 价格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="41"/>
        <source>Set each SKU&apos;s price or volume tiers and, for a deposit presale, the deposit, what it counts as and the balance discount.</source>
        <translation>为每个 SKU 设置价格或阶梯价；定金预售还需设置定金、定金抵扣金额和尾款立减。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="53"/>
        <source>Use these prices for all SKUs</source>
        <translation>将此价格用于所有 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="55"/>
        <source>Copy the shown SKU&apos;s price, tiers and deposit terms to every SKU.</source>
        <translation>把当前 SKU 的价格、阶梯价和定金条件复制到所有 SKU。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="60"/>
        <source>Choose SKUs on the previous page first.</source>
        <translation>请先在上一步选择 SKU。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/pricing_page.py" line="165"/>
        <source>Tier %1: %2</source>
        <translation>第 %1 档：%2</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Profit and loss if it sells as planned</source>
        <translation>按计划售出时的盈亏</translation>
    </message>
    <message>
        <source>Units per SKU without a cap:</source>
        <translation>未设限量的 SKU 按件数：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="45"/>
        <source>Step 6 of 6 · Review</source>
        <translation>第 6 步（共 6 步）· 确认</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="53"/>
        <source>Ship promise for the listing</source>
        <translation>商品页发货承诺</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="58"/>
        <location filename="../../app/wizards/review_page.py" line="59"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="61"/>
        <source>Chinese:</source>
        <translation>中文：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="62"/>
        <source>English:</source>
        <translation>英文：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="70"/>
        <source>I have read the warnings</source>
        <translation>我已阅读以上提醒</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="119"/>
        <source>To fix before saving</source>
        <translation>保存前需修正</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="125"/>
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="131"/>
        <source>No problems found: ready to save.</source>
        <translation>未发现问题，可以保存。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="134"/>
        <source>(no name)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="141"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="142"/>
        <source>Presale type</source>
        <translation>预售类型</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="143"/>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="144"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="145"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="146"/>
        <source>Deposit window</source>
        <translation>定金期</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="147"/>
        <source>Balance window</source>
        <translation>尾款期</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="148"/>
        <source>Sale window</source>
        <translation>销售期</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="152"/>
        <source>Ship promise</source>
        <translation>发货承诺</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="154"/>
        <source>Purchase limit</source>
        <translation>限购</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="155"/>
        <source>No limit</source>
        <translation>不限购</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="156"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="157"/>
        <source>Who may buy</source>
        <translation>购买人群</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="164"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="164"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="164"/>
        <source>Cap</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="164"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="166"/>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="166"/>
        <source>Counts as</source>
        <translation>抵扣</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="166"/>
        <source>Balance discount</source>
        <translation>尾款立减</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="167"/>
        <source>Buyer total</source>
        <translation>买家合计</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="168"/>
        <source>SKUs</source>
        <translation>商品 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="182"/>
        <source>No cap</source>
        <translation>不限量</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="203"/>
        <source>Ships by %1</source>
        <translation>%1 前发货</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="206"/>
        <source>Ships within %1 days after the presale ends</source>
        <translation>预售结束后 %1 天内发货</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="208"/>
        <source>Ships within %1 days after the balance is paid</source>
        <translation>尾款支付后 %1 天内发货</translation>
    </message>
    <message>
        <location filename="../../app/wizards/review_page.py" line="209"/>
        <source>Ships within %1 days after payment</source>
        <translation>付款后 %1 天内发货</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="123"/>
        <source>Step 4 of 6 · Schedule and ship promise</source>
        <translation>第 4 步（共 6 步）· 时间与发货承诺</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="125"/>
        <source>When buyers can pay, and how soon you promise to ship. Keep the promise to 7–15 days: longer waits worry buyers.</source>
        <translation>买家何时可以付款，以及您承诺多久发货。建议承诺 7–15 天：等待太久会让买家不安。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="137"/>
        <source>All times on this page are wall-clock times in this zone.</source>
        <translation>本页所有时间均为该时区的当地时间。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="144"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="147"/>
        <source>Presale windows</source>
        <translation>预售时间</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="151"/>
        <source>Deposit window:</source>
        <translation>定金期：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="154"/>
        <source>Balance window:</source>
        <translation>尾款期：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="157"/>
        <source>The balance window opens the second the deposit window closes</source>
        <translation>定金期结束后立即开始尾款期</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="161"/>
        <source>Sale window:</source>
        <translation>销售期：</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="165"/>
        <source>Ship promise</source>
        <translation>发货承诺</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="173"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="174"/>
        <source>How many days after the chosen moment you ship.</source>
        <translation>在所选时间点之后多少天内发货。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="227"/>
        <source>Within N days after the balance is paid</source>
        <translation>尾款支付后 N 天内</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="228"/>
        <source>Within N days after payment</source>
        <translation>付款后 N 天内</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="230"/>
        <source>Within N days after the presale ends</source>
        <translation>预售结束后 N 天内</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="232"/>
        <source>By a fixed date</source>
        <translation>指定日期前</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="284"/>
        <source>%1 allows %2–%3 days; %4–%5 days recommended</source>
        <translation>%1允许 %2–%3 天，建议 %4–%5 天</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="299"/>
        <source>Buyers will read: %1 / %2</source>
        <translation>买家将看到：%1 / %2</translation>
    </message>
</context>
<context>
    <name>SkuPage</name>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="83"/>
        <source>Step 2 of 6 · SKUs</source>
        <translation>第 2 步（共 6 步）· 商品 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="85"/>
        <source>Pick the SKUs to presell and cap each one; keep a cap to 50–70% of what the SKU sold recently.</source>
        <translation>选择要预售的 SKU 并设置各自的预售上限；上限建议为近期销量的 50–70%。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="92"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="96"/>
        <source>Search SKU, name or variant</source>
        <translation>搜索 SKU、名称或规格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="99"/>
        <source>All platforms</source>
        <translation>全部平台</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="103"/>
        <source>Show the products listed on this platform (and those not tied to one).</source>
        <translation>显示在该平台上架的商品（以及未指定平台的商品）。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="110"/>
        <location filename="../../app/wizards/sku_page.py" line="149"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="110"/>
        <location filename="../../app/wizards/sku_page.py" line="149"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="110"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="110"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="111"/>
        <source>Sold (30 days)</source>
        <translation>近 30 天销量</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="134"/>
        <source>No products yet: add them in Stock first, or type a SKU below.</source>
        <translation>还没有商品：请先在库存中添加，或在下方直接输入 SKU。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="137"/>
        <source>Add selected ↓</source>
        <translation>添加所选 ↓</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="145"/>
        <source>In this campaign</source>
        <translation>本次活动的 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="149"/>
        <source>Presale cap</source>
        <translation>预售上限</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="150"/>
        <source>Suggested cap</source>
        <translation>建议上限</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="150"/>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="165"/>
        <source>SKU not in the list? Type it here</source>
        <translation>列表中没有？在此输入 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="166"/>
        <source>Add SKU</source>
        <translation>添加 SKU</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="249"/>
        <source>Not in the product list</source>
        <translation>不在商品列表中</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="251"/>
        <source>No sales history</source>
        <translation>无历史销量</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="253"/>
        <source>%2–%3 (sold %1 in 30 days)</source>
        <translation>%2–%3 件（近 30 天售出 %1 件）</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="275"/>
        <source>No cap</source>
        <translation>不限量</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="277"/>
        <source>The most units this SKU may sell in this presale.</source>
        <translation>该 SKU 在本次预售中最多可售出的件数。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/sku_page.py" line="298"/>
        <source>Remove %1 from the campaign</source>
        <translation>从活动中移除 %1</translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="63"/>
        <source>From units sold</source>
        <translation>起始件数</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="63"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="77"/>
        <source>The unit price drops for every order once total units deposited reach a threshold; the price at the close of the deposit window applies to all.</source>
        <translation>活动累计付定金件数达到门槛后，所有订单单价下调；以定金期结束时达到的价格为准。</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="80"/>
        <source>Add tier</source>
        <translation>添加一档</translation>
    </message>
    <message>
        <location filename="../../app/wizards/item_pricing.py" line="114"/>
        <source>Remove this tier</source>
        <translation>删除这一档</translation>
    </message>
</context>
<context>
    <name>WindowEditor</name>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="88"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../app/wizards/schedule_page.py" line="90"/>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
</TS>
