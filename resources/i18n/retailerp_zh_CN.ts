<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgeingTable</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>There is no database at {path}. Create a new, empty one there?</source>
        <translation>{path} 处没有数据库。要在此处新建一个空数据库吗？</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>RetailERP {version}
Customers, items, stock and sales for a shop or a small office.</source>
        <translation>RetailERP {version}
为门店或小型办公室管理客户、商品、库存和销售。</translation>
    </message>
    <message>
        <source>fast (this PC&apos;s disk)</source>
        <translation>快速（本机硬盘）</translation>
    </message>
    <message>
        <source>shared folder (safe on a network)</source>
        <translation>共享文件夹（网络上安全）</translation>
    </message>
    <message>
        <source>database server</source>
        <translation>数据库服务器</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Settings saved. Restart RetailERP to use the new language or database.</source>
        <translation>设置已保存。请重新启动 RetailERP 以使用新的语言或数据库。</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日工作台</translation>
    </message>
</context>
<context>
    <name>BatchOptionsDialog</name>
    <message>
        <source>Print {n} documents</source>
        <translation>打印 {n} 张单据</translation>
    </message>
    <message>
        <source>On a &amp;printer</source>
        <translation>打印到打印机(&amp;P)</translation>
    </message>
    <message>
        <source>Into a &amp;folder, one NUMBER.pdf each</source>
        <translation>保存到文件夹，每张单据一个“单号.pdf”(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>纸张(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Copies</source>
        <translation>联数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <source>Printing {n} documents…</source>
        <translation>正在打印 {n} 张单据…</translation>
    </message>
    <message>
        <source>{number}: {done} of {total}</source>
        <translation>{number}：{done}/{total}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>CountDialog</name>
    <message>
        <source>Stock count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;New count</source>
        <translation>新建盘点(&amp;N)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Enter the counted quantity of each batch of {sku}.</source>
        <translation>请输入 {sku} 每个批次的实盘数量。</translation>
    </message>
    <message>
        <source>Stock count {number} posted: {n} differences booked.</source>
        <translation>盘点单 {number} 已过账：已记录 {n} 处差异。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Tax id</source>
        <translation>纳税人识别号(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>开户行(&amp;B)</translation>
    </message>
    <message>
        <source>Bank acco&amp;unt</source>
        <translation>银行账号(&amp;U)</translation>
    </message>
    <message>
        <source>Payment terms (&amp;days)</source>
        <translation>付款期限（天）(&amp;D)</translation>
    </message>
    <message>
        <source>Credit &amp;limit</source>
        <translation>信用额度(&amp;L)</translation>
    </message>
    <message>
        <source>Credit &amp;note</source>
        <translation>信用备注(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Salesperson</source>
        <translation>业务员(&amp;S)</translation>
    </message>
    <message>
        <source>Class, status and reviews</source>
        <translation>分类、状态与评审</translation>
    </message>
    <message>
        <source>&amp;Pin class…</source>
        <translation>锁定分类(&amp;P)…</translation>
    </message>
    <message>
        <source>U&amp;npin class</source>
        <translation>取消锁定分类(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;End relationship…</source>
        <translation>中止交易(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reactivate…</source>
        <translation>恢复交易(&amp;R)…</translation>
    </message>
    <message>
        <source>Record re&amp;view…</source>
        <translation>登记评审(&amp;V)…</translation>
    </message>
    <message>
        <source>Rel&amp;oad</source>
        <translation>重新加载(&amp;O)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>评审人</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>评审结论</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer {code} – {name}</source>
        <translation>客户 {code} – {name}</translation>
    </message>
    <message>
        <source>Class: computed after saving.</source>
        <translation>分类：保存后自动计算。</translation>
    </message>
    <message>
        <source>Class: {label} (computed from revenue)</source>
        <translation>分类：{label}（按营收计算）</translation>
    </message>
    <message>
        <source>Class: {label}, pinned by {by} on {at} (computed: {computed}). Reason: {reason}</source>
        <translation>分类：{label}，由 {by} 于 {at} 锁定（计算结果：{computed}）。原因：{reason}</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Status: {status} on {on}. Reason: {reason}</source>
        <translation>状态：{status}（{on}）。原因：{reason}</translation>
    </message>
    <message>
        <source>End relationship</source>
        <translation>中止交易</translation>
    </message>
    <message>
        <source>Why does the business relationship end?</source>
        <translation>为什么中止与该客户的交易？</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>恢复交易</translation>
    </message>
    <message>
        <source>Why is the customer taken back (optional)?</source>
        <translation>为什么恢复与该客户的交易（可不填）？</translation>
    </message>
    <message>
        <source>Pin class</source>
        <translation>锁定分类</translation>
    </message>
    <message>
        <source>Class to keep regardless of revenue:</source>
        <translation>锁定的分类（不随营收变化）：</translation>
    </message>
    <message>
        <source>Why is it pinned?</source>
        <translation>为什么锁定该分类？</translation>
    </message>
    <message>
        <source>Reloaded.</source>
        <translation>已重新加载。</translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>交易中止</translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation>待评审</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>New customer (Ctrl+N)</source>
        <translation>新建客户（Ctrl+N）</translation>
    </message>
    <message>
        <source>Recompute &amp;classes</source>
        <translation>重新计算分类(&amp;C)</translation>
    </message>
    <message>
        <source>Due for review: {n}</source>
        <translation>待评审：{n}</translation>
    </message>
    <message>
        <source>Recomputing customer classes…</source>
        <translation>正在重新计算客户分类…</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type part of a customer&apos;s code or name, then Enter</source>
        <translation>输入客户编码或名称的一部分，然后按 Enter</translation>
    </message>
    <message>
        <source>Several customers match: choose one with ↓ and Enter.</source>
        <translation>有多个客户符合：请用 ↓ 和 Enter 选择一个。</translation>
    </message>
    <message>
        <source>No active customer matches “{text}”.</source>
        <translation>没有与“{text}”相符的正常客户。</translation>
    </message>
    <message>
        <source>Class {cls} · credit limit {limit} · open balance {balance} · open orders {orders}</source>
        <translation>分类 {cls} · 信用额度 {limit} · 未结余额 {balance} · 未完成订单 {orders}</translation>
    </message>
    <message>
        <source>This customer has ended: reactivate it before selling to it.</source>
        <translation>该客户已中止交易：请先恢复交易，再向其销售。</translation>
    </message>
    <message>
        <source>The customer&apos;s review is overdue: check its terms and credit limit.</source>
        <translation>该客户已过评审期：请核对其付款条件和信用额度。</translation>
    </message>
</context>
<context>
    <name>CustomerSource</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Last review</source>
        <translation>上次评审</translation>
    </message>
    <message>
        <source>{cls} (pinned)</source>
        <translation>{cls}（固定）</translation>
    </message>
</context>
<context>
    <name>DeliveriesPage</name>
    <message>
        <source>&amp;Not invoiced only</source>
        <translation>仅显示未开票(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Invoice selected</source>
        <translation>为所选开票(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Select the deliveries to invoice.</source>
        <translation>请选择要开票的送货单。</translation>
    </message>
    <message>
        <source>Invoice {number} made for {n} deliveries.</source>
        <translation>已为 {n} 张送货单开具发票 {number}。</translation>
    </message>
    <message>
        <source>Select the delivery notes to print.</source>
        <translation>请选择要打印的送货单。</translation>
    </message>
    <message>
        <source>{done} of {total} delivery notes saved in {folder}.</source>
        <translation>已将 {done}/{total} 张送货单保存到 {folder}。</translation>
    </message>
    <message>
        <source>{done} of {total} delivery notes sent to the printer.</source>
        <translation>已将 {done}/{total} 张送货单发送到打印机。</translation>
    </message>
</context>
<context>
    <name>DeliverySource</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <source>Search number, customer code or name…</source>
        <translation>搜索单号、客户编码或名称…</translation>
    </message>
    <message>
        <source>from any date</source>
        <translation>起始日期不限</translation>
    </message>
    <message>
        <source>to any date</source>
        <translation>截止日期不限</translation>
    </message>
</context>
<context>
    <name>DocumentSource</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>过账人</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲销单据</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>Not enough stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation>请检查输入</translation>
    </message>
    <message>
        <source>Not possible now</source>
        <translation>当前无法操作</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出现错误。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法执行此操作</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Today&apos;s work — {day}</source>
        <translation>今日工作台 — {day}</translation>
    </message>
    <message>
        <source>Welcome. Four steps and the shop is ready for its first sale:</source>
        <translation>欢迎使用。完成以下四步，即可开始第一笔销售：</translation>
    </message>
    <message>
        <source>Enter the company details (name, address, tax id) in Settings</source>
        <translation>在设置中填写公司信息（名称、地址、税号）</translation>
    </message>
    <message>
        <source>Add your items, or import a list</source>
        <translation>添加商品，或导入商品清单</translation>
    </message>
    <message>
        <source>Book the first goods receipt (the stock you have)</source>
        <translation>录入第一张入库单（现有库存）</translation>
    </message>
    <message>
        <source>Enter the first sales order</source>
        <translation>录入第一张销售订单</translation>
    </message>
</context>
<context>
    <name>InvoiceList</name>
    <message>
        <source>&amp;Open only</source>
        <translation>仅显示未结清(&amp;O)</translation>
    </message>
    <message>
        <source>Record &amp;payment…</source>
        <translation>登记收款(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Select the invoices of one customer.</source>
        <translation>请选择同一客户的发票。</translation>
    </message>
    <message>
        <source>Payment from {customer}; it pays open invoices oldest first.</source>
        <translation>{customer} 的付款；按开票日期从早到晚冲抵未结清发票。</translation>
    </message>
    <message>
        <source>Payment {number} of {amount} recorded.</source>
        <translation>已登记收款单 {number}，金额 {amount}。</translation>
    </message>
    <message>
        <source>Select the invoices to print.</source>
        <translation>请选择要打印的发票。</translation>
    </message>
    <message>
        <source>{done} of {total} invoices saved in {folder}.</source>
        <translation>已将 {done}/{total} 张发票保存到 {folder}。</translation>
    </message>
    <message>
        <source>{done} of {total} invoices sent to the printer.</source>
        <translation>已将 {done}/{total} 张发票发送到打印机。</translation>
    </message>
</context>
<context>
    <name>InvoiceSource</name>
    <message>
        <source>paid</source>
        <translation>已付清</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未付清</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>发票号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>InvoicesPage</name>
    <message>
        <source>&amp;Invoices</source>
        <translation>发票(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Ageing</source>
        <translation>账龄(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>&amp;SKU</source>
        <translation>商品编码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>S&amp;pecification</source>
        <translation>规格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation>条码(&amp;B)</translation>
    </message>
    <message>
        <source>P&amp;rice</source>
        <translation>单价(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;VAT rate</source>
        <translation>税率(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation>追踪方式(&amp;T)</translation>
    </message>
    <message>
        <source>Shelf &amp;life (days)</source>
        <translation>保质期（天）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Minimum stock</source>
        <translation>最低库存(&amp;M)</translation>
    </message>
    <message>
        <source>B&amp;in</source>
        <translation>货位(&amp;I)</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Item {sku} – {name}</source>
        <translation>商品 {sku} – {name}</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ItemListPage</name>
    <message>
        <source>Search SKU, name, barcode, specification…</source>
        <translation>搜索商品编码、名称、条码、规格…</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <source>&amp;Below minimum stock</source>
        <translation>低于最低库存(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation>新建商品(&amp;N)</translation>
    </message>
    <message>
        <source>New item (Ctrl+N)</source>
        <translation>新建商品（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>ItemSource</name>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>增值税</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现有库存</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>LinkedDocuments</name>
    <message>
        <source>not invoiced</source>
        <translation>未开票</translation>
    </message>
    <message>
        <source>{gross}, open {open}</source>
        <translation>{gross}，未收 {open}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>void</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Double-click for the print preview</source>
        <translation>双击打开打印预览</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Showing: {what}</source>
        <translation>当前显示：{what}</translation>
    </message>
    <message>
        <source>Show a&amp;ll</source>
        <translation>显示全部(&amp;L)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RetailERP — {database}</source>
        <translation>RetailERP — {database}</translation>
    </message>
    <message>
        <source>RetailERP</source>
        <translation>RetailERP</translation>
    </message>
    <message>
        <source>Database: {name}</source>
        <translation>数据库：{name}</translation>
    </message>
    <message>
        <source>Mode: {mode}</source>
        <translation>模式：{mode}</translation>
    </message>
    <message>
        <source>User: {user}</source>
        <translation>用户：{user}</translation>
    </message>
    <message>
        <source>About RetailERP</source>
        <translation>关于 RetailERP</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>&amp;Override…</source>
        <translation>强制确认(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Con&amp;firm</source>
        <translation>确认(&amp;F)</translation>
    </message>
    <message>
        <source>Start &amp;picking</source>
        <translation>开始拣货(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;hip…</source>
        <translation>发货(&amp;H)…</translation>
    </message>
    <message>
        <source>In&amp;voice</source>
        <translation>开票(&amp;V)</translation>
    </message>
    <message>
        <source>Record pa&amp;yment…</source>
        <translation>登记收款(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Cancel order…</source>
        <translation>取消订单(&amp;C)…</translation>
    </message>
    <message>
        <source>Clos&amp;e order</source>
        <translation>关闭订单(&amp;E)</translation>
    </message>
    <message>
        <source>Save the draft (Ctrl+S)</source>
        <translation>保存草稿 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and confirm (Ctrl+Enter)</source>
        <translation>保存并确认 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Confirm anyway</source>
        <translation>强制确认</translation>
    </message>
    <message>
        <source>Why should this order be confirmed anyway? The reason is recorded.</source>
        <translation>为什么仍要确认此订单？原因将被记录。</translation>
    </message>
    <message>
        <source>Payment received for order {number}</source>
        <translation>订单 {number} 的收款</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <source>Why is the order cancelled?</source>
        <translation>取消订单的原因是什么？</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Payment</source>
        <translation>付款方式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Requested delivery</source>
        <translation>要求交货日期(&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>商品(&amp;I)</translation>
    </message>
    <message>
        <source>Linked documents</source>
        <translation>关联单据</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>Order {number} · {state}</source>
        <translation>订单 {number} · {state}</translation>
    </message>
    <message>
        <source>Confirmed by {user} despite a refusal: {reason}</source>
        <translation>{user} 在系统拦截后强制确认，原因：{reason}</translation>
    </message>
    <message>
        <source>New sales order</source>
        <translation>新建销售订单</translation>
    </message>
    <message>
        <source>Sales order {number}</source>
        <translation>销售订单 {number}</translation>
    </message>
    <message>
        <source>Choose a customer: type part of its code or name, Enter.</source>
        <translation>请选择客户：输入客户编码或名称的一部分，然后按 Enter。</translation>
    </message>
</context>
<context>
    <name>OrderLinesEditor</name>
    <message>
        <source>Scan a barcode or type an item&apos;s code or name, then Enter</source>
        <translation>扫描条码或输入商品编码、名称，然后按 Enter</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount %</source>
        <translation>折扣 %</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>税率 %</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>No item in use has the barcode, code or name “{code}”.</source>
        <translation>没有条码、编码或名称为“{code}”的在用商品。</translation>
    </message>
    <message>
        <source>Several items match: choose one with ↓ and Enter.</source>
        <translation>有多个商品符合：请用 ↓ 和 Enter 选择一个。</translation>
    </message>
    <message>
        <source>Net {net} · VAT {vat} · Gross {gross}</source>
        <translation>不含税 {net} · 税额 {vat} · 价税合计 {gross}</translation>
    </message>
    <message>
        <source>(without the lines still to correct)</source>
        <translation>（不含待更正的行）</translation>
    </message>
    <message>
        <source>Line {n}: {message}</source>
        <translation>第 {n} 行：{message}</translation>
    </message>
</context>
<context>
    <name>OrderSource</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Requested delivery</source>
        <translation>要求交货日期</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <source>New order (Ctrl+N)</source>
        <translation>新建订单（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Record payment</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>收款方式(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>参考号(&amp;R)</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Cheque</source>
        <translation>支票</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview – {number}</source>
        <translation>打印预览 – {number}</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>保存 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>P&amp;aper</source>
        <translation>纸张(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Copies</source>
        <translation>联数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path}: {reason}</source>
        <translation>无法将 PDF 保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The printer could not start the job.</source>
        <translation>打印机无法开始打印任务。</translation>
    </message>
    <message>
        <source>The printer refused the next page.</source>
        <translation>打印机拒绝打印下一页。</translation>
    </message>
    <message>
        <source>Nothing was printed.</source>
        <translation>未打印任何内容。</translation>
    </message>
    <message>
        <source>Pages 1 to {page} were sent, the rest was not.</source>
        <translation>已发送第 1 至 {page} 页，其余页未发送。</translation>
    </message>
    <message>
        <source>{what} Check that the printer {printer} is on, has paper and can be reached. {sent}</source>
        <translation>{what}请检查打印机 {printer} 是否已开机、有纸且能连通。{sent}</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation>不保存更改直接关闭吗？</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Goods receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <source>S&amp;upplier</source>
        <translation>供应商(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Expiry (YYYY-MM-DD)</source>
        <translation>有效期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Goods receipt {number} posted ({n} lines).</source>
        <translation>入库单 {number} 已过账（{n} 行）。</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review of {name}</source>
        <translation>客户评审 – {name}</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>评审结论(&amp;O)</translation>
    </message>
    <message>
        <source>New &amp;credit limit</source>
        <translation>新信用额度(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
</context>
<context>
    <name>SalesModules</name>
    <message>
        <source>Orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>Deliveries</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>Invoices / receivables</source>
        <translation>发票/应收款</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search…</source>
        <translation>搜索…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language, journal mode and database take effect when RetailERP is restarted.</source>
        <translation>语言、日志模式和数据库的更改在重新启动 RetailERP 后生效。</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Automatic (WAL locally, DELETE on a network share)</source>
        <translation>自动（本地磁盘用 WAL，网络共享用 DELETE）</translation>
    </message>
    <message>
        <source>WAL (local disk only)</source>
        <translation>WAL（仅限本地磁盘）</translation>
    </message>
    <message>
        <source>DELETE (network share)</source>
        <translation>DELETE（网络共享）</translation>
    </message>
    <message>
        <source>&amp;Journal mode</source>
        <translation>日志模式(&amp;J)</translation>
    </message>
    <message>
        <source>A SQLite file, or postgresql+psycopg://user@host/database</source>
        <translation>SQLite 文件，或 postgresql+psycopg://user@host/database</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Allow &amp;negative stock</source>
        <translation>允许负库存(&amp;N)</translation>
    </message>
    <message>
        <source>Class &amp;A: first % of revenue</source>
        <translation>A 类：营收累计占比前 %(&amp;A)</translation>
    </message>
    <message>
        <source>Class &amp;B: up to % of revenue</source>
        <translation>B 类：营收累计占比至 %(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Review months (e.g. 2, 8)</source>
        <translation>评审月份（例如 2, 8）(&amp;R)</translation>
    </message>
    <message>
        <source>Lowest &amp;price: % of the list price</source>
        <translation>最低售价：标价的百分比(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Company name</source>
        <translation>公司名称(&amp;C)</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>RetailERP database (*.db);;All files (*)</source>
        <translation>RetailERP 数据库 (*.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ShipDialog</name>
    <message>
        <source>Ship – picking list {number}</source>
        <translation>发货 – 拣货单 {number}</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch / serial</source>
        <translation>批号/序列号</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>应拣</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>实拣</translation>
    </message>
    <message>
        <source>&amp;Post delivery</source>
        <translation>确认发货(&amp;P)</translation>
    </message>
    <message>
        <source>Type the quantity actually picked; 0 leaves a line on backorder.</source>
        <translation>请输入实际拣货数量；填 0 则该行转为欠货。</translation>
    </message>
</context>
<context>
    <name>StockLines</name>
    <message>
        <source>Scan a barcode or type a SKU, then Enter</source>
        <translation>扫描条码或输入商品编码，然后按回车</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>库位(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>过账(&amp;P)</translation>
    </message>
    <message>
        <source>Post (Ctrl+S)</source>
        <translation>过账 (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Scan</source>
        <translation>扫码(&amp;S)</translation>
    </message>
    <message>
        <source>No item has the SKU or barcode {code}.</source>
        <translation>没有商品的编码或条码是 {code}。</translation>
    </message>
    <message>
        <source>Line {n}: {message}</source>
        <translation>第 {n} 行：{message}</translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>&amp;Goods receipt…</source>
        <translation>入库(&amp;G)…</translation>
    </message>
    <message>
        <source>Stock &amp;count…</source>
        <translation>盘点(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>冲销(&amp;R)…</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>全部单据</translation>
    </message>
    <message>
        <source>Posted {number}.</source>
        <translation>{number} 已过账。</translation>
    </message>
    <message>
        <source>Reverse {number}</source>
        <translation>冲销 {number}</translation>
    </message>
    <message>
        <source>Why is {number} reversed?</source>
        <translation>为什么冲销 {number}？</translation>
    </message>
</context>
<context>
    <name>StockSource</name>
    <message>
        <source>SKU</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>Batch / serial</source>
        <translation>批号 / 序列号</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>Backup before upgrade:</source>
        <translation>升级前的备份：</translation>
    </message>
    <message>
        <source>Database is up to date:</source>
        <translation>数据库已是最新版本：</translation>
    </message>
    <message>
        <source>No problems found:</source>
        <translation>未发现问题：</translation>
    </message>
    <message>
        <source>Backup written:</source>
        <translation>备份已写入：</translation>
    </message>
    <message>
        <source>Restore a PostgreSQL database with the server&apos;s tools (pg_restore).</source>
        <translation>请使用服务器自带工具（pg_restore）恢复 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>The replaced database was kept as:</source>
        <translation>被替换的数据库已另存为：</translation>
    </message>
    <message>
        <source>Restored:</source>
        <translation>已恢复：</translation>
    </message>
    <message>
        <source>Cannot write the PDF:</source>
        <translation>无法写入 PDF：</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <source>The database already has data; the demo fills only a new database.</source>
        <translation>数据库中已有数据；演示数据只能写入新数据库。</translation>
    </message>
    <message>
        <source>Demo:</source>
        <translation>演示数据：</translation>
    </message>
    <message>
        <source>Demo data written: {customers} customers, {items} items, {orders} orders since {first_day}, {invoices} invoices ({overdue} overdue).</source>
        <translation>演示数据已写入：{customers} 个客户、{items} 个商品、自 {first_day} 起的 {orders} 张订单、{invoices} 张结算单（其中 {overdue} 张逾期）。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Customer {code} has already ended (on {on}).</source>
        <translation>客户 {code} 已于 {on} 中止交易。</translation>
    </message>
    <message>
        <source>Customer {code} is active; only an ended customer can be reactivated.</source>
        <translation>客户 {code} 处于正常状态；只有已中止交易的客户才能恢复。</translation>
    </message>
    <message>
        <source>A bank account number has 8 to 32 digits.</source>
        <translation>银行账号应为 8 到 32 位数字。</translation>
    </message>
    <message>
        <source>Enter whole days, e.g. 30.</source>
        <translation>请输入整天数，例如 30。</translation>
    </message>
    <message>
        <source>Payment terms are between 0 and 365 days.</source>
        <translation>付款期限应在 0 到 365 天之间。</translation>
    </message>
    <message>
        <source>The A share must be above 0 and below the B share, and the B share at most 100%.</source>
        <translation>A 类占比必须大于 0 且小于 B 类占比，B 类占比不得超过 100%。</translation>
    </message>
    <message>
        <source>Review months are numbers from 1 to 12.</source>
        <translation>评审月份应为 1 到 12 之间的数字。</translation>
    </message>
    <message>
        <source>The input is not valid.</source>
        <translation>输入无效。</translation>
    </message>
    <message>
        <source>{what} {key} was changed by {changed_by} at {changed_at} after you opened it. Reload it and make your change again.</source>
        <translation>{what} {key} 在您打开后已被 {changed_by} 于 {changed_at} 修改。请重新加载后再修改。</translation>
    </message>
    <message>
        <source>Choose an item.</source>
        <translation>请选择商品。</translation>
    </message>
    <message>
        <source>Item {sku} is no longer in use.</source>
        <translation>商品 {sku} 已停用。</translation>
    </message>
    <message>
        <source>Enter a date.</source>
        <translation>请输入日期。</translation>
    </message>
    <message>
        <source>Item {sku} is tracked by batch: enter the batch.</source>
        <translation>商品 {sku} 按批次管理：请输入批次号。</translation>
    </message>
    <message>
        <source>Item {sku} is tracked by serial number: enter the serial.</source>
        <translation>商品 {sku} 按序列号管理：请输入序列号。</translation>
    </message>
    <message>
        <source>A line with a serial number holds exactly one unit.</source>
        <translation>带序列号的行数量必须为 1。</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>请至少添加一行。</translation>
    </message>
    <message>
        <source>A document may have at most {max} lines.</source>
        <translation>一张单据最多 {max} 行。</translation>
    </message>
    <message>
        <source>Serial number {serial} is on two lines.</source>
        <translation>序列号 {serial} 出现在两行中。</translation>
    </message>
    <message>
        <source>{number} is a reversal; post the original again instead.</source>
        <translation>{number} 是冲销单；请重新过账原单据。</translation>
    </message>
    <message>
        <source>{number} has already been reversed.</source>
        <translation>{number} 已被冲销。</translation>
    </message>
    <message>
        <source>Tracking is one of: none, batch, serial.</source>
        <translation>追踪方式只能是：不追踪、批次、序列号。</translation>
    </message>
    <message>
        <source>Enter the shelf life in whole days.</source>
        <translation>请以整天数输入保质期。</translation>
    </message>
    <message>
        <source>The shelf life is between 1 and 36500 days.</source>
        <translation>保质期应在 1 到 36500 天之间。</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>请输入数字。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount may be at most {limit}.</source>
        <translation>金额最多为 {limit}。</translation>
    </message>
    <message>
        <source>The quantity cannot be negative.</source>
        <translation>数量不能为负数。</translation>
    </message>
    <message>
        <source>The quantity must be greater than zero.</source>
        <translation>数量必须大于零。</translation>
    </message>
    <message>
        <source>A quantity may have at most three decimals.</source>
        <translation>数量最多保留三位小数。</translation>
    </message>
    <message>
        <source>The quantity may be at most {limit}.</source>
        <translation>数量最多为 {limit}。</translation>
    </message>
    <message>
        <source>The VAT rate must be one of {rates}.</source>
        <translation>增值税税率必须是以下之一：{rates}。</translation>
    </message>
    <message>
        <source>User {user} ({role}) may not do this: {permission}.</source>
        <translation>用户 {user}（{role}）无权执行此操作：{permission}。</translation>
    </message>
    <message>
        <source>A move must go to another location.</source>
        <translation>移库必须移到另一个库位。</translation>
    </message>
    <message>
        <source>Not enough stock at {location}: {wanted} wanted, {available} available.</source>
        <translation>{location} 库存不足：需要 {wanted}，可用 {available}。</translation>
    </message>
    <message>
        <source>At most {max} characters are allowed (you typed {n}).</source>
        <translation>最多允许 {max} 个字符（您输入了 {n} 个）。</translation>
    </message>
    <message>
        <source>A code may hold only letters, digits and . _ / - and must start with a letter or digit.</source>
        <translation>编码只能包含字母、数字和 . _ / -，且必须以字母或数字开头。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number (digits, spaces, + - and brackets).</source>
        <translation>“{value}”不是电话号码（只能包含数字、空格、+ - 和括号）。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a valid unified social credit code: the check character does not match.</source>
        <translation>“{value}”不是有效的统一社会信用代码：校验码不符。</translation>
    </message>
    <message>
        <source>A tax id has 18 characters (unified social credit code), or 15 or 20 for older registrations; &apos;{value}&apos; has {n}.</source>
        <translation>纳税人识别号应为 18 位（统一社会信用代码），旧登记号为 15 或 20 位；“{value}”为 {n} 位。</translation>
    </message>
    <message>
        <source>Barcode {value}: the check digit should be {digit}.</source>
        <translation>条码 {value}：校验位应为 {digit}。</translation>
    </message>
    <message>
        <source>A barcode may hold only letters, digits and symbols, no spaces.</source>
        <translation>条码只能包含字母、数字和符号，不能有空格。</translation>
    </message>
    <message>
        <source>Back up a PostgreSQL database with the server&apos;s tools (pg_dump); RetailERP backs up SQLite files only.</source>
        <translation>请使用服务器自带工具（pg_dump）备份 PostgreSQL 数据库；RetailERP 只备份 SQLite 文件。</translation>
    </message>
    <message>
        <source>The backup cannot overwrite the database itself.</source>
        <translation>备份不能覆盖数据库本身。</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} is not a usable backup: {detail}</source>
        <translation>{path} 不是可用的备份：{detail}</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database address.</source>
        <translation>“{url}”不是数据库地址。</translation>
    </message>
    <message>
        <source>Only SQLite files and PostgreSQL servers are supported, not &apos;{kind}&apos;.</source>
        <translation>只支持 SQLite 文件和 PostgreSQL 服务器，不支持“{kind}”。</translation>
    </message>
    <message>
        <source>Journal mode must be auto, wal or delete, not &apos;{mode}&apos;.</source>
        <translation>日志模式必须是 auto、wal 或 delete，而不是“{mode}”。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>The database file {path} does not exist.</source>
        <translation>数据库文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The database file {path} (or its folder) is read-only. Ask for write access or copy it to a folder you can write to.</source>
        <translation>数据库文件 {path}（或其所在文件夹）是只读的。请申请写权限，或将其复制到可写的文件夹。</translation>
    </message>
    <message>
        <source>The PostgreSQL driver is not installed.</source>
        <translation>未安装 PostgreSQL 驱动程序。</translation>
    </message>
    <message>
        <source>{database} is not a RetailERP database or it is damaged ({detail}). Restore a backup.</source>
        <translation>{database} 不是 RetailERP 数据库或已损坏（{detail}）。请恢复备份。</translation>
    </message>
    <message>
        <source>{database} is locked by another program. Try again in a moment.</source>
        <translation>{database} 被其他程序锁定。请稍后再试。</translation>
    </message>
    <message>
        <source>{database} is read-only.</source>
        <translation>{database} 是只读的。</translation>
    </message>
    <message>
        <source>Cannot open {database}: {detail}</source>
        <translation>无法打开 {database}：{detail}</translation>
    </message>
    <message>
        <source>The file is damaged: {detail}</source>
        <translation>文件已损坏：{detail}</translation>
    </message>
    <message>
        <source>{count} records point to records that do not exist.</source>
        <translation>有 {count} 条记录指向不存在的记录。</translation>
    </message>
    <message>
        <source>The database is at schema {current}; this program needs {head}. Run &apos;retailerp db upgrade&apos;.</source>
        <translation>数据库结构版本为 {current}；本程序需要 {head}。请运行“retailerp db upgrade”。</translation>
    </message>
    <message>
        <source>The tables differ from what this version expects: {detail}</source>
        <translation>数据表与本版本的要求不一致：{detail}</translation>
    </message>
    <message>
        <source>Stock of item {item} at location {location} {key}: the balance says {kept}, the ledger adds up to {summed}.</source>
        <translation>商品 {item} 在库位 {location} {key} 的库存：余额为 {kept}，台账合计为 {summed}。</translation>
    </message>
    <message>
        <source>{database} was written by a newer version of RetailERP (schema {revision}). Install the newer version to open it.</source>
        <translation>{database} 由更新版本的 RetailERP 写入（结构版本 {revision}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>The migration would break {count} links between records; nothing was changed.</source>
        <translation>迁移会破坏 {count} 条记录间的关联；未做任何更改。</translation>
    </message>
    <message>
        <source>Someone else changed this record while you were saving. Reload it and try again.</source>
        <translation>您保存时其他人修改了此记录。请重新加载后再试。</translation>
    </message>
    <message>
        <source>The database is busy: another PC is saving. Nothing was saved; try again in a moment.</source>
        <translation>数据库正忙：另一台电脑正在保存。本次未保存任何内容；请稍后再试。</translation>
    </message>
    <message>
        <source>{what} {key} does not exist (any more).</source>
        <translation>{what} {key} 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>Code {code} is already used.</source>
        <translation>编码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>There is no customer {code}.</source>
        <translation>没有客户 {code}。</translation>
    </message>
    <message>
        <source>Code {code} is already used by {name}.</source>
        <translation>编码 {code} 已被 {name} 使用。</translation>
    </message>
    <message>
        <source>SKU {sku} is already used by {name}.</source>
        <translation>商品编码 {sku} 已被 {name} 使用。</translation>
    </message>
    <message>
        <source>Barcode {barcode} already belongs to {sku}.</source>
        <translation>条码 {barcode} 已属于 {sku}。</translation>
    </message>
    <message>
        <source>Location {code} exists already.</source>
        <translation>库位 {code} 已存在。</translation>
    </message>
    <message>
        <source>Choose a warehouse, bin, quarantine or scrap location.</source>
        <translation>请选择仓库、货位、隔离区或报废区。</translation>
    </message>
    <message>
        <source>Serial number {serial} of {sku} is already in stock at {where}.</source>
        <translation>{sku} 的序列号 {serial} 已在 {where} 的库存中。</translation>
    </message>
    <message>
        <source>Line {n}: {picked} picked, but the list says {listed}.</source>
        <translation>第 {n} 行：实拣 {picked}，但拣货单上为 {listed}。</translation>
    </message>
    <message>
        <source>Nothing was picked: a delivery needs at least one picked line.</source>
        <translation>未拣任何货品：送货单至少需要一行已拣货。</translation>
    </message>
    <message>
        <source>Choose at least one delivery to invoice.</source>
        <translation>请至少选择一张要开票的送货单。</translation>
    </message>
    <message>
        <source>An invoice bills the deliveries of one customer only.</source>
        <translation>一张发票只能包含同一客户的送货单。</translation>
    </message>
    <message>
        <source>Delivery {number} has already been invoiced.</source>
        <translation>送货单 {number} 已开票。</translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <source>The payment method is one of {methods}.</source>
        <translation>收款方式必须是以下之一：{methods}。</translation>
    </message>
    <message>
        <source>Order {number} is {state}: it cannot {action}.</source>
        <translation>订单 {number} 当前状态为“{state}”，不能执行“{action}”操作。</translation>
    </message>
    <message>
        <source>Order {number} has shipped goods; it can no longer be cancelled. Return the goods instead.</source>
        <translation>订单 {number} 已有货物发出，不能再取消。请改为办理退货。</translation>
    </message>
    <message>
        <source>The net price of {sku} ({price}) is below the floor of {floor}.</source>
        <translation>{sku} 的折后价（{price}）低于最低价 {floor}。</translation>
    </message>
    <message>
        <source>A discount is between 0 and 99.99%.</source>
        <translation>折扣应在 0 到 99.99% 之间。</translation>
    </message>
    <message>
        <source>Choose prepaid, cash on delivery or on credit.</source>
        <translation>请选择预付款、货到付款或赊销。</translation>
    </message>
    <message>
        <source>The requested delivery date cannot be in the past.</source>
        <translation>要求交货日期不能早于今天。</translation>
    </message>
    <message>
        <source>Order {number} cannot be confirmed: not enough free stock for {detail}. An owner may confirm it anyway, with a reason; the rest stays on backorder.</source>
        <translation>订单 {number} 无法确认：{detail} 的可用库存不足。店主可填写原因后强制确认，不足部分转为欠货。</translation>
    </message>
    <message>
        <source>Order {number} would take the customer to {exposure} against a credit limit of {limit} (open invoices {balance}, open orders {orders}). An owner may confirm it anyway, with a reason.</source>
        <translation>订单 {number} 将使该客户的欠款总额达到 {exposure}，超过信用额度 {limit}（未结发票 {balance}，未完成订单 {orders}）。店主可填写原因后强制确认。</translation>
    </message>
    <message>
        <source>Order {number} is prepaid: record the payment of {amount} before shipping (received so far: {paid}).</source>
        <translation>订单 {number} 为预付款订单：发货前请先登记 {amount} 的收款（目前已收：{paid}）。</translation>
    </message>
    <message>
        <source>Some of the chosen deliveries do not exist.</source>
        <translation>所选送货单中有部分不存在。</translation>
    </message>
    <message>
        <source>The payment&apos;s order does not belong to this customer.</source>
        <translation>该收款对应的订单不属于此客户。</translation>
    </message>
    <message>
        <source>Order {number} is {state}: no payment can be recorded against it.</source>
        <translation>订单 {number} 当前状态为“{state}”，不能登记收款。</translation>
    </message>
    <message>
        <source>{number} is not the number of a printable document (picking list PK…, delivery note DN…, invoice IV…).</source>
        <translation>{number} 不是可打印单据的单号（拣货单 PK…、送货单 DN…、发票 IV…）。</translation>
    </message>
    <message>
        <source>Paper must be one of {presets}.</source>
        <translation>纸张必须是以下之一：{presets}。</translation>
    </message>
    <message>
        <source>Print 1, 2 or 3 parts.</source>
        <translation>只能打印 1、2 或 3 联。</translation>
    </message>
    <message>
        <source>Nothing of order {number} is in stock to pick.</source>
        <translation>订单 {number} 的商品均无库存可拣。</translation>
    </message>
    <message>
        <source>Order {number} has no open picking list.</source>
        <translation>订单 {number} 没有未完成的拣货单。</translation>
    </message>
    <message>
        <source>Customer {code} has ended; reactivate it before selling to it.</source>
        <translation>客户 {code} 已中止交易；请先恢复交易，再向其销售。</translation>
    </message>
    <message>
        <source>The price floor is a share of the list price from 0 to 99%.</source>
        <translation>最低售价是标价的 0% 到 99% 之间的比例。</translation>
    </message>
</context>
<context>
    <name>print</name>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行及账号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>寄售</translation>
    </message>
    <message>
        <source>Amount in words</source>
        <translation>大写金额</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Spec.</source>
        <translation>规格</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Batch / expiry</source>
        <translation>批号/有效期</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Total quantity</source>
        <translation>数量合计</translation>
    </message>
    <message>
        <source>Net amount</source>
        <translation>金额(不含税)</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Delivered by</source>
        <translation>送货人</translation>
    </message>
    <message>
        <source>Customer signature</source>
        <translation>客户签收</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Red invoice</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>税率</translation>
    </message>
    <message>
        <source>Gross amount</source>
        <translation>价税合计</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>收款人</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>复核</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>开票人</translation>
    </message>
    <message>
        <source>Stub</source>
        <translation>存根</translation>
    </message>
    <message>
        <source>Return receipt</source>
        <translation>回单</translation>
    </message>
    <message>
        <source>Part {index} of {count}: {label}</source>
        <translation>第{index}联/共{count}联：{label}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页 / 共 {pages} 页</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Delivery no.</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <source>Picking list no.</source>
        <translation>拣货单号</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>发票号码</translation>
    </message>
    <message>
        <source>Original invoice no.</source>
        <translation>原发票号码</translation>
    </message>
    <message>
        <source>Red-letter confirmation no.</source>
        <translation>红字确认单编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Customer order no.</source>
        <translation>客户订单号</translation>
    </message>
    <message>
        <source>Requested delivery date</source>
        <translation>要求交货日期</translation>
    </message>
    <message>
        <source>Picking list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch / expiry / serial</source>
        <translation>批号/有效期/序列号</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Picked</source>
        <translation>已拣</translation>
    </message>
    <message>
        <source>No bin</source>
        <translation>无货位</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Picker</source>
        <translation>拣货人</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>复核人</translation>
    </message>
</context>
<context>
    <name>terms</name>
    <message>
        <source>A – key customer</source>
        <translation>A – 关键客户</translation>
    </message>
    <message>
        <source>B – major customer</source>
        <translation>B – 主要客户</translation>
    </message>
    <message>
        <source>C – ordinary customer</source>
        <translation>C – 普通客户</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>交易中止</translation>
    </message>
    <message>
        <source>not tracked</source>
        <translation>不追踪</translation>
    </message>
    <message>
        <source>by batch</source>
        <translation>按批次</translation>
    </message>
    <message>
        <source>by serial number</source>
        <translation>按序列号</translation>
    </message>
    <message>
        <source>goods receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <source>stock count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <source>reversal</source>
        <translation>冲销单</translation>
    </message>
    <message>
        <source>sales order</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>picking list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>payment</source>
        <translation>收款单</translation>
    </message>
    <message>
        <source>warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废区</translation>
    </message>
    <message>
        <source>consignment at customer</source>
        <translation>客户寄售</translation>
    </message>
    <message>
        <source>customers (sold)</source>
        <translation>客户（已售）</translation>
    </message>
    <message>
        <source>suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>stock adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Main warehouse</source>
        <translation>主仓库</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废区</translation>
    </message>
    <message>
        <source>Customers (sold)</source>
        <translation>客户（已售）</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Stock adjustment</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days overdue</source>
        <translation>逾期 1–30 天</translation>
    </message>
    <message>
        <source>31–60 days overdue</source>
        <translation>逾期 31–60 天</translation>
    </message>
    <message>
        <source>61–90 days overdue</source>
        <translation>逾期 61–90 天</translation>
    </message>
    <message>
        <source>over 90 days overdue</source>
        <translation>逾期 90 天以上</translation>
    </message>
    <message>
        <source>prepaid (payment before delivery)</source>
        <translation>预付款（先款后货）</translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>on credit</source>
        <translation>赊销</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>start picking</source>
        <translation>开始拣货</translation>
    </message>
    <message>
        <source>ship</source>
        <translation>发货</translation>
    </message>
    <message>
        <source>create an invoice</source>
        <translation>开票</translation>
    </message>
    <message>
        <source>record payment</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Picking list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>Drafts to confirm</source>
        <translation>待确认草稿</translation>
    </message>
    <message>
        <source>Orders to pick</source>
        <translation>待拣货订单</translation>
    </message>
    <message>
        <source>Orders to ship</source>
        <translation>待发货订单</translation>
    </message>
    <message>
        <source>Deliveries to invoice</source>
        <translation>待开结算单的送货单</translation>
    </message>
    <message>
        <source>Prepaid orders awaiting payment</source>
        <translation>待付款的预付订单</translation>
    </message>
    <message>
        <source>Overdue receivables</source>
        <translation>逾期应收款</translation>
    </message>
    <message>
        <source>Items below minimum stock</source>
        <translation>低于最低库存的商品</translation>
    </message>
    <message>
        <source>Customers due for review</source>
        <translation>待复核客户</translation>
    </message>
</context>
</TS>
