<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>admin.products</name>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Import a product file…</source>
        <translation>导入商品文件…</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Unit weight (g)</source>
        <translation>单件重量（克）</translation>
    </message>
    <message>
        <source>Length × width × height</source>
        <translation>长 × 宽 × 高</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>搬运注意</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>SKU, name or barcode</source>
        <translation>SKU、名称或条码</translation>
    </message>
    <message>
        <source>Format: recognise</source>
        <translation>格式：自动识别</translation>
    </message>
    <message>
        <source>PackDesk CSV</source>
        <translation>PackDesk CSV</translation>
    </message>
    <message>
        <source>Shopify product export</source>
        <translation>Shopify 商品导出</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <source>GTIN or internal codes, separated by spaces</source>
        <translation>GTIN 或内部码，用空格分隔</translation>
    </message>
    <message>
        <source>grams; empty: not known yet</source>
        <translation>克；留空：尚不知道</translation>
    </message>
    <message>
        <source>Product {sku} saved.</source>
        <translation>商品 {sku} 已保存。</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>{added} added, {updated} updated, {unchanged} unchanged, {refused} rows refused.</source>
        <translation>新增 {added} 个，更新 {updated} 个，未变 {unchanged} 个，拒收 {refused} 行。</translation>
    </message>
    <message>
        <source>line {line}: {why}</source>
        <translation>第 {line} 行：{why}</translation>
    </message>
    <message>
        <source>Fragile</source>
        <translation>易碎</translation>
    </message>
    <message>
        <source>Liquid</source>
        <translation>液体</translation>
    </message>
    <message>
        <source>Bulky</source>
        <translation>大件</translation>
    </message>
    <message>
        <source>Battery</source>
        <translation>含电池</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
</context>
<context>
    <name>admin.carriers</name>
    <message>
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <source>line {line}: {why}</source>
        <translation>第 {line} 行：{why}</translation>
    </message>
    <message>
        <source>Carriers and waybill numbers</source>
        <translation>承运商与面单号</translation>
    </message>
    <message>
        <source>Cut-offs and pick-ups</source>
        <translation>截单与揽收</translation>
    </message>
    <message>
        <source>Carrier rules</source>
        <translation>承运商规则</translation>
    </message>
    <message>
        <source>Sort codes</source>
        <translation>三段码</translation>
    </message>
    <message>
        <source>Orders may get this carrier</source>
        <translation>订单可分配此承运商</translation>
    </message>
    <message>
        <source>Save carrier</source>
        <translation>保存承运商</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Warn below (free numbers)</source>
        <translation>可用单号低于此数时提醒</translation>
    </message>
    <message>
        <source>Import waybill numbers…</source>
        <translation>导入面单号…</translation>
    </message>
    <message>
        <source>Void number</source>
        <translation>作废单号</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Save cut-off</source>
        <translation>保存截单时间</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <source>Cut-off (local time)</source>
        <translation>截单时间（当地）</translation>
    </message>
    <message>
        <source>Pick-up slots</source>
        <translation>揽收时段</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>Delete the chosen rule</source>
        <translation>删除所选规则</translation>
    </message>
    <message>
        <source>Position (lowest first)</source>
        <translation>顺序（小者优先）</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Destination province</source>
        <translation>目的省份</translation>
    </message>
    <message>
        <source>Order weight (g)</source>
        <translation>订单重量（克）</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Import the carrier's sort-code table…</source>
        <translation>导入承运商的三段码表…</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Table (CSV: province, city, district, code)</source>
        <translation>码表（CSV：省、市、区、码）</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目的地</translation>
    </message>
    <message>
        <source>Sort code</source>
        <translation>三段码</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Rule added.</source>
        <translation>规则已添加。</translation>
    </message>
    <message>
        <source>Rule deleted.</source>
        <translation>规则已删除。</translation>
    </message>
    <message>
        <source>Choose the carrier's file</source>
        <translation>选择承运商的文件</translation>
    </message>
    <message>
        <source>Text and CSV files (*.txt *.csv);;All files (*)</source>
        <translation>文本和 CSV 文件 (*.txt *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Pool</source>
        <translation>号池</translation>
    </message>
    <message>
        <source>waybill number</source>
        <translation>面单号</translation>
    </message>
    <message>
        <source>why it is voided</source>
        <translation>作废原因</translation>
    </message>
    <message>
        <source>Cut-off</source>
        <translation>截单</translation>
    </message>
    <message>
        <source>Pick-ups</source>
        <translation>揽收</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>顺序</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Weight (g)</source>
        <translation>重量（克）</translation>
    </message>
    <message>
        <source>COD</source>
        <translation>货到付款</translation>
    </message>
    <message>
        <source>empty: any</source>
        <translation>留空：不限</translation>
    </message>
    <message>
        <source>such as 标快</source>
        <translation>例如 标快</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省</translation>
    </message>
    <message>
        <source>city</source>
        <translation>市</translation>
    </message>
    <message>
        <source>district</source>
        <translation>区</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>none: the label prints without a sort code</source>
        <translation>无：面单将不带三段码打印</translation>
    </message>
    <message>
        <source>Only a supervisor may void a number.</source>
        <translation>只有主管可以作废单号。</translation>
    </message>
    <message>
        <source>low: order numbers from the carrier</source>
        <translation>不足：请向承运商申请单号</translation>
    </message>
    <message>
        <source>enough</source>
        <translation>充足</translation>
    </message>
    <message>
        <source>Carrier {code} saved.</source>
        <translation>承运商 {code} 已保存。</translation>
    </message>
    <message>
        <source>{number} voided; it will never be used.</source>
        <translation>{number} 已作废，永不再用。</translation>
    </message>
    <message>
        <source>{carrier} at {warehouse}: cut-off {time}.</source>
        <translation>{carrier} 在 {warehouse}：截单 {time}。</translation>
    </message>
    <message>
        <source>{carrier}: {added} numbers added, {already} already in the pool, {refused} lines refused.</source>
        <translation>{carrier}：新增 {added} 个单号，{already} 个已在号池中，拒收 {refused} 行。</translation>
    </message>
    <message>
        <source>{carrier}: {added} sort codes added, {changed} changed, {refused} lines refused.</source>
        <translation>{carrier}：新增 {added} 个三段码，修改 {changed} 个，拒收 {refused} 行。</translation>
    </message>
    <message>
        <source>Any shop</source>
        <translation>所有店铺</translation>
    </message>
    <message>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <source>JD</source>
        <translation>京东</translation>
    </message>
    <message>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Own web shop</source>
        <translation>自营网店</translation>
    </message>
    <message>
        <source>COD or not</source>
        <translation>不限付款方式</translation>
    </message>
    <message>
        <source>Cash on delivery only</source>
        <translation>仅货到付款</translation>
    </message>
    <message>
        <source>Prepaid only</source>
        <translation>仅在线支付</translation>
    </message>
    <message>
        <source>Carriers</source>
        <translation>承运商</translation>
    </message>
</context>
<context>
    <name>admin.content</name>
    <message>
        <source>Key</source>
        <translation>键</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Preview for a customer</source>
        <translation>按客户预览</translation>
    </message>
    <message>
        <source>find in key, title or text</source>
        <translation>在键、标题或正文中查找</translation>
    </message>
    <message>
        <source>such as ship_notice</source>
        <translation>例如 ship_notice</translation>
    </message>
    <message>
        <source>phone, name, order or tracking number</source>
        <translation>电话、姓名、订单号或运单号</translation>
    </message>
    <message>
        <source>Every placeholder is filled.</source>
        <translation>所有占位符均已填写。</translation>
    </message>
    <message>
        <source>Placeholders: {names}</source>
        <translation>占位符：{names}</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Saved: {title}.</source>
        <translation>已保存：{title}。</translation>
    </message>
    <message>
        <source>Deleted: {title}.</source>
        <translation>已删除：{title}。</translation>
    </message>
    <message>
        <source>Find a customer to fill the placeholders with their data.</source>
        <translation>查找一位客户，用其数据填写占位符。</translation>
    </message>
    <message>
        <source>No customer found for {query}.</source>
        <translation>找不到与 {query} 相符的客户。</translation>
    </message>
    <message>
        <source>Not filled for this customer: {names}. Assist will not offer this text to them.</source>
        <translation>此客户无法填写：{names}。智能助手不会向其推荐此文本。</translation>
    </message>
    <message>
        <source>Canned replies</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <source>Knowledge-base articles</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <source>Incident templates</source>
        <translation>事件通知模板</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Replies and articles</source>
        <translation>回复与文章</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>No kind of text {kind}: use one of {known}.</source>
        <translation>没有文本类型 {kind}：请用 {known} 之一。</translation>
    </message>
    <message>
        <source>No language {language}: use zh_CN or en.</source>
        <translation>没有语言 {language}：请用 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Unknown placeholder {names}: use one of {known}.</source>
        <translation>未知占位符 {names}：请用 {known} 之一。</translation>
    </message>
    <message>
        <source>Key {key!r}: lower-case letters, digits and _ (up to 64), starting with a letter.</source>
        <translation>键 {key!r}：以字母开头，只用小写字母、数字和 _（最多 64 个）。</translation>
    </message>
    <message>
        <source>No canned reply #{id}.</source>
        <translation>没有快捷回复 #{id}。</translation>
    </message>
    <message>
        <source>There is already a {language} text with the key {key}.</source>
        <translation>已有键为 {key} 的 {language} 文本。</translation>
    </message>
    <message>
        <source>No text #{id} to delete.</source>
        <translation>没有可删除的文本 #{id}。</translation>
    </message>
    <message>
        <source>No customer #{id}.</source>
        <translation>没有客户 #{id}。</translation>
    </message>
    <message>
        <source>No article #{id}.</source>
        <translation>没有文章 #{id}。</translation>
    </message>
    <message>
        <source>{what} must be between 0 and {most}.</source>
        <translation>{what}必须在 0 到 {most} 之间。</translation>
    </message>
    <message>
        <source>SKU {sku!r}: 1-64 characters without spaces.</source>
        <translation>SKU {sku!r}：1-64 个字符，不含空格。</translation>
    </message>
    <message>
        <source>Product {sku} needs a name.</source>
        <translation>商品 {sku} 需要名称。</translation>
    </message>
    <message>
        <source>Weight {grams} g: give the unit weight in grams, more than 0.</source>
        <translation>重量 {grams} 克：请填写大于 0 的单件重量（克）。</translation>
    </message>
    <message>
        <source>No handling flag {flag}.</source>
        <translation>没有搬运标记 {flag}。</translation>
    </message>
    <message>
        <source>No product #{id}.</source>
        <translation>没有商品 #{id}。</translation>
    </message>
    <message>
        <source>SKU {sku} is another product's.</source>
        <translation>SKU {sku} 属于另一个商品。</translation>
    </message>
    <message>
        <source>Barcode {barcode} belongs to {sku}.</source>
        <translation>条码 {barcode} 属于 {sku}。</translation>
    </message>
    <message>
        <source>Weight {value!r}: give the unit weight in whole grams.</source>
        <translation>重量 {value!r}：请填写整数克数。</translation>
    </message>
    <message>
        <source>Lightest order weight {value!r}: whole grams, or empty for any.</source>
        <translation>订单最轻重量 {value!r}：请填写整数克数，留空表示不限。</translation>
    </message>
    <message>
        <source>Heaviest order weight {value!r}: whole grams, or empty for any.</source>
        <translation>订单最重重量 {value!r}：请填写整数克数，留空表示不限。</translation>
    </message>
    <message>
        <source>Choose a rule in the list first.</source>
        <translation>请先在列表中选择一条规则。</translation>
    </message>
    <message>
        <source>Choose a text in the list first.</source>
        <translation>请先在列表中选择一条文本。</translation>
    </message>
    <message>
        <source>Carrier code {carrier!r}: up to 16 letters and digits.</source>
        <translation>承运商代码 {carrier!r}：最多 16 个字母和数字。</translation>
    </message>
    <message>
        <source>Carrier {carrier} needs a name.</source>
        <translation>承运商 {carrier} 需要名称。</translation>
    </message>
    <message>
        <source>The low-pool warning is between 0 and {most} numbers.</source>
        <translation>号池不足提醒须在 0 到 {most} 个单号之间。</translation>
    </message>
    <message>
        <source>{what} is empty.</source>
        <translation>{what}为空。</translation>
    </message>
    <message>
        <source>{what} is too long ({length} characters, at most {limit}).</source>
        <translation>{what}太长（{length} 个字符，最多 {limit} 个）。</translation>
    </message>
    <message>
        <source>The title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Each side in mm</source>
        <translation>每条边的毫米数</translation>
    </message>
    <message>
        <source>barcode {barcode}: wrong check digit (expected {digit})</source>
        <translation>条码 {barcode}：校验位错误（应为 {digit}）</translation>
    </message>
    <message>
        <source>barcode {barcode!r}: neither a GTIN nor an internal code (3-64 letters, digits, -._)</source>
        <translation>条码 {barcode!r}：既不是 GTIN 也不是内部码（3-64 个字母、数字或 -._）</translation>
    </message>
</context>
</TS>
