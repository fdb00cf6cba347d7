<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CountDialog</name>
    <message>
        <source>Stock count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">商品</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the books</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock count {number} posted: {n} differences booked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tax id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank acco&amp;unt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment terms (&amp;days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit &amp;limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit &amp;note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Salesperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class, status and reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin class…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U&amp;npin class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End relationship…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record re&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rel&amp;oad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">日期</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {code} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: computed after saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: {label} (computed from revenue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class: {label}, pinned by {by} on {at} (computed: {computed}). Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: {status} on {on}. Reason: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why does the business relationship end?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the customer taken back (optional)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pin class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class to keep regardless of revenue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is it pinned?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListPage</name>
    <message>
        <source>All customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New customer (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute &amp;classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due for review: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recomputing customer classes…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check the input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>&amp;SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;pecification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Barcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;VAT rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tracking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shelf &amp;life (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item {sku} – {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without saving your changes?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemListPage</name>
    <message>
        <source>Search SKU, name, barcode, specification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Below minimum stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>RetailERP — {database}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailERP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About RetailERP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Goods receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;upplier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation type="unfinished">数量</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goods receipt {number} posted ({n} lines).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;credit limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, journal mode and database take effect when RetailERP is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (WAL locally, DELETE on a network share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WAL (local disk only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELETE (network share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Journal mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A SQLite file, or postgresql+psycopg://user@host/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow &amp;negative stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class &amp;A: first % of revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class &amp;B: up to % of revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review months (e.g. 2, 8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RetailERP database (*.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockPage</name>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Goods receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock &amp;count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reverse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted {number}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reverse {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is {number} reversed?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written:</source>
        <translation type="unfinished"></translation>
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
        <source>Demo data written:</source>
        <translation>演示数据已写入：</translation>
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
        <source>Line {n}: {picked} picked, but the list says {listed}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was picked: a delivery needs at least one picked line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose at least one delivery to invoice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An invoice bills the deliveries of one customer only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery {number} has already been invoiced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be greater than zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment method is one of {methods}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} is {state}: it cannot {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} has shipped goods; it can no longer be cancelled. Return the goods instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The net price of {sku} ({price}) is below the floor of {floor}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A discount is between 0 and 99.99%.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose prepaid, cash on delivery or on credit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The requested delivery date cannot be in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} cannot be confirmed: not enough free stock for {detail}. An owner may confirm it anyway, with a reason; the rest stays on backorder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} would take the customer to {exposure} against a credit limit of {limit} (open invoices {balance}, open orders {orders}). An owner may confirm it anyway, with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} is prepaid: record the payment of {amount} before shipping (received so far: {paid}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the chosen deliveries do not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The payment&apos;s order does not belong to this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} is {state}: no payment can be recorded against it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is not the number of a printable document (picking list PK…, delivery note DN…, invoice IV…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper must be one of {presets}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print 1, 2 or 3 parts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of order {number} is in stock to pick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order {number} has no open picking list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer {code} has ended; reactivate it before selling to it.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picking list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivery note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1–30 days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>31–60 days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>61–90 days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over 90 days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepaid (payment before delivery)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cash on delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invoiced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start picking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation type="unfinished">发票</translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking list</source>
        <translation type="unfinished">拣货单</translation>
    </message>
</context>
</TS>
