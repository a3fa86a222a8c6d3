<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
    <context>
        <name>admin</name>
        <message>
            <source>Setup</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Site name</source>
            <translation>站点名称</translation>
        </message>
        <message>
            <source>Return address</source>
            <translation>退货地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Only an admin may change the site.</source>
            <translation>只有管理员可以修改站点信息。</translation>
        </message>
        <message>
            <source>Site {name} saved.</source>
            <translation>站点 {name} 已保存。</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>用户名</translation>
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
            <source>Badge</source>
            <translation>工牌</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>at least {n} characters</source>
            <translation>至少 {n} 个字符</translation>
        </message>
        <message>
            <source>empty: a random code</source>
            <translation>留空：随机生成</translation>
        </message>
        <message>
            <source>Add user</source>
            <translation>添加用户</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Badge code</source>
            <translation>工牌码</translation>
        </message>
        <message>
            <source>New user</source>
            <translation>新用户</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>更改角色</translation>
        </message>
        <message>
            <source>Reset password</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>Set badge</source>
            <translation>设置工牌</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>{name} disabled.</source>
            <translation>{name} 已停用。</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>启用</translation>
        </message>
        <message>
            <source>{name} enabled.</source>
            <translation>{name} 已启用。</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>Selected user</source>
            <translation>所选用户</translation>
        </message>
        <message>
            <source>Only an admin may see and change users.</source>
            <translation>只有管理员可以查看和修改用户。</translation>
        </message>
        <message>
            <source>active</source>
            <translation>启用中</translation>
        </message>
        <message>
            <source>disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>User {name} added.</source>
            <translation>用户 {name} 已添加。</translation>
        </message>
        <message>
            <source>{name} is now {role}.</source>
            <translation>{name} 现在是{role}。</translation>
        </message>
        <message>
            <source>Password of {name} reset.</source>
            <translation>{name} 的密码已重置。</translation>
        </message>
        <message>
            <source>Badge of {name} set.</source>
            <translation>{name} 的工牌已设置。</translation>
        </message>
        <message>
            <source>Setting</source>
            <translation>设置项</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>默认值</translation>
        </message>
        <message>
            <source>Range</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>What it does</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Save changes</source>
            <translation>保存更改</translation>
        </message>
        <message>
            <source>Your role may not change this setting.</source>
            <translation>您的角色不能修改此设置。</translation>
        </message>
        <message>
            <source>on</source>
            <translation>开</translation>
        </message>
        <message>
            <source>off</source>
            <translation>关</translation>
        </message>
        <message>
            <source>Nothing changed.</source>
            <translation>没有更改。</translation>
        </message>
        <message>
            <source>Saved: {keys}.</source>
            <translation>已保存：{keys}。</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>代码</translation>
        </message>
        <message>
            <source>Province</source>
            <translation>省份</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>Cost rank</source>
            <translation>成本排序</translation>
        </message>
        <message>
            <source>Bins</source>
            <translation>库位</translation>
        </message>
        <message>
            <source>Lower ranks serve orders first when stock is in several warehouses.</source>
            <translation>多个仓库都有库存时，排序靠前（数字小）的仓库优先发货。</translation>
        </message>
        <message>
            <source>Save warehouse</source>
            <translation>保存仓库</translation>
        </message>
        <message>
            <source>Add or edit a warehouse</source>
            <translation>添加或修改仓库</translation>
        </message>
        <message>
            <source>Bin</source>
            <translation>库位</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>库区</translation>
        </message>
        <message>
            <source>Pick sequence</source>
            <translation>拣货顺序</translation>
        </message>
        <message>
            <source>Generate bins</source>
            <translation>生成库位</translation>
        </message>
        <message>
            <source>Add a warehouse first; then generate its bins.</source>
            <translation>请先添加仓库，再生成库位。</translation>
        </message>
        <message>
            <source>Bins of {warehouse}: {n}</source>
            <translation>{warehouse} 的库位：{n} 个</translation>
        </message>
        <message>
            <source>Warehouse {warehouse} saved.</source>
            <translation>仓库 {warehouse} 已保存。</translation>
        </message>
        <message>
            <source>{added} bins added ({first} … {last}), {existing} already there.</source>
            <translation>已添加 {added} 个库位（{first} … {last}），{existing} 个已存在。</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Inner size (mm)</source>
            <translation>内尺寸（毫米）</translation>
        </message>
        <message>
            <source>Tare (g)</source>
            <translation>皮重（克）</translation>
        </message>
        <message>
            <source>Maximum weight (g)</source>
            <translation>最大重量（克）</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>empty: no limit</source>
            <translation>留空：不限</translation>
        </message>
        <message>
            <source>Mailer bag: never for fragile goods or liquids</source>
            <translation>快递袋：不用于易碎品或液体</translation>
        </message>
        <message>
            <source>Suits</source>
            <translation>适用</translation>
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
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>Save box</source>
            <translation>保存包装</translation>
        </message>
        <message>
            <source>Box {box} disabled.</source>
            <translation>包装 {box} 已停用。</translation>
        </message>
        <message>
            <source>Box {box} enabled.</source>
            <translation>包装 {box} 已启用。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Inner length × width × height</source>
            <translation>内尺寸 长 × 宽 × 高</translation>
        </message>
        <message>
            <source>Tare</source>
            <translation>皮重</translation>
        </message>
        <message>
            <source>Add or edit a box</source>
            <translation>添加或修改包装</translation>
        </message>
        <message>
            <source>mailer</source>
            <translation>快递袋</translation>
        </message>
        <message>
            <source>carton</source>
            <translation>纸箱</translation>
        </message>
        <message>
            <source>in use</source>
            <translation>使用中</translation>
        </message>
        <message>
            <source>Box {box} saved.</source>
            <translation>包装 {box} 已保存。</translation>
        </message>
        <message>
            <source>Box {box} deleted.</source>
            <translation>包装 {box} 已删除。</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>站点</translation>
        </message>
        <message>
            <source>Users</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Warehouses and bins</source>
            <translation>仓库与库位</translation>
        </message>
        <message>
            <source>Packaging boxes</source>
            <translation>包装箱</translation>
        </message>
        <message>
            <source> mm</source>
            <translation> 毫米</translation>
        </message>
        <message>
            <source> g</source>
            <translation> 克</translation>
        </message>
        <message>
            <source>Print badge</source>
            <translation>打印工牌</translation>
        </message>
        <message>
            <source>Select a run of bins to label only those.</source>
            <translation>选中连续的一段库位，只打印这些库位的标签。</translation>
        </message>
        <message>
            <source>Print bin labels</source>
            <translation>打印库位标签</translation>
        </message>
        <message>
            <source>Job {id} with these labels is already waiting to print.</source>
            <translation>这些标签的打印任务 {id} 已在等待打印。</translation>
        </message>
        <message>
            <source>{n} label(s) {reference} queued for {printer} (job {id}).</source>
            <translation>{n} 张标签 {reference} 已加入 {printer} 的打印队列（任务 {id}）。</translation>
        </message>
        <message>
            <source>Picker</source>
            <translation>拣货员</translation>
        </message>
        <message>
            <source>Packer</source>
            <translation>打包员</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>客服</translation>
        </message>
        <message>
            <source>Supervisor</source>
            <translation>主管</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>管理员</translation>
        </message>
    </context>
    <context>
        <name>settings</name>
        <message>
            <source>weight tolerance of a parcel, grams (at least)</source>
            <translation>包裹重量允差，克（至少）</translation>
        </message>
        <message>
            <source>weight tolerance of a parcel, percent (at least)</source>
            <translation>包裹重量允差，百分比（至少）</translation>
        </message>
        <message>
            <source>the pack scales' resolution (one division), grams: the tightest weight band a light item may get</source>
            <translation>打包秤的分度值（一格），克：轻小商品可得到的最窄重量范围</translation>
        </message>
        <message>
            <source>this carrier takes a multi-box order under its first box's waybill as master</source>
            <translation>该承运商接受多箱订单以第一箱的面单作为母单</translation>
        </message>
        <message>
            <source>share of parcels re-checked at verify, percent</source>
            <translation>复核时抽检的包裹比例，百分比</translation>
        </message>
        <message>
            <source>orders at or above this total are always verified</source>
            <translation>订单金额达到或超过此值时必定复核</translation>
        </message>
        <message>
            <source>which warehouse serves an order: cost or nearest</source>
            <translation>由哪个仓库发货：cost（成本最低）或 nearest（最近）</translation>
        </message>
        <message>
            <source>warn when stock left after allocation is at most this</source>
            <translation>分配后剩余库存不超过此数时提醒</translation>
        </message>
        <message>
            <source>orders (totes) per wave</source>
            <translation>每个波次的订单（周转箱）数</translation>
        </message>
        <message>
            <source>pick lines per wave</source>
            <translation>每个波次的拣货行数</translation>
        </message>
        <message>
            <source>print the recipient's full name and phone on this carrier's labels (only where the carrier requires it)</source>
            <translation>在该承运商的面单上打印收件人完整姓名和电话（仅在承运商要求时）</translation>
        </message>
        <message>
            <source>mask the buyer's phone on invoices</source>
            <translation>发票上隐藏买家电话的部分号码</translation>
        </message>
        <message>
            <source>refunds above this amount (CNY) wait for a supervisor</source>
            <translation>超过此金额（元）的退款需主管审批</translation>
        </message>
        <message>
            <source>orders at or above this total raise a ticket's priority</source>
            <translation>订单金额达到或超过此值时提高工单优先级</translation>
        </message>
        <message>
            <source>ticket routing table (category, channel, language → queue); empty means the built-in routes</source>
            <translation>工单分配表（类别、渠道、语言 → 队列）；留空则使用内置规则</translation>
        </message>
        <message>
            <source>a count differing by more than this many units waits for a supervisor</source>
            <translation>盘点差异超过此件数时需主管审批</translation>
        </message>
        <message>
            <source>working hours per queue ('*': every other queue): shifts, weekdays, calendar; empty means round the clock</source>
            <translation>各队列的工作时间（'*'：其余所有队列）：班次、工作日、日历；留空表示全天候</translation>
        </message>
        <message>
            <source>warn the assignee and supervisors this many business minutes before an SLA clock runs out (0: no warning)</source>
            <translation>SLA 到期前这么多个工作分钟提醒处理人和主管（0：不提醒）</translation>
        </message>
        <message>
            <source>user names warned before an SLA breach besides the assignee; empty means every active supervisor</source>
            <translation>SLA 超时前除处理人外还要提醒的用户名；留空表示所有在岗主管</translation>
        </message>
        <message>
            <source>email a satisfaction survey when a ticket is resolved</source>
            <translation>工单解决后发送满意度调查邮件</translation>
        </message>
        <message>
            <source>a survey score at or below this opens a follow-up for a supervisor</source>
            <translation>调查评分不高于此值时为主管创建跟进任务</translation>
        </message>
        <message>
            <source>lifetime value (CNY) from which a customer is silver, gold, vip; empty means the built-in thresholds</source>
            <translation>客户成为银卡、金卡、VIP 的累计消费（元）；留空则使用内置门槛</translation>
        </message>
        <message>
            <source>the answer bot replies by itself when the intent model is surer than this (0..1; 1 turns the bot off)</source>
            <translation>意图模型的把握高于此值时，自动答复机器人直接回复（0..1；1 表示关闭机器人）</translation>
        </message>
        <message>
            <source>packing videos are deleted this many days after recording</source>
            <translation>打包视频在录制后这么多天删除</translation>
        </message>
        <message>
            <source>packing videos of one station take at most this many GB (the oldest are deleted first)</source>
            <translation>一个工位的打包视频最多占用这么多 GB（最早的先删除）</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Setup</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>Site, users, warehouses and settings…</source>
            <translation>站点、用户、仓库与参数…</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>The maximum weight is whole grams, not {value!r}.</source>
            <translation>最大重量须为整数克，而不是 {value!r}。</translation>
        </message>
        <message>
            <source>Box {box}: unknown flag {flag!r} (fragile, liquid, bulky, battery).</source>
            <translation>包装 {box}：未知标记 {flag!r}（可用 fragile、liquid、bulky、battery）。</translation>
        </message>
        <message>
            <source>Box {box}: a mailer bag cannot suit fragile goods or liquids.</source>
            <translation>包装 {box}：快递袋不能适用易碎品或液体。</translation>
        </message>
    </context>
<context>
    <name>admin.products</name>
    <message>
        <source>Only the first {count} products are listed: search to find the others.</source>
        <translation>只列出前 {count} 个商品：其余的请搜索查找。</translation>
    </message>
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