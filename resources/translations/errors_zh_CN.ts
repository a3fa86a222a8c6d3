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
</context>
</TS>
