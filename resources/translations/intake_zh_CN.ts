<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="62" />
        <source>Import orders or tracking events</source>
        <translation>导入订单或物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="65" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="68" />
        <source>Orders (guess the format)</source>
        <translation>订单（自动识别格式）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="70" />
        <source>Orders: {fmt}</source>
        <translation>订单：{fmt}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="71" />
        <source>Tracking events</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="72" />
        <source>Dry run: check and report, write nothing</source>
        <translation>试运行：只检查并报告，不写入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="73" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="81" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="81" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="88" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="89" />
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="100" />
        <source>Import file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="107" />
        <source>Choose a file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="111" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="116" />
        <source>{n} orders</source>
        <translation>{n} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="130" />
        <source>Not imported: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="133" />
        <source>Dry run, nothing written: </source>
        <translation>试运行，未写入：</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="137" />
        <source>{created} created, {updated} updated, {skipped} unchanged, {rejected} rejected</source>
        <translation>新建 {created}，更新 {updated}，未变 {skipped}，拒绝 {rejected}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/hotfolder.py" line="145" />
        <source>not imported: {reason}</source>
        <translation>未导入：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="30" />
        <source>No such file: {path}</source>
        <translation>没有这个文件：{path}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="36" />
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="38" />
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="52" />
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="48" />
        <source>{path} is not UTF-8 text; save it as UTF-8 CSV or JSON</source>
        <translation>{path} 不是 UTF-8 文本；请另存为 UTF-8 编码的 CSV 或 JSON</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="72" />
        <source>Unknown format {fmt} (one of {formats})</source>
        <translation>未知格式 {fmt}（可选：{formats}）</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="73" />
        <source>{path} is not a folder of the hot folder's own (a symbolic link?): move it away and the hot folder makes a new one</source>
        <translation>{path} 不是热文件夹自己的文件夹（符号链接？）：请把它移走，热文件夹会新建一个</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="170" />
        <source>{name} is a symbolic link: the hot folder reads only regular files</source>
        <translation>{name} 是符号链接：热文件夹只读取普通文件</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="172" />
        <source>{name} is not a regular file (a FIFO, socket or device)</source>
        <translation>{name} 不是普通文件（管道、套接字或设备）</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="179" />
        <source>{name} is a hard link to another file: copy the file in instead</source>
        <translation>{name} 是指向另一个文件的硬链接：请改为把文件复制进来</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="199" />
        <source>No free file name for {name} in the hot folder</source>
        <translation>热文件夹里没有可给 {name} 用的文件名</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="213" />
        <source>No free file name for the report of {name}</source>
        <translation>没有可给 {name} 的报告用的文件名</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="72" />
        <source>line {line}: {reason}</source>
        <translation>第 {line} 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/orders.py" line="408" />
        <source>conflict: order {order} is already {status} in the warehouse and this file has other lines or amounts for it: change it there, not by import</source>
        <translation>冲突：订单 {order} 在仓库里已是 {status}，而此文件中它的明细或金额不同：请在仓库里修改，不要通过导入修改</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/orders.py" line="408" />
        <source>order {order} is already {status} in the warehouse: change it there, not by import</source>
        <translation>订单 {order} 在仓库里已是 {status}：请在仓库里修改，不要通过导入修改</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/orders.py" line="185" />
        <source>unknown SKU/barcode {sku}</source>
        <translation>未知 SKU/条码 {sku}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/products.py" line="213" />
        <source>SKU {sku} again (first on line {first})</source>
        <translation>SKU {sku} 重复（首次出现在第 {first} 行）</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="334" />
        <source>order {order} held back: {reason}</source>
        <translation>订单 {order} 未导入：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="338" />
        <source>order #{n} held back: {reason}</source>
        <translation>第 {n} 个订单未导入：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="479" />
        <source>not valid JSON: {reason}</source>
        <translation>不是有效的 JSON：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="145" />
        <source>{what} contains a control character (U+{char})</source>
        <translation>{what} 含有控制字符（U+{char}）</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="149" />
        <source>{what} is longer than {size} characters ({length}): {value}</source>
        <translation>{what} 超过 {size} 个字符（{length}）：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="159" />
        <source>{what} is not an amount: {value}</source>
        <translation>{what} 不是金额：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="168" />
        <source>{what} must not be negative: {value}</source>
        <translation>{what} 不能为负数：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="170" />
        <source>{what} is too large (at most {limit}): {value}</source>
        <translation>{what} 太大（最多 {limit}）：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="173" />
        <source>{what} must be a non-negative amount with at most 2 decimals: {value}</source>
        <translation>{what} 必须是最多 2 位小数的非负金额：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="182" />
        <source>{what} must be a rate from 0 to below 1 with at most 4 decimals: {value}</source>
        <translation>{what} 必须是 0 到 1（不含 1）之间、最多 4 位小数的税率：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="190" />
        <source>{what} must be a whole number from 1 to {limit}: {value}</source>
        <translation>{what} 必须是 1 到 {limit} 之间的整数：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="215" />
        <source>{what} must be {size} letters: {value}</source>
        <translation>{what} 必须是 {size} 个字母：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="364" />
        <source>unknown channel {channel} (one of {channels})</source>
        <translation>未知渠道 {channel}（可选：{channels}）</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="368" />
        <source>{what} is missing</source>
        <translation>缺少 {what}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="372" />
        <source>unknown status {status}</source>
        <translation>未知状态 {status}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="374" />
        <source>unknown payment status {status}</source>
        <translation>未知付款状态 {status}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="426" />
        <source>an order must be an object</source>
        <translation>订单必须是一个对象</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="430" />
        <source>address must be an object</source>
        <translation>地址必须是一个对象</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="432" />
        <source>lines must be a list of objects</source>
        <translation>明细必须是对象列表</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="495" />
        <source>Name (the order number) is missing</source>
        <translation>缺少 Name（订单号）</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="209" />
        <source>not a date and time: {value}</source>
        <translation>不是日期时间：{value}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="227" />
        <source>recipient name is missing</source>
        <translation>缺少收件人姓名</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="229" />
        <source>a phone number or an email is required</source>
        <translation>需要电话号码或邮箱</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="231" />
        <source>phone number looks wrong: {phone}</source>
        <translation>电话号码似乎有误：{phone}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="233" />
        <source>email looks wrong: {email}</source>
        <translation>邮箱似乎有误：{email}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="236" />
        <source>postcode {postcode} does not fit {country}</source>
        <translation>邮编 {postcode} 与国家 {country} 不符</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="239" />
        <source>the address needs at least a city and a street</source>
        <translation>地址至少需要城市和街道</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="249" />
        <source>the order has no lines</source>
        <translation>订单没有明细</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="243" />
        <source>duplicate line for SKU {sku}</source>
        <translation>SKU {sku} 的明细重复</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="246" />
        <source>line amount {amount} is too large</source>
        <translation>明细金额 {amount} 太大</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="264" />
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="456" />
        <source>expected a list of orders (or {example})</source>
        <translation>应为订单列表（或 {example}）</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="253" />
        <source>order amount {amount} is too large</source>
        <translation>订单金额 {amount} 太大</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="289" />
        <source>not a {fmt} file: the header has no {columns} column</source>
        <translation>不是 {fmt} 文件：表头中没有 {columns} 列</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="452" />
        <source>not valid JSON: nested too deeply or a number too long</source>
        <translation>不是有效的 JSON：嵌套太深或数字太长</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="255" />
        <source>discount {discount} is more than the order's amount {amount}</source>
        <translation>折扣 {discount} 超过订单金额 {amount}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="276" />
        <source>not a valid CSV row: {reason}</source>
        <translation>不是有效的 CSV 行：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/records.py" line="470" />
        <source>line {n}: {reason}</source>
        <translation>第 {n} 条明细：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/tracking.py" line="75" />
        <source>an event must be an object</source>
        <translation>事件必须是一个对象</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/tracking.py" line="81" />
        <source>unknown status_code {code}</source>
        <translation>未知 status_code {code}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/tracking.py" line="119" />
        <source>no shipment with tracking number {number}</source>
        <translation>没有运单号为 {number} 的发货</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/tracking.py" line="62" />
        <source>expected a list of events (or {example})</source>
        <translation>应为事件列表（或 {example}）</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="152" />
        <source>{number}: {reason}</source>
        <translation>{number}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="88" />
        <source>an S10 range runs between two S10 numbers of one series</source>
        <translation>S10 号段必须在同一系列的两个 S10 单号之间</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="94" />
        <source>a range runs between two numbers of the same prefix and length</source>
        <translation>号段必须在前缀和长度都相同的两个单号之间</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="98" />
        <source>the range ends before it starts</source>
        <translation>号段的结束号小于起始号</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="100" />
        <source>more than {limit} numbers in one range</source>
        <translation>一个号段超过 {limit} 个单号</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="366" />
        <source>expected province,city,district,code with a province and a code</source>
        <translation>应为 省,市,区,代码，且须有省和代码</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="369" />
        <source>a district needs its city</source>
        <translation>填写区县时须同时填写城市</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="73" />
        <source>not a waybill number (6-40 letters and digits)</source>
        <translation>不是运单号（6-40 位字母和数字）</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="77" />
        <source>not an S10 number (2 letters, 9 digits, 2 letters)</source>
        <translation>不是 S10 单号（2 个字母、9 位数字、2 个字母）</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="79" />
        <source>wrong S10 check digit</source>
        <translation>S10 校验位错误</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../app/services/intake/orders.py" line="49" />
        <source>{created} created, {updated} updated, {skipped} skipped (unchanged), {rejected} rejected</source>
        <translation>新建 {created}，更新 {updated}，跳过 {skipped}（未变），拒绝 {rejected}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/orders.py" line="50" />
        <source>DRY RUN, nothing written: </source>
        <translation>试运行，未写入任何数据：</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/products.py" line="42" />
        <source>{added} products added, {updated} updated, {unchanged} unchanged, {barcodes} barcodes added, {refused} rows refused</source>
        <translation>新增商品 {added}，更新 {updated}，未变 {unchanged}，新增条码 {barcodes}，拒绝 {refused} 行</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="108" />
        <source>{carrier}: {added} numbers added, {already} already in the pool, {refused} lines refused</source>
        <translation>{carrier}：新增单号 {added} 个，{already} 个已在号池中，拒绝 {refused} 行</translation>
    </message>
    <message>
        <location filename="../../app/services/carriers.py" line="109" />
        <source>{carrier}: {added} sort codes added, {changed} changed, {refused} lines refused</source>
        <translation>{carrier}：新增分拣码 {added} 个，修改 {changed} 个，拒绝 {refused} 行</translation>
    </message>
</context>
</TS>