<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>No waybill numbers left for {carrier}: import the carrier's numbers (packdesk carriers pool import {carrier} FILE).</source>
        <translation>{carrier} 的电子面单号已用完：请导入承运商给的单号（packdesk carriers pool import {carrier} FILE）。</translation>
    </message>
    <message>
        <source>Carrier {carrier} is not set up at this site: no waybill can be printed.</source>
        <translation>本站点未设置承运商 {carrier}：无法打印面单。</translation>
    </message>
    <message>
        <source>Carrier {carrier} takes its numbers from {provider}, which is not installed.</source>
        <translation>承运商 {carrier} 的单号来自 {provider}，但它尚未安装。</translation>
    </message>
    <message>
        <source>No carrier {carrier}.</source>
        <translation>没有承运商 {carrier}。</translation>
    </message>
    <message>
        <source>Say why the number is voided.</source>
        <translation>请说明作废此单号的原因。</translation>
    </message>
    <message>
        <source>No usable number {number} in the pool of {carrier}.</source>
        <translation>{carrier} 的号池中没有可用的单号 {number}。</translation>
    </message>
    <message>
        <source>The rule's weight range ends before it starts.</source>
        <translation>规则的重量范围结束值小于起始值。</translation>
    </message>
    <message>
        <source>No carrier rule {rule}.</source>
        <translation>没有承运商规则 {rule}。</translation>
    </message>
    <message>
        <source>Time {time!r}: write it as HH:MM, such as 16:30.</source>
        <translation>时间 {time!r}：请写成 HH:MM，例如 16:30。</translation>
    </message>
    <message>
        <source>The site needs a name.</source>
        <translation>站点需要一个名称。</translation>
    </message>
    <message>
        <source>Currency {currency!r} is not a three-letter code such as CNY.</source>
        <translation>币种 {currency!r} 不是 CNY 这样的三位字母代码。</translation>
    </message>
    <message>
        <source>Languages must be among {known}, not {given}.</source>
        <translation>语言必须是 {known} 之一，而不是 {given}。</translation>
    </message>
    <message>
        <source>This database already has a site ({name}); packdesk init only sets up an empty one.</source>
        <translation>此数据库已有站点（{name}）；packdesk init 只能初始化空数据库。</translation>
    </message>
    <message>
        <source>This database already has users; packdesk init only sets up an empty one.</source>
        <translation>此数据库已有用户；packdesk init 只能初始化空数据库。</translation>
    </message>
    <message>
        <source>User name {name!r}: use 2-64 letters, digits, dots, dashes or underscores.</source>
        <translation>用户名 {name!r}：请使用 2-64 个字母、数字、点、连字符或下划线。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters.</source>
        <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
        <source>No role {role!r}: use one of {roles}.</source>
        <translation>没有角色 {role!r}：请使用 {roles} 之一。</translation>
    </message>
    <message>
        <source>No user {name}.</source>
        <translation>没有用户 {name}。</translation>
    </message>
    <message>
        <source>{name} is the last active admin; add another admin first.</source>
        <translation>{name} 是最后一个启用的管理员；请先添加另一个管理员。</translation>
    </message>
    <message>
        <source>A badge code cannot be empty.</source>
        <translation>工牌码不能为空。</translation>
    </message>
    <message>
        <source>Badge {badge} belongs to another user.</source>
        <translation>工牌 {badge} 属于另一个用户。</translation>
    </message>
    <message>
        <source>User {name} exists already.</source>
        <translation>用户 {name} 已存在。</translation>
    </message>
    <message>
        <source>No warehouse {warehouse}.</source>
        <translation>没有仓库 {warehouse}。</translation>
    </message>
    <message>
        <source>Warehouse code {warehouse!r}: up to 16 letters, digits, dashes.</source>
        <translation>仓库代码 {warehouse!r}：最多 16 个字母、数字或连字符。</translation>
    </message>
    <message>
        <source>Warehouse {warehouse} needs a name.</source>
        <translation>仓库 {warehouse} 需要一个名称。</translation>
    </message>
    <message>
        <source>Bin {bin!r} is not ZONE-AISLE-BAY-LEVEL such as A-01-01-1.</source>
        <translation>库位 {bin!r} 不是 区-巷道-列-层 格式（例如 A-01-01-1）。</translation>
    </message>
    <message>
        <source>A bin range is FIRST..LAST, such as A-01-01-1..A-20-10-4.</source>
        <translation>库位范围写成 起始..结束，例如 A-01-01-1..A-20-10-4。</translation>
    </message>
    <message>
        <source>A bin range stays in one zone ({first} .. {last}).</source>
        <translation>库位范围只能在一个库区内（{first} .. {last}）。</translation>
    </message>
    <message>
        <source>The range {pattern} ends before it starts.</source>
        <translation>范围 {pattern} 的结束值小于起始值。</translation>
    </message>
    <message>
        <source>{count} bins in one range; at most {most}.</source>
        <translation>一个范围有 {count} 个库位；最多 {most} 个。</translation>
    </message>
    <message>
        <source>Add between 1 and 1000 totes at a time, not {count}.</source>
        <translation>每次添加 1 到 1000 个周转箱，而不是 {count}。</translation>
    </message>
    <message>
        <source>There is no stock of this product in that bin.</source>
        <translation>该库位没有此商品的库存。</translation>
    </message>
    <message>
        <source>Only {free} free in the bin; nothing was changed.</source>
        <translation>该库位只有 {free} 件可用；未做任何更改。</translation>
    </message>
    <message>
        <source>No product {product}.</source>
        <translation>没有商品 {product}。</translation>
    </message>
    <message>
        <source>No bin {bin}{where}.</source>
        <translation>没有库位 {bin}{where}。</translation>
    </message>
    <message>
        <source>Bin {bin} exists in {warehouses}: say which warehouse.</source>
        <translation>库位 {bin} 在 {warehouses} 中都有：请指定仓库。</translation>
    </message>
    <message>
        <source>Receive a quantity above zero, not {quantity}.</source>
        <translation>收货数量必须大于零，而不是 {quantity}。</translation>
    </message>
    <message>
        <source>No receipt {receipt}.</source>
        <translation>没有入库单 {receipt}。</translation>
    </message>
    <message>
        <source>Receipt {receipt} is closed.</source>
        <translation>入库单 {receipt} 已关闭。</translation>
    </message>
    <message>
        <source>Bin {bin} is not in the receipt's warehouse.</source>
        <translation>库位 {bin} 不在该入库单的仓库中。</translation>
    </message>
    <message>
        <source>A receipts CSV needs the columns reference, warehouse, sku, quantity.</source>
        <translation>入库单 CSV 需要 reference、warehouse、sku、quantity 列。</translation>
    </message>
    <message>
        <source>Move a quantity above zero, not {quantity}.</source>
        <translation>移库数量必须大于零，而不是 {quantity}。</translation>
    </message>
    <message>
        <source>The stock is already in {bin}.</source>
        <translation>库存已在 {bin}。</translation>
    </message>
    <message>
        <source>Reason {reason!r}: use one of {reasons}.</source>
        <translation>原因 {reason!r}：请使用 {reasons} 之一。</translation>
    </message>
    <message>
        <source>An adjustment changes the quantity.</source>
        <translation>调整必须改变数量。</translation>
    </message>
    <message>
        <source>A count cannot be negative.</source>
        <translation>盘点数量不能为负数。</translation>
    </message>
    <message>
        <source>No count {count} waits for approval.</source>
        <translation>没有待审批的盘点 {count}。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件是空的。</translation>
    </message>
    <message>
        <source>Not a PackDesk product CSV: no column {columns}.</source>
        <translation>不是 PackDesk 商品 CSV：缺少 {columns} 列。</translation>
    </message>
    <message>
        <source>Not a Shopify product export: it needs the Handle and Variant SKU columns.</source>
        <translation>不是 Shopify 商品导出文件：需要 Handle 和 Variant SKU 列。</translation>
    </message>
    <message>
        <source>No product format {fmt}: use one of {known}.</source>
        <translation>没有商品格式 {fmt}：请使用 {known} 之一。</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text; save it as UTF-8.</source>
        <translation>{path} 不是 UTF-8 文本；请另存为 UTF-8。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {why}</source>
        <translation>无法读取 {path}：{why}</translation>
    </message>
    <message>
        <source>Cannot read the password file {path}: {why}</source>
        <translation>无法读取密码文件 {path}：{why}</translation>
    </message>
    <message>
        <source>No password: give --password-file FILE or run the command in a terminal.</source>
        <translation>没有密码：请加 --password-file FILE，或在终端中运行此命令。</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不同；未做任何更改。</translation>
    </message>
    <message>
        <source>No {option}: give --{option} or run init in a terminal.</source>
        <translation>缺少 {option}：请加 --{option}，或在终端中运行 init。</translation>
    </message>
</context>
</TS>
