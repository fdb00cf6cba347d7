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
        <source>Money on account</source>
        <translation>预收款</translation>
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
        <source>Consignment</source>
        <translation>客户寄售</translation>
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
        <source>Settings saved. Restart RetailERP to use the new journal mode or database.</source>
        <translation>设置已保存。请重新启动 RetailERP 以使用新的日志模式或数据库。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>To show RetailERP in {language} now its windows are opened again, and {n} of them hold changes not saved yet. Drop those changes and switch now? (Otherwise RetailERP speaks {language} from its next start.)</source>
        <translation>要立即以{language}显示 RetailERP，需要重新打开各窗口，其中 {n} 个窗口有尚未保存的修改。放弃这些修改并立即切换吗？（否则 RetailERP 将在下次启动时使用{language}。）</translation>
    </message>
    <message>
        <source>RetailERP speaks {language} from its next start.</source>
        <translation>RetailERP 将在下次启动时使用{language}。</translation>
    </message>
    <message>
        <source>RetailERP now speaks {language}.</source>
        <translation>RetailERP 现在使用{language}。</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>{n} open windows hold changes not saved yet. Drop those changes and log out?</source>
        <translation>有 {n} 个打开的窗口含有尚未保存的修改。放弃这些修改并注销吗？</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日工作台</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Search action, document, user, PC or detail…</source>
        <translation>搜索操作、单据、用户、电脑或详情…</translation>
    </message>
    <message>
        <source>Every user</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <source>&amp;Show detail</source>
        <translation>查看详情(&amp;S)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>(no detail)</source>
        <translation>（无详情）</translation>
    </message>
    <message>
        <source>Entry {id}, {action} by {user} on {pc}:</source>
        <translation>第 {id} 条，{user} 在 {pc} 上执行 {action}：</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;Excel files (*.xlsx)</source>
        <translation>CSV 文件 (*.csv);;Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>{n} entries written to {file}.</source>
        <translation>已将 {n} 条记录写入 {file}。</translation>
    </message>
</context>
<context>
    <name>AuditSource</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>PC</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Copying the database…</source>
        <translation>正在复制数据库…</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>未能备份</translation>
    </message>
    <message>
        <source>The automatic backup could not be made: {reason} RetailERP goes on working.</source>
        <translation>自动备份没有完成：{reason} RetailERP 照常工作。</translation>
    </message>
    <message>
        <source>Daily backup</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Backup made: {path}</source>
        <translation>已备份：{path}</translation>
    </message>
    <message>
        <source>Backing up before closing</source>
        <translation>关闭前备份</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>BackupsPage</name>
    <message>
        <source>This database is on a PostgreSQL server, so RetailERP does not copy it itself. Have the server back it up every night with pg_dump, for example &apos;pg_dump -Fc -f retailerp-%date%.dump retailerp&apos;, keep the copies on another disk, and restore one with &apos;pg_restore --clean -d retailerp &lt;file&gt;&apos; after everyone has closed RetailERP. The README says more.</source>
        <translation>此数据库在 PostgreSQL 服务器上，RetailERP 不自行复制。请让服务器每晚用 pg_dump 备份，例如 &apos;pg_dump -Fc -f retailerp-%date%.dump retailerp&apos;，把备份保存在另一块磁盘上；需要恢复时，待所有人关闭 RetailERP 后运行 &apos;pg_restore --clean -d retailerp &lt;文件&gt;&apos;。详见 README。</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Backup &amp;folder on this PC</source>
        <translation>本机备份文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>RetailERP copies the database here by itself at the first start of each day, when it closes and before each upgrade, checks every copy, and keeps the last 7 days, 4 weeks and 12 months.</source>
        <translation>RetailERP 会在每天第一次启动、关闭程序以及每次升级前自动把数据库复制到这里，逐份校验，并保留最近 7 天、4 周和 12 个月的备份。</translation>
    </message>
    <message>
        <source>Backups of &amp;this database</source>
        <translation>本数据库的备份(&amp;T)</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Back &amp;up now</source>
        <translation>立即备份(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder.</source>
        <translation>{path} 是文件，不是文件夹。</translation>
    </message>
    <message>
        <source>The folder {path} cannot be written to.</source>
        <translation>文件夹 {path} 无法写入。</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backup made and checked: {path}</source>
        <translation>已备份并校验：{path}</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the database with the backup {name}? Everything entered after it was made is taken out (the database as it is now is kept aside as a file beside it). Everyone else must have closed RetailERP.</source>
        <translation>用备份 {name} 替换数据库吗？该备份之后录入的所有内容都会消失（当前的数据库会另存为旁边的一个文件）。其他人必须已关闭 RetailERP。</translation>
    </message>
    <message>
        <source>Restoring a backup</source>
        <translation>正在恢复备份</translation>
    </message>
    <message>
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
    <message>
        <source>The database as it was is kept as {path}.</source>
        <translation>恢复前的数据库已保存为 {path}。</translation>
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
    <name>ChainLinks</name>
    <message>
        <source>Linked documents:</source>
        <translation>关联单据：</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Password of {user}</source>
        <translation>{user} 的密码</translation>
    </message>
    <message>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>再次输入密码(&amp;G)</translation>
    </message>
</context>
<context>
    <name>CompanyPage</name>
    <message>
        <source>Company (printed at the head of every document)</source>
        <translation>公司信息（打印在每张单据的抬头）</translation>
    </message>
    <message>
        <source>Company na&amp;me</source>
        <translation>公司名称(&amp;M)</translation>
    </message>
    <message>
        <source>Addr&amp;ess</source>
        <translation>地址(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Tax ID (unified social credit code)</source>
        <translation>纳税人识别号（统一社会信用代码）(&amp;T)</translation>
    </message>
    <message>
        <source>Ban&amp;k</source>
        <translation>开户行(&amp;K)</translation>
    </message>
    <message>
        <source>Bank acco&amp;unt</source>
        <translation>银行账号(&amp;U)</translation>
    </message>
    <message>
        <source>Choose lo&amp;go…</source>
        <translation>选择标志(&amp;G)…</translation>
    </message>
    <message>
        <source>Remove log&amp;o</source>
        <translation>移除标志(&amp;O)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <source>Company logo</source>
        <translation>公司标志</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>The logo is {size} KB; at most {limit} KB can be stored.</source>
        <translation>标志图片为 {size} KB，最多只能保存 {limit} KB。</translation>
    </message>
</context>
<context>
    <name>CompensationDialog</name>
    <message>
        <source>In-kind compensation</source>
        <translation>补货补偿</translation>
    </message>
    <message>
        <source>&amp;Free delivery</source>
        <translation>免费补发(&amp;F)</translation>
    </message>
    <message>
        <source>More for the &amp;same total</source>
        <translation>总价不变多发货(&amp;S)</translation>
    </message>
    <message>
        <source>SKU, name or pinyin</source>
        <translation>编码、名称或拼音</translation>
    </message>
    <message>
        <source>Fi&amp;nd item</source>
        <translation>查找商品(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>商品(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>数量(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>ComplaintInsightPage</name>
    <message>
        <source>Last {days} days</source>
        <translation>最近 {days} 天</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>期间(&amp;P)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>投诉单数</translation>
    </message>
    <message>
        <source>Average response</source>
        <translation>平均响应用时</translation>
    </message>
    <message>
        <source>Worst response</source>
        <translation>最长响应用时</translation>
    </message>
    <message>
        <source>Response deadline</source>
        <translation>响应时限</translation>
    </message>
    <message>
        <source>Average resolution</source>
        <translation>平均解决用时</translation>
    </message>
    <message>
        <source>Worst resolution</source>
        <translation>最长解决用时</translation>
    </message>
    <message>
        <source>Resolution deadline</source>
        <translation>解决时限</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>超时完成</translation>
    </message>
    <message>
        <source>&amp;Times and deadlines</source>
        <translation>用时与时限(&amp;T)</translation>
    </message>
    <message>
        <source>By ca&amp;use</source>
        <translation>按原因(&amp;U)</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>By &amp;item</source>
        <translation>按商品(&amp;I)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>By &amp;batch</source>
        <translation>按批次(&amp;B)</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>By cu&amp;stomer</source>
        <translation>按客户(&amp;S)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>By &amp;month</source>
        <translation>按月份(&amp;M)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>&amp;Repeat customers</source>
        <translation>重复投诉客户(&amp;R)</translation>
    </message>
    <message>
        <source>Ba&amp;d batches</source>
        <translation>问题批次(&amp;D)</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <source>{count} complaints in the period</source>
        <translation>本期间共 {count} 件投诉</translation>
    </message>
</context>
<context>
    <name>ComplaintSettingsPage</name>
    <message>
        <source>Severity suggested from (the highest met wins)</source>
        <translation>建议等级的起点（取达到的最高等级）</translation>
    </message>
    <message>
        <source>Amount at stake from</source>
        <translation>涉及金额自</translation>
    </message>
    <message>
        <source>or customers reached from</source>
        <translation>或波及客户数自</translation>
    </message>
    <message>
        <source>&amp;Bad batch: complaints on one batch</source>
        <translation>问题批次：同一批次投诉数(&amp;B)</translation>
    </message>
    <message>
        <source>Deadlines in working minutes from receipt</source>
        <translation>时限（自受理起的营业分钟数）</translation>
    </message>
    <message>
        <source>&amp;A-class customers get (% of each deadline)</source>
        <translation>A 类客户时限比例(&amp;A)（占各时限的 %）</translation>
    </message>
    <message>
        <source>Time left turns amber in the last (%)</source>
        <translation>剩余时间少于此比例时变黄（%）</translation>
    </message>
    <message>
        <source>Opening hours the deadlines count in (08:30-18:00; empty: closed; all empty: every minute counts)</source>
        <translation>计算时限的营业时间（如 08:30-18:00；留空表示休息；全部留空则每分钟都计）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>ComplaintsModule</name>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Complaint insight</source>
        <translation>投诉分析</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>Search number, customer or text</source>
        <translation>搜索编号、客户或内容</translation>
    </message>
    <message>
        <source>&amp;Open only</source>
        <translation>仅未结(&amp;O)</translation>
    </message>
    <message>
        <source>Over&amp;due only</source>
        <translation>仅超时(&amp;D)</translation>
    </message>
    <message>
        <source>Every severity</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>打开(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Consignment</name>
    <message>
        <source>Fill-up</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发货结算</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>提货</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Consignment stock at the customer {value} (at cost {cost}) · oldest {days} days</source>
        <translation>客户处寄售库存 {value}（成本 {cost}）· 最早一层已 {days} 天</translation>
    </message>
</context>
<context>
    <name>ConsignmentDocument</name>
    <message>
        <source>Can come back</source>
        <translation>可退回数量</translation>
    </message>
    <message>
        <source>Consignment fill-up</source>
        <translation>寄售补货</translation>
    </message>
    <message>
        <source>Consignment issue</source>
        <translation>寄售发货结算</translation>
    </message>
    <message>
        <source>Consignment pickup</source>
        <translation>寄售提货</translation>
    </message>
    <message>
        <source>Consignment count</source>
        <translation>寄售盘点</translation>
    </message>
    <message>
        <source>Consignment return</source>
        <translation>寄售退货</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>寄售</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>On the books</source>
        <translation>账面数</translation>
    </message>
    <message>
        <source>Above book</source>
        <translation>实盘多于账面</translation>
    </message>
    <message>
        <source>Keep the books</source>
        <translation>保持账面</translation>
    </message>
    <message>
        <source>Book the surplus</source>
        <translation>盘盈入账</translation>
    </message>
    <message>
        <source>counted again</source>
        <translation>重新盘点</translation>
    </message>
    <message>
        <source>{number} posted ({n} lines).</source>
        <translation>{number} 已过账（{n} 行）。</translation>
    </message>
</context>
<context>
    <name>ConsignmentPage</name>
    <message>
        <source>&amp;Expiring only</source>
        <translation>只看临期(&amp;E)</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Oldest (days)</source>
        <translation>最久（天）</translation>
    </message>
    <message>
        <source>Expiring lots</source>
        <translation>临期批次</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>库龄（天）</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>At cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <source>Came with</source>
        <translation>来源单据</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>剩余数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>关联单据</translation>
    </message>
    <message>
        <source>Cust&amp;omer</source>
        <translation>客户(&amp;O)</translation>
    </message>
    <message>
        <source>Fill-&amp;up…</source>
        <translation>补货(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>发货结算(&amp;I)…</translation>
    </message>
    <message>
        <source>Pic&amp;kup…</source>
        <translation>提货(&amp;K)…</translation>
    </message>
    <message>
        <source>Retur&amp;n…</source>
        <translation>退货(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Count…</source>
        <translation>盘点(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>冲销(&amp;R)…</translation>
    </message>
    <message>
        <source>Re&amp;lease billing</source>
        <translation>解除开票冻结(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;tatement</source>
        <translation>对账单(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xport statement…</source>
        <translation>导出对账单(&amp;X)…</translation>
    </message>
    <message>
        <source>Count &amp;sheet</source>
        <translation>盘点表(&amp;S)</translation>
    </message>
    <message>
        <source>Loading the consignment overview…</source>
        <translation>正在读取寄售总览…</translation>
    </message>
    <message>
        <source>Choose a customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Choose a posted issue in the documents first.</source>
        <translation>请先在单据列表中选择一张已过账的寄售发货单。</translation>
    </message>
    <message>
        <source>Reverse {number}</source>
        <translation>冲销 {number}</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>{number} reversed by {reversal}.</source>
        <translation>{number} 已由 {reversal} 冲销。</translation>
    </message>
    <message>
        <source>{number} released: red invoice {red} drafted against {blue}.</source>
        <translation>{number} 已解除冻结：已针对 {blue} 生成红字发票草稿 {red}。</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文本 (*.csv)</translation>
    </message>
    <message>
        <source>Export statement</source>
        <translation>导出对账单</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
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
        <source>New &amp;count</source>
        <translation>新建盘点(&amp;C)</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
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
        <source>Payment terms (&amp;days)</source>
        <translation>付款期限（天）(&amp;D)</translation>
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
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Ban&amp;k account</source>
        <translation>银行账号(&amp;K)</translation>
    </message>
    <message>
        <source>Credit li&amp;mit</source>
        <translation>信用额度(&amp;M)</translation>
    </message>
    <message>
        <source>Cred&amp;it note</source>
        <translation>信用备注(&amp;I)</translation>
    </message>
    <message>
        <source>Sal&amp;esperson</source>
        <translation>业务员(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Unpin class</source>
        <translation>取消锁定分类(&amp;U)</translation>
    </message>
    <message>
        <source>End re&amp;lationship…</source>
        <translation>中止交易(&amp;L)…</translation>
    </message>
    <message>
        <source>Reacti&amp;vate…</source>
        <translation>恢复交易(&amp;V)…</translation>
    </message>
    <message>
        <source>Record revie&amp;w…</source>
        <translation>登记评审(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新加载(&amp;R)</translation>
    </message>
    <message>
        <source>Lo&amp;g a complaint…</source>
        <translation>登记投诉(&amp;G)…</translation>
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
        <source>No complaints.</source>
        <translation>无投诉。</translation>
    </message>
    <message>
        <source>Complaints ({n}):</source>
        <translation>投诉({n} 条):</translation>
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
        <source>Due for review: …</source>
        <translation>待评审：…</translation>
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
    <name>DateField</name>
    <message>
        <source>e.g. 2026-12-05, 1205 or +3</source>
        <translation>如 2026-12-05、1205 或 +3</translation>
    </message>
    <message>
        <source>Type 2026-12-05, 1205 (this year), 5 (this month) or +3 (three days from today); F4 or Alt+↓ opens the calendar.</source>
        <translation>可输入 2026-12-05、1205（今年）、5（本月）或 +3（三天后）；按 F4 或 Alt+↓ 打开日历。</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>日历</translation>
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
        <source>&amp;Return…</source>
        <translation>退货(&amp;R)…</translation>
    </message>
    <message>
        <source>Co&amp;mplaint…</source>
        <translation>投诉(&amp;M)…</translation>
    </message>
    <message>
        <source>Select the one delivery the customer complains about.</source>
        <translation>请选择客户投诉的那一张送货单。</translation>
    </message>
    <message>
        <source>Select the delivery the goods came back from.</source>
        <translation>请选择退回货物所属的送货单。</translation>
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
    <name>DocumentDialog</name>
    <message>
        <source>&amp;Reverse…</source>
        <translation>冲销(&amp;R)…</translation>
    </message>
    <message>
        <source>{kind} {number}</source>
        <translation>{kind} {number}</translation>
    </message>
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
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Posted by</source>
        <translation>过账人</translation>
    </message>
    <message>
        <source>Reverses</source>
        <translation>冲销原单</translation>
    </message>
    <message>
        <source>Reversed by</source>
        <translation>已被冲销</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
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
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Batch / serial</source>
        <translation>批次 / 序列号</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Reverse {number}</source>
        <translation>冲销 {number}</translation>
    </message>
    <message>
        <source>Why is {number} reversed?</source>
        <translation>为什么冲销 {number}？</translation>
    </message>
    <message>
        <source>Posted {number}.</source>
        <translation>已过账 {number}。</translation>
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
        <source>Supplier / customer</source>
        <translation>往来单位</translation>
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
    <name>EInvoiceBar</name>
    <message>
        <source>20 digits, from the tax platform</source>
        <translation>20 位数字，来自税务平台</translation>
    </message>
    <message>
        <source>&amp;E-invoice no.</source>
        <translation>数电票号码(&amp;E)</translation>
    </message>
    <message>
        <source>Recor&amp;d</source>
        <translation>登记(&amp;D)</translation>
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
    <name>FirstRunDialog</name>
    <message>
        <source>RetailERP: the owner&apos;s account</source>
        <translation>RetailERP：店主账户</translation>
    </message>
    <message>
        <source>This database is new. Make the owner&apos;s account: the owner may do everything, adds the other users and gives them their roles.</source>
        <translation>这是一个新数据库。请创建店主账户：店主拥有全部权限，并负责添加其他用户、分配角色。</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name shown</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>再次输入密码(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Start without a login on this PC</source>
        <translation>本机启动时免登录(&amp;S)</translation>
    </message>
    <message>
        <source>For a one-person shop: this PC opens as the owner without asking for the password. The owner can turn it off in Settings ▸ Users and roles.</source>
        <translation>适用于一人经营的店铺：本机打开程序时直接以店主身份进入，不询问密码。店主可在“设置 ▸ 用户和角色”中关闭。</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
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
        <source>Record pa&amp;yment…</source>
        <translation>登记收款(&amp;Y)…</translation>
    </message>
    <message>
        <source>Apply &amp;credit on account</source>
        <translation>冲抵预收款(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Co&amp;mplaint…</source>
        <translation>投诉(&amp;M)…</translation>
    </message>
    <message>
        <source>Re&amp;d invoice…</source>
        <translation>红字发票(&amp;D)…</translation>
    </message>
    <message>
        <source>Refu&amp;nd…</source>
        <translation>退款(&amp;N)…</translation>
    </message>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退货(&amp;T)…</translation>
    </message>
    <message>
        <source>Goods of the selected invoice came back</source>
        <translation>所选发票的货物退回</translation>
    </message>
    <message>
        <source>Select the invoices of one customer.</source>
        <translation>请选择同一客户的发票。</translation>
    </message>
    <message>
        <source>Select the one invoice the customer complains about.</source>
        <translation>请选择客户投诉的那一张发票。</translation>
    </message>
    <message>
        <source>Select the one invoice whose goods came back.</source>
        <translation>请选择退回货物所属的那一张发票。</translation>
    </message>
    <message>
        <source>Payment from {customer}; it pays open invoices oldest first.</source>
        <translation>{customer} 的付款；按开票日期从早到晚冲抵未结清发票。</translation>
    </message>
    <message>
        <source>Money on account applied to {invoices}.</source>
        <translation>预收款已冲抵 {invoices}。</translation>
    </message>
    <message>
        <source>There was no money on account to apply.</source>
        <translation>没有可冲抵的预收款。</translation>
    </message>
    <message>
        <source>Select the one invoice to credit.</source>
        <translation>请选择要开红字的一张发票。</translation>
    </message>
    <message>
        <source>Refund to {customer}.</source>
        <translation>退款给 {customer}。</translation>
    </message>
    <message>
        <source>Refund {number} of {amount} recorded.</source>
        <translation>已记录退款 {number}，金额 {amount}。</translation>
    </message>
    <message>
        <source>Payment {number} of {amount} recorded.</source>
        <translation>已登记收款单 {number}，金额 {amount}。</translation>
    </message>
    <message>
        <source>{amount} of it is not applied to an invoice yet.</source>
        <translation>其中 {amount} 尚未冲抵任何发票。</translation>
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
        <source>Stock m&amp;ovements…</source>
        <translation>库存流水(&amp;O)…</translation>
    </message>
    <message>
        <source>S&amp;KU</source>
        <translation>商品编码(&amp;K)</translation>
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
        <source>(none)</source>
        <translation>（无）</translation>
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
        <source>R&amp;etire</source>
        <translation>停用(&amp;E)</translation>
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
    <message>
        <source>&amp;Units…</source>
        <translation>计量单位(&amp;U)…</translation>
    </message>
    <message>
        <source>The units items are counted in</source>
        <translation>商品使用的计量单位</translation>
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
    <name>LedgerDialog</name>
    <message>
        <source>Stock movements of {sku} – {name}</source>
        <translation>库存流水 {sku} – {name}</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>&amp;Location</source>
        <translation>库位(&amp;L)</translation>
    </message>
    <message>
        <source>On the books</source>
        <translation>账面数量</translation>
    </message>
</context>
<context>
    <name>LedgerSource</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Batch / serial</source>
        <translation>批次 / 序列号</translation>
    </message>
    <message>
        <source>In</source>
        <translation>入库</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出库</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>结存</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
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
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Load the list again ({key})</source>
        <translation>重新加载列表（{key}）</translation>
    </message>
</context>
<context>
    <name>LocationDialog</name>
    <message>
        <source>New bin</source>
        <translation>新建货位</translation>
    </message>
    <message>
        <source>New warehouse</source>
        <translation>新建仓库</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Warehouse</source>
        <translation>所属仓库(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>LocationSource</name>
    <message>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Items with this bin</source>
        <translation>使用此货位的商品</translation>
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
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>LocationsTab</name>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Out of use</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <source>New &amp;warehouse…</source>
        <translation>新建仓库(&amp;W)…</translation>
    </message>
    <message>
        <source>New &amp;bin…</source>
        <translation>新建货位(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>改名(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Take out of use</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Bring &amp;back into use</source>
        <translation>重新启用(&amp;B)</translation>
    </message>
    <message>
        <source>Added {code}.</source>
        <translation>已添加 {code}。</translation>
    </message>
    <message>
        <source>Rename {code}</source>
        <translation>改名 {code}</translation>
    </message>
    <message>
        <source>New name of {code}:</source>
        <translation>{code} 的新名称：</translation>
    </message>
    <message>
        <source>Renamed {code}.</source>
        <translation>已改名 {code}。</translation>
    </message>
    <message>
        <source>{code} is out of use.</source>
        <translation>{code} 已停用。</translation>
    </message>
    <message>
        <source>{code} is in use again.</source>
        <translation>{code} 已重新启用。</translation>
    </message>
    <message>
        <source>Delete {code}</source>
        <translation>删除 {code}</translation>
    </message>
    <message>
        <source>Delete {code}? Only a place nothing ever referred to can be deleted.</source>
        <translation>删除 {code}？只有从未被使用过的库位才能删除。</translation>
    </message>
    <message>
        <source>Deleted {code}.</source>
        <translation>已删除 {code}。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>RetailERP: log in</source>
        <translation>RetailERP：登录</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
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
        <source>&amp;Log out / switch user…</source>
        <translation>注销 / 切换用户(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>{pc} — {user}, since {since}</source>
        <translation>{pc} — {user}，自 {since} 起</translation>
    </message>
    <message>
        <source>{n} connected</source>
        <translation>{n} 台在线</translation>
    </message>
    <message>
        <source>Waiting for another PC to finish saving…</source>
        <translation>正在等待另一台电脑保存完成…</translation>
    </message>
    <message>
        <source>Waiting for {pc}…</source>
        <translation>正在等待 {pc}…</translation>
    </message>
    <message>
        <source>On a network share</source>
        <translation>位于网络共享</translation>
    </message>
    <message>
        <source>The database file is in a shared folder: it runs in the shared-folder mode, and saving waits its turn when another PC saves.</source>
        <translation>数据库文件位于共享文件夹：以共享文件夹模式运行，另一台电脑保存时，本机保存会排队等待。</translation>
    </message>
    <message>
        <source>Audit trail changed!</source>
        <translation>审计日志被改动！</translation>
    </message>
    <message>
        <source>The audit trail was changed outside RetailERP: {first}</source>
        <translation>审计日志在 RetailERP 之外被改动：{first}</translation>
    </message>
    <message>
        <source>Audit trail changed</source>
        <translation>审计日志被改动</translation>
    </message>
    <message>
        <source>Someone changed the audit trail outside RetailERP. Check who had access to the database; &apos;retailerp audit verify&apos; lists every entry concerned.</source>
        <translation>有人在 RetailERP 之外改动了审计日志。请核查谁能访问数据库；“retailerp audit verify”会列出所有涉及的记录。</translation>
    </message>
</context>
<context>
    <name>OrderActions</name>
    <message>
        <source>Overri&amp;de…</source>
        <translation>强制确认(&amp;D)…</translation>
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
        <source>Re-pla&amp;n picking</source>
        <translation>重新拣货计划(&amp;N)</translation>
    </message>
    <message>
        <source>Void the picking list and plan a new one from the stock there is now</source>
        <translation>作废这张拣货单，按现有库存重新生成</translation>
    </message>
    <message>
        <source>Cancel pic&amp;king…</source>
        <translation>取消拣货(&amp;K)…</translation>
    </message>
    <message>
        <source>S&amp;hip…</source>
        <translation>发货(&amp;H)…</translation>
    </message>
    <message>
        <source>Close sho&amp;rt…</source>
        <translation>短缺结案(&amp;R)…</translation>
    </message>
    <message>
        <source>Cancel what has not shipped: the reservation and the credit it uses are released</source>
        <translation>取消未发出的部分：释放其预留库存和占用的信用额度</translation>
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
        <source>Cancel the picking list</source>
        <translation>取消拣货单</translation>
    </message>
    <message>
        <source>Why is the picking list cancelled? The order goes back to confirmed and keeps its reservation.</source>
        <translation>为什么取消拣货单？订单回到已确认状态，预留的库存保留不变。</translation>
    </message>
    <message>
        <source>Close the order short</source>
        <translation>订单短缺结案</translation>
    </message>
    <message>
        <source>What has not shipped is cancelled and will not be delivered. Why?</source>
        <translation>未发出的部分将被取消，不再发货。原因是什么？</translation>
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
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>Payment &amp;mode</source>
        <translation>付款方式(&amp;M)</translation>
    </message>
    <message>
        <source>Re&amp;quested delivery</source>
        <translation>要求交货日期(&amp;Q)</translation>
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
        <source>Closed short: {reason}</source>
        <translation>已短缺结案：{reason}</translation>
    </message>
    <message>
        <source>Line {n}: ordered {ordered} · delivered {delivered} · backordered {backordered} (reserved {reserved}) · cancelled {cancelled} · invoiced {invoiced}</source>
        <translation>第 {n} 行：订购 {ordered} · 已发 {delivered} · 欠货 {backordered}（已预留 {reserved}）· 已取消 {cancelled} · 已开票 {invoiced}</translation>
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
        <source>Unit price incl. VAT</source>
        <translation>含税单价</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>incl. VAT</source>
        <translation>含税</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>New password for {user}</source>
        <translation>为 {user} 设置新密码</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>新密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>再次输入密码(&amp;G)</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
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
    <message>
        <source>{surplus} more than is open: keep as credit on account?</source>
        <translation>比未结金额多 {surplus}：是否作为预收款留在客户账上？</translation>
    </message>
    <message>
        <source>&amp;Keep as credit</source>
        <translation>留作预收款(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <source>Your role ({role}) may not {what}.</source>
        <translation>您的角色（{role}）无权{what}。</translation>
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
        <source>Re&amp;turn…</source>
        <translation>退货(&amp;T)…</translation>
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
        <source>Rendering…</source>
        <translation>正在生成预览…</translation>
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
    <message>
        <source>Go ahead anyway?</source>
        <translation>仍要继续吗？</translation>
    </message>
    <message>
        <source>Why? The reason is recorded.</source>
        <translation>原因是什么？原因会被记录下来。</translation>
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
        <source>Bin</source>
        <translation>货位</translation>
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
    <name>Receivables</name>
    <message>
        <source>{customer}: open invoices {open} · money on account {on_account} · held for orders {held} · balance {balance}</source>
        <translation>{customer}：未结发票 {open} · 预收款 {on_account} · 订单预付款 {held} · 余额 {balance}</translation>
    </message>
    <message>
        <source>{amount} overdue beyond the grace (oldest {invoice}, {days} days)</source>
        <translation>超过宽限期逾期 {amount}（最早为 {invoice}，逾期 {days} 天）</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Being edited on {pc} by {user} since {since}.</source>
        <translation>{user} 自 {since} 起正在 {pc} 上编辑此记录。</translation>
    </message>
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
    <name>RedInvoiceDialog</name>
    <message>
        <source>&amp;Blue invoice no.</source>
        <translation>蓝字发票号(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Con&amp;firmation no.</source>
        <translation>确认单编号(&amp;F)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Credited</source>
        <translation>已红冲</translation>
    </message>
    <message>
        <source>Open net</source>
        <translation>可冲净额</translation>
    </message>
    <message>
        <source>Credit quantity</source>
        <translation>红冲数量</translation>
    </message>
    <message>
        <source>Credit net</source>
        <translation>红冲净额</translation>
    </message>
    <message>
        <source>Policy rule</source>
        <translation>政策规则</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>Sub&amp;mit</source>
        <translation>提交确认(&amp;M)</translation>
    </message>
    <message>
        <source>Record &amp;confirmation</source>
        <translation>登记确认单(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>开具(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>作废(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>Red invoice</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>{number}: {state}, {gross}</source>
        <translation>{number}：{state}，{gross}</translation>
    </message>
    <message>
        <source>Red invoice {number}</source>
        <translation>红字发票 {number}</translation>
    </message>
    <message>
        <source>Void red invoice</source>
        <translation>作废红字发票</translation>
    </message>
</context>
<context>
    <name>RedInvoiceModules</name>
    <message>
        <source>Red invoices</source>
        <translation>红字发票</translation>
    </message>
</context>
<context>
    <name>RedInvoiceSource</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Blue invoice</source>
        <translation>蓝字发票</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Confirmation no.</source>
        <translation>确认单编号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>RedInvoicesPage</name>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;New red invoice…</source>
        <translation>新建红字发票(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Select the red invoices to print.</source>
        <translation>请选择要打印的红字发票。</translation>
    </message>
    <message>
        <source>{done} of {total} red invoices saved in {folder}.</source>
        <translation>{total} 张红字发票中已有 {done} 张保存到 {folder}。</translation>
    </message>
    <message>
        <source>{done} of {total} red invoices sent to the printer.</source>
        <translation>{total} 张红字发票中已有 {done} 张送往打印机。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>方式(&amp;M)</translation>
    </message>
    <message>
        <source>R&amp;eference</source>
        <translation>备注(&amp;E)</translation>
    </message>
    <message>
        <source>{about} Money on account: {amount}.</source>
        <translation>{about}账户余款：{amount}。</translation>
    </message>
</context>
<context>
    <name>ReturnAnalysisPage</name>
    <message>
        <source>Search item code or name…</source>
        <translation>搜索商品编码或名称…</translation>
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
    <name>ReturnAnalysisSource</name>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货单数</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <source>Scan or type the delivery number, Enter</source>
        <translation>扫描或输入送货单号，按回车</translation>
    </message>
    <message>
        <source>Scan or type a serial or batch, Enter</source>
        <translation>扫描或输入序列号或批号，按回车</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch / serial</source>
        <translation>批次 / 序列号</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>已送货</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <source>Returnable</source>
        <translation>可退</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>退货数量</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>货物状况</translation>
    </message>
    <message>
        <source>Refund % (empty: policy)</source>
        <translation>退款 %（空：按政策）</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>过账(&amp;P)</translation>
    </message>
    <message>
        <source>Overri&amp;de…</source>
        <translation>越权处理(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Cancel return…</source>
        <translation>作废退货单(&amp;C)…</translation>
    </message>
    <message>
        <source>Re&amp;verse…</source>
        <translation>冲销(&amp;V)…</translation>
    </message>
    <message>
        <source>Pr&amp;int…</source>
        <translation>打印(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Open delivery</source>
        <translation>打开送货单(&amp;O)</translation>
    </message>
    <message>
        <source>R&amp;ed invoice…</source>
        <translation>红字发票(&amp;E)…</translation>
    </message>
    <message>
        <source>Credit this return on the delivery&apos;s invoice with a red invoice</source>
        <translation>用红字发票冲减该送货单所开结算单中的这次退货</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>换货(&amp;X)</translation>
    </message>
    <message>
        <source>Send the returned goods again at no charge (a replacement order)</source>
        <translation>免费重新发出退回的货物（换货订单）</translation>
    </message>
    <message>
        <source>Cancel exc&amp;hange…</source>
        <translation>取消换货(&amp;H)…</translation>
    </message>
    <message>
        <source>Cancel the replacement order while nothing of it has shipped</source>
        <translation>换货订单尚未发货时将其取消</translation>
    </message>
    <message>
        <source>De&amp;livery no.</source>
        <translation>送货单号(&amp;L)</translation>
    </message>
    <message>
        <source>Serial / b&amp;atch</source>
        <translation>序列号/批号(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>退货原因(&amp;R)</translation>
    </message>
    <message>
        <source>Da&amp;te</source>
        <translation>日期(&amp;T)</translation>
    </message>
    <message>
        <source>Received &amp;by</source>
        <translation>收货人(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <source>Returned &amp;goods</source>
        <translation>退回货物(&amp;G)</translation>
    </message>
    <message>
        <source>{customer} · delivered {date}</source>
        <translation>{customer} · 送货日期 {date}</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>（新建）</translation>
    </message>
    <message>
        <source>Return {number} · {state}</source>
        <translation>退货单 {number} · {state}</translation>
    </message>
    <message>
        <source>Policy overridden by {user}: {reason}</source>
        <translation>{user} 越权处理退货政策：{reason}</translation>
    </message>
    <message>
        <source>Return {number}</source>
        <translation>退货单 {number}</translation>
    </message>
    <message>
        <source>Type the quantity that came back on each line.</source>
        <translation>请在每行输入退回的数量。</translation>
    </message>
    <message>
        <source>Line {n}: {decision}</source>
        <translation>第 {n} 行：{decision}</translation>
    </message>
    <message>
        <source>Refund by the policy: {amount}</source>
        <translation>按政策退款：{amount}</translation>
    </message>
    <message>
        <source>The policy refuses part of this return: only an owner may post it anyway, with a reason.</source>
        <translation>退货政策拒绝了本退货单的一部分：只有店主可以填写理由后仍然过账。</translation>
    </message>
    <message>
        <source>Line {n}: rule &apos;{rule}&apos; — {rate} % refunded, {refund}</source>
        <translation>第 {n} 行：规则“{rule}”— 退款 {rate} %，{refund}</translation>
    </message>
    <message>
        <source>Refund: {amount}</source>
        <translation>退款：{amount}</translation>
    </message>
    <message>
        <source>Post the return anyway</source>
        <translation>仍然过账退货单</translation>
    </message>
    <message>
        <source>Why should this return be accepted against the policy? The reason is recorded and printed.</source>
        <translation>为什么要违反退货政策接受此退货？理由将被记录并打印。</translation>
    </message>
    <message>
        <source>Cancel the return</source>
        <translation>作废退货单</translation>
    </message>
    <message>
        <source>Why is this return cancelled? Nothing was moved yet.</source>
        <translation>为什么作废此退货单？货物尚未移动。</translation>
    </message>
    <message>
        <source>Reverse the return</source>
        <translation>冲销退货单</translation>
    </message>
    <message>
        <source>Why is this return reversed? Every quantity goes back to the customer by a reversal document.</source>
        <translation>为什么冲销此退货单？所有数量将通过冲销单退回客户。</translation>
    </message>
    <message>
        <source>Cancel the exchange</source>
        <translation>取消换货</translation>
    </message>
    <message>
        <source>Why is the exchange cancelled? The replacement order is cancelled; the return stays posted and can be credited instead.</source>
        <translation>为什么取消换货？换货订单将被取消；退货单保持已过账，可改为开具红字发票冲抵。</translation>
    </message>
</context>
<context>
    <name>ReturnLinks</name>
    <message>
        <source>Re&amp;turn…</source>
        <translation>退货(&amp;T)…</translation>
    </message>
    <message>
        <source>Return goods</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>The invoice billed several deliveries. Which one came back?</source>
        <translation>该发票包含多张送货单。退回的是哪一张？</translation>
    </message>
</context>
<context>
    <name>ReturnPolicyPage</name>
    <message>
        <source>any reason</source>
        <translation>任何原因</translation>
    </message>
    <message>
        <source>any class</source>
        <translation>任何等级</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Refund % (empty: refused)</source>
        <translation>退款 %（空：拒绝）</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>From day</source>
        <translation>起始天数</translation>
    </message>
    <message>
        <source>To day</source>
        <translation>截止天数</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编码</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <source>Must keep</source>
        <translation>最低保有量</translation>
    </message>
    <message>
        <source>Return policy: the first rule that matches a returned line decides its refund, so put rules for one customer or class above the general ones. Days count from the delivery (day 0). Quality defects are never held back by a minimum holding.</source>
        <translation>退货政策：与退货行匹配的第一条规则决定退款，因此请把针对某个客户或等级的规则放在通用规则之上。天数从送货日起算（第 0 天）。质量问题不受最低保有量限制。</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>添加规则(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove rule</source>
        <translation>删除规则(&amp;R)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>Shipped &amp;defaults</source>
        <translation>恢复默认(&amp;D)</translation>
    </message>
    <message>
        <source>Add &amp;minimum</source>
        <translation>添加最低保有量(&amp;M)</translation>
    </message>
    <message>
        <source>Remo&amp;ve minimum</source>
        <translation>删除最低保有量(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Flag customers who return more than (% of delivered net, last 12 months)</source>
        <translation>退货率超过此值时标记客户（占送货净额的 %，近 12 个月）(&amp;F)</translation>
    </message>
    <message>
        <source>Minimum holdings a customer must keep</source>
        <translation>客户必须保有的最低数量</translation>
    </message>
    <message>
        <source>new rule</source>
        <translation>新规则</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Rule {n}</source>
        <translation>规则 {n}</translation>
    </message>
    <message>
        <source>Minimum {n}</source>
        <translation>最低保有量 {n}</translation>
    </message>
</context>
<context>
    <name>ReturnRate</name>
    <message>
        <source>Frequent returner: {rate} % of the delivered net came back in the last 12 months (threshold {threshold} %).</source>
        <translation>频繁退货客户：近 12 个月退货占送货净额的 {rate} %（阈值 {threshold} %）。</translation>
    </message>
    <message>
        <source>Returns in the last 12 months: {rate} % of the delivered net (threshold {threshold} %).</source>
        <translation>近 12 个月退货：占送货净额的 {rate} %（阈值 {threshold} %）。</translation>
    </message>
</context>
<context>
    <name>ReturnSource</name>
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
        <source>Delivery</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>ReturnsModules</name>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Returns by reason</source>
        <translation>退货分析</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>Every reason</source>
        <translation>全部原因</translation>
    </message>
    <message>
        <source>Search return or delivery number, customer code or name…</source>
        <translation>搜索退货单号、送货单号、客户编码或名称…</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>&amp;New return…</source>
        <translation>新建退货单(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Print selected…</source>
        <translation>打印所选(&amp;P)…</translation>
    </message>
    <message>
        <source>Select the return notes to print.</source>
        <translation>请选择要打印的退货单。</translation>
    </message>
    <message>
        <source>{done} of {total} return notes saved in {folder}.</source>
        <translation>{total} 张退货单中已有 {done} 张保存到 {folder}。</translation>
    </message>
    <message>
        <source>{done} of {total} return notes sent to the printer.</source>
        <translation>{total} 张退货单中已有 {done} 张发送到打印机。</translation>
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
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Automatic: use the file as it is set up (recommended)</source>
        <translation>自动：按数据库文件的设置使用（推荐）</translation>
    </message>
    <message>
        <source>Only this computer uses the file (WAL)</source>
        <translation>只有这台电脑使用该文件（WAL）</translation>
    </message>
    <message>
        <source>The file is shared in a network folder (DELETE)</source>
        <translation>文件放在网络共享文件夹中供多台电脑使用（DELETE）</translation>
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
        <source>Journal mode and database take effect when RetailERP is restarted.</source>
        <translation>日志模式和数据库在重新启动 RetailERP 后生效。</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>This database is on a PostgreSQL server, where this does not apply.</source>
        <translation>当前数据库在 PostgreSQL 服务器上，此项不适用。</translation>
    </message>
    <message>
        <source>This database file is set up for one computer (WAL).</source>
        <translation>当前数据库文件设置为单机使用（WAL）。</translation>
    </message>
    <message>
        <source>This database file is set up for sharing in a network folder (DELETE).</source>
        <translation>当前数据库文件设置为在网络共享文件夹中多机共用（DELETE）。</translation>
    </message>
    <message>
        <source>How the database file is written. A file that only this computer uses can use the faster mode (WAL); a file that several PCs open from a network folder must use the shared mode (DELETE), or data can be lost. The mode belongs to the file and every PC must use the same one, so leave this on Automatic: a new file gets the right mode, an existing file keeps its own.</source>
        <translation>数据库文件的写入方式。只有这台电脑使用的文件可以用更快的模式（WAL）；多台电脑从网络共享文件夹打开的文件必须用共享模式（DELETE），否则可能丢失数据。模式属于文件本身，所有电脑必须一致，因此请保持“自动”：新文件会得到合适的模式，已有文件保持自己的模式。</translation>
    </message>
    <message>
        <source>To change the mode of a file, close RetailERP on every PC and run &apos;retailerp db journal-mode delete&apos; (or wal) once.</source>
        <translation>如需更改文件的模式，请先在所有电脑上关闭 RetailERP，然后运行一次 &apos;retailerp db journal-mode delete&apos;（或 wal）。</translation>
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
        <source>Refuse credit when &amp;overdue more than (days)</source>
        <translation>逾期超过以下天数时拒绝赊销(&amp;O)</translation>
    </message>
    <message>
        <source>Unit prices are &amp;entered</source>
        <translation>单价录入方式(&amp;E)</translation>
    </message>
    <message>
        <source>without VAT (net)</source>
        <translation>不含税（净价）</translation>
    </message>
    <message>
        <source>with VAT included (gross)</source>
        <translation>含税（含增值税）</translation>
    </message>
    <message>
        <source>chosen on each order line</source>
        <translation>每行订单单独选择</translation>
    </message>
    <message>
        <source>A price typed with VAT is turned into the net price whose line total with VAT comes out as quantity × the price typed.</source>
        <translation>录入的含税单价会换算为不含税单价，使该行的价税合计等于数量 × 录入的含税单价。</translation>
    </message>
    <message>
        <source>C&amp;hange my password…</source>
        <translation>修改我的密码(&amp;H)…</translation>
    </message>
    <message>
        <source>Shop and this P&amp;C</source>
        <translation>本店与本机(&amp;C)</translation>
    </message>
    <message>
        <source>Compan&amp;y</source>
        <translation>公司信息(&amp;Y)</translation>
    </message>
    <message>
        <source>Return pol&amp;icy</source>
        <translation>退货政策(&amp;I)</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>U&amp;sers and roles</source>
        <translation>用户和角色(&amp;S)</translation>
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
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>&amp;Post delivery</source>
        <translation>确认发货(&amp;P)</translation>
    </message>
    <message>
        <source>Type the quantity actually picked; 0 leaves a line on backorder.</source>
        <translation>请输入实际拣货数量；填 0 则该行转为欠货。</translation>
    </message>
    <message>
        <source>Batch {batches} has many complaints: check the goods before they leave.</source>
        <translation>批次 {batches} 投诉较多：发货前请检查货物。</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>This list of keyboard shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <source>Load the list on screen again</source>
        <translation>重新加载当前列表</translation>
    </message>
    <message>
        <source>New customer, item or order (in its list)</source>
        <translation>新建客户、商品或订单（在相应列表中）</translation>
    </message>
    <message>
        <source>Save the card or draft; post a stock document</source>
        <translation>保存卡片或草稿；过账库存单据</translation>
    </message>
    <message>
        <source>Save and confirm the order</source>
        <translation>保存并确认订单</translation>
    </message>
    <message>
        <source>New goods receipt (in Stock)</source>
        <translation>新建入库单（在库存中）</translation>
    </message>
    <message>
        <source>Clear the search box; close the window (asks first)</source>
        <translation>清空搜索框；关闭窗口（会先询问）</translation>
    </message>
    <message>
        <source>From a search box or the item entry into the list</source>
        <translation>从搜索框或商品输入框进入列表</translation>
    </message>
    <message>
        <source>Open the row; in a form, go to the next field</source>
        <translation>打开该行；在表单中转到下一栏</translation>
    </message>
    <message>
        <source>In the order lines: take the quantity and go back to the item entry</source>
        <translation>在订单明细中：确认数量并回到商品输入框</translation>
    </message>
    <message>
        <source>In a date field: the calendar (also Alt+↓)</source>
        <translation>在日期栏中：打开日历（也可按 Alt+↓）</translation>
    </message>
    <message>
        <source>In the order lines: remove the line</source>
        <translation>在订单明细中：删除该行</translation>
    </message>
    <message>
        <source>With the underlined letter: that button or field</source>
        <translation>加下划线字母：对应的按钮或栏位</translation>
    </message>
    <message>
        <source>Log out and let another user log in</source>
        <translation>注销，让另一位用户登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Open {module}</source>
        <translation>打开{module}</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Buttons show their shortcut in the tooltip.</source>
        <translation>按钮的快捷键显示在其提示中。</translation>
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
        <source>Warehouses and bins</source>
        <translation>仓库和货位</translation>
    </message>
    <message>
        <source>&amp;Goods receipt…</source>
        <translation>入库(&amp;G)…</translation>
    </message>
    <message>
        <source>New goods receipt (Ctrl+R)</source>
        <translation>新建入库单（Ctrl+R）</translation>
    </message>
    <message>
        <source>Stock &amp;count…</source>
        <translation>盘点(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Open document</source>
        <translation>打开单据(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation>冲销(&amp;R)…</translation>
    </message>
    <message>
        <source>Stock &amp;movements…</source>
        <translation>库存流水(&amp;M)…</translation>
    </message>
    <message>
        <source>Every move of the selected item (库存流水)</source>
        <translation>所选商品的每一笔出入库（库存流水）</translation>
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
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>⚠ {count} complaints: {numbers}</source>
        <translation>⚠ {count} 件投诉：{numbers}</translation>
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
    <name>TicketDialog</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>详情(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Attachments</source>
        <translation>附件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Resolution documents</source>
        <translation>处理单据(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Cause and action</source>
        <translation>原因与措施(&amp;C)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Print &amp;forms…</source>
        <translation>打印表单(&amp;F)…</translation>
    </message>
    <message>
        <source>C&amp;ustomer</source>
        <translation>客户(&amp;U)</translation>
    </message>
    <message>
        <source>Cha&amp;nnel</source>
        <translation>渠道(&amp;N)</translation>
    </message>
    <message>
        <source>Recei&amp;ved</source>
        <translation>受理时间(&amp;V)</translation>
    </message>
    <message>
        <source>Deliver&amp;y</source>
        <translation>送货单(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Item</source>
        <translation>商品(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Batch</source>
        <translation>批次(&amp;B)</translation>
    </message>
    <message>
        <source>Seria&amp;l</source>
        <translation>序列号(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quantity affected</source>
        <translation>涉及数量(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;What is wrong</source>
        <translation>问题描述(&amp;W)</translation>
    </message>
    <message>
        <source>Customer as&amp;ks for</source>
        <translation>客户诉求(&amp;K)</translation>
    </message>
    <message>
        <source>A&amp;mount at stake</source>
        <translation>涉及金额(&amp;M)</translation>
    </message>
    <message>
        <source>Cust&amp;omers reached</source>
        <translation>影响客户数(&amp;O)</translation>
    </message>
    <message>
        <source>Assi&amp;gnee</source>
        <translation>负责人(&amp;G)</translation>
    </message>
    <message>
        <source>R&amp;elated tickets</source>
        <translation>相关投诉(&amp;E)</translation>
    </message>
    <message>
        <source>(suggested)</source>
        <translation>(建议)</translation>
    </message>
    <message>
        <source>Severi&amp;ty</source>
        <translation>等级(&amp;T)</translation>
    </message>
    <message>
        <source>Why this severity</source>
        <translation>等级调整原因</translation>
    </message>
    <message>
        <source>Add fil&amp;e…</source>
        <translation>添加文件(&amp;E)…</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>移除(&amp;V)</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Re&amp;turn</source>
        <translation>退货(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>换货(&amp;X)</translation>
    </message>
    <message>
        <source>Free re&amp;placement</source>
        <translation>免费补货(&amp;P)</translation>
    </message>
    <message>
        <source>In-&amp;kind compensation…</source>
        <translation>实物补偿(&amp;K)…</translation>
    </message>
    <message>
        <source>Price a&amp;llowance…</source>
        <translation>价格折让(&amp;L)…</translation>
    </message>
    <message>
        <source>Da&amp;mages…</source>
        <translation>赔偿(&amp;M)…</translation>
    </message>
    <message>
        <source>On-site &amp;visit…</source>
        <translation>上门服务(&amp;V)…</translation>
    </message>
    <message>
        <source>Visit &amp;outcome…</source>
        <translation>上门结果(&amp;O)…</translation>
    </message>
    <message>
        <source>A price allowance drafts a red invoice (销售折让); finance submits, confirms and issues it under Red invoices, and the ticket resolves once it is issued.</source>
        <translation>价格折让会生成一张销售折让红字发票草稿；由财务在“红字发票”中提交、确认并开具，开具后投诉单方可解决。</translation>
    </message>
    <message>
        <source>Cause cate&amp;gory</source>
        <translation>原因类别(&amp;G)</translation>
    </message>
    <message>
        <source>R&amp;oot cause</source>
        <translation>根本原因(&amp;O)</translation>
    </message>
    <message>
        <source>Corr&amp;ective action</source>
        <translation>纠正措施(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Preventive action</source>
        <translation>预防措施(&amp;P)</translation>
    </message>
    <message>
        <source>Responsi&amp;ble person</source>
        <translation>责任人(&amp;B)</translation>
    </message>
    <message>
        <source>D&amp;ue (YYYY-MM-DD)</source>
        <translation>期限(年-月-日)(&amp;U)</translation>
    </message>
    <message>
        <source>Save cause and act&amp;ion</source>
        <translation>保存原因与措施(&amp;I)</translation>
    </message>
    <message>
        <source>Verified: effec&amp;tive</source>
        <translation>验证:有效(&amp;T)</translation>
    </message>
    <message>
        <source>Verified: &amp;not effective</source>
        <translation>验证:无效(&amp;N)</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Complaint {number}</source>
        <translation>投诉 {number}</translation>
    </message>
    <message>
        <source>{number} · {customer} (class {abc}) · {severity} · {state}</source>
        <translation>{number} · {customer}({abc} 类)· {severity} · {state}</translation>
    </message>
    <message>
        <source>batch {batch} has many complaints</source>
        <translation>批次 {batch} 投诉较多</translation>
    </message>
    <message>
        <source>{who} on {day}: {result}</source>
        <translation>{who} 于 {day}:{result}</translation>
    </message>
    <message>
        <source>effective</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>not effective</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>Time left: {left}</source>
        <translation>剩余时间:{left}</translation>
    </message>
    <message>
        <source>Propose a solution</source>
        <translation>提出方案</translation>
    </message>
    <message>
        <source>Solution</source>
        <translation>解决方案</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Satisfaction (1 to 5)</source>
        <translation>满意度(1 至 5)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Damages</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>Amount owed</source>
        <translation>应赔金额</translation>
    </message>
    <message>
        <source>Credit on account</source>
        <translation>记入客户预收款</translation>
    </message>
    <message>
        <source>Pay out in cash now (refund)</source>
        <translation>立即以现金支付（退款）</translation>
    </message>
    <message>
        <source>How the customer gets the money</source>
        <translation>赔偿款的支付方式</translation>
    </message>
    <message>
        <source>Price allowance</source>
        <translation>价格折让</translation>
    </message>
    <message>
        <source>Allowance, net of VAT</source>
        <translation>折让金额（不含税）</translation>
    </message>
    <message>
        <source>On-site visit</source>
        <translation>上门服务</translation>
    </message>
    <message>
        <source>Who goes</source>
        <translation>上门人员</translation>
    </message>
    <message>
        <source>Visit outcome</source>
        <translation>上门结果</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <source>Attach a photo or PDF</source>
        <translation>添加照片或 PDF</translation>
    </message>
    <message>
        <source>Pictures and PDFs (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</source>
        <translation>图片和 PDF (*.png *.jpg *.jpeg *.gif *.webp *.pdf)</translation>
    </message>
    <message>
        <source>Complaint registration form</source>
        <translation>客户投诉信息反馈单</translation>
    </message>
    <message>
        <source>After-sales disposition form</source>
        <translation>产品售后处置单</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Which form?</source>
        <translation>打印哪张表单?</translation>
    </message>
</context>
<context>
    <name>TicketSource</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Units</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>New unit, e.g. 箱 or kg</source>
        <translation>新单位，例如 箱 或 kg</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Take out of use</source>
        <translation>停用(&amp;T)</translation>
    </message>
    <message>
        <source>{unit} (out of use)</source>
        <translation>{unit}（已停用）</translation>
    </message>
    <message>
        <source>Bring &amp;back into use</source>
        <translation>重新启用(&amp;B)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Name shown</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Password a&amp;gain</source>
        <translation>再次输入密码(&amp;G)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Reset pass&amp;word…</source>
        <translation>重设密码(&amp;W)…</translation>
    </message>
    <message>
        <source>C&amp;hange role…</source>
        <translation>更改角色(&amp;H)…</translation>
    </message>
    <message>
        <source>Unloc&amp;k</source>
        <translation>解锁(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;End user…</source>
        <translation>停用用户(&amp;E)…</translation>
    </message>
    <message>
        <source>Start without a &amp;login on this PC ({pc})</source>
        <translation>本机（{pc}）启动时免登录(&amp;L)</translation>
    </message>
    <message>
        <source>This PC opens as you, the owner, without asking for the password.</source>
        <translation>本机打开程序时直接以您（店主）的身份进入，不询问密码。</translation>
    </message>
    <message>
        <source>What the role may do</source>
        <translation>该角色的权限</translation>
    </message>
    <message>
        <source>&amp;New role…</source>
        <translation>新建角色(&amp;N)…</translation>
    </message>
    <message>
        <source>Sa&amp;ve role</source>
        <translation>保存角色(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;move role</source>
        <translation>删除角色(&amp;M)</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>A built-in role cannot be changed; make a new role.</source>
        <translation>内置角色不能修改，请新建一个角色。</translation>
    </message>
    <message>
        <source>Choose a user in the list first.</source>
        <translation>请先在列表中选择一个用户。</translation>
    </message>
    <message>
        <source>Role of {user}:</source>
        <translation>{user} 的角色：</translation>
    </message>
    <message>
        <source>End user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>End {user}? They can no longer log in; what they did keeps their name.</source>
        <translation>停用 {user}？停用后不能再登录，其经手的记录仍保留其姓名。</translation>
    </message>
    <message>
        <source>New role</source>
        <translation>新建角色</translation>
    </message>
    <message>
        <source>Name of the role:</source>
        <translation>角色名称：</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个值</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可能是 %(matches)s</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>多余的参数值 %r</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须给出以下参数之一：%s</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>错误：</translation>
    </message>
    <message>
        <source>(see &apos;retailerp --help&apos;)</source>
        <translation>（参见 &apos;retailerp --help&apos;）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number from 1 to {most}</source>
        <translation>&apos;{value}&apos; 不是 1 到 {most} 之间的整数</translation>
    </message>
    <message>
        <source>Interrupted; nothing more was done.</source>
        <translation>已中断，未再做任何操作。</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}: {detail}).</source>
        <translation>出现意外错误（{kind}：{detail}）。</translation>
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
        <source>{count} problems found:</source>
        <translation>发现 {count} 个问题：</translation>
    </message>
    <message>
        <source>Backup written and checked:</source>
        <translation>备份已写入并校验：</translation>
    </message>
    <message>
        <source>No backups of {database} in {folder} yet.</source>
        <translation>{folder} 中还没有 {database} 的备份。</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Copied {table}: {rows} rows</source>
        <translation>已复制 {table}：{rows} 行</translation>
    </message>
    <message>
        <source>Copying {table}: {done} of {rows} rows…</source>
        <translation>正在复制 {table}：{done} / {rows} 行…</translation>
    </message>
    <message>
        <source>Warning: another PC (or program) has the database open. What it saves from now on will not be in the copy; close RetailERP everywhere first.</source>
        <translation>警告：另一台电脑（或程序）正打开着此数据库。它从现在起保存的内容不会进入副本；请先在所有电脑上关闭 RetailERP。</translation>
    </message>
    <message>
        <source>Copied {rows} rows of {tables} tables into {database}.</source>
        <translation>已将 {tables} 张表共 {rows} 行复制到 {database}。</translation>
    </message>
    <message>
        <source>Checked: every table has as many rows as in the SQLite file.</source>
        <translation>已核对：每张表的行数与 SQLite 文件一致。</translation>
    </message>
    <message>
        <source>Checked: the stock of every item at each of its {places} places is the same.</source>
        <translation>已核对：每个商品在其 {places} 个库位上的库存均一致。</translation>
    </message>
    <message>
        <source>Checked: the money totals are the same ({money}).</source>
        <translation>已核对：金额合计一致（{money}）。</translation>
    </message>
    <message>
        <source>{sequences} id counters continue after the highest id; document numbers continue where the SQLite database left off.</source>
        <translation>{sequences} 个编号计数器从最大编号之后继续；单据号接着 SQLite 数据库的最后一号继续。</translation>
    </message>
    <message>
        <source>Now point every PC at the server: start RetailERP with --database {database}, or enter it under Settings, Database. Keep the SQLite file as it is, as a last backup.</source>
        <translation>现在请让每台电脑都连接服务器：用 --database {database} 启动 RetailERP，或在“设置”的“数据库”中填写。SQLite 文件请原样保留，作为最后一份备份。</translation>
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
        <source>The database now uses {mode} mode (it was in {before}).</source>
        <translation>数据库现在使用 {mode} 模式（原为 {before}）。</translation>
    </message>
    <message>
        <source>Only programs on this computer can use it now; PCs that reach it over the network will refuse to open it.</source>
        <translation>现在只有这台电脑上的程序可以使用它；通过网络访问它的电脑将拒绝打开。</translation>
    </message>
    <message>
        <source>Set the journal mode in this PC&apos;s settings to Automatic.</source>
        <translation>请把这台电脑设置中的日志模式改为“自动”。</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: {n} problem(s) in {checked} entries.</source>
        <translation>审计日志已被篡改：{checked} 条记录中发现 {n} 个问题。</translation>
    </message>
    <message>
        <source>Audit trail OK: {checked} entries, none changed.</source>
        <translation>审计日志完好：共 {checked} 条记录，均未被改动。</translation>
    </message>
    <message>
        <source>{n} audit entries written to {file}.</source>
        <translation>已将 {n} 条审计记录写入 {file}。</translation>
    </message>
    <message>
        <source>The demo makes a new SQLite file; give a file with --database.</source>
        <translation>演示数据只能写入新的 SQLite 文件；请用 --database 指定一个文件。</translation>
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
    <message>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再次输入同一密码：</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>Owner account made:</source>
        <translation>已创建店主账户：</translation>
    </message>
    <message>
        <source>User added:</source>
        <translation>已添加用户：</translation>
    </message>
    <message>
        <source>Password set:</source>
        <translation>已设置密码：</translation>
    </message>
    <message>
        <source>User ended:</source>
        <translation>已停用用户：</translation>
    </message>
    <message>
        <source>User unlocked:</source>
        <translation>已解锁用户：</translation>
    </message>
    <message>
        <source>No users yet: retailerp user add NAME --role owner</source>
        <translation>尚无用户：retailerp user add 用户名 --role owner</translation>
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
        <source>Order {number} would take the customer to {exposure} against a credit limit of {limit} (open invoices {balance}, open orders {orders}), and {overdue} is overdue by more than {grace} days (invoice {invoice}, {days} days). An owner may confirm it anyway, with a reason.</source>
        <translation>订单 {number} 将使该客户的欠款总额达到 {exposure}，超过信用额度 {limit}（未结发票 {balance}，未完成订单 {orders}），且有 {overdue} 逾期超过 {grace} 天（发票 {invoice}，逾期 {days} 天）。店主可填写原因后强制确认。</translation>
    </message>
    <message>
        <source>Order {number} cannot be confirmed: the customer has {overdue} overdue by more than {grace} days (invoice {invoice}, {days} days). An owner may confirm it anyway, with a reason.</source>
        <translation>订单 {number} 无法确认：该客户有 {overdue} 逾期超过 {grace} 天（发票 {invoice}，逾期 {days} 天）。店主可填写原因后强制确认。</translation>
    </message>
    <message>
        <source>Enter whole days, e.g. 30.</source>
        <translation>请输入整天数，例如 30。</translation>
    </message>
    <message>
        <source>The grace for overdue invoices is 0 to {max} days.</source>
        <translation>逾期宽限期为 0 至 {max} 天。</translation>
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
        <source>Choose a bin.</source>
        <translation>请选择货位。</translation>
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
        <source>&apos;{value}&apos;: a comma may only group thousands (1,000.5); write decimals with a point (0.5).</source>
        <translation>“{value}”：逗号只能用作千位分隔（如 1,000.5）；小数请用小数点（如 0.5）。</translation>
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
        <source>A line may come to at most {limit}.</source>
        <translation>单行金额最多为 {limit}。</translation>
    </message>
    <message>
        <source>A document may come to at most {limit}.</source>
        <translation>单据金额最多为 {limit}。</translation>
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
        <source>A move must go to another location.</source>
        <translation>移库必须移到另一个库位。</translation>
    </message>
    <message>
        <source>Not enough stock at {location}: {wanted} wanted, {available} available.</source>
        <translation>{location} 库存不足：需要 {wanted}，可用 {available}。</translation>
    </message>
    <message>
        <source>Enter text here.</source>
        <translation>此处请输入文字。</translation>
    </message>
    <message>
        <source>This field takes one line: remove the line break.</source>
        <translation>此栏只能填一行：请删除换行。</translation>
    </message>
    <message>
        <source>The text holds an invisible character ({code}) that changes the writing direction; remove it.</source>
        <translation>文字中含有改变书写方向的不可见字符（{code}），请删除。</translation>
    </message>
    <message>
        <source>The text holds an invisible control character ({code}); remove it.</source>
        <translation>文字中含有不可见的控制字符（{code}），请删除。</translation>
    </message>
    <message>
        <source>Enter a date such as 2026-12-05.</source>
        <translation>请输入日期，例如 2026-12-05。</translation>
    </message>
    <message>
        <source>{day} is not a plausible date: give one from {earliest} to {latest}.</source>
        <translation>{day} 不是合理的日期：请填写 {earliest} 至 {latest} 之间的日期。</translation>
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
        <source>This database is on a PostgreSQL server: back it up there with the server&apos;s tools, e.g. &apos;pg_dump -Fc -f retailerp.dump &lt;database&gt;&apos; every night, and restore with &apos;pg_restore --clean -d &lt;database&gt; retailerp.dump&apos; (see the README). RetailERP backs up SQLite files only.</source>
        <translation>此数据库在 PostgreSQL 服务器上：请在服务器上用其工具备份，例如每晚运行 &apos;pg_dump -Fc -f retailerp.dump &lt;数据库&gt;&apos;，恢复时运行 &apos;pg_restore --clean -d &lt;数据库&gt; retailerp.dump&apos;（见 README）。RetailERP 只备份 SQLite 文件。</translation>
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
        <source>{path} is a file, not a folder for backups.</source>
        <translation>{path} 是文件，不能作为备份文件夹。</translation>
    </message>
    <message>
        <source>The backup folder {folder} has {free} MB free, and the copy of {source} needs about {needed} MB. Free some space or choose another folder; nothing was replaced and the earlier copies are kept.</source>
        <translation>备份文件夹 {folder} 只剩 {free} MB，而 {source} 的备份约需 {needed} MB。请腾出空间或另选文件夹；没有替换任何文件，以前的备份都还在。</translation>
    </message>
    <message>
        <source>The backup file {path} does not exist.</source>
        <translation>备份文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of RetailERP (schema {revision}); this version could not open it. Install the newer version to restore it. Nothing was changed.</source>
        <translation>{path} 由更新版本的 RetailERP 生成（结构版本 {revision}），本版本无法打开。请安装新版本后再恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>{path} is not a usable backup: {detail}</source>
        <translation>{path} 不是可用的备份：{detail}</translation>
    </message>
    <message>
        <source>{path} is the database itself, not a backup of it.</source>
        <translation>{path} 就是数据库本身，不是它的备份。</translation>
    </message>
    <message>
        <source>{path} is open on another PC (or in another program) right now. Close RetailERP on every PC, then restore; nothing was changed.</source>
        <translation>{path} 此刻正在另一台电脑（或另一个程序）中打开。请在所有电脑上关闭 RetailERP 后再恢复；没有做任何更改。</translation>
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
        <source>{database} is in WAL mode, which is safe only for programs on the computer that holds the file, and this PC reaches it over the network. {cause} Close RetailERP on every PC, then on the computer that holds the file run &apos;retailerp db journal-mode delete&apos; once.</source>
        <translation>{database} 处于 WAL 模式，只有存放该文件的电脑上的程序才能安全使用，而这台电脑是通过网络访问它的。{cause}请在所有电脑上关闭 RetailERP，然后在存放该文件的电脑上运行一次 &apos;retailerp db journal-mode delete&apos;。</translation>
    </message>
    <message>
        <source>{database} is set to {recorded} mode for the whole office, but the file is now in {actual} mode. {cause} Close RetailERP on every PC, then run &apos;retailerp db journal-mode {recorded_lower}&apos; once.</source>
        <translation>{database} 为全店设定的是 {recorded} 模式，但文件现在处于 {actual} 模式。{cause}请在所有电脑上关闭 RetailERP，然后运行一次 &apos;retailerp db journal-mode {recorded_lower}&apos;。</translation>
    </message>
    <message>
        <source>This PC is set to use {wanted} mode, but {database} is in {office} mode, and every PC must use the file the same way. Set this PC&apos;s journal mode to Automatic (Settings, or start with &apos;--journal-mode auto&apos;), or have the owner change the file with &apos;retailerp db journal-mode {wanted_lower}&apos; while no one is using it.</source>
        <translation>这台电脑设置为使用 {wanted} 模式，但 {database} 处于 {office} 模式，而所有电脑必须以同一方式使用该文件。请把这台电脑的日志模式设为“自动”（在设置中，或以 &apos;--journal-mode auto&apos; 启动），或者由店主在无人使用时运行 &apos;retailerp db journal-mode {wanted_lower}&apos; 更改文件的模式。</translation>
    </message>
    <message>
        <source>Another PC uses {database} in a different mode ({actual} instead of {expected}), so it cannot be used from here; this is not a lock that goes away by waiting. Close RetailERP on every PC, then run &apos;retailerp db journal-mode {expected_lower}&apos; once.</source>
        <translation>另一台电脑正以不同的模式使用 {database}（{actual}，而不是 {expected}），因此这里无法使用它；这不是等一会儿就会解除的锁定。请在所有电脑上关闭 RetailERP，然后运行一次 &apos;retailerp db journal-mode {expected_lower}&apos;。</translation>
    </message>
    <message>
        <source>{database} is still open on another PC (or in another program), so its mode cannot be changed. Close RetailERP everywhere and try again; nothing was changed.</source>
        <translation>{database} 仍在另一台电脑（或另一个程序）中打开，因此无法更改它的模式。请在所有电脑上关闭 RetailERP 后重试；未做任何更改。</translation>
    </message>
    <message>
        <source>SQLite could not put {database} in {mode} mode (it answered &apos;{answer}&apos;). Keep the file on a local disk for WAL mode, or choose DELETE mode.</source>
        <translation>SQLite 无法把 {database} 设为 {mode} 模式（返回 &apos;{answer}&apos;）。WAL 模式需要文件在本地磁盘上，否则请选择 DELETE 模式。</translation>
    </message>
    <message>
        <source>Choose the mode the file is to use: wal or delete.</source>
        <translation>请选择文件要使用的模式：wal 或 delete。</translation>
    </message>
    <message>
        <source>Only a SQLite file has a journal mode; PostgreSQL needs none.</source>
        <translation>只有 SQLite 文件才有日志模式；PostgreSQL 不需要。</translation>
    </message>
    <message>
        <source>{database} lies on a network share, where WAL mode is not safe. Keep DELETE mode, or change it on the computer that holds the file.</source>
        <translation>{database} 位于网络共享上，在那里使用 WAL 模式不安全。请保持 DELETE 模式，或在存放该文件的电脑上更改。</translation>
    </message>
    <message>
        <source>File locking does not work in the folder of {database}: two PCs could save at the same moment and damage it, so RetailERP does not use it there; nothing was written. Keep the database on this PC&apos;s own disk, or move the office to a PostgreSQL server (&apos;retailerp db migrate-to&apos;).</source>
        <translation>{database} 所在的文件夹中文件锁不起作用：两台电脑可能同时保存而损坏它，因此 RetailERP 不在那里使用它；没有写入任何内容。请把数据库放在本机自己的磁盘上，或把办公室迁移到 PostgreSQL 服务器（&apos;retailerp db migrate-to&apos;）。</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a database address (a PostgreSQL address looks like postgresql+psycopg://user@server:5432/database).</source>
        <translation>&apos;{url}&apos; 不是数据库地址（PostgreSQL 地址的格式如 postgresql+psycopg://user@server:5432/database）。</translation>
    </message>
    <message>
        <source>{path} is empty: it is not a RetailERP database.</source>
        <translation>{path} 是空文件，不是 RetailERP 数据库。</translation>
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
        <source>{path} is a device or a pipe, not a file.</source>
        <translation>{path} 是设备或管道，不是文件。</translation>
    </message>
    <message>
        <source>SQLite did not accept the setting {setting} for {database} (it answered &apos;{answer}&apos;).</source>
        <translation>SQLite 未接受 {database} 的设置 {setting}（返回 &apos;{answer}&apos;）。</translation>
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
        <source>{database} has no RetailERP tables. Run &apos;retailerp db upgrade&apos; to create them.</source>
        <translation>{database} 中没有 RetailERP 的数据表。请运行 &apos;retailerp db upgrade&apos; 创建。</translation>
    </message>
    <message>
        <source>The migration would break {count} links between records; nothing was changed.</source>
        <translation>迁移会破坏 {count} 条记录间的关联；未做任何更改。</translation>
    </message>
    <message>
        <source>There is no room left in {folder} for the copy of {source}. Free some space or choose another folder; nothing was replaced and the earlier copies are kept.</source>
        <translation>{folder} 已没有空间存放 {source} 的备份。请腾出空间或另选文件夹；没有替换任何文件，以前的备份都还在。</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to, so {source} was not copied there. Choose a folder you can write to; nothing was replaced.</source>
        <translation>文件夹 {folder} 无法写入，因此没有把 {source} 复制过去。请选择可以写入的文件夹；没有替换任何文件。</translation>
    </message>
    <message>
        <source>Cannot copy {source} to {target}: {detail}</source>
        <translation>无法把 {source} 复制到 {target}：{detail}</translation>
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
        <source>Record the corrective action before verifying it.</source>
        <translation>请先记录纠正措施再验证。</translation>
    </message>
    <message>
        <source>The suggested severity is {suggested}: say why it is different.</source>
        <translation>建议等级为{suggested}:请说明为何不同。</translation>
    </message>
    <message>
        <source>{what} {key} does not exist (any more).</source>
        <translation>{what} {key} 不存在（或已被删除）。</translation>
    </message>
    <message>
        <source>There is no complaint {numbers}.</source>
        <translation>没有投诉 {numbers}。</translation>
    </message>
    <message>
        <source>{number} is not a document of {customer}.</source>
        <translation>{number} 不是 {customer} 的单据。</translation>
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
        <source>There is no bin {code}: add it first.</source>
        <translation>没有货位 {code}：请先添加。</translation>
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
        <source>A new location is a warehouse or a bin.</source>
        <translation>新库位只能是仓库或货位。</translation>
    </message>
    <message>
        <source>Choose the warehouse the bin is in.</source>
        <translation>请选择货位所属的仓库。</translation>
    </message>
    <message>
        <source>Warehouse {code} is no longer in use.</source>
        <translation>仓库 {code} 已停用。</translation>
    </message>
    <message>
        <source>Location {code} exists already.</source>
        <translation>库位 {code} 已存在。</translation>
    </message>
    <message>
        <source>{code} is a virtual location and cannot be renamed.</source>
        <translation>{code} 是虚拟库位，不能改名。</translation>
    </message>
    <message>
        <source>{code} still holds stock: move or count it out first.</source>
        <translation>{code} 仍有库存：请先移出或盘点清零。</translation>
    </message>
    <message>
        <source>{code} is the bin of {n} items: give them another bin first.</source>
        <translation>{code} 是 {n} 个商品的货位：请先为它们改用其他货位。</translation>
    </message>
    <message>
        <source>{code} still has {n} bins in use: take them out of use first.</source>
        <translation>{code} 还有 {n} 个在用货位：请先停用它们。</translation>
    </message>
    <message>
        <source>{code} has been used and is never deleted; take it out of use instead.</source>
        <translation>{code} 已被使用过，不能删除；请改为停用。</translation>
    </message>
    <message>
        <source>{code} is a standard location and always stays in use.</source>
        <translation>{code} 是标准库位，始终在用。</translation>
    </message>
    <message>
        <source>Choose a warehouse or a bin.</source>
        <translation>请选择仓库或货位。</translation>
    </message>
    <message>
        <source>{code} is no longer in use.</source>
        <translation>{code} 已停用。</translation>
    </message>
    <message>
        <source>Bin {code} is not in {parent}.</source>
        <translation>货位 {code} 不在 {parent} 内。</translation>
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
        <source>Picking list {picking} has no line {n} (it has lines 1 to {last}).</source>
        <translation>拣货单 {picking} 没有第 {n} 行（只有第 1 到 {last} 行）。</translation>
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
        <source>The refund is paid by one of {methods}.</source>
        <translation>退款方式须为以下之一：{methods}。</translation>
    </message>
    <message>
        <source>At most {available} can be refunded: that is the customer&apos;s money on account.</source>
        <translation>最多可退 {available}：这是该客户的账户余款。</translation>
    </message>
    <message>
        <source>Order {number} has shipped goods; it can no longer be cancelled. Close the rest short instead, or return the goods.</source>
        <translation>订单 {number} 已有发货，不能再取消。请对剩余部分短缺结案，或办理退货。</translation>
    </message>
    <message>
        <source>Nothing of order {number} has shipped yet: cancel the order instead of closing it short.</source>
        <translation>订单 {number} 尚未发货：请取消订单，而不是短缺结案。</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>请选择是或否。</translation>
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
        <source>Order {number} cannot be confirmed: not enough free stock for {detail}. An owner may confirm it anyway, with a reason: it then reserves only the free stock, the rest waits on backorder, and other orders keep their reservations.</source>
        <translation>订单 {number} 无法确认：{detail} 的可用库存不足。店主可以填写原因后强制确认：此时只预留可用库存，其余部分欠货等待，其他订单的预留保持不变。</translation>
    </message>
    <message>
        <source>{document} would take away stock that orders have reserved: {detail}. An owner may post it anyway, with a reason; those orders then lose that reservation and wait on backorder.</source>
        <translation>{document} 会减少已被订单预留的库存：{detail}。店主可以填写原因后仍然过账；这些订单将失去相应的预留，转为欠货等待。</translation>
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
        <source>The horizon may be at most {limit} days.</source>
        <translation>预警期最多 {limit} 天。</translation>
    </message>
    <message>
        <source>Unknown language.</source>
        <translation>未知的语言。</translation>
    </message>
    <message>
        <source>Goods come back only on a posted issue; {number} is not.</source>
        <translation>只有已过账的寄售发货才能退货；{number} 不是。</translation>
    </message>
    <message>
        <source>{number} has no billing block to release.</source>
        <translation>{number} 没有可释放的开票冻结。</translation>
    </message>
    <message>
        <source>Issue {issue} is not invoiced yet: invoice it first, then release {number}; the red invoice credits the issue&apos;s blue invoice.</source>
        <translation>寄售发货 {issue} 尚未开票：请先开票，再解除 {number} 的冻结；红字发票冲减的是该发货的蓝字发票。</translation>
    </message>
    <message>
        <source>Invoice {invoice} does not bill the goods that came back on {number}.</source>
        <translation>发票 {invoice} 中没有 {number} 退回的货物。</translation>
    </message>
    <message>
        <source>{number} is not a {kind}.</source>
        <translation>{number} 不是{kind}。</translation>
    </message>
    <message>
        <source>Choose the warehouse or bin the goods go back to.</source>
        <translation>请选择货物退回的仓库或货位。</translation>
    </message>
    <message>
        <source>Paper must be one of {presets}.</source>
        <translation>纸张必须是以下之一：{presets}。</translation>
    </message>
    <message>
        <source>{number} is not the number of a printable document (picking list PK…, delivery note DN…, invoice IV…, return note RT…, red invoice RI…, complaint CP… or CP…/D, consignment CF…, CI…, CK…, CR…, CC…).</source>
        <translation>{number} 不是可打印单据的编号（拣货单 PK…、送货单 DN…、结算单 IV…、退货单 RT…、红字结算单 RI…、投诉单 CP… 或 CP…/D、寄售单据 CF…、CI…、CK…、CR…、CC…）。</translation>
    </message>
    <message>
        <source>Print 1, 2 or 3 parts.</source>
        <translation>只能打印 1、2 或 3 联。</translation>
    </message>
    <message>
        <source>Nothing of order {number} can be picked: its items are not in stock, or the stock is reserved by other orders.</source>
        <translation>订单 {number} 没有可拣的货：商品无库存，或库存已被其他订单预留。</translation>
    </message>
    <message>
        <source>Order {number} has no open picking list.</source>
        <translation>订单 {number} 没有未完成的拣货单。</translation>
    </message>
    <message>
        <source>Picking list {picking} can no longer be fulfilled: {reason} Re-plan the picking list from the stock there is now, or cancel it back to confirmed.</source>
        <translation>拣货单 {picking} 已无法完成：{reason} 请按现有库存重新生成拣货单，或取消拣货单使订单回到已确认。</translation>
    </message>
    <message>
        <source>Customer {code} has ended; reactivate it before selling to it.</source>
        <translation>客户 {code} 已中止交易；请先恢复交易，再向其销售。</translation>
    </message>
    <message>
        <source>Choose how prices are typed: without VAT, with VAT, or on each line.</source>
        <translation>请选择单价录入方式：不含税、含税，或每行单独选择。</translation>
    </message>
    <message>
        <source>The price floor is a share of the list price from 0 to 99%.</source>
        <translation>最低售价是标价的 0% 到 99% 之间的比例。</translation>
    </message>
    <message>
        <source>{document} {number} is {state}: it cannot {action}.</source>
        <translation>{document} {number} 的状态是“{state}”，不能{action}。</translation>
    </message>
    <message>
        <source>Returned {days} days after delivery: rule &apos;{rule}&apos; — {kept} must stay with the customer (minimum stock).</source>
        <translation>发货后第 {days} 天退货：规则“{rule}”——其中 {kept} 须留在客户处（最低库存）。</translation>
    </message>
    <message>
        <source>Returned {days} days after delivery: rule &apos;{rule}&apos; — refused.</source>
        <translation>发货后第 {days} 天退货：规则“{rule}”——不予退货。</translation>
    </message>
    <message>
        <source>Returned {days} days after delivery: rule &apos;{rule}&apos; — {rate} % refunded.</source>
        <translation>发货后第 {days} 天退货：规则“{rule}”——退款 {rate}%。</translation>
    </message>
    <message>
        <source>The return policy is not readable.</source>
        <translation>退货政策无法读取。</translation>
    </message>
    <message>
        <source>A return policy needs at least one rule.</source>
        <translation>退货政策至少需要一条规则。</translation>
    </message>
    <message>
        <source>A rule needs a name of at most 80 characters.</source>
        <translation>规则需要一个名称，最多 80 个字符。</translation>
    </message>
    <message>
        <source>The window ends before it begins ({start} &gt; {end}).</source>
        <translation>期限的结束早于开始（{start} &gt; {end}）。</translation>
    </message>
    <message>
        <source>Choose the item.</source>
        <translation>请选择商品。</translation>
    </message>
    <message>
        <source>A refund rate is between 0 and 100 %, or empty to refuse.</source>
        <translation>退款比例在 0 到 100% 之间；留空表示不予退货。</translation>
    </message>
    <message>
        <source>Unknown return reason; use one of {reasons}.</source>
        <translation>未知的退货原因；请使用以下之一：{reasons}。</translation>
    </message>
    <message>
        <source>Days after delivery are a whole number from 0.</source>
        <translation>发货后天数须为从 0 起的整数。</translation>
    </message>
    <message>
        <source>This is not a record.</source>
        <translation>这不是一条有效的记录。</translation>
    </message>
    <message>
        <source>A customer class is A, B or C.</source>
        <translation>客户等级为 A、B 或 C。</translation>
    </message>
    <message>
        <source>The quantity must be zero or more.</source>
        <translation>数量必须大于或等于零。</translation>
    </message>
    <message>
        <source>Line {n}: {decision} An owner may accept it anyway, with a reason.</source>
        <translation>第 {n} 行：{decision} 店主可以填写原因后仍然接受。</translation>
    </message>
    <message>
        <source>A return needs at least one line.</source>
        <translation>退货单至少需要一行。</translation>
    </message>
    <message>
        <source>This line is not one of the delivery&apos;s lines.</source>
        <translation>这一行不属于该送货单。</translation>
    </message>
    <message>
        <source>This delivery line is already on the return.</source>
        <translation>该送货行已在退货单上。</translation>
    </message>
    <message>
        <source>At most {open} can come back: {delivered} delivered, {returned} returned already.</source>
        <translation>最多可退 {open}：已发货 {delivered}，已退 {returned}。</translation>
    </message>
    <message>
        <source>The condition is resellable, defective or scrap.</source>
        <translation>货物状况为可再销售、有缺陷或报废。</translation>
    </message>
    <message>
        <source>{given} was not delivered on this line (it delivered {delivered}).</source>
        <translation>这一行没有发出 {given}（发出的是 {delivered}）。</translation>
    </message>
    <message>
        <source>Scan or type a serial or batch number.</source>
        <translation>请扫描或输入序列号或批号。</translation>
    </message>
    <message>
        <source>Serial {serial} has come back already: it is returned once.</source>
        <translation>序列号 {serial} 已经退回：同一序列号只能退一次。</translation>
    </message>
    <message>
        <source>{code} is not on delivery {delivery}: it was delivered to this customer on {other}. Return it against that delivery.</source>
        <translation>{code} 不在送货单 {delivery} 上：它是通过送货单 {other} 发给该客户的。请针对那张送货单办理退货。</translation>
    </message>
    <message>
        <source>{code} was never delivered to this customer: only a serial or batch that went to this customer can come back.</source>
        <translation>{code} 从未发给该客户：只有发给该客户的序列号或批号才能退回。</translation>
    </message>
    <message>
        <source>The return-rate threshold is a percentage above 0, at most 100.</source>
        <translation>退货率阈值是大于 0、不超过 100 的百分比。</translation>
    </message>
    <message>
        <source>There is no delivery {number}.</source>
        <translation>没有送货单 {number}。</translation>
    </message>
    <message>
        <source>Choose why the goods came back.</source>
        <translation>请选择退货原因。</translation>
    </message>
    <message>
        <source>The return date is a date, not in the future.</source>
        <translation>退货日期须为日期，且不能是将来。</translation>
    </message>
    <message>
        <source>This line is not one of the blue invoice&apos;s lines.</source>
        <translation>这一行不属于该蓝字发票。</translation>
    </message>
    <message>
        <source>At most {open} of line {n} can still be credited ({quantity} invoiced, {credited} credited already).</source>
        <translation>第 {n} 行最多还能冲红 {open}（开票 {quantity}，已冲红 {credited}）。</translation>
    </message>
    <message>
        <source>Line {n} can be credited at most {open} net (invoiced {net}, credited {credited} already).</source>
        <translation>第 {n} 行最多还能冲红不含税金额 {open}（开票 {net}，已冲红 {credited}）。</translation>
    </message>
    <message>
        <source>A red line credits more than zero.</source>
        <translation>红字行的金额必须大于零。</translation>
    </message>
    <message>
        <source>This blue line is already on the red invoice.</source>
        <translation>该蓝字发票行已在红字发票上。</translation>
    </message>
    <message>
        <source>A red invoice needs at least one line.</source>
        <translation>红字发票至少需要一行。</translation>
    </message>
    <message>
        <source>The return policy refunds nothing on this return: there is nothing to credit.</source>
        <translation>按退货政策，此退货单不予退款：没有可冲红的金额。</translation>
    </message>
    <message>
        <source>Part of this invoice has been credited already: an invoicing error reverses a whole invoice only while nothing else is credited against it.</source>
        <translation>该发票已有部分冲红：开票有误只能在尚未冲红时全额冲销整张发票。</translation>
    </message>
    <message>
        <source>Enter the number of the red-letter confirmation form (8 to 40 letters and digits, as the tax platform shows it).</source>
        <translation>请输入红字发票信息确认单编号（8 到 40 位字母和数字，与税务平台显示一致）。</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>请输入整数。</translation>
    </message>
    <message>
        <source>The number cannot be negative.</source>
        <translation>数字不能为负数。</translation>
    </message>
    <message>
        <source>The number {value} is too large.</source>
        <translation>数字 {value} 太大。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {choices}.</source>
        <translation>“{value}”不是以下选项之一：{choices}。</translation>
    </message>
    <message>
        <source>The values are missing or malformed.</source>
        <translation>数据缺失或格式不正确。</translation>
    </message>
    <message>
        <source>Enter a single value here.</source>
        <translation>此处只能填写一个值。</translation>
    </message>
    <message>
        <source>The list is missing or malformed.</source>
        <translation>列表缺失或格式不正确。</translation>
    </message>
    <message>
        <source>At most {max} entries at once.</source>
        <translation>一次最多 {max} 条。</translation>
    </message>
    <message>
        <source>Unit {unit} is on the list already.</source>
        <translation>单位 {unit} 已在列表中。</translation>
    </message>
    <message>
        <source>Unit {unit} is not on the list of units: choose one.</source>
        <translation>单位 {unit} 不在计量单位列表中：请从列表中选择。</translation>
    </message>
    <message>
        <source>The logo must be a PNG or JPEG image.</source>
        <translation>标志须为 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
        <source>The logo is {size} KB; at most {limit} KB can be stored.</source>
        <translation>标志图片为 {size} KB，最多只能保存 {limit} KB。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-invoice number: a digital e-invoice number has 20 digits, an older invoice number 8.</source>
        <translation>“{value}”不是发票号码：数电票号码为 20 位数字，旧版发票号码为 8 位。</translation>
    </message>
    <message>
        <source>E-invoice {value} is already recorded against invoice {number}.</source>
        <translation>数电票 {value} 已登记在结算单 {number} 上。</translation>
    </message>
    <message>
        <source>Type a date as 2026-12-05, as 1205 (this year) or as +3 (three days from today).</source>
        <translation>请按 2026-12-05、1205（今年）或 +3（三天后）的形式输入日期。</translation>
    </message>
    <message>
        <source>There is no such day: {text}.</source>
        <translation>没有这一天：{text}。</translation>
    </message>
    <message>
        <source>No customer has the code {code}.</source>
        <translation>没有客户编码为 {code} 的客户。</translation>
    </message>
    <message>
        <source>No item has the code {code}.</source>
        <translation>没有商品编码为 {code} 的商品。</translation>
    </message>
    <message>
        <source>The file needs a name.</source>
        <translation>文件需要名称。</translation>
    </message>
    <message>
        <source>The file {name} is empty.</source>
        <translation>文件 {name} 是空的。</translation>
    </message>
    <message>
        <source>The file {name} is {size} KB; an attachment may be at most {limit} KB.</source>
        <translation>文件 {name} 为 {size} KB;附件最大 {limit} KB。</translation>
    </message>
    <message>
        <source>The file {name} is not a picture (PNG, JPEG, GIF, WebP) or a PDF.</source>
        <translation>文件 {name} 不是图片(PNG、JPEG、GIF、WebP)或 PDF。</translation>
    </message>
    <message>
        <source>The file {name} cannot be read: it is cut short or damaged.</source>
        <translation>文件 {name} 无法读取:内容不完整或已损坏。</translation>
    </message>
    <message>
        <source>A {severity} complaint&apos;s solution is approved by {approver}; {user} may not.</source>
        <translation>{severity}投诉的方案由{approver}审批;{user} 无权审批。</translation>
    </message>
    <message>
        <source>Say why: {action} needs a reason.</source>
        <translation>请说明原因:{action}需要原因。</translation>
    </message>
    <message>
        <source>A {severity} complaint&apos;s solution needs no approval.</source>
        <translation>{severity}投诉的方案无需审批。</translation>
    </message>
    <message>
        <source>Complaint {number} is {severity}: {approver} approves the solution before the customer accepts it.</source>
        <translation>投诉 {number} 为{severity}:须由{approver}审批方案后客户才能确认。</translation>
    </message>
    <message>
        <source>Describe the proposed solution first.</source>
        <translation>请先填写拟定的解决方案。</translation>
    </message>
    <message>
        <source>Record the customer&apos;s satisfaction (1 to 5) first.</source>
        <translation>请先记录客户满意度(1 至 5)。</translation>
    </message>
    <message>
        <source>Say why the severity changes.</source>
        <translation>请说明等级调整的原因。</translation>
    </message>
    <message>
        <source>Complaint {number} is {state}: reopen it first.</source>
        <translation>投诉 {number} 为{state}:请先重新打开。</translation>
    </message>
    <message>
        <source>The quantity affected is not negative.</source>
        <translation>涉及数量不能为负数。</translation>
    </message>
    <message>
        <source>At most {delivered} was delivered: the quantity affected is more.</source>
        <translation>最多送货 {delivered}:涉及数量超出。</translation>
    </message>
    <message>
        <source>Complaint {number} cannot be resolved: {documents} not done yet.</source>
        <translation>投诉 {number} 不能办结:{documents} 尚未完成。</translation>
    </message>
    <message>
        <source>Satisfaction is a whole number 1 to 5.</source>
        <translation>满意度为 1 至 5 的整数。</translation>
    </message>
    <message>
        <source>The amount is not negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The same total buys more: the quantity is more than {original}.</source>
        <translation>总价不变须多发货：数量须大于 {original}。</translation>
    </message>
    <message>
        <source>{quantity} units for {total} would cost less than a cent each.</source>
        <translation>{total} 分摊到 {quantity} 件，单价将不足一分钱。</translation>
    </message>
    <message>
        <source>A bad batch takes at least 1 complaint.</source>
        <translation>问题批次至少要有 1 条投诉。</translation>
    </message>
    <message>
        <source>Enter a percentage above 0, up to 100.</source>
        <translation>请输入大于 0、不超过 100 的百分比。</translation>
    </message>
    <message>
        <source>Enter whole working minutes, 1 or more.</source>
        <translation>请输入营业分钟数（整数，至少 1）。</translation>
    </message>
    <message>
        <source>A higher severity starts at no less than the one below.</source>
        <translation>较高等级的起点不能低于下一级。</translation>
    </message>
    <message>
        <source>Report comes no later than response, response no later than resolution.</source>
        <translation>上报时限不得晚于响应时限，响应时限不得晚于解决时限。</translation>
    </message>
    <message>
        <source>Enter a time such as 2026-12-05 14:30.</source>
        <translation>请输入时间,如 2026-12-05 14:30。</translation>
    </message>
    <message>
        <source>The time is not in the future.</source>
        <translation>时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Choose one of the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>Choose a record from the list.</source>
        <translation>请从列表中选择记录。</translation>
    </message>
    <message>
        <source>The quantity affected is a number of at most 3 decimals.</source>
        <translation>涉及数量最多保留 3 位小数。</translation>
    </message>
    <message>
        <source>The period is between 1 and {max} days.</source>
        <translation>期间应在 1 到 {max} 天之间。</translation>
    </message>
    <message>
        <source>Reach is how many customers: 1 or more.</source>
        <translation>影响客户数至少为 1。</translation>
    </message>
    <message>
        <source>A complaint names its customer.</source>
        <translation>投诉必须填写客户。</translation>
    </message>
    <message>
        <source>A weekday is 0 to 6.</source>
        <translation>星期为 0 至 6。</translation>
    </message>
    <message>
        <source>Opening hours are two times like 08:30 and 18:00.</source>
        <translation>营业时间为两个时刻,如 08:30 和 18:00。</translation>
    </message>
    <message>
        <source>The shop closes after it opens.</source>
        <translation>打烊时间须晚于开门时间。</translation>
    </message>
    <message>
        <source>Damages are direct or indirect.</source>
        <translation>赔偿分为直接或间接。</translation>
    </message>
    <message>
        <source>Damages are credited on account or refunded.</source>
        <translation>赔偿款只能记入预收款或退款支付。</translation>
    </message>
    <message>
        <source>Damages are more than 0.</source>
        <translation>赔偿金额须大于 0。</translation>
    </message>
    <message>
        <source>An allowance is more than 0.</source>
        <translation>折让金额必须大于 0。</translation>
    </message>
    <message>
        <source>Name the goods the customer receives.</source>
        <translation>请指定客户获得的商品。</translation>
    </message>
    <message>
        <source>A replacement needs the item complained of.</source>
        <translation>补货需要填写被投诉的商品。</translation>
    </message>
    <message>
        <source>A price allowance credits an invoice: the ticket&apos;s delivery is not invoiced yet.</source>
        <translation>价格折让冲减的是发票：该投诉单的发货单尚未开票。</translation>
    </message>
    <message>
        <source>The invoice is not one of the customer&apos;s.</source>
        <translation>该发票不属于此客户。</translation>
    </message>
    <message>
        <source>The item complained of is not on invoice {number}.</source>
        <translation>被投诉的商品不在发票 {number} 上。</translation>
    </message>
    <message>
        <source>A return or same-total compensation needs the ticket&apos;s delivery.</source>
        <translation>退货或总价不变补货需要投诉单关联的发货单。</translation>
    </message>
    <message>
        <source>The delivery is not one of the customer&apos;s.</source>
        <translation>该送货单不属于此客户。</translation>
    </message>
    <message>
        <source>The item was not on this delivery.</source>
        <translation>该商品不在此送货单上。</translation>
    </message>
    <message>
        <source>Complaint {number} is {state}: documents are made once the customer accepted the solution.</source>
        <translation>投诉 {number} 为{state}:客户确认方案后才能生成单据。</translation>
    </message>
    <message>
        <source>Record the quantity affected before making documents.</source>
        <translation>生成单据前请先填写涉及数量。</translation>
    </message>
    <message>
        <source>The replacement order {order} for return {number} has shipped goods: the exchange can no longer be cancelled. Return the replacement goods instead.</source>
        <translation>退货单 {number} 的换货订单 {order} 已经发货：换货不能再取消。请改为办理换货商品的退货。</translation>
    </message>
    <message>
        <source>Return {number} is not posted: only goods that came back are exchanged.</source>
        <translation>退货单 {number} 尚未过账：只有已退回的货物才能换货。</translation>
    </message>
    <message>
        <source>Return {number} is settled already (an exchange or a red invoice): it is exchanged or credited once.</source>
        <translation>退货单 {number} 已处理（换货或红字发票）：每张退货单只能换货或红冲一次。</translation>
    </message>
    <message>
        <source>Return {number} is settled by {document}: void that red invoice (or cancel the exchange) before reversing the return.</source>
        <translation>退货单 {number} 已由 {document} 处理：请先作废该红字发票（或取消换货），再冲销退货单。</translation>
    </message>
    <message>
        <source>Confirmation number {value} is already recorded on red invoice {number}: each confirmation form is used once.</source>
        <translation>确认单编号 {value} 已登记在红字发票 {number} 上：每张确认单只能使用一次。</translation>
    </message>
    <message>
        <source>Return {number} is not posted: only a posted return is credited.</source>
        <translation>退货单 {number} 尚未过账：只有已过账的退货才能开红字发票。</translation>
    </message>
    <message>
        <source>Return {number} was exchanged: the replacement goods settle it, nothing is credited.</source>
        <translation>退货单 {number} 已换货：以换货了结，不开红字发票。</translation>
    </message>
    <message>
        <source>Return {number} is credited already by red invoice {red}.</source>
        <translation>退货单 {number} 已由红字发票 {red} 红冲。</translation>
    </message>
    <message>
        <source>Delivery {number} is not invoiced yet: the return simply makes its invoice smaller, no red invoice is needed.</source>
        <translation>送货单 {number} 尚未开票：退货直接减少开票金额，无需红字发票。</translation>
    </message>
    <message>
        <source>A document needs at least one line.</source>
        <translation>单据至少需要一行。</translation>
    </message>
    <message>
        <source>Choose to keep the books or to book the surplus.</source>
        <translation>请选择保持账面或盘盈入账。</translation>
    </message>
    <message>
        <source>Defective goods are not picked up: take them back with a return, which sends them to quarantine.</source>
        <translation>不良品不能提货：请走退货流程，退入待检区。</translation>
    </message>
    <message>
        <source>Customer {customer} has no consignment stock.</source>
        <translation>客户 {customer} 没有寄售库存。</translation>
    </message>
    <message>
        <source>Batch {batch} of {sku} is not at the customer.</source>
        <translation>{sku} 的批次 {batch} 不在该客户处。</translation>
    </message>
    <message>
        <source>At most {available} of {sku} {batch} is at the customer&apos;s consignment.</source>
        <translation>客户寄售库存中 {sku} {batch} 最多只有 {available}。</translation>
    </message>
    <message>
        <source>Choose a line of issue {issue}.</source>
        <translation>请选择寄售发货单 {issue} 的一行。</translation>
    </message>
    <message>
        <source>At most {open} can come back on this line of {issue}.</source>
        <translation>{issue} 的这一行最多还能退回 {open}。</translation>
    </message>
    <message>
        <source>Only {free} of {sku} is free in the warehouse.</source>
        <translation>仓库中 {sku} 只有 {free} 可用。</translation>
    </message>
    <message>
        <source>{number} cannot be invoiced (again).</source>
        <translation>{number} 不能（再次）开票。</translation>
    </message>
    <message>
        <source>The horizon cannot be negative.</source>
        <translation>预警期不能为负数。</translation>
    </message>
    <message>
        <source>This item and batch is counted on another line already.</source>
        <translation>该商品和批次已在另一行盘点。</translation>
    </message>
    <message>
        <source>{counted} counted but {book} on the books: decide to keep the books or to book the surplus.</source>
        <translation>实盘 {counted}，账面 {book}：请选择保持账面或盘盈入账。</translation>
    </message>
    <message>
        <source>{number} cannot be reversed before {blockers}: reverse that first.</source>
        <translation>{number} 必须在 {blockers} 之后冲销：请先冲销后者。</translation>
    </message>
    <message>
        <source>Red invoice {red} against {invoice} is not issued yet: issue it (or void it) before reversing {number}.</source>
        <translation>针对 {invoice} 的红字发票 {red} 尚未开具：请先开具（或作废）它，再冲销 {number}。</translation>
    </message>
    <message>
        <source>{number} is invoiced on {invoice}: credit that invoice in full first, with a red invoice of the invoicing-error kind, then reverse {number}.</source>
        <translation>{number} 已开票（{invoice}）：请先以“开票有误”类红字发票全额冲红该发票，再冲销 {number}。</translation>
    </message>
    <message>
        <source>{number} is credited by red invoice {red}, not issued yet: void it first, then reverse {number}.</source>
        <translation>{number} 已由红字发票 {red} 冲减，尚未开具：请先作废它，再冲销 {number}。</translation>
    </message>
    <message>
        <source>{number} is credited by red invoice {red}, which is issued: an issued credit is not taken back, so the return stands.</source>
        <translation>{number} 已由已开具的红字发票 {red} 冲减：已开具的红字发票不能收回，因此该退货不能冲销。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>Stock of {sku}{key} at {location}: the balance says {kept}, the ledger adds up to {summed}.</source>
        <translation>{location} 的 {sku}{key} 库存：余额为 {kept}，流水合计为 {summed}。</translation>
    </message>
    <message>
        <source>{location} holds {quantity} of {sku}{key}: below zero.</source>
        <translation>{location} 的 {sku}{key} 数量为 {quantity}：低于零。</translation>
    </message>
    <message>
        <source>{number} in {what} is not a document number.</source>
        <translation>{what}中的 {number} 不是单据编号。</translation>
    </message>
    <message>
        <source>{number} in {what} was never handed out: the series {prefix}{year} stands at {last}.</source>
        <translation>{what}中的 {number} 从未发放：编号序列 {prefix}{year} 当前为 {last}。</translation>
    </message>
    <message>
        <source>{number} in {what} is used already (in {first}).</source>
        <translation>{what}中的 {number} 已被使用（在{first}中）。</translation>
    </message>
    <message>
        <source>The {prefix}{year} series has a gap: {count} missing ({numbers}{more}).</source>
        <translation>编号序列 {prefix}{year} 有断号：缺少 {count} 个（{numbers}{more}）。</translation>
    </message>
    <message>
        <source>{blue} line {line} ({sku}): red invoices credit {what} {red}, the blue line has {had}.</source>
        <translation>{blue} 第 {line} 行（{sku}）：红字发票冲减{what} {red}，蓝字发票该行仅有 {had}。</translation>
    </message>
    <message>
        <source>{blue}: red invoices credit {red} in total, the invoice is {gross}.</source>
        <translation>{blue}：红字发票共冲减 {red}，该发票金额为 {gross}。</translation>
    </message>
    <message>
        <source>Consignment of {sku} at customer {customer}: the stock there is {held}, its documents add up to {booked}.</source>
        <translation>客户 {customer} 处寄售的 {sku}：库存为 {held}，单据合计为 {booked}。</translation>
    </message>
    <message>
        <source>{number} says {paid} paid, the payments applied to it add up to {allocated}.</source>
        <translation>{number} 记为已付 {paid}，核销到该单的收款合计为 {allocated}。</translation>
    </message>
    <message>
        <source>{number} is {gross} but {paid} was paid on it.</source>
        <translation>{number} 金额为 {gross}，但已付 {paid}。</translation>
    </message>
    <message>
        <source>Refund {number} pays back {amount}, the money it names adds up to {allocated}.</source>
        <translation>退款 {number} 退还 {amount}，其所列款项合计为 {allocated}。</translation>
    </message>
    <message>
        <source>Payment {number} brought {amount} but {allocated} of it was applied or refunded.</source>
        <translation>收款 {number} 金额为 {amount}，但已核销或退还 {allocated}。</translation>
    </message>
    <message>
        <source>Payment {number} keeps {unapplied} as not applied, but its amount less what was applied or refunded is {left}.</source>
        <translation>收款 {number} 记录的未核销金额为 {unapplied}，但其金额减去已核销或已退款的部分为 {left}。</translation>
    </message>
    <message>
        <source>{number} reverses {target}, which is a reversal.</source>
        <translation>{number} 冲销 {target}，而后者本身是冲销单。</translation>
    </message>
    <message>
        <source>{number} reverses {target}, which does not exist.</source>
        <translation>{number} 冲销 {target}，而该单据不存在。</translation>
    </message>
    <message>
        <source>{number} reverses {target}, which was never posted ({state}).</source>
        <translation>{number} 冲销 {target}，而该单据从未过账（{state}）。</translation>
    </message>
    <message>
        <source>{target} is reversed {count} times.</source>
        <translation>{target} 被冲销了 {count} 次。</translation>
    </message>
    <message>
        <source>{number} is marked reversed but no reversal names it.</source>
        <translation>{number} 标记为已冲销，但没有冲销单指向它。</translation>
    </message>
    <message>
        <source>A move of {number} reverses a ledger move that does not exist.</source>
        <translation>{number} 的一笔库存变动冲销了一笔不存在的流水。</translation>
    </message>
    <message>
        <source>A move of {number} does not exactly undo its move of {target}.</source>
        <translation>{number} 的一笔库存变动未能完全冲回 {target} 的对应流水。</translation>
    </message>
    <message>
        <source>Red invoice {number} is issued but granted no credit.</source>
        <translation>红字发票 {number} 已开具，但未形成贷项。</translation>
    </message>
    <message>
        <source>Red invoice {number} is {gross} but granted a credit of {credit}.</source>
        <translation>红字发票 {number} 金额为 {gross}，但形成的贷项为 {credit}。</translation>
    </message>
    <message>
        <source>Credit {number} has no issued red invoice.</source>
        <translation>贷项 {number} 没有对应的已开具红字发票。</translation>
    </message>
    <message>
        <source>Record {rowid} of {table} points to a missing record of {parent}.</source>
        <translation>{table} 的第 {rowid} 条记录指向 {parent} 中不存在的记录。</translation>
    </message>
    <message>
        <source>Standard input ended before the password.</source>
        <translation>标准输入在读到密码之前就结束了。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Say who acts with --user NAME (an owner); the password is asked.</source>
        <translation>请用 --user 用户名 指明操作人（须为店主），随后会询问密码。</translation>
    </message>
    <message>
        <source>The database has no users yet: the first one is the owner (retailerp user add NAME --role owner).</source>
        <translation>数据库还没有用户：第一个用户必须是店主（retailerp user add 用户名 --role owner）。</translation>
    </message>
    <message>
        <source>Entry {id} was changed after it was written: its content no longer matches its seal.</source>
        <translation>第 {id} 条记录在写入后被修改：内容与其封印不再相符。</translation>
    </message>
    <message>
        <source>Entry {id} is missing: it was deleted.</source>
        <translation>第 {id} 条记录缺失：已被删除。</translation>
    </message>
    <message>
        <source>Entries {first} to {last} are missing: they were deleted.</source>
        <translation>第 {first} 至 {last} 条记录缺失：已被删除。</translation>
    </message>
    <message>
        <source>Entry {id} is out of order: it was written after entry {after}, not after entry {before}.</source>
        <translation>第 {id} 条记录顺序错乱：它写在第 {after} 条之后，而不是第 {before} 条之后。</translation>
    </message>
    <message>
        <source>Entry {id} does not follow entry {before}: entry {before} was rewritten and sealed again, or an entry between them was deleted.</source>
        <translation>第 {id} 条记录与第 {before} 条衔接不上：第 {before} 条被改写并重新封印，或两者之间有记录被删除。</translation>
    </message>
    <message>
        <source>The last entries are missing: the chain ends at entry {last}, the head says {head}.</source>
        <translation>最后的记录缺失：链条止于第 {last} 条，链头记载为第 {head} 条。</translation>
    </message>
    <message>
        <source>The last entry {id} is not the one the chain&apos;s head sealed: it was replaced.</source>
        <translation>最后一条记录（第 {id} 条）不是链头封印的那条：已被替换。</translation>
    </message>
    <message>
        <source>Entry {id} comes after the chain&apos;s head ({head}): it was added by hand.</source>
        <translation>第 {id} 条记录位于链头（第 {head} 条）之后：是手工添加的。</translation>
    </message>
    <message>
        <source>Entry {id}, verified on this PC before, is missing or was rewritten: the trail was changed behind it.</source>
        <translation>本机此前核验过的第 {id} 条记录缺失或被改写：此前的日志已被改动。</translation>
    </message>
    <message>
        <source>Give the role a name.</source>
        <translation>请填写角色名称。</translation>
    </message>
    <message>
        <source>A role&apos;s name is at most {most} characters.</source>
        <translation>角色名称最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>{name} is a built-in role; choose another name.</source>
        <translation>{name} 是内置角色，请换一个名称。</translation>
    </message>
    <message>
        <source>{value} is not a permission.</source>
        <translation>{value} 不是有效的权限。</translation>
    </message>
    <message>
        <source>Only the owner may {what}.</source>
        <translation>只有店主可以{what}。</translation>
    </message>
    <message>
        <source>User {user} ({role}) may not {what}.</source>
        <translation>用户 {user}（{role}）无权{what}。</translation>
    </message>
    <message>
        <source>Give the user name.</source>
        <translation>请填写用户名。</translation>
    </message>
    <message>
        <source>A user name is at most {most} characters.</source>
        <translation>用户名最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>A user name is one word of letters, digits and . - _ @ (no spaces).</source>
        <translation>用户名只能由字母、数字和 . - _ @ 组成，不能有空格。</translation>
    </message>
    <message>
        <source>A display name is at most {most} characters.</source>
        <translation>显示名称最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>A password has at least {least} characters.</source>
        <translation>密码至少 {least} 个字符。</translation>
    </message>
    <message>
        <source>A password has at most {most} characters.</source>
        <translation>密码最多 {most} 个字符。</translation>
    </message>
    <message>
        <source>The password may not be the user name.</source>
        <translation>密码不能与用户名相同。</translation>
    </message>
    <message>
        <source>User {user} was ended and can no longer log in.</source>
        <translation>用户 {user} 已停用，不能再登录。</translation>
    </message>
    <message>
        <source>User {user} is locked after {count} failed logins; the owner can unlock it.</source>
        <translation>用户 {user} 登录失败 {count} 次后已被锁定，店主可以解锁。</translation>
    </message>
    <message>
        <source>Too many failed logins: wait {seconds} s and try again.</source>
        <translation>登录失败次数过多：请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong password; user {user} is now locked after {count} failed logins. The owner can unlock it.</source>
        <translation>密码错误；用户 {user} 已登录失败 {count} 次，现已锁定。店主可以解锁。</translation>
    </message>
    <message>
        <source>Wrong user name or password. Wait {seconds} s before the next try.</source>
        <translation>用户名或密码错误。请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>User {user} was ended already.</source>
        <translation>用户 {user} 已经停用。</translation>
    </message>
    <message>
        <source>Give the PostgreSQL database to copy into as postgresql+psycopg://user@server:5432/database.</source>
        <translation>请按 postgresql+psycopg://用户@服务器:5432/数据库 的格式给出要复制到的 PostgreSQL 数据库。</translation>
    </message>
    <message>
        <source>migrate-to copies a SQLite file; --database names {database}, which is not one.</source>
        <translation>migrate-to 复制的是 SQLite 文件；--database 指定的 {database} 不是 SQLite 文件。</translation>
    </message>
    <message>
        <source>{database} is not empty: it already holds {count} tables or sequences ({names}). migrate-to copies only into an empty database; create a new one (e.g. &apos;createdb -O retailerp retailerp&apos;) and give that. Nothing was written.</source>
        <translation>{database} 不是空的：其中已有 {count} 张表或序列（{names}）。migrate-to 只复制到空数据库；请新建一个（例如 &apos;createdb -O retailerp retailerp&apos;）再指定它。没有写入任何内容。</translation>
    </message>
    <message>
        <source>The copy does not match the SQLite database ({detail}); it was undone and the PostgreSQL database is empty again.</source>
        <translation>复制结果与 SQLite 数据库不一致（{detail}）；已全部撤销，PostgreSQL 数据库恢复为空。</translation>
    </message>
    <message>
        <source>{method} is not in the permission table, so nobody may call it.</source>
        <translation>{method} 不在权限表中，任何人都不能调用。</translation>
    </message>
    <message>
        <source>The owner&apos;s account exists already; log in with it.</source>
        <translation>店主账户已经存在，请用它登录。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>User name {user} is taken already.</source>
        <translation>用户名 {user} 已被使用。</translation>
    </message>
    <message>
        <source>A built-in role cannot be removed.</source>
        <translation>内置角色不能删除。</translation>
    </message>
    <message>
        <source>Role {role} is held by {users}; give them another role first.</source>
        <translation>角色 {role} 仍由 {users} 使用，请先为他们更换角色。</translation>
    </message>
    <message>
        <source>User {user} has no role; the owner gives them one.</source>
        <translation>用户 {user} 没有角色，请店主为其分配。</translation>
    </message>
    <message>
        <source>Choose the user&apos;s role.</source>
        <translation>请选择用户的角色。</translation>
    </message>
    <message>
        <source>There is no role {role}.</source>
        <translation>没有名为 {role} 的角色。</translation>
    </message>
    <message>
        <source>{user} is the shop&apos;s only owner; make another user owner first.</source>
        <translation>{user} 是本店唯一的店主，请先将另一位用户设为店主。</translation>
    </message>
    <message>
        <source>A PC name has 1 to {most} characters.</source>
        <translation>电脑名称须为 1 到 {most} 个字符。</translation>
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
        <source>Customer complaint form</source>
        <translation>客户投诉信息反馈单</translation>
    </message>
    <message>
        <source>After-sales disposition form</source>
        <translation>产品售后处置单</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Customer asks for</source>
        <translation>客户诉求</translation>
    </message>
    <message>
        <source>Amount at stake</source>
        <translation>涉及金额</translation>
    </message>
    <message>
        <source>Resolve by</source>
        <translation>处理期限</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <source>Ship date</source>
        <translation>发货日期</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度(1–5)</translation>
    </message>
    <message>
        <source>Customer class</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>问题描述</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理决定</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Corrective / preventive action</source>
        <translation>纠正 / 预防措施</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
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
        <source>Quantity affected</source>
        <translation>涉及数量</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
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
        <source>Expected</source>
        <translation>应有数</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘数</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Batch / expiry</source>
        <translation>批号/有效期</translation>
    </message>
    <message>
        <source>At customer after</source>
        <translation>本单后客户处结存</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>Balance and movements</source>
        <translation>结存与发生额</translation>
    </message>
    <message>
        <source>Consignment location</source>
        <translation>寄售库位</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Counted by</source>
        <translation>盘点人</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Opening balance</source>
        <translation>期初结存</translation>
    </message>
    <message>
        <source>Fill-ups</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>发货结算</translation>
    </message>
    <message>
        <source>Pickups</source>
        <translation>提货</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Closing balance</source>
        <translation>期末结存</translation>
    </message>
    <message>
        <source>Invoiced</source>
        <translation>已开票</translation>
    </message>
    <message>
        <source>Fill-up</source>
        <translation>补货</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发货结算</translation>
    </message>
    <message>
        <source>Pickup</source>
        <translation>提货</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Consignment delivery note</source>
        <translation>寄售送货单</translation>
    </message>
    <message>
        <source>Consignment issue note</source>
        <translation>寄售发货结算单</translation>
    </message>
    <message>
        <source>Consignment pickup note</source>
        <translation>寄售提货单</translation>
    </message>
    <message>
        <source>Consignment return note</source>
        <translation>寄售退货单</translation>
    </message>
    <message>
        <source>Consignment count sheet</source>
        <translation>寄售盘点表</translation>
    </message>
    <message>
        <source>Consignment statement</source>
        <translation>寄售对账单</translation>
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
        <source>Discount</source>
        <translation>折扣</translation>
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
        <source>Total incl. VAT</source>
        <translation>价税合计</translation>
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
        <source>Sales settlement</source>
        <translation>销售结算单</translation>
    </message>
    <message>
        <source>Red sales settlement</source>
        <translation>红字销售结算单</translation>
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
        <source>Paid</source>
        <translation>已收款</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未收款</translation>
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
        <translation>发货人</translation>
    </message>
    <message>
        <source>This settlement is not a VAT invoice; the official e-invoice is issued on the tax platform.</source>
        <translation>本结算单不是增值税发票；正式的数电票在税务平台开具。</translation>
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
        <source>Warehouse copy</source>
        <translation>仓库联</translation>
    </message>
    <message>
        <source>Picker copy</source>
        <translation>拣货联</translation>
    </message>
    <message>
        <source>Dispatch copy</source>
        <translation>发货联</translation>
    </message>
    <message>
        <source>Accounts copy</source>
        <translation>记账联</translation>
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
        <source>Batches with complaints</source>
        <translation>投诉较多的批次</translation>
    </message>
    <message>
        <source>Invoice no.</source>
        <translation>结算单号</translation>
    </message>
    <message>
        <source>Original invoice no.</source>
        <translation>原结算单号</translation>
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
        <source>Return no.</source>
        <translation>退货单号</translation>
    </message>
    <message>
        <source>Red invoice no.</source>
        <translation>红字发票号</translation>
    </message>
    <message>
        <source>Refund no.</source>
        <translation>退款单号</translation>
    </message>
    <message>
        <source>Replacement order no.</source>
        <translation>换货订单号</translation>
    </message>
    <message>
        <source>{number} (cancelled)</source>
        <translation>{number}（已取消）</translation>
    </message>
    <message>
        <source>Replacement delivery no.</source>
        <translation>换货送货单号</translation>
    </message>
    <message>
        <source>Exchange for return no.</source>
        <translation>换货对应退货单号</translation>
    </message>
    <message>
        <source>Original delivery no.</source>
        <translation>原送货单号</translation>
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
        <source>E-invoice no.</source>
        <translation>数电票号码</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>制单人</translation>
    </message>
    <message>
        <source>Ship to</source>
        <translation>送货地址</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Payment terms</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>{days} days net</source>
        <translation>{days} 天内付款</translation>
    </message>
    <message>
        <source>Due on receipt</source>
        <translation>见单即付</translation>
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
    <message>
        <source>Return note</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Return reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <source>Received by</source>
        <translation>收货人</translation>
    </message>
    <message>
        <source>Policy overridden by</source>
        <translation>越权批准人</translation>
    </message>
    <message>
        <source>Override reason</source>
        <translation>越权理由</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>货物状况</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>去向</translation>
    </message>
    <message>
        <source>Policy rule</source>
        <translation>政策规则</translation>
    </message>
    <message>
        <source>Refund rate</source>
        <translation>退款比例</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Returned value incl. VAT</source>
        <translation>退货价税合计</translation>
    </message>
    <message>
        <source>Returned by (customer)</source>
        <translation>退货人（客户）</translation>
    </message>
    <message>
        <source>Received by (warehouse)</source>
        <translation>收货人（仓库）</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>审批人</translation>
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
        <source>consignment fill-up</source>
        <translation>寄售补货</translation>
    </message>
    <message>
        <source>consignment issue</source>
        <translation>寄售发货结算</translation>
    </message>
    <message>
        <source>consignment pickup</source>
        <translation>寄售提货</translation>
    </message>
    <message>
        <source>consignment return</source>
        <translation>寄售退货</translation>
    </message>
    <message>
        <source>consignment count</source>
        <translation>寄售盘点</translation>
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
        <source>complaint</source>
        <translation>投诉单</translation>
    </message>
    <message>
        <source>service visit</source>
        <translation>上门服务单</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>来访</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>forwarded</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>general</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>major</source>
        <translation>特大</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>free replacement</source>
        <translation>免费补货</translation>
    </message>
    <message>
        <source>in-kind compensation</source>
        <translation>实物补偿</translation>
    </message>
    <message>
        <source>price allowance</source>
        <translation>价格折让</translation>
    </message>
    <message>
        <source>damages</source>
        <translation>赔偿</translation>
    </message>
    <message>
        <source>on-site service</source>
        <translation>上门服务</translation>
    </message>
    <message>
        <source>explanation only</source>
        <translation>仅解释说明</translation>
    </message>
    <message>
        <source>product quality</source>
        <translation>产品质量</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>storage</source>
        <translation>仓储</translation>
    </message>
    <message>
        <source>transport</source>
        <translation>运输</translation>
    </message>
    <message>
        <source>service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>customer&apos;s use</source>
        <translation>客户使用</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>received</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已受理</translation>
    </message>
    <message>
        <source>investigating</source>
        <translation>解释澄清中</translation>
    </message>
    <message>
        <source>solution proposed</source>
        <translation>已提出方案</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>已审批</translation>
    </message>
    <message>
        <source>accepted by the customer</source>
        <translation>客户已接受</translation>
    </message>
    <message>
        <source>executing</source>
        <translation>执行中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>回访中</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>acknowledge</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>start investigating</source>
        <translation>开始解释澄清</translation>
    </message>
    <message>
        <source>propose a solution</source>
        <translation>提出方案</translation>
    </message>
    <message>
        <source>approve the solution</source>
        <translation>审批方案</translation>
    </message>
    <message>
        <source>record the customer&apos;s acceptance</source>
        <translation>登记客户接受</translation>
    </message>
    <message>
        <source>revise the solution</source>
        <translation>修改方案</translation>
    </message>
    <message>
        <source>start executing</source>
        <translation>开始执行</translation>
    </message>
    <message>
        <source>resolve</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>record the follow-up</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>the manager</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>the owner</source>
        <translation>老板</translation>
    </message>
    <message>
        <source>report</source>
        <translation>上报</translation>
    </message>
    <message>
        <source>response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>red invoice</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>edit customers</source>
        <translation>编辑客户</translation>
    </message>
    <message>
        <source>pin a customer&apos;s class</source>
        <translation>锁定客户等级</translation>
    </message>
    <message>
        <source>review customers</source>
        <translation>审核客户</translation>
    </message>
    <message>
        <source>end or reactivate customers</source>
        <translation>中止或恢复客户</translation>
    </message>
    <message>
        <source>edit items, units and places</source>
        <translation>编辑商品、单位和库位</translation>
    </message>
    <message>
        <source>receive goods</source>
        <translation>入库收货</translation>
    </message>
    <message>
        <source>count stock</source>
        <translation>盘点库存</translation>
    </message>
    <message>
        <source>reverse stock documents</source>
        <translation>冲销库存单据</translation>
    </message>
    <message>
        <source>enter and confirm sales orders</source>
        <translation>录入和确认销售订单</translation>
    </message>
    <message>
        <source>override checks</source>
        <translation>越权放行检查</translation>
    </message>
    <message>
        <source>pick and ship goods</source>
        <translation>拣货发货</translation>
    </message>
    <message>
        <source>take goods back</source>
        <translation>办理退货</translation>
    </message>
    <message>
        <source>refund money</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>issue red invoices</source>
        <translation>开具红字发票</translation>
    </message>
    <message>
        <source>make invoices</source>
        <translation>开票</translation>
    </message>
    <message>
        <source>record payments</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>handle complaints</source>
        <translation>处理投诉</translation>
    </message>
    <message>
        <source>approve complaint solutions</source>
        <translation>批准投诉处理方案</translation>
    </message>
    <message>
        <source>change the shop&apos;s settings</source>
        <translation>修改店铺设置</translation>
    </message>
    <message>
        <source>manage users and roles</source>
        <translation>管理用户和角色</translation>
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
        <source>bin</source>
        <translation>货位</translation>
    </message>
    <message>
        <source>quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>quality defect</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>wrong goods delivered</source>
        <translation>发错货</translation>
    </message>
    <message>
        <source>damaged in transit</source>
        <translation>运输损坏</translation>
    </message>
    <message>
        <source>unsellable / slow-moving</source>
        <translation>滞销</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <source>changed mind</source>
        <translation>客户改变主意</translation>
    </message>
    <message>
        <source>resellable (back to stock)</source>
        <translation>可再销售（回库）</translation>
    </message>
    <message>
        <source>defective (quarantine)</source>
        <translation>有缺陷（隔离区）</translation>
    </message>
    <message>
        <source>scrap</source>
        <translation>报废区</translation>
    </message>
    <message>
        <source>no rule matches</source>
        <translation>没有适用的规则</translation>
    </message>
    <message>
        <source>quality defects: always in full</source>
        <translation>质量问题：始终全额退款</translation>
    </message>
    <message>
        <source>our mistake (wrong goods, transit damage): in full</source>
        <translation>我方责任（发错货、运输损坏）：全额退款</translation>
    </message>
    <message>
        <source>changed mind within 7 days: in full</source>
        <translation>7 天内改变主意：全额退款</translation>
    </message>
    <message>
        <source>changed mind after 7 days: refused</source>
        <translation>超过 7 天改变主意：不予退货</translation>
    </message>
    <message>
        <source>within 6 months (180 days): in full</source>
        <translation>6 个月（180 天）内：全额退款</translation>
    </message>
    <message>
        <source>after 6 months: 10 % packaging-loss deduction</source>
        <translation>超过 6 个月：扣除 10% 包装损耗</translation>
    </message>
    <message>
        <source>Replaces return</source>
        <translation>换货对应退货单</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Replacement order</source>
        <translation>换货订单</translation>
    </message>
    <message>
        <source>Replacement delivery</source>
        <translation>换货送货单</translation>
    </message>
    <message>
        <source>Consignment fill-up</source>
        <translation>寄售补货单</translation>
    </message>
    <message>
        <source>Consignment issue</source>
        <translation>寄售发货结算单</translation>
    </message>
    <message>
        <source>Consignment pickup</source>
        <translation>寄售提货单</translation>
    </message>
    <message>
        <source>Consignment return</source>
        <translation>寄售退货单</translation>
    </message>
    <message>
        <source>Consignment count</source>
        <translation>寄售盘点单</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>已过账</translation>
    </message>
    <message>
        <source>settled</source>
        <translation>已结算</translation>
    </message>
    <message>
        <source>plan picking</source>
        <translation>安排拣货</translation>
    </message>
    <message>
        <source>post</source>
        <translation>过账</translation>
    </message>
    <message>
        <source>settle</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>reverse</source>
        <translation>冲销</translation>
    </message>
    <message>
        <source>keep the books</source>
        <translation>保持账面</translation>
    </message>
    <message>
        <source>book the surplus</source>
        <translation>盘盈入账</translation>
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
        <source>goods returned (销货退回)</source>
        <translation>销货退回</translation>
    </message>
    <message>
        <source>price allowance (销售折让)</source>
        <translation>销售折让</translation>
    </message>
    <message>
        <source>invoicing error (开票有误)</source>
        <translation>开票有误</translation>
    </message>
    <message>
        <source>Red invoice</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>awaiting confirmation</source>
        <translation>待确认</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已开具</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>submit for confirmation</source>
        <translation>提交确认</translation>
    </message>
    <message>
        <source>record the confirmation</source>
        <translation>登记确认单</translation>
    </message>
    <message>
        <source>issue</source>
        <translation>开具</translation>
    </message>
    <message>
        <source>picking</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>partly shipped</source>
        <translation>部分发货</translation>
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
        <source>reversed</source>
        <translation>已冲销</translation>
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
        <source>re-plan the picking list</source>
        <translation>重新生成拣货单</translation>
    </message>
    <message>
        <source>cancel the picking list</source>
        <translation>取消拣货单</translation>
    </message>
    <message>
        <source>close short (cancel the rest)</source>
        <translation>短缺结案（取消剩余）</translation>
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
        <source>Payment</source>
        <translation>收款单</translation>
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
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Overdue complaints</source>
        <translation>超时投诉</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Customers to call back</source>
        <translation>待回访客户</translation>
    </message>
    <message>
        <source>Complaint allowances to issue</source>
        <translation>待开具的投诉折让红字发票</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>Draft returns to post</source>
        <translation>待过账的退货单</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <source>pcs</source>
        <translation>个</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>not a RetailERP database</source>
        <translation>不是 RetailERP 数据库</translation>
    </message>
    <message>
        <source>Another PC (or program) is using the file in a different mode right now.</source>
        <translation>另一台电脑（或程序）正在以不同的模式使用该文件。</translation>
    </message>
    <message>
        <source>Another PC (or program) opened the file in a different mode.</source>
        <translation>另一台电脑（或程序）曾以不同的模式打开该文件。</translation>
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
    <message>
        <source>Service visit</source>
        <translation>上门服务单</translation>
    </message>
    <message>
        <source>Red invoices awaiting confirmation</source>
        <translation>待确认的红字发票</translation>
    </message>
    <message>
        <source>Consignment stock expiring soon</source>
        <translation>寄售库存即将过期</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>cancel the exchange</source>
        <translation>取消换货</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>net</source>
        <translation>不含税金额</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>税额</translation>
    </message>
    <message>
        <source>stock documents</source>
        <translation>库存单据</translation>
    </message>
    <message>
        <source>sales orders</source>
        <translation>销售订单</translation>
    </message>
    <message>
        <source>picking lists</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <source>deliveries</source>
        <translation>发货单</translation>
    </message>
    <message>
        <source>invoices</source>
        <translation>发票</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>returns</source>
        <translation>退货单</translation>
    </message>
    <message>
        <source>red invoices</source>
        <translation>红字发票</translation>
    </message>
    <message>
        <source>complaints</source>
        <translation>投诉单</translation>
    </message>
    <message>
        <source>service visits</source>
        <translation>上门服务</translation>
    </message>
    <message>
        <source>refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>consignment documents</source>
        <translation>寄售单据</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>account ended</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>paid on invoices</source>
        <translation>发票已收款</translation>
    </message>
    <message>
        <source>red invoices (net)</source>
        <translation>红字发票（不含税）</translation>
    </message>
    <message>
        <source>red invoices (VAT)</source>
        <translation>红字发票（税额）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
</TS>
