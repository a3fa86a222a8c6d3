<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
    <message>
        <source>Your role may not {action}.</source>
        <translation>您的角色无权{action}。</translation>
    </message>
    <message>
        <source>This command needs a signed-in user: add --user NAME (or set PACKDESK_USER).</source>
        <translation>此命令需要登录用户：请加上 --user 用户名（或设置 PACKDESK_USER）。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>pick waves</source>
        <translation>拣货</translation>
    </message>
    <message>
        <source>pack orders</source>
        <translation>打包订单</translation>
    </message>
    <message>
        <source>verify parcels</source>
        <translation>复核包裹</translation>
    </message>
    <message>
        <source>hand parcels over to a carrier</source>
        <translation>向承运商交接包裹</translation>
    </message>
    <message>
        <source>allocate stock and plan waves</source>
        <translation>分配库存和规划波次</translation>
    </message>
    <message>
        <source>resolve station exceptions</source>
        <translation>处理工作站异常</translation>
    </message>
    <message>
        <source>override a weight check</source>
        <translation>越过称重检查</translation>
    </message>
    <message>
        <source>work on customers and tickets</source>
        <translation>处理客户和工单</translation>
    </message>
    <message>
        <source>see full contact details</source>
        <translation>查看完整联系方式</translation>
    </message>
    <message>
        <source>approve refunds</source>
        <translation>审批退款</translation>
    </message>
    <message>
        <source>see service reports and close incidents</source>
        <translation>查看客服报表和关闭事件</translation>
    </message>
    <message>
        <source>merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>reprint documents</source>
        <translation>重打单据</translation>
    </message>
    <message>
        <source>change settings</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change warehouses, bins, products and carriers</source>
        <translation>修改仓库、库位、商品和承运商</translation>
    </message>
    <message>
        <source>receive stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <source>move, adjust or count stock</source>
        <translation>移库、调整或盘点库存</translation>
    </message>
    <message>
        <source>approve stock count variances</source>
        <translation>审批盘点差异</translation>
    </message>
    <message>
        <source>configure mailboxes</source>
        <translation>配置邮箱</translation>
    </message>
    <message>
        <source>view and export packing videos</source>
        <translation>查看和导出打包视频</translation>
    </message>
    <message>
        <source>No parcel {id}.</source>
        <translation>没有包裹 {id}。</translation>
    </message>
    <message>
        <source>Too many clips named {stem} in {folder}.</source>
        <translation>{folder} 中名为 {stem} 的录像过多。</translation>
    </message>
    <message>
        <source>No packing video is kept for {ref} (an order, tracking or parcel number).</source>
        <translation>{ref} 没有保存的打包视频（可输入订单号、运单号或包裹号）。</translation>
    </message>
    <message>
        <source>No packing video {id}.</source>
        <translation>没有打包视频 {id}。</translation>
    </message>
    <message>
        <source>{path} is a file: give a folder to export into.</source>
        <translation>{path} 是一个文件：请指定导出的文件夹。</translation>
    </message>
    <message>
        <source>Packing video {id} of {order} cannot be exported: {problem}.</source>
        <translation>订单 {order} 的打包视频 {id} 无法导出：{problem}。</translation>
    </message>
    <message>
        <source>Packing video {id} of {order} does not match its index (SHA-256 differs): it was changed or damaged and is not exported.</source>
        <translation>订单 {order} 的打包视频 {id} 与索引不符（SHA-256 不同）：文件已被修改或损坏，未导出。</translation>
    </message>
    <message>
        <source>--seconds must be more than 0 and at most 3600, not {seconds}.</source>
        <translation>--seconds 必须大于 0 且不超过 3600，而不是 {seconds}。</translation>
    </message>
    <message>
        <source>{path} exists: give a new file name.</source>
        <translation>{path} 已存在：请换一个文件名。</translation>
    </message>
    <message>
        <source>Settings file {path} is not valid TOML: {reason}</source>
        <translation>设置文件 {path} 不是有效的 TOML：{reason}</translation>
    </message>
    <message>
        <source>This database already has orders; demo data goes into an empty database.</source>
        <translation>此数据库已有订单；演示数据只能装入空数据库。</translation>
    </message>
    <message>
        <source>Unknown time zone {name!r}: use a name such as Asia/Shanghai or Europe/Berlin.</source>
        <translation>未知时区 {name!r}：请使用 Asia/Shanghai 或 Europe/Berlin 这样的名称。</translation>
    </message>
    <message>
        <source>Unsupported database {name!r}: use SQLite or PostgreSQL</source>
        <translation>不支持的数据库 {name!r}：请使用 SQLite 或 PostgreSQL</translation>
    </message>
    <message>
        <source>This database has PackDesk tables but no migration record; refusing to touch it.</source>
        <translation>此数据库有 PackDesk 的表却没有迁移记录；拒绝改动它。</translation>
    </message>
    <message>
        <source>Not a database URL: {url!r} (try sqlite:///path/file.sqlite or postgresql://user:password@host/dbname)</source>
        <translation>不是数据库地址：{url!r}（可用 sqlite:///路径/文件.sqlite 或 postgresql://用户:密码@主机/库名）</translation>
    </message>
    <message>
        <source>Database driver missing for {driver}: {reason}</source>
        <translation>缺少 {driver} 的数据库驱动：{reason}</translation>
    </message>
    <message>
        <source>Database driver missing ({module}); install with: pip install 'packdesk[postgres]'</source>
        <translation>缺少数据库驱动（{module}）；请安装：pip install 'packdesk[postgres]'</translation>
    </message>
    <message>
        <source>Cannot reach the database {url}: {reason}</source>
        <translation>无法连接数据库 {url}：{reason}</translation>
    </message>
    <message>
        <source>No order {number}.</source>
        <translation>没有订单 {number}。</translation>
    </message>
    <message>
        <source>No shipment for {ref}: pack the order first.</source>
        <translation>{ref} 没有发货记录：请先打包该订单。</translation>
    </message>
    <message>
        <source>No wave {number}.</source>
        <translation>没有波次 {number}。</translation>
    </message>
    <message>
        <source>No hand-over batch {number}.</source>
        <translation>没有交接批次 {number}。</translation>
    </message>
    <message>
        <source>{name} has no badge code: give one with packdesk users badge.</source>
        <translation>{name} 没有工牌码：请用 packdesk users badge 设置。</translation>
    </message>
    <message>
        <source>The range {first} .. {last} ends before it starts.</source>
        <translation>范围 {first} .. {last} 的结束早于开始。</translation>
    </message>
    <message>
        <source>No product {sku}.</source>
        <translation>没有商品 {sku}。</translation>
    </message>
    <message>
        <source>No label kind {kind}; kinds: {kinds}.</source>
        <translation>没有标签类型 {kind}；可用类型：{kinds}。</translation>
    </message>
    <message>
        <source>Copies must be between 1 and 100, not {copies}.</source>
        <translation>份数须在 1 到 100 之间，不能是 {copies}。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} has no bins to label.</source>
        <translation>仓库 {warehouse} 没有可打标签的库位。</translation>
    </message>
    <message>
        <source>{count} labels in one job; at most {most}: print a shorter range.</source>
        <translation>一个任务 {count} 张标签，最多 {most} 张：请缩小范围。</translation>
    </message>
    <message>
        <source>No bin {bin} in warehouse {warehouse}.</source>
        <translation>仓库 {warehouse} 中没有库位 {bin}。</translation>
    </message>
    <message>
        <source>Unknown event type {kinds}; use {known}.</source>
        <translation>未知事件类型 {kinds}；请使用 {known}。</translation>
    </message>
    <message>
        <source>No order #{id}.</source>
        <translation>没有订单 #{id}。</translation>
    </message>
    <message>
        <source>This account is disabled; ask a supervisor.</source>
        <translation>此账号已停用；请联系主管。</translation>
    </message>
    <message>
        <source>Unknown badge {badge!r}: scan again or sign in with your password.</source>
        <translation>未知工牌 {badge!r}：请重新扫描或用密码登录。</translation>
    </message>
    <message>
        <source>{what} must be more than 0 with at most 2 decimals: {raw!r}.</source>
        <translation>{what}须大于 0，最多 2 位小数：{raw!r}。</translation>
    </message>
    <message>
        <source>{what} is too large: {raw!r}.</source>
        <translation>{what}过大：{raw!r}。</translation>
    </message>
    <message>
        <source>Order {number} belongs to another customer.</source>
        <translation>订单 {number} 属于另一位客户。</translation>
    </message>
    <message>
        <source>Ticket {number} is closed; open a new ticket.</source>
        <translation>工单 {number} 已关闭；请新建工单。</translation>
    </message>
    <message>
        <source>No ticket #{id}.</source>
        <translation>没有工单 #{id}。</translation>
    </message>
    <message>
        <source>Ticket {number} belongs to another customer.</source>
        <translation>工单 {number} 属于另一位客户。</translation>
    </message>
    <message>
        <source>Order {number} has ¥{left} left to refund; ¥{value} is too much.</source>
        <translation>订单 {number} 还可退 ¥{left}；¥{value} 超出了。</translation>
    </message>
    <message>
        <source>No refund #{id}.</source>
        <translation>没有退款 #{id}。</translation>
    </message>
    <message>
        <source>Refund #{id} is {status}, not waiting for approval.</source>
        <translation>退款 #{id} 状态为 {status}，不在待审批中。</translation>
    </message>
    <message>
        <source>A coupon is at most ¥{limit}; offer a refund for more.</source>
        <translation>优惠券最多 ¥{limit}；更多金额请办理退款。</translation>
    </message>
    <message>
        <source>A coupon is valid for 1 to 366 days.</source>
        <translation>优惠券有效期为 1 到 366 天。</translation>
    </message>
    <message>
        <source>A follow-up cannot be due in the past.</source>
        <translation>跟进的到期时间不能在过去。</translation>
    </message>
    <message>
        <source>{what} is not a number: {raw!r}.</source>
        <translation>{what}不是数字：{raw!r}。</translation>
    </message>
    <message>
        <source>Unknown channel {value!r}; use {known}.</source>
        <translation>未知渠道 {value!r}；请使用 {known}。</translation>
    </message>
    <message>
        <source>Unknown direction {value!r}; use inbound or outbound.</source>
        <translation>未知方向 {value!r}；请使用 inbound 或 outbound。</translation>
    </message>
    <message>
        <source>Unknown intent {intent}; use one of {intents}.</source>
        <translation>未知意图 {intent}；请使用以下之一：{intents}。</translation>
    </message>
    <message>
        <source>Unknown label source {source}.</source>
        <translation>未知标注来源 {source}。</translation>
    </message>
    <message>
        <source>There is no customer message to label.</source>
        <translation>没有可标注的客户消息。</translation>
    </message>
    <message>
        <source>{source} line {line}: expected intent&lt;TAB&gt;message.</source>
        <translation>{source} 第 {line} 行：应为 意图&lt;TAB&gt;消息。</translation>
    </message>
    <message>
        <source>{source} line {line}: unknown intent {intent}.</source>
        <translation>{source} 第 {line} 行：未知意图 {intent}。</translation>
    </message>
    <message>
        <source>{origin} has no days of {year}.</source>
        <translation>{origin} 没有 {year} 年的日期。</translation>
    </message>
    <message>
        <source>No setting {key}.</source>
        <translation>没有设置项 {key}。</translation>
    </message>
    <message>
        <source>{key} must be at least {minimum}.</source>
        <translation>{key} 不能小于 {minimum}。</translation>
    </message>
    <message>
        <source>{key} must be at most {maximum}.</source>
        <translation>{key} 不能大于 {maximum}。</translation>
    </message>
    <message>
        <source>{key} must be {kind}, not {value!r}.</source>
        <translation>{key} 须为{kind}，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>Fill in {names} before sending: the reply still has placeholders.</source>
        <translation>发送前请填写 {names}：回复中仍有占位符。</translation>
    </message>
    <message>
        <source>Box code {box!r}: up to 16 letters, digits, dashes (not OWN).</source>
        <translation>箱型代码 {box!r}：最多 16 个字母、数字或短横线（不能是 OWN）。</translation>
    </message>
    <message>
        <source>Box {box} needs a title.</source>
        <translation>箱型 {box} 需要名称。</translation>
    </message>
    <message>
        <source>Box {box}: length, width and height must be positive millimetres.</source>
        <translation>箱型 {box}：长、宽、高须为正的毫米数。</translation>
    </message>
    <message>
        <source>Box {box}: the tare weight cannot be negative.</source>
        <translation>箱型 {box}：皮重不能为负。</translation>
    </message>
    <message>
        <source>Box {box}: the maximum weight ({most} g) must be more than its tare ({tare} g).</source>
        <translation>箱型 {box}：最大重量（{most} 克）须大于皮重（{tare} 克）。</translation>
    </message>
    <message>
        <source>No box {box}.</source>
        <translation>没有箱型 {box}。</translation>
    </message>
    <message>
        <source>No active user #{id}.</source>
        <translation>没有在用的用户 #{id}。</translation>
    </message>
    <message>
        <source>Order #{id} is not this customer's.</source>
        <translation>订单 #{id} 不属于此客户。</translation>
    </message>
    <message>
        <source>Ticket {number} is {status}; it cannot become {new}.</source>
        <translation>工单 {number} 状态为 {status}，不能改为 {new}。</translation>
    </message>
    <message>
        <source>Unknown category {category!r}.</source>
        <translation>未知类别 {category!r}。</translation>
    </message>
    <message>
        <source>Ticket {number} is {status}; reopen it to escalate.</source>
        <translation>工单 {number} 状态为 {status}；请重新打开后再升级。</translation>
    </message>
    <message>
        <source>Ticket {number} is already with a manager.</source>
        <translation>工单 {number} 已在经理处。</translation>
    </message>
    <message>
        <source>No user #{id}.</source>
        <translation>没有用户 #{id}。</translation>
    </message>
    <message>
        <source>No follow-up #{id}.</source>
        <translation>没有跟进 #{id}。</translation>
    </message>
    <message>
        <source>Follow-up #{id} was already done at {at}.</source>
        <translation>跟进 #{id} 已于 {at} 完成。</translation>
    </message>
    <message>
        <source>No such wave.</source>
        <translation>没有这个波次。</translation>
    </message>
    <message>
        <source>Wave {number} is already being picked.</source>
        <translation>波次 {number} 已在拣货中。</translation>
    </message>
    <message>
        <source>Wave {number} needs {needed} totes; only {free} are free.</source>
        <translation>波次 {number} 需要 {needed} 个周转箱，只有 {free} 个空闲。</translation>
    </message>
    <message>
        <source>No customer {id}.</source>
        <translation>没有客户 {id}。</translation>
    </message>
    <message>
        <source>No ticket {id}.</source>
        <translation>没有工单 {id}。</translation>
    </message>
    <message>
        <source>This station has no printer named {name}: it prints only on the printers in its settings.</source>
        <translation>本工位没有名为 {name} 的打印机：只能用其设置中的打印机打印。</translation>
    </message>
    <message>
        <source>No print job {id}.</source>
        <translation>没有打印任务 {id}。</translation>
    </message>
    <message>
        <source>Job {id} is {status}: only a job whose outcome is unknown can be marked printed.</source>
        <translation>任务 {id} 状态为 {status}：只有结果未知的任务才能标记为已打印。</translation>
    </message>
    <message>
        <source>Job {id} is {status}: only a failed job or one whose outcome is unknown is sent again.</source>
        <translation>任务 {id} 状态为 {status}：只有失败或结果未知的任务才能重新发送。</translation>
    </message>
    <message>
        <source>This station has no printer named {name} (its printers: {known}); add it to the station's settings first.</source>
        <translation>本工位没有名为 {name} 的打印机（已有：{known}）；请先把它加入工位设置。</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>打印失败：{reason}</translation>
    </message>
    <message>
        <source>The range ends before it starts.</source>
        <translation>范围的结束早于开始。</translation>
    </message>
    <message>
        <source>Pick at most {days} days.</source>
        <translation>最多选择 {days} 天。</translation>
    </message>
    <message>
        <source>Unknown action {action}; use one of {actions}.</source>
        <translation>未知操作 {action}；请使用以下之一：{actions}。</translation>
    </message>
    <message>
        <source>Order {number} is {status}: it can be cancelled only before picking starts.</source>
        <translation>订单 {number} 状态为 {status}：只能在拣货开始前取消。</translation>
    </message>
    <message>
        <source>Order {number} is being picked in wave {wave}: it can no longer be cancelled.</source>
        <translation>订单 {number} 正在波次 {wave} 中拣货：已不能取消。</translation>
    </message>
    <message>
        <source>Order {number} is {status}: the address can change only until it is packed; ask the carrier to redirect it.</source>
        <translation>订单 {number} 状态为 {status}：打包前才能改地址；请联系承运商改派。</translation>
    </message>
    <message>
        <source>Order {number} is being packed (its waybill may be printed): ask the carrier to redirect it.</source>
        <translation>订单 {number} 正在打包（面单可能已打印）：请联系承运商改派。</translation>
    </message>
    <message>
        <source>Unknown address field {name}.</source>
        <translation>未知地址字段 {name}。</translation>
    </message>
    <message>
        <source>The phone number has no digits: {phone!r}.</source>
        <translation>电话号码中没有数字：{phone!r}。</translation>
    </message>
    <message>
        <source>Order {number} is cancelled: it has no invoice.</source>
        <translation>订单 {number} 已取消：没有发票。</translation>
    </message>
    <message>
        <source>A tax number has 15 to 20 letters and digits, not {tax!r}.</source>
        <translation>税号为 15 到 20 位字母和数字，不能是 {tax!r}。</translation>
    </message>
    <message>
        <source>No incident #{id}.</source>
        <translation>没有事件 #{id}。</translation>
    </message>
    <message>
        <source>Incident #{id} is closed.</source>
        <translation>事件 #{id} 已关闭。</translation>
    </message>
    <message>
        <source>No ticket {number!r}.</source>
        <translation>没有工单 {number!r}。</translation>
    </message>
    <message>
        <source>No affected customers to notify yet: link tickets to the incident first.</source>
        <translation>还没有需通知的受影响客户：请先把工单关联到事件。</translation>
    </message>
    <message>
        <source>Incident #{id} is already closed.</source>
        <translation>事件 #{id} 已经关闭。</translation>
    </message>
    <message>
        <source>The review needs {fields} (5W1H: what, why, where, when, who, how).</source>
        <translation>复盘还需填写 {fields}（5W1H：何事、何因、何地、何时、何人、如何）。</translation>
    </message>
    <message>
        <source>A customer cannot be merged into itself.</source>
        <translation>客户不能合并到自己。</translation>
    </message>
    <message>
        <source>Customer #{id} is already merged into #{into}; un-merge it first.</source>
        <translation>客户 #{id} 已合并到 #{into}；请先取消合并。</translation>
    </message>
    <message>
        <source>Customer #{id} is not merged into anyone.</source>
        <translation>客户 #{id} 未合并到任何客户。</translation>
    </message>
    <message>
        <source>Not a customer id: {raw!r} (use the number from `packdesk customer find`).</source>
        <translation>不是客户编号：{raw!r}（请用 `packdesk customer find` 给出的编号）。</translation>
    </message>
    <message>
        <source>No tote is waiting at packing.</source>
        <translation>打包台没有等待的周转箱。</translation>
    </message>
    <message>
        <source>No other product barcode.</source>
        <translation>没有其他商品条码。</translation>
    </message>
    <message>
        <source>no reference</source>
        <translation>没有单号</translation>
    </message>
    <message>
        <source>quantity must be above zero</source>
        <translation>数量须大于零</translation>
    </message>
    <message>
        <source>receipt {receipt} is for another warehouse</source>
        <translation>收货单 {receipt} 属于另一个仓库</translation>
    </message>
    <message>
        <source>No ticket {number}.</source>
        <translation>没有工单 {number}。</translation>
    </message>
    <message>
        <source>No file or folder {path}.</source>
        <translation>没有文件或文件夹 {path}。</translation>
    </message>
    <message>
        <source>{file} is larger than {mb} MB.</source>
        <translation>{file} 大于 {mb} MB。</translation>
    </message>
    <message>
        <source>Unknown status {status!r}; use one of {known}.</source>
        <translation>未知状态 {status!r}；请使用以下之一：{known}。</translation>
    </message>
    <message>
        <source>Mailbox {name}: no folder {folder} on {host}.</source>
        <translation>邮箱 {name}：{host} 上没有文件夹 {folder}。</translation>
    </message>
    <message>
        <source>Mailbox {name}: IMAP {host}:{port}: {error}</source>
        <translation>邮箱 {name}：IMAP {host}:{port}：{error}</translation>
    </message>
    <message>
        <source>No password for mailbox {name}: set {env} or password under [mail.{name}] in {path}.</source>
        <translation>邮箱 {name} 没有密码：请设置 {env}，或在 {path} 的 [mail.{name}] 下填写 password。</translation>
    </message>
    <message>
        <source>Mailbox name {name!r}: use lower-case letters, digits and _ (at most 32).</source>
        <translation>邮箱名 {name!r}：请用小写字母、数字和 _（最多 32 个）。</translation>
    </message>
    <message>
        <source>Not an email address: {address!r}.</source>
        <translation>不是电子邮件地址：{address!r}。</translation>
    </message>
    <message>
        <source>No mailbox {name!r}.</source>
        <translation>没有邮箱 {name!r}。</translation>
    </message>
    <message>
        <source>{what} TLS must be ssl, starttls or none, not {mode!r}.</source>
        <translation>{what} 的 TLS 须为 ssl、starttls 或 none，不能是 {mode!r}。</translation>
    </message>
    <message>
        <source>{what} port {port} is not a port number.</source>
        <translation>{what} 的端口 {port} 不是端口号。</translation>
    </message>
    <message>
        <source>{path} holds mail passwords but others may read it: chmod 600 {path}.</source>
        <translation>{path} 存有邮箱密码，但其他人可读：请执行 chmod 600 {path}。</translation>
    </message>
    <message>
        <source>Settings file {path} is not valid TOML: {error}</source>
        <translation>设置文件 {path} 不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <source>{what} cannot be negative</source>
        <translation>{what} 不能为负</translation>
    </message>
    <message>
        <source>price {value!r} is not a price</source>
        <translation>价格 {value!r} 不是有效价格</translation>
    </message>
    <message>
        <source>barcode {barcode} belongs to {sku}</source>
        <translation>条码 {barcode} 属于 {sku}</translation>
    </message>
    <message>
        <source>{what} {value!r} is not a number</source>
        <translation>{what} {value!r} 不是数字</translation>
    </message>
    <message>
        <source>price {value!r} is not a number</source>
        <translation>价格 {value!r} 不是数字</translation>
    </message>
    <message>
        <source>no SKU</source>
        <translation>没有 SKU</translation>
    </message>
    <message>
        <source>variant of {handle} has no SKU</source>
        <translation>{handle} 的变体没有 SKU</translation>
    </message>
    <message>
        <source>A {document} prints as PDF; only waybills print as ZPL or TSPL.</source>
        <translation>{document} 只能打印为 PDF；只有面单能打印为 ZPL 或 TSPL。</translation>
    </message>
    <message>
        <source>Which {document}? Give its number (or --all-packed for waybills).</source>
        <translation>哪一个{document}？请给出编号（面单可用 --all-packed）。</translation>
    </message>
    <message>
        <source>No waybill size {size}; sizes: {sizes}.</source>
        <translation>没有面单尺寸 {size}；可用尺寸：{sizes}。</translation>
    </message>
    <message>
        <source>Job {id} {status}: {error}{tail}</source>
        <translation>任务 {id} {status}：{error}{tail}</translation>
    </message>
    <message>
        <source>Cannot tell the format of {out}: end it in .pdf, .zpl or .tspl</source>
        <translation>无法判断 {out} 的格式：请以 .pdf、.zpl 或 .tspl 结尾</translation>
    </message>
    <message>
        <source>No packed parcels are waiting for their waybill.</source>
        <translation>没有已打包的包裹在等待面单。</translation>
    </message>
    <message>
        <source>Ticket {number} has no attachment #{id}.</source>
        <translation>工单 {number} 没有附件 #{id}。</translation>
    </message>
    <message>
        <source>No password: set PACKDESK_PASSWORD or run the command in a terminal.</source>
        <translation>没有密码：请设置 PACKDESK_PASSWORD 或在终端中运行此命令。</translation>
    </message>
    <message>
        <source>This database already has users: load the demo into a new file, e.g. packdesk demo --db sqlite:///demo.sqlite</source>
        <translation>此数据库已有用户：请把演示数据装入新文件，例如 packdesk demo --db sqlite:///demo.sqlite</translation>
    </message>
    <message>
        <source>No such folder: {folder}</source>
        <translation>没有这个文件夹：{folder}</translation>
    </message>
    <message>
        <source>Text too long for its zone on the label: {start}…</source>
        <translation>文字超出标签上的区域：{start}…</translation>
    </message>
    <message>
        <source>Labels print as PDF or ZPL, not {format}.</source>
        <translation>标签只能以 PDF 或 ZPL 打印，不能用 {format}。</translation>
    </message>
    <message>
        <source>{barcode} is not a valid EAN-13: print it as Code128.</source>
        <translation>{barcode} 不是有效的 EAN-13：请按 Code128 打印。</translation>
    </message>
    <message>
        <source>The barcode {barcode} is too long for a {width:g} mm label.</source>
        <translation>条码 {barcode} 对 {width:g} 毫米宽的标签太长。</translation>
    </message>
    <message>
        <source>Printer address {uri} needs a host, e.g. tcp://192.0.2.10:9100</source>
        <translation>打印机地址 {uri} 需要主机，例如 tcp://192.0.2.10:9100</translation>
    </message>
    <message>
        <source>Printer address {uri}: confirm= is status or close.</source>
        <translation>打印机地址 {uri}：confirm= 只能是 status 或 close。</translation>
    </message>
    <message>
        <source>Unknown printer {uri}: use {schemes}.</source>
        <translation>未知打印机 {uri}：请使用 {schemes}。</translation>
    </message>
    <message>
        <source>CUPS is not installed here (no lp command).</source>
        <translation>本机未安装 CUPS（没有 lp 命令）。</translation>
    </message>
    <message>
        <source>Printer {printer}: {reason}</source>
        <translation>打印机 {printer}：{reason}</translation>
    </message>
    <message>
        <source>Printer address {uri} has a bad port or timeout.</source>
        <translation>打印机地址 {uri} 的端口或超时无效。</translation>
    </message>
    <message>
        <source>Printer address {uri}: baud= must be a number.</source>
        <translation>打印机地址 {uri}：baud= 须为数字。</translation>
    </message>
    <message>
        <source>Printer {uri} is a system printer: it prints from the app only.</source>
        <translation>打印机 {uri} 是系统打印机：只能从应用程序中打印。</translation>
    </message>
    <message>
        <source>Printer folder {folder} is not a folder.</source>
        <translation>打印机文件夹 {folder} 不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {file}: {reason}</source>
        <translation>无法写入 {file}：{reason}</translation>
    </message>
    <message>
        <source>CUPS did not answer for printer {printer}.</source>
        <translation>CUPS 没有回应打印机 {printer}。</translation>
    </message>
    <message>
        <source>Printer {printer} is not reachable ({reason}); is it switched on and on the network?</source>
        <translation>无法连接打印机 {printer}（{reason}）；它已开机并连上网络了吗？</translation>
    </message>
    <message>
        <source>Cannot open printer port {port}: {reason}</source>
        <translation>无法打开打印机端口 {port}：{reason}</translation>
    </message>
    <message>
        <source>Printer on {port} failed while printing ({reason}); check it, then reprint or mark it printed.</source>
        <translation>{port} 上的打印机在打印时出错（{reason}）；请检查后重印或标记为已打印。</translation>
    </message>
    <message>
        <source>{path} is not a printer device; a usb: printer must be a device such as /dev/usb/lp0.</source>
        <translation>{path} 不是打印机设备；usb: 打印机须为 /dev/usb/lp0 这样的设备。</translation>
    </message>
    <message>
        <source>USB printer {path} is not connected ({reason}).</source>
        <translation>USB 打印机 {path} 未连接（{reason}）。</translation>
    </message>
    <message>
        <source>USB printer {path} failed while printing ({reason}); check it, then reprint or mark it printed.</source>
        <translation>USB 打印机 {path} 在打印时出错（{reason}）；请检查后重印或标记为已打印。</translation>
    </message>
    <message>
        <source>Printer {printer} is not ready ({problems}); nothing was sent, the job waits.</source>
        <translation>打印机 {printer} 未就绪（{problems}）；未发送任何内容，任务等待中。</translation>
    </message>
    <message>
        <source>Printer {printer} did not confirm the job ({reason}); part of it may have printed: check the printer, then reprint or mark it printed.</source>
        <translation>打印机 {printer} 未确认任务（{reason}）；可能已打印部分：请检查打印机后重印或标记为已打印。</translation>
    </message>
    <message>
        <source>Printer {printer} did not answer its status request (~HS: {reason}); nothing was sent.</source>
        <translation>打印机 {printer} 没有回应状态查询（~HS：{reason}）；未发送任何内容。</translation>
    </message>
    <message>
        <source>Settings file {path}: {key} must be text in quotes, not {value!r}.</source>
        <translation>设置文件 {path}：{key} 必须是带引号的文字，不能是 {value!r}。</translation>
    </message>
    <message>
        <source>Settings file {path}: {key} must be a table ([{key}] and its keys), not {value!r}.</source>
        <translation>设置文件 {path}：{key} 必须是表（[{key}] 及其下的键），不能是 {value!r}。</translation>
    </message>
    <message>
        <source>Settings file {path}: {key}.{name} must be a table ([{key}.{name}] and its keys), not {value!r}.</source>
        <translation>设置文件 {path}：{key}.{name} 必须是表（[{key}.{name}] 及其下的键），不能是 {value!r}。</translation>
    </message>
</context>
</TS>
