<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../app/views/alerts.py" line="+58"/>
        <location line="+27"/>
        <source>Alerts</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Overdue orders: %1</source>
        <translation>超时未发货订单：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Orders due within 48 hours: %1</source>
        <translation>48 小时内须发货订单：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Risk alerts arrive with the risk issue: supply shortfalls, ship windows outside the platform&apos;s rules, presale share, late and cancel rates. Until then, these are the orders that need shipping first.</source>
        <translation>风险预警（缺货、发货时效超出平台规则、预售占比、延迟发货率和取消率等）将在后续版本上线。在此之前，请先处理下面这些需要优先发货的订单。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show overdue orders</source>
        <translation>查看超时订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show orders due soon</source>
        <translation>查看即将到期订单</translation>
    </message>
</context>
<context>
    <name>CampaignDetailView</name>
    <message>
        <source>blind box drawn from %1</source>
        <translation>盲盒，从 %1 中抽取</translation>
    </message>
    <message>
        <location filename="../../app/views/campaigns.py" line="+116"/>
        <source>Select a campaign to see its details</source>
        <translation>选择一个活动即可查看详情</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deposit window</source>
        <translation>定金期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Balance window</source>
        <translation>尾款期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sale window</source>
        <translation>售卖期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ship promise</source>
        <translation>发货承诺</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>≥%1: %2</source>
        <translation>≥%1 件 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>tiers %1</source>
        <translation>阶梯价 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>price %1</source>
        <translation>预售价 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deposit %1</source>
        <translation>定金 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worth %1</source>
        <translation>抵 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>balance discount %1</source>
        <translation>尾款立减 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cap %1 units</source>
        <translation>限量 %1 件</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <location filename="../../app/models/campaigns.py" line="+32"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale window</source>
        <translation>预售时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKUs</source>
        <translation>SKU 数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposits</source>
        <translation>已收定金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship deadline in</source>
        <translation>距发货截止</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Earliest ship deadline of an unshipped order: %1</source>
        <translation>未发货订单中最早的发货截止时间：%1</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Plan: forecast, P&amp;&amp;L, messages…</source>
        <translation>计划：预测、盈亏、消息…</translation>
    </message>
    <message>
        <source>How many units this campaign will sell, what to make and by when, what it earns, what to tell buyers</source>
        <translation>本活动能卖多少、要生产多少、何时到货、能赚多少、要通知买家什么</translation>
    </message>
    <message>
        <source>Buyer messages written to %1</source>
        <translation>买家消息已写入 %1</translation>
    </message>
    <message>
        <location filename="../../app/views/campaigns.py" line="+81"/>
        <location line="+63"/>
        <source>Campaigns</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+48"/>
        <source>Total: %1</source>
        <translation>共 %1 个</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel campaign…</source>
        <translation>取消活动…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export definition…</source>
        <translation>导出活动配置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import definition…</source>
        <translation>导入活动配置…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up a new presale campaign (Ctrl+N)</source>
        <translation>创建新的预售活动 (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected campaign as a new draft</source>
        <translation>把所选活动复制为新的草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the selected campaign&apos;s definition as a JSON file</source>
        <translation>把所选活动的配置保存为 JSON 文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a campaign from a JSON definition file</source>
        <translation>从 JSON 配置文件创建活动</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The campaign wizard is not available yet</source>
        <translation>活动向导暂未开放</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not available yet</source>
        <translation>暂未开放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The campaign wizard is not available yet.</source>
        <translation>活动向导暂未开放。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Campaign created</source>
        <translation>活动已创建</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Campaign saved</source>
        <translation>活动已保存</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Created draft campaign #%1</source>
        <translation>已创建草稿活动 #%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Submit campaign</source>
        <translation>提交活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve campaign</source>
        <translation>审核活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submit “%1” for approval?</source>
        <translation>确定将“%1”提交审核吗？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve “%1”? Approved campaigns take orders.</source>
        <translation>确定审核通过“%1”吗？通过后活动即可接单。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reject campaign</source>
        <translation>驳回活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel campaign</source>
        <translation>取消活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject “%1”? Reason (optional):</source>
        <translation>确定驳回“%1”吗？驳回原因（选填）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel “%1”? This cannot be undone. Reason (optional):</source>
        <translation>确定取消“%1”吗？取消后无法恢复。取消原因（选填）：</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Campaign “%1” is now: %2</source>
        <translation>活动“%1”当前状态：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export campaign definition</source>
        <translation>导出活动配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign definition (*.json)</source>
        <translation>活动配置 (*.json)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Campaign definition written to %1</source>
        <translation>活动配置已保存到 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import campaign definition</source>
        <translation>导入活动配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign definition (*.json);;All files (*)</source>
        <translation>活动配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Created campaign #%1</source>
        <translation>已创建活动 #%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Campaign imported with warnings</source>
        <translation>活动已导入，但有提醒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign #%1 was created as a draft. Please check:</source>
        <translation>活动 #%1 已创建为草稿。请检查以下几点：</translation>
    </message>
</context>
<context>
    <name>ColumnMappingModel</name>
    <message>
        <location filename="../../app/models/import_models.py" line="+170"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First value</source>
        <translation>首行的值</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 (required)</source>
        <translation>%1（必需）</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>(no such column)</source>
        <translation>（没有这一列）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Changed by you (the layout said: %1). Save it as your column mapping to use it.</source>
        <translation>已由您修改（原来为：%1）。保存为您的列映射后生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click to choose what this column is imported as.</source>
        <translation>点击选择这一列导入为哪个字段。</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+81"/>
        <location line="+12"/>
        <source>not used</source>
        <translation>不导入</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>%1: required, missing</source>
        <translation>%1：必需，但缺少</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../app/crash_dialog.py" line="+29"/>
        <source>Presale Desk: unexpected error</source>
        <translation>预售管家：出现意外错误</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sorry, something unexpected went wrong. Your data is safe: every change is saved in one step or not at all.
Please send the details below to whoever supports Presale Desk for you.</source>
        <translation>抱歉，程序出现了意外错误。您的数据是安全的：每次修改要么完整保存，要么完全不保存。
请把下面的详细信息发给为您提供预售管家技术支持的人员。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A copy was written to %1</source>
        <translation>错误信息已另存到 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <location filename="../../app/display.py" line="+77"/>
        <source>overdue %1 d</source>
        <translation>已超时 %1 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>DuplicateDialog</name>
    <message>
        <location filename="../../app/dialogs/duplicate_dialog.py" line="+20"/>
        <source>Duplicate campaign</source>
        <translation>复制活动</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The copy is a new draft with the same items and prices. Shift its dates to reuse it for another sale.</source>
        <translation>副本是一个新的草稿，商品和价格与原活动相同。可以整体平移日期，用于下一次大促。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of the copy:</source>
        <translation>副本名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move all dates by:</source>
        <translation>所有日期平移：</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/errors.py" line="+149"/>
        <source>Not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot use this input</source>
        <translation>输入无法使用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not allowed in this state</source>
        <translation>当前状态下不允许此操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot do that now</source>
        <translation>现在无法执行此操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The campaign has errors</source>
        <translation>活动配置有错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database problem</source>
        <translation>数据库出现问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File problem</source>
        <translation>文件出现问题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What you asked for does not exist (any more).</source>
        <translation>要查找的内容不存在（或已被删除）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The value or file given cannot be used.</source>
        <translation>填写的内容或选择的文件无法使用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This step is not allowed for the order&apos;s current state.</source>
        <translation>订单当前的状态不允许这一步操作。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This contradicts what is already stored.</source>
        <translation>这与已保存的数据冲突。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The campaign was not saved. Fix these points and try again:</source>
        <translation>活动未保存。请修改以下问题后重试：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be used.</source>
        <translation>无法使用该数据库。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file cannot be read or written.</source>
        <translation>无法读取或写入该文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot do that</source>
        <translation>无法执行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action was not carried out.</source>
        <translation>操作未执行。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Warning</source>
        <translation>提醒</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../app/dialogs/import_dialog.py" line="+287"/>
        <location line="+32"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file, or drop an .xlsx or .csv file here</source>
        <translation>选择文件，或把 .xlsx / .csv 文件拖到这里</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders (a platform&apos;s export)</source>
        <translation>订单（平台导出）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products (SKU master)</source>
        <translation>商品资料（SKU 主数据）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply batches (incoming stock)</source>
        <translation>到货计划（在途库存）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layout:</source>
        <translation>表格格式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save errors as workbook…</source>
        <translation>将错误保存为工作簿…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as my column mapping…</source>
        <translation>保存为我的列映射…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep your changes as a column mapping of your own: this file and later ones laid out the same way are then imported with it.</source>
        <translation>把您的修改保存为自己的列映射：这个文件以及以后格式相同的文件，都会自动按它导入。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>If a column is imported as the wrong field, or not at all, click its field under “Imported as” and choose the right one; then save it as your column mapping.</source>
        <translation>如果某一列导入成了错误的字段，或者没有导入，请点击它在“导入为”下的字段，选择正确的一项，然后保存为您的列映射。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Status values this layout does not know: choose what each one means.</source>
        <translation>以下订单状态当前表格格式不认识，请为每一个选择对应的状态：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each header shows the field it is imported as. Yellow columns are not imported; red cells would be refused (point at one to see why).</source>
        <translation>每个表头下方显示它导入为哪个字段。黄色的列不会导入；红色的单元格会被拒绝（鼠标悬停可查看原因）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import only the valid rows (the others go to a workbook)</source>
        <translation>只导入有效的行（其余行另存为工作簿）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows with problems are left out and saved, with their reasons, to a workbook you choose; fix them there and import that file later.</source>
        <translation>有问题的行不导入，连同原因保存到您选择的工作簿中；在那里改正后可再导入该文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Presale Desk template</source>
        <translation>预售管家模板</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Automatic: %1</source>
        <translation>自动：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose a file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Save as my column mapping</source>
        <translation>保存为我的列映射</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Required columns are still missing: %1. Choose the column that holds each one before saving.</source>
        <translation>仍缺少必需的列：%1。请先为每一项选好对应的列，再保存。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name of your column mapping (letters, digits, - and _):</source>
        <translation>列映射名称（只能用英文字母、数字、- 和 _）：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” cannot be the name of a column mapping: use only letters, digits, - and _ (at most 64), for example %2.</source>
        <translation>“%1”不能用作列映射名称：只能使用英文字母、数字、- 和 _（最多 64 个字符），例如 %2。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“%1” is the name of a layout that comes with Presale Desk; choose another name.</source>
        <translation>“%1”是预售管家自带的表格格式名称，请换一个名称。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You already have a column mapping named “%1”. Replace it?</source>
        <translation>已有名为“%1”的列映射，要替换它吗？</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your column mapping was not saved: %1</source>
        <translation>列映射未保存：%1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Save the rejected rows as</source>
        <translation>被拒绝的行另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Save errors as workbook</source>
        <translation>将错误保存为工作簿</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading the file was cancelled.</source>
        <translation>已取消读取文件。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Unknown status values: %1. Files with status texts Presale Desk does not know are not imported: say what each one means under Column mapping and save it as your column mapping.</source>
        <translation>未知的订单状态：%1。含有预售管家不认识的状态文字的文件不会导入：请在“列映射”中为每个状态选择对应的含义，并保存为您的列映射。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown status values: %1. Files with status texts Presale Desk does not know are not imported: add them to a custom column mapping.</source>
        <translation>未知的订单状态：%1。含有预售管家不认识的状态文字的文件不会导入：请把它们加入自定义列映射。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview (first %1 rows)</source>
        <translation>预览（前 %1 行）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported. The import refused the file because of these rows:</source>
        <translation>没有导入任何数据。由于以下行有问题，整个文件被拒绝：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The import would refuse these rows (the file is imported whole or not at all, unless you import only the valid rows):</source>
        <translation>导入时以下行会被拒绝（文件要么整体导入，要么全部不导入，除非选择只导入有效的行）：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These order lines are already further along in the database than in this file (an older export); they were not moved back:</source>
        <translation>以下订单行在数据库中的状态比本文件更新（这是较早的导出），因此没有被改回：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This file cannot be read: %1</source>
        <translation>无法读取此文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the file to import: a platform&apos;s order export, a product sheet or a supply sheet (.xlsx or .csv).</source>
        <translation>请选择要导入的文件：平台导出的订单、商品资料表或到货计划表（.xlsx 或 .csv）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The columns match no known order export. Choose the layout above, or the kind of file.</source>
        <translation>这些列与已知的订单导出格式都不匹配。请在上方选择表格格式或文件内容。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 order export</source>
        <translation>%1订单导出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product sheet</source>
        <translation>商品资料表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply sheet</source>
        <translation>到货计划表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, header in row %2, %3 rows; %4 of %5 columns are imported.</source>
        <translation>%1，表头在第 %2 行，共 %3 行；%5 列中导入 %4 列。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required columns are missing: %1. Under Column mapping, choose the column that holds each one, or choose another layout.</source>
        <translation>缺少必需的列：%1。请在“列映射”中为每一项选择对应的列，或选择其他表格格式。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Required columns are missing: %1. Choose another layout or kind of file.</source>
        <translation>缺少必需的列：%1。请选择其他表格格式或文件内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing was imported. Rows with problems: %1.</source>
        <translation>没有导入任何数据。有问题的行：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The import was cancelled; nothing was imported.</source>
        <translation>导入已取消，没有导入任何数据。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported: %1 created, %2 updated, %3 unchanged.</source>
        <translation>已导入：新建 %1，更新 %2，未变 %3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rows with problems: %1 (see Problems).</source>
        <translation>有问题的行：%1（见“问题”）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every row can be imported.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The preview checked the first %1 rows; the import checks them all.</source>
        <translation>预览只检查了前 %1 行；导入时会检查所有行。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank or totals rows skipped: %1.</source>
        <translation>跳过的空行或合计行：%1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your column mapping was saved to %1; imports use it from now on.</source>
        <translation>列映射已保存到 %1，以后导入时会自动使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your changes to the column mapping are used once you save them.</source>
        <translation>对列映射的修改需要保存后才会生效。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skipped rows</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not moved back</source>
        <translation>未回退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged for review</source>
        <translation>标记待查</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The rejected rows and their reasons were saved to %1</source>
        <translation>被拒绝的行及原因已保存到 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flagged orders do not fit a campaign&apos;s rules (no matching campaign, outside its window, over its cap or its limit per buyer). They were imported as they are; check them.</source>
        <translation>被标记的订单不符合活动规则（找不到对应的活动、超出活动时间、超出库存上限或每人限购）。它们已按原样导入，请核对。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Choose the order report (订单报表)</source>
        <translation>选择订单报表</translation>
    </message>
    <message>
        <source>Choose the item report (宝贝报表)</source>
        <translation>选择宝贝报表</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>This is a Taobao/Tmall order report (订单报表): it has no SKU codes. Add the item report (宝贝报表) exported with it:</source>
        <translation>这是淘宝/天猫的订单报表，没有商家编码。请添加和它一起导出的宝贝报表：</translation>
    </message>
    <message>
        <source>This is a Taobao/Tmall item report (宝贝报表). Add the order report (订单报表) exported with it:</source>
        <translation>这是淘宝/天猫的宝贝报表。请添加和它一起导出的订单报表：</translation>
    </message>
    <message>
        <source>Imported together with:</source>
        <translation>一起导入的文件：</translation>
    </message>
    <message>
        <source>Choose the order report…</source>
        <translation>选择订单报表…</translation>
    </message>
    <message>
        <source>Choose the item report…</source>
        <translation>选择宝贝报表…</translation>
    </message>
    <message>
        <source>The order report alone has no SKU codes, so it cannot be imported: add its item report (宝贝报表) above.</source>
        <translation>订单报表本身没有商家编码，不能单独导入：请在上方添加它的宝贝报表。</translation>
    </message>
    <message>
        <source>The item report alone has no order times, buyers or states, so it cannot be imported: add its order report (订单报表) above.</source>
        <translation>宝贝报表本身没有下单时间、买家和订单状态，不能单独导入：请在上方添加它的订单报表。</translation>
    </message>
</context>
<context>
    <name>InventoryPage</name>
    <message>
        <location filename="../../app/views/inventory.py" line="+82"/>
        <location line="+30"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>%1 SKUs</source>
        <translation>%1 个 SKU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 short of stock</source>
        <translation>%1 个缺货</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stock per SKU</source>
        <translation>各 SKU 库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supply batches (production runs and purchase orders)</source>
        <translation>到货批次（生产批次和采购单）</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/labels.py" line="+18"/>
        <source>Awaiting deposit</source>
        <translation>待付定金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit paid</source>
        <translation>已付定金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting balance</source>
        <translation>待付尾款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance paid</source>
        <translation>已付尾款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Awaiting payment</source>
        <translation>待付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance unpaid (deposit kept)</source>
        <translation>尾款未付（定金不退）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled by buyer</source>
        <translation>买家取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled by seller</source>
        <translation>卖家取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deposit presale</source>
        <translation>定金预售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full-payment presale</source>
        <translation>全款预售</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal order</source>
        <translation>普通订单</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taobao/Tmall</source>
        <translation>淘宝/天猫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TikTok Shop</source>
        <translation>TikTok Shop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TikTok Shop US</source>
        <translation>TikTok Shop 美国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TikTok Shop TH</source>
        <translation>TikTok Shop 泰国</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other channel</source>
        <translation>其他渠道</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing value</source>
        <translation>缺少必填项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid value</source>
        <translation>取值无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount below zero</source>
        <translation>金额不能为负</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU listed twice</source>
        <translation>SKU 重复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown SKU</source>
        <translation>未知 SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates in the wrong order</source>
        <translation>日期先后顺序不对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gap before the balance window</source>
        <translation>定金结束与尾款开始之间有空档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship window outside the platform&apos;s range</source>
        <translation>发货时效超出平台允许范围</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ship window outside the recommended 7-15 days</source>
        <translation>发货时效不在建议的 7–15 天内</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Volume tiers not in order</source>
        <translation>阶梯价顺序不对</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price differs from the first tier</source>
        <translation>预售价与第一档阶梯价不一致</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deposit value below the deposit</source>
        <translation>定金抵扣金额低于定金</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deposit value above the price</source>
        <translation>定金抵扣金额高于售价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance below the minimum</source>
        <translation>尾款低于最低金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit above 20% of the price</source>
        <translation>定金超过售价的 20%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale cap above past sales</source>
        <translation>预售上限高于历史销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU already in an overlapping campaign</source>
        <translation>SKU 已在时间重叠的其他活动中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale price above the list price</source>
        <translation>预售价高于日常售价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No real discount</source>
        <translation>没有真正的优惠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale cap above the stock to ship</source>
        <translation>预售上限超过可发货库存</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sub-order number</source>
        <translation>子订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>SKU code</source>
        <translation>商家编码</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Product name</source>
        <translation>商品名称</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Variant</source>
        <translation>规格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered at</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit paid at</source>
        <translation>定金支付时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance paid at</source>
        <translation>尾款支付时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid at</source>
        <translation>付款时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Promised ship time</source>
        <translation>承诺发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shipped at</source>
        <translation>发货时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carrier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tracking number</source>
        <translation>运单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>收货地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order sub-status</source>
        <translation>订单子状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale stage</source>
        <translation>预售阶段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close reason</source>
        <translation>关闭原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order type</source>
        <translation>订单类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After-sale status</source>
        <translation>售后状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled by</source>
        <translation>取消方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation type</source>
        <translation>取消类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Street address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bin location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost</source>
        <translation>成本价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List price</source>
        <translation>日常售价</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales in 30 days</source>
        <translation>近30天销量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected on</source>
        <translation>预计到货日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not an id</source>
        <translation>不是有效的编号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the id has lost digits (stored as a number); format the column as text and export again</source>
        <translation>编号已丢失位数（被存成了数字）；请把该列设为文本格式后重新导出</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quantity must be at least 1</source>
        <translation>数量至少为 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>negative number</source>
        <translation>不能是负数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a whole number</source>
        <translation>不是整数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more decimals than the currency allows</source>
        <translation>小数位数超过该币种允许的位数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not an amount</source>
        <translation>不是有效的金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>negative amount</source>
        <translation>金额不能为负</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impossible date</source>
        <translation>日期不存在（如 13 月或 2 月 30 日）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a date in a known format</source>
        <translation>不是可识别格式的日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this local time does not exist (daylight-saving change)</source>
        <translation>该本地时间不存在（夏令时切换）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing value</source>
        <translation>必填但为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown status</source>
        <translation>未知的订单状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the status does not fit the order type</source>
        <translation>订单状态与订单类型不符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the same line is in another row with different values</source>
        <translation>同一订单行在另一行出现，且数值不同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown platform</source>
        <translation>未知的平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no product with this SKU code; import the products first</source>
        <translation>没有这个商家编码的商品；请先导入商品资料</translation>
    </message>
    <message>
        <source>no order with this number in the order report</source>
        <translation>订单报表里没有这个订单编号</translation>
    </message>
    <message>
        <source>no item row for this order in the item report</source>
        <translation>宝贝报表里没有这个订单的宝贝行</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../app/i18n.py" line="114"/>
        <source>en</source>
        <extracomment>The language of this translation, for the engine&apos;s own texts</extracomment>
        <translation>zh_CN</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/main_window.py" line="+209"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New campaign…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo shop</source>
        <translation>打开演示店铺(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export orders…</source>
        <translation>导出订单(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Find order…</source>
        <translation>查找订单(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Presale Desk</source>
        <translation>关于预售管家(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Presale Desk</source>
        <translation>预售管家</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+6"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database was upgraded; a copy of the old one is at %1</source>
        <translation>数据库已升级，旧版本的备份保存在 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Creating the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Creating the demo shop (20,000 orders)…</source>
        <translation>正在创建演示店铺（20,000 个订单）…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer exists; it was removed from the recent list.</source>
        <translation>%1 已不存在，已从最近打开列表中移除。</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>No database open</source>
        <translation>未打开数据库</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Orders: %1</source>
        <translation>订单：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open alerts: %1 overdue</source>
        <translation>待处理预警：%1 单超时</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+45"/>
        <location line="+30"/>
        <source>Not available yet</source>
        <translation>暂未开放</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Importing platform order exports is not available yet.</source>
        <translation>导入平台订单导出文件的功能暂未开放。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Exporting the orders of the current filter to CSV or Excel is not available yet.</source>
        <translation>把当前筛选的订单导出为 CSV 或 Excel 的功能暂未开放。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export orders</source>
        <translation>导出订单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exporting orders…</source>
        <translation>正在导出订单…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders written to %2</source>
        <translation>已将 %1 个订单导出到 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing pick lists, packing slips and hand-over manifests is not available yet.</source>
        <translation>打印拣货单、发货单和交接清单的功能暂未开放。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>About Presale Desk</source>
        <translation>关于预售管家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presale Desk (预售管家): run presale campaigns on Taobao/Tmall, JD, Douyin and TikTok Shop.</source>
        <translation>预售管家（Presale Desk）：管理淘宝/天猫、京东、抖音和 TikTok Shop 上的预售活动。</translation>
    </message>
</context>
<context>
    <name>NotMovedBackModel</name>
    <message>
        <location filename="../../app/models/import_models.py" line="+198"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status in the file</source>
        <translation>文件中的状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status kept</source>
        <translation>保留的状态</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <location filename="../../app/models/orders.py" line="+137"/>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balance</source>
        <translation>尾款</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ship by</source>
        <translation>发货截止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buyer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ordered</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Overdue: the ship deadline has passed and it is not shipped</source>
        <translation>已超时：已过发货截止时间仍未发货</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <location filename="../../app/views/orders.py" line="+179"/>
        <location line="+74"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+39"/>
        <location line="+2"/>
        <source>All campaigns</source>
        <translation>全部活动</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>No orders match</source>
        <translation>没有符合条件的订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders</source>
        <translation>共 %1 个订单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 orders (first %2 shown; scroll for more)</source>
        <translation>共 %1 个订单（已显示前 %2 个，向下滚动加载更多）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search order no. or buyer (Ctrl+F)</source>
        <translation>搜索订单号或买家 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Campaign:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due in 48 h</source>
        <translation>48 小时内到期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
</context>
<context>
    <name>PreviewTableModel</name>
    <message>
        <location filename="../../app/models/import_models.py" line="-362"/>
        <source>(not used)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This column is not imported.</source>
        <translation>这一列不会导入。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported as: %1</source>
        <translation>导入为：%1</translation>
    </message>
</context>
<context>
    <name>RowErrorModel</name>
    <message>
        <location line="+326"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Campaigns need approval before they go live</source>
        <translation>活动需审批后才生效</translation>
    </message>
    <message>
        <source>Off: saving a valid campaign makes it active. On: a saved campaign waits as a draft until someone approves it (for a team).</source>
        <translation>关闭：保存有效的活动即生效。开启：保存后作为草稿，等待审批（适合团队）。</translation>
    </message>
    <message>
        <source>Shop health and alert thresholds…</source>
        <translation>店铺健康与预警阈值…</translation>
    </message>
    <message>
        <location filename="../../app/dialogs/settings_dialog.py" line="+275"/>
        <source>The platform&apos;s default rules are restored when you press OK.</source>
        <translation>点击“确定”后将恢复平台默认规则。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This shop has its own values for some of these rules.</source>
        <translation>本店对其中部分规则设置了自定义值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These are the platform&apos;s default rules.</source>
        <translation>当前使用的是平台默认规则。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Saving settings…</source>
        <translation>正在保存设置…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shop name:</source>
        <translation>店铺名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform rules for this shop</source>
        <translation>本店的平台规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform:</source>
        <translation>平台：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore defaults</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allowed ship window (days):</source>
        <translation>允许的发货时效（天）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recommended window (days):</source>
        <translation>建议的发货时效（天）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late penalty per order:</source>
        <translation>每单延迟发货赔付：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared database (PostgreSQL)</source>
        <translation>共享数据库（PostgreSQL）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty to work with a database file on this computer. A URL set here is opened the next time Presale Desk starts.</source>
        <translation>留空则使用本机上的数据库文件。在此填写的地址将在下次启动预售管家时打开。</translation>
    </message>
    <message>
        <source>Platform rules</source>
        <translation>平台规则</translation>
    </message>
    <message>
        <source>Alert thresholds</source>
        <translation>预警阈值</translation>
    </message>
    <message>
        <source>Shop health</source>
        <translation>店铺健康度</translation>
    </message>
    <message>
        <source>Require approval before a campaign goes live</source>
        <translation>活动需审批后才生效</translation>
    </message>
    <message>
        <source>Off: saving a valid campaign makes it active at once. On: a campaign is saved as a draft and goes live only after someone approves it (for shops with more than one person).</source>
        <translation>关闭：保存通过检查的活动即立即生效。开启：活动先保存为草稿，经审批后才生效（适合多人协作的店铺）。</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../app/dialogs/start_dialog.py" line="+18"/>
        <source>Presale Desk database (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>预售管家数据库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Welcome to Presale Desk</source>
        <translation>欢迎使用预售管家</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Presale Desk · 预售管家</source>
        <translation>预售管家 · Presale Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run presale campaigns on Taobao/Tmall, JD, Douyin and TikTok Shop: set them up, track every order from deposit to shipment, and ship on time.
Where is your shop&apos;s data?</source>
        <translation>管理淘宝/天猫、京东、抖音和 TikTok Shop 上的预售活动：设置活动，跟踪每一笔订单从付定金到发货，按时发货。
您的店铺数据在哪里？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a database file…</source>
        <translation>打开数据库文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A shop you already keep in Presale Desk</source>
        <translation>已在预售管家中管理的店铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a new database…</source>
        <translation>新建数据库…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an empty shop in a new file</source>
        <translation>在新文件中从零开始一个店铺</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the demo shop</source>
        <translation>打开演示店铺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try everything on a sample shop with 20,000 orders (made once, takes a few seconds)</source>
        <translation>在一个有 20,000 个订单的示例店铺中体验全部功能（只需生成一次，约需几秒钟）</translation>
    </message>
</context>
<context>
    <name>StatusMappingModel</name>
    <message>
        <location filename="../../app/models/import_models.py" line="-126"/>
        <source>Status in the file</source>
        <translation>文件中的状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Means</source>
        <translation>对应状态</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+27"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Click to choose the order status this text means.</source>
        <translation>点击选择这个状态文字对应的订单状态。</translation>
    </message>
</context>
<context>
    <name>StockTableModel</name>
    <message>
        <location filename="../../app/models/inventory.py" line="+27"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserved</source>
        <translation>已预占</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sold, not reserved</source>
        <translation>已售未预占</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>在途</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available to promise</source>
        <translation>可承诺库存</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Short by %1 units: on hand plus incoming does not cover what is sold</source>
        <translation>缺货 %1 件：现有库存加在途仍不够已售数量</translation>
    </message>
</context>
<context>
    <name>SupplyTableModel</name>
    <message>
        <location line="+12"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>已到货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected</source>
        <translation>预计到货</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TaskManager</name>
    <message>
        <location filename="../../app/ops.py" line="+199"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
</context>
</TS>
