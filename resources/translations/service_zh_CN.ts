<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/service/alerts.py" line="200"/>
        <source>Open incident</source>
        <translation>查看事件</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="223"/>
        <source>Incident: {title}</source>
        <translation>事件：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="225"/>
        <source>⚠ {n} open incident(s): {titles}</source>
        <translation>⚠ {n} 个进行中的事件：{titles}</translation>
    </message>
</context>
<context>
    <name>BotPanel</name>
    <message>
        <location filename="../../ui/service/dashboard.py" line="223"/>
        <source>Week of</source>
        <translation>周起始</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="223"/>
        <source>Messages</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="223"/>
        <source>Bot answered</source>
        <translation>机器人回复</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="224"/>
        <source>Contained 72 h</source>
        <translation>72 小时未追问</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="224"/>
        <source>Intent accuracy</source>
        <translation>意图准确率</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="240"/>
        <source>Answer bot: {answered} of {messages} customer messages answered</source>
        <translation>机器人：{messages} 条客户消息中自动回复 {answered} 条</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="242"/>
        <source>Answer bot: no customer message in this range</source>
        <translation>机器人：此期间没有客户消息</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../ui/service/names.py" line="72"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="73"/>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="74"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="75"/>
        <source>Payment</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="76"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="77"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="78"/>
        <source>General</source>
        <translation>一般</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../ui/service/names.py" line="50"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="51"/>
        <source>Chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="52"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="53"/>
        <source>Social</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="54"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <location filename="../../ui/service/customer.py" line="229"/>
        <location filename="../../ui/service/customer.py" line="534"/>
        <location filename="../../ui/service/customer.py" line="561"/>
        <location filename="../../ui/service/customer.py" line="580"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="229"/>
        <source>Shipment</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="229"/>
        <source>Tracking</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="230"/>
        <location filename="../../ui/service/customer.py" line="596"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="230"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="230"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="231"/>
        <source>Contact</source>
        <translation>联系</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="231"/>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="236"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="236"/>
        <source>Regular</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="236"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="237"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="237"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="238"/>
        <source>in</source>
        <translation>呼入</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="238"/>
        <source>out</source>
        <translation>呼出</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="239"/>
        <source>internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="252"/>
        <source>Reveal contacts</source>
        <translation>显示完整联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="256"/>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="272"/>
        <source>Log contact…</source>
        <translation>记录联系…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="273"/>
        <source>Open ticket…</source>
        <translation>创建工单…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="274"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="275"/>
        <source>Give coupon…</source>
        <translation>发优惠券…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="276"/>
        <source>Follow up…</source>
        <translation>安排回访…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="277"/>
        <source>Add note…</source>
        <translation>添加备注…</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="286"/>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="290"/>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="298"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="298"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="298"/>
        <source>Reference</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="299"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="299"/>
        <location filename="../../ui/service/customer.py" line="529"/>
        <location filename="../../ui/service/customer.py" line="560"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="299"/>
        <location filename="../../ui/service/customer.py" line="320"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="302"/>
        <source>Load older events</source>
        <translation>加载更早的记录</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="306"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="320"/>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="327"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="328"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="329"/>
        <source>Search for a customer and open them to see their history.</source>
        <translation>搜索并打开客户以查看其完整历史。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="348"/>
        <source>Your role may not see full contacts.</source>
        <translation>您的角色无权查看完整联系方式。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="366"/>
        <source>Lifetime value ¥{v}</source>
        <translation>累计消费 ¥{v}</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="367"/>
        <source>{n} orders</source>
        <translation>{n} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="368"/>
        <source>{n} open tickets</source>
        <translation>{n} 个未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="369"/>
        <source>customer since {d}</source>
        <translation>{d} 起成为客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="371"/>
        <source>tags: {t}</source>
        <translation>标签：{t}</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="373"/>
        <source>includes merged customers {ids}</source>
        <translation>包含已合并客户 {ids}</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="378"/>
        <source>Merged into #{id}: open</source>
        <translation>已合并到 #{id}：打开</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="389"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="389"/>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="389"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="391"/>
        <source>No contact details</source>
        <translation>无联系方式</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="414"/>
        <source>{n} shown</source>
        <translation>已显示 {n} 条</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="415"/>
        <source>, more older</source>
        <translation>，还有更早的</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="443"/>
        <source>Lines</source>
        <translation>商品行</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="448"/>
        <source>Packages</source>
        <translation>包裹</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="451"/>
        <source>Parcels and tracking</source>
        <translation>包裹与物流</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="490"/>
        <source>Contacts revealed; this was recorded in the audit log.</source>
        <translation>已显示完整联系方式；此操作已记入审计日志。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="510"/>
        <source>(no order)</source>
        <translation>（不关联订单）</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="528"/>
        <source>(no ticket)</source>
        <translation>（不关联工单）</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="428"/>
        <source>Double-click to open the ticket</source>
        <translation>双击打开工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="531"/>
        <source>Customer contacted us</source>
        <translation>客户联系我们</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="532"/>
        <source>We contacted the customer</source>
        <translation>我们联系客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="533"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="535"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="542"/>
        <source>Contact logged.</source>
        <translation>已记录联系。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="544"/>
        <source>Log a contact</source>
        <translation>记录联系</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="548"/>
        <location filename="../../ui/service/customer.py" line="625"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="553"/>
        <source>Note added.</source>
        <translation>已添加备注。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="555"/>
        <source>Add a note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="559"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="562"/>
        <source>Customer's message</source>
        <translation>客户留言</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="564"/>
        <source>Me (I am talking to the customer)</source>
        <translation>我自己（正在与客户沟通）</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="565"/>
        <source>The queue (least-loaded available agent)</source>
        <translation>分配到队列（最空闲的在线客服）</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="566"/>
        <source>Who works it</source>
        <translation>由谁处理</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="574"/>
        <source>Ticket {n} opened.</source>
        <translation>已创建工单 {n}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="576"/>
        <source>Open a ticket</source>
        <translation>创建工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="581"/>
        <location filename="../../ui/service/customer.py" line="600"/>
        <source>Amount (¥)</source>
        <translation>金额（¥）</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="582"/>
        <location filename="../../ui/service/customer.py" line="601"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="587"/>
        <source>This customer has no order to refund.</source>
        <translation>该客户没有可退款的订单。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="593"/>
        <source>Refund on {n} is waiting for a supervisor's approval.</source>
        <translation>订单 {n} 的退款等待主管审批。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="594"/>
        <source>Refund on {n} approved.</source>
        <translation>订单 {n} 的退款已批准。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="605"/>
        <source>Valid for days</source>
        <translation>有效天数</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="612"/>
        <source>Coupon {code} given.</source>
        <translation>已发放优惠券 {code}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="614"/>
        <source>Give a coupon</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="624"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="634"/>
        <source>Follow-up scheduled.</source>
        <translation>已安排回访。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="636"/>
        <source>Schedule a follow-up</source>
        <translation>安排回访</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../ui/service/dashboard.py" line="57"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="63"/>
        <location filename="../../ui/service/dashboard.py" line="156"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="64"/>
        <source>First response (median / p90)</source>
        <translation>首次响应（中位数 / P90）</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="65"/>
        <source>Resolution (median / p90)</source>
        <translation>解决用时（中位数 / P90）</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="66"/>
        <source>First response within SLA</source>
        <translation>首次响应达标率</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="67"/>
        <source>Resolved within SLA</source>
        <translation>按时解决率</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="85"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="87"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="121"/>
        <source>min</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="122"/>
        <source>h</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="131"/>
        <source>Contacts per day by channel</source>
        <translation>每日联系量（按渠道）</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="154"/>
        <source>Top categories, last 7 days</source>
        <translation>近 7 天主要类别</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="176"/>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/service/dashboard.py" line="190"/>
        <source>Exported to {path} (recorded in the audit log).</source>
        <translation>已导出到 {path}（已记入审计日志）。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../../ui/service/names.py" line="86"/>
        <source>{s} s</source>
        <translation>{s} 秒</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="90"/>
        <source>{d} d {h} h</source>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="92"/>
        <source>{d} d</source>
        <translation>{d} 天</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="94"/>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="96"/>
        <source>{h} h</source>
        <translation>{h} 小时</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="97"/>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="104"/>
        <source>{t} overdue</source>
        <translation>超时 {t}</translation>
    </message>
</context>
<context>
    <name>Incident</name>
    <message>
        <location filename="../../ui/service/alerts.py" line="39"/>
        <source>Contacts: {now} in the hour, {before} a week ago</source>
        <translation>联系量：本小时 {now} 次，上周同期 {before} 次</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="42"/>
        <source>Refund requests: {now} today, {before} a week ago</source>
        <translation>退款申请：近一天 {now} 笔，上周同期 {before} 笔</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="45"/>
        <source>Oldest unanswered ticket has waited {wait}</source>
        <translation>最早未回复工单已等待 {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="48"/>
        <source>{value} complaints about {sku}</source>
        <translation>{sku} 被投诉 {value} 次</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="51"/>
        <source>{value} payment-failure tickets in the hour</source>
        <translation>本小时支付失败工单 {value} 个</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <location filename="../../ui/service/alerts.py" line="72"/>
        <source>Ticket number, e.g. T-000123</source>
        <translation>工单号，例如 T-000123</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="73"/>
        <source>Link ticket</source>
        <translation>关联工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="80"/>
        <source>Send notice to affected customers</source>
        <translation>向受影响客户发送通知</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="85"/>
        <source>What happened</source>
        <translation>发生了什么（What）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="86"/>
        <source>Why (root cause)</source>
        <translation>原因（Why）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="87"/>
        <source>Where</source>
        <translation>地点 / 环节（Where）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="88"/>
        <source>When</source>
        <translation>时间（When）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="89"/>
        <source>Who was affected</source>
        <translation>影响对象（Who）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="90"/>
        <source>How it was fixed and prevented</source>
        <translation>如何解决与预防（How）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="96"/>
        <source>Close incident with this review</source>
        <translation>提交复盘并关闭事件</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="107"/>
        <source>Linked tickets</source>
        <translation>已关联工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="114"/>
        <source>Review (5W1H)</source>
        <translation>复盘（5W1H）</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="127"/>
        <source>Incident #{id}</source>
        <translation>事件 #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="129"/>
        <source>{title}
opened {at} · {status}</source>
        <translation>{title}
开始于 {at} · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="140"/>
        <source>{n} affected customers: {names}</source>
        <translation>受影响客户 {n} 位：{names}</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="143"/>
        <source>Pick an incident template…</source>
        <translation>选择事件通知模板…</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="164"/>
        <source>Ticket linked.</source>
        <translation>工单已关联。</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="174"/>
        <source>Notice sent.</source>
        <translation>通知已发送。</translation>
    </message>
    <message>
        <location filename="../../ui/service/alerts.py" line="179"/>
        <source>Incident closed.</source>
        <translation>事件已关闭。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/service/customer.py" line="110"/>
        <source>same phone number</source>
        <translation>电话号码相同</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="111"/>
        <source>same name and email before the @</source>
        <translation>姓名相同，邮箱 @ 前部分相同</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="112"/>
        <source>same name and street address</source>
        <translation>姓名和街道地址相同</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="119"/>
        <source>or a customer number, e.g. #1234</source>
        <translation>或输入客户编号，例如 #1234</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="120"/>
        <source>Merge into this customer</source>
        <translation>合并到此客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="123"/>
        <source>Un-merge</source>
        <translation>取消合并</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="135"/>
        <source>Probably the same person</source>
        <translation>可能是同一个人</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="138"/>
        <source>Merged into this customer</source>
        <translation>已合并到此客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="150"/>
        <source>Merge customers: {name} #{id}</source>
        <translation>合并客户：{name} #{id}</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="153"/>
        <source>A merged customer's orders, tickets and contacts show in this history and search finds them as this customer; nothing moves, so an un-merge undoes it.</source>
        <translation>被合并客户的订单、工单和联系方式会显示在此客户的记录中，搜索时也会找到此客户；数据本身不移动，取消合并即可恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="163"/>
        <source>No likely duplicate found by phone, email or address.</source>
        <translation>按电话、邮箱和地址未找到可能重复的客户。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="193"/>
        <source>Pick a customer to merge, or type their number.</source>
        <translation>请选择要合并的客户，或输入其编号。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="200"/>
        <source>Customer #{id} merged into this customer.</source>
        <translation>客户 #{id} 已合并到此客户。</translation>
    </message>
    <message>
        <location filename="../../ui/service/customer.py" line="212"/>
        <source>Customer #{id} is on its own again.</source>
        <translation>客户 #{id} 已取消合并。</translation>
    </message>
</context>
<context>
    <name>PendingRefundsWidget</name>
    <message>
        <location filename="../../ui/service/refunds.py" line="41"/>
        <source>Asked</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="41"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="41"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="41"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="42"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="42"/>
        <source>Asked by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="42"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="54"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="56"/>
        <source>Decline…</source>
        <translation>拒绝…</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="58"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="90"/>
        <source>{n} refunds waiting for approval, ¥{total} in all; the oldest is on top.</source>
        <translation>{n} 笔退款待审批，共 ¥{total}；最早的在最上面。</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="92"/>
        <source>No refund is waiting for approval.</source>
        <translation>没有待审批的退款。</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="117"/>
        <source>Refund of ¥{amount} on {order} approved.</source>
        <translation>订单 {order} 的退款 ¥{amount} 已批准。</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="129"/>
        <source>Refund of ¥{amount} on {order} declined.</source>
        <translation>订单 {order} 的退款 ¥{amount} 已拒绝。</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="132"/>
        <source>Decline the refund of ¥{amount} for {name}</source>
        <translation>拒绝 {name} 的退款 ¥{amount}</translation>
    </message>
    <message>
        <location filename="../../ui/service/refunds.py" line="134"/>
        <source>Why (the agent sees it)</source>
        <translation>原因（申请的客服可见）</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/service/names.py" line="110"/>
        <source>International</source>
        <translation>国际</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="111"/>
        <source>Social media</source>
        <translation>社交媒体</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="112"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="113"/>
        <source>After-sales</source>
        <translation>售后</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="114"/>
        <source>Payments</source>
        <translation>支付</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="115"/>
        <source>General</source>
        <translation>综合</translation>
    </message>
</context>
<context>
    <name>SalesChannel</name>
    <message>
        <location filename="../../ui/service/names.py" line="61"/>
        <source>Tmall</source>
        <translation>天猫</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="62"/>
        <source>JD.com</source>
        <translation>京东</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="63"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="64"/>
        <source>Pinduoduo</source>
        <translation>拼多多</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="65"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="66"/>
        <source>Own web shop</source>
        <translation>官网商城</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/service/mode.py" line="39"/>
        <source>Phone, name, email, order, tracking or ticket no.</source>
        <translation>电话、姓名、邮箱、订单号、运单号或工单号</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="41"/>
        <source>Phone, last 4 digits + name, email, name, order, tracking or ticket number</source>
        <translation>手机号、尾号4位+姓名、邮箱、姓名、订单号、运单号或工单号</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="53"/>
        <source>phone {value}</source>
        <translation>手机 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="54"/>
        <source>email {value}</source>
        <translation>邮箱 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="55"/>
        <source>email starts with {value}</source>
        <translation>邮箱以 {value} 开头</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="56"/>
        <source>order {value}</source>
        <translation>订单 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="57"/>
        <source>shop order {value}</source>
        <translation>店铺订单 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="58"/>
        <source>tracking number {value}</source>
        <translation>运单号 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="59"/>
        <source>ticket {value}</source>
        <translation>工单 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="60"/>
        <source>phone ends with {value}</source>
        <translation>手机尾号 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="61"/>
        <source>phone ends with {value} and the name matches</source>
        <translation>手机尾号 {value} 且姓名匹配</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="62"/>
        <source>name is {value}</source>
        <translation>姓名为 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="63"/>
        <source>name starts with {value}</source>
        <translation>姓名以 {value} 开头</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="64"/>
        <source>name contains {value}</source>
        <translation>姓名包含 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="65"/>
        <source>address contains {value}</source>
        <translation>地址包含 {value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="66"/>
        <source>merged customer #{value}</source>
        <translation>已合并客户 #{value}</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="88"/>
        <source>Type a phone number (or its last 4 digits), email, name, order, tracking or ticket number.</source>
        <translation>请输入手机号（或尾号 4 位）、邮箱、姓名、订单号、运单号或工单号。</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="93"/>
        <source>No customer found for “{q}”.</source>
        <translation>未找到与“{q}”匹配的客户。</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="97"/>
        <source>1 customer</source>
        <translation>1 位客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="97"/>
        <source>{n} customers</source>
        <translation>{n} 位客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="99"/>
        <source> (more match: type more of the name, or add the last 4 digits)</source>
        <translation>（还有更多匹配：请多输入几个字，或加上手机尾号 4 位）</translation>
    </message>
</context>
<context>
    <name>ServiceMode</name>
    <message>
        <location filename="../../ui/service/mode.py" line="157"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="161"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="173"/>
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
    <message>
        <location filename="../../ui/service/mode.py" line="195"/>
        <source>Refunds to approve ({n})</source>
        <translation>待审批退款（{n}）</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/service/names.py" line="13"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="14"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="15"/>
        <source>Pending</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="16"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="17"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="18"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="19"/>
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="20"/>
        <source>Back-ordered</source>
        <translation>缺货待发</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="21"/>
        <source>In a wave</source>
        <translation>拣货波次中</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="22"/>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="23"/>
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="24"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="25"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="26"/>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="27"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="28"/>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="29"/>
        <source>Label printed</source>
        <translation>已打印面单</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="30"/>
        <source>Handed to carrier</source>
        <translation>已交接快递</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="31"/>
        <source>In transit</source>
        <translation>运输中</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="32"/>
        <source>Out for delivery</source>
        <translation>派送中</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="33"/>
        <source>Exception</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="34"/>
        <source>Picked up</source>
        <translation>已揽收</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="35"/>
        <source>Delayed</source>
        <translation>运输延误</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="36"/>
        <source>Wrong address</source>
        <translation>地址错误</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="37"/>
        <source>Lost</source>
        <translation>包裹丢失</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="38"/>
        <source>Requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="39"/>
        <source>Awaiting approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="40"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="41"/>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="42"/>
        <source>Paid</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="43"/>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <location filename="../../ui/service/names.py" line="44"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>TicketQueueWidget</name>
    <message>
        <location filename="../../ui/service/tickets.py" line="483"/>
        <source>My tickets</source>
        <translation>我的工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="484"/>
        <source>All open tickets</source>
        <translation>全部未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="486"/>
        <source>Available for new tickets</source>
        <translation>接收新工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="494"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="495"/>
        <source>Due in</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="496"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="497"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="498"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="499"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="500"/>
        <location filename="../../ui/service/tickets.py" line="538"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="501"/>
        <source>With</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="530"/>
        <source>Done…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="578"/>
        <source>{n} open</source>
        <translation>{n} 个未结</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="622"/>
        <source>Follow-ups due ({n})</source>
        <translation>待回访（{n}）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="627"/>
        <source>Pick a follow-up first.</source>
        <translation>请先选择一条回访。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="635"/>
        <source>Follow-up done.</source>
        <translation>回访已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="637"/>
        <source>Follow-up with {name}</source>
        <translation>回访 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="638"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="666"/>
        <source>You get new tickets.</source>
        <translation>开始接收新工单。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="666"/>
        <source>No new tickets for you.</source>
        <translation>暂停接收新工单。</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <location filename="../../ui/service/tickets.py" line="81"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="82"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="83"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="84"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="87"/>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="87"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="87"/>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="125"/>
        <source>Reply to the customer (pick a suggestion to start)</source>
        <translation>回复客户（可先选择一条建议）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="130"/>
        <source>Send reply</source>
        <translation>发送回复</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="131"/>
        <source>Waiting on customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="132"/>
        <source>Escalate…</source>
        <translation>升级…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="133"/>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="134"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="135"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="146"/>
        <location filename="../../ui/service/tickets.py" line="245"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="148"/>
        <location filename="../../ui/service/tickets.py" line="244"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="160"/>
        <source>Assist</source>
        <translation>智能辅助</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="161"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="173"/>
        <source>Pick a ticket from the queue.</source>
        <translation>请从队列中选择工单。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="203"/>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="206"/>
        <source>queue {q}</source>
        <translation>队列 {q}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="207"/>
        <source>with {who} ({tier})</source>
        <translation>处理人 {who}（{tier}）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="208"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="210"/>
        <source>opened {at}</source>
        <translation>创建于 {at}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="213"/>
        <source>order {n}</source>
        <translation>订单 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="228"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="228"/>
        <source>Us</source>
        <translation>我方</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="228"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="244"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="244"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="245"/>
        <source>Assigned to</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="309"/>
        <source>{field}: {change}</source>
        <translation>{field}：{change}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="246"/>
        <source>Escalation tier</source>
        <translation>升级层级</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="246"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="247"/>
        <source>First answer</source>
        <translation>首次回复</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="247"/>
        <source>Resolved at</source>
        <translation>解决时间</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="248"/>
        <source>First response due</source>
        <translation>首次响应截止</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="248"/>
        <source>Resolution due</source>
        <translation>解决截止</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="263"/>
        <source>resolution time breached</source>
        <translation>解决时限已超</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="265"/>
        <source>First response time breached</source>
        <translation>首次响应超时</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="266"/>
        <source>Resolution time breached</source>
        <translation>解决超时</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="275"/>
        <source>Answer from the order data</source>
        <translation>根据订单数据回答</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="276"/>
        <source>Canned reply</source>
        <translation>快捷回复</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="277"/>
        <source>Article</source>
        <translation>知识库文章</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="281"/>
        <source>  (fill in: {names})</source>
        <translation>（需填写：{names}）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="288"/>
        <source>For: “{m}” ({p:.0%} sure)</source>
        <translation>针对：“{m}”（把握 {p:.0%}）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="290"/>
        <source>No message from the customer yet.</source>
        <translation>客户尚未留言。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="297"/>
        <source>Where is my parcel</source>
        <translation>包裹在哪</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="298"/>
        <source>When will it ship</source>
        <translation>何时发货</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="299"/>
        <source>Return or refund</source>
        <translation>退货退款</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="300"/>
        <source>Refund progress</source>
        <translation>退款进度</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="301"/>
        <source>Payment failed</source>
        <translation>付款失败</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="302"/>
        <source>Change address, name or phone</source>
        <translation>修改地址、姓名或电话</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="303"/>
        <source>Wrong or missing item</source>
        <translation>发错或漏发</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="304"/>
        <source>Damaged</source>
        <translation>商品破损</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="305"/>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="306"/>
        <source>Invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="307"/>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="308"/>
        <source>Price dropped</source>
        <translation>降价补差</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="309"/>
        <source>Complaint about service</source>
        <translation>投诉服务</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="310"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="318"/>
        <source>Intent set; assist learns from it.</source>
        <translation>已设置意图，助手会从中学习。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="326"/>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="327"/>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="332"/>
        <source>{name}: no SLA</source>
        <translation>{name}：无 SLA</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="336"/>
        <source>{name}: late by {t}</source>
        <translation>{name}：超时 {t}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="338"/>
        <source>{name}: met</source>
        <translation>{name}：达标</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="342"/>
        <source>{name}: {t} overdue</source>
        <translation>{name}：超时 {t}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="345"/>
        <source>{name}: {t} left</source>
        <translation>{name}：剩余 {t}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="371"/>
        <source>Insert a canned reply…</source>
        <translation>插入快捷回复…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="373"/>
        <source>Incident: {title}</source>
        <translation>事件：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="396"/>
        <source>Reply sent.</source>
        <translation>回复已发送。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="416"/>
        <source>Not sent: fill in {names} first.</source>
        <translation>未发送：请先填写 {names}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="425"/>
        <source>Ticket is now {s}.</source>
        <translation>工单状态：{s}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="443"/>
        <source>Not done; see the status bar.</source>
        <translation>未完成，请查看状态栏。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="448"/>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="449"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="451"/>
        <source>Ticket escalated.</source>
        <translation>工单已升级。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="457"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="458"/>
        <source>Resolution (internal note)</source>
        <translation>解决说明（内部备注）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="240"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="262"/>
        <source>Bot read the intent as</source>
        <translation>机器人识别的意图</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="266"/>
        <source>answered the customer; waiting for them</source>
        <translation>已自动回复客户，等待客户回复</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="267"/>
        <source>the customer asked for a person</source>
        <translation>客户要求转人工</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="268"/>
        <source>a complaint: to a supervisor at high priority</source>
        <translation>投诉：已高优先级转交主管</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="269"/>
        <source>not sure enough: to a person</source>
        <translation>把握不足：转人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="270"/>
        <source>the order data cannot answer it: to a person</source>
        <translation>订单数据无法回答：转人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="271"/>
        <source>the bot is off: to a person</source>
        <translation>机器人已关闭：转人工处理</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="275"/>
        <source>{field} {intent} ({p:.0%} sure)</source>
        <translation>{field}：{intent}（把握 {p:.0%}）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="291"/>
        <source>complaint about our service</source>
        <translation>服务投诉</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="333"/>
        <source>Cancel order {n}…</source>
        <translation>取消订单 {n}…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="334"/>
        <source>Change the delivery details of {n}…</source>
        <translation>修改订单 {n} 的收货信息…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="335"/>
        <source>Queue the invoice of {n}…</source>
        <translation>开具订单 {n} 的发票…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="336"/>
        <source>Give a ¥{amount} coupon…</source>
        <translation>发放 ¥{amount} 优惠券…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="337"/>
        <source>Escalate to a supervisor at high priority…</source>
        <translation>以高优先级升级给主管…</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="347"/>
        <source>This is done at once, audited and noted on the ticket. Go ahead?</source>
        <translation>此操作立即执行，记入审计并写入工单备注。确定继续吗？</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="351"/>
        <source>Recipient</source>
        <translation>收货人</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="351"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="352"/>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="352"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="353"/>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="353"/>
        <source>Street</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="354"/>
        <source>Invoice title</source>
        <translation>发票抬头</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="355"/>
        <source>Tax number (companies)</source>
        <translation>税号（企业填写）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="370"/>
        <source>Done: {what}.</source>
        <translation>已完成：{what}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="263"/>
        <source>Waiting for the customer since</source>
        <translation>等待客户回复起始</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="293"/>
        <source>(VIP customer)</source>
        <translation>（VIP 客户）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="293"/>
        <source>(gold customer)</source>
        <translation>（金卡客户）</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="380"/>
        <source>{masked}: stays unless you type a new number</source>
        <translation>{masked}：不填则保持原号码，或输入新号码</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="380"/>
        <source>You changed: {fields}.</source>
        <translation>已修改：{fields}。</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="380"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../ui/service/tickets.py" line="380"/>
        <source>Nothing changed yet: these are the order's delivery details now.</source>
        <translation>尚未修改：以下是该订单当前的收货信息。</translation>
    </message>
</context>
</TS>
