<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>{shift!r} is not a time range such as 09:00-21:00.</source>
        <translation>{shift!r} 不是时间段，请写成 09:00-21:00 这样。</translation>
    </message>
    <message>
        <source>Business hours must be a table with shifts and weekdays, not {value!r}.</source>
        <translation>营业时间须包含班次和工作日，而不是 {value!r}。</translation>
    </message>
    <message>
        <source>Weekdays are numbers 1 (Monday) to 7 (Sunday), not {days!r}.</source>
        <translation>工作日用数字 1（周一）到 7（周日）表示，而不是 {days!r}。</translation>
    </message>
    <message>
        <source>Queue {queue} has no working hours in the calendar.</source>
        <translation>队列 {queue} 在日历中没有任何工作时间。</translation>
    </message>
    <message>
        <source>Name the queue ('*' for every queue).</source>
        <translation>请填写队列名（'*' 表示所有队列）。</translation>
    </message>
    <message>
        <source>A calendar day is a holiday or a workday, not {kind!r}.</source>
        <translation>日历中的日期只能是 holiday（放假）或 workday（上班），而不是 {kind!r}。</translation>
    </message>
    <message>
        <source>{origin} line {line}: expected day,kind,name with a YYYY-MM-DD day and holiday or workday.</source>
        <translation>{origin} 第 {line} 行：应为 日期,类型,名称，日期写成 YYYY-MM-DD，类型为 holiday 或 workday。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>A ticket takes at most {n} tags.</source>
        <translation>一个工单最多 {n} 个标签。</translation>
    </message>
    <message>
        <source>No attachment #{id}.</source>
        <translation>没有附件 #{id}。</translation>
    </message>
    <message>
        <source>{name} was over the mailbox's size limit and was not kept.</source>
        <translation>{name} 超过邮箱的附件大小上限，未保存。</translation>
    </message>
    <message>
        <source>{path} exists already; choose another name.</source>
        <translation>{path} 已存在，请换一个文件名。</translation>
    </message>
</context>
<context>
    <name>TicketExtras</name>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，用逗号分隔</translation>
    </message>
    <message>
        <source>Save attachment…</source>
        <translation>保存附件…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source> (over the size limit: not kept)</source>
        <translation>（超过大小上限，未保存）</translation>
    </message>
    <message>
        <source>Satisfaction {score}/5</source>
        <translation>满意度 {score}/5</translation>
    </message>
    <message>
        <source>Tags saved.</source>
        <translation>标签已保存。</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>TicketFinder</name>
    <message>
        <source>Find a ticket: number, subject, text, tag or customer</source>
        <translation>查找工单：工单号、主题、内容、标签或客户</translation>
    </message>
    <message>
        <source>No ticket found for “{q}”.</source>
        <translation>没有找到与“{q}”相关的工单。</translation>
    </message>
</context>
<context>
    <name>QueuePager</name>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>第 {first}–{last} 条，共 {total} 条</translation>
    </message>
</context>
<context>
    <name>ticket_desk</name>
    <message>
        <source>first response due {at}</source>
        <translation>首次响应截止 {at}</translation>
    </message>
    <message>
        <source>answer due {at}</source>
        <translation>回复截止 {at}</translation>
    </message>
    <message>
        <source>resolution due {at}</source>
        <translation>解决截止 {at}</translation>
    </message>
</context>
<context>
    <name>SlaCalendarWidget</name>
    <message>
        <source>en_US</source>
        <comment>the locale of month and weekday names</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>Confirm this year</source>
        <translation>确认本年安排</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Weekdays</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Holidays off</source>
        <translation>节假日休息</translation>
    </message>
    <message>
        <source>Save hours</source>
        <translation>保存营业时间</translation>
    </message>
    <message>
        <source>Add queue</source>
        <translation>添加队列</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source>make-up working day (调休)</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Business hours per queue ('*': every other queue; none: round the clock). Shifts like 09:00-12:00, 13:00-21:00; weekdays 1-7.</source>
        <translation>各队列营业时间（'*'：其余所有队列；不填：全天候）。班次如 09:00-12:00, 13:00-21:00；工作日 1-7。</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>上班</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation>（草案）</translation>
    </message>
    <message>
        <source>No holidays entered for {year}: import the official list.</source>
        <translation>{year} 年尚未录入节假日：请导入国务院公布的安排。</translation>
    </message>
    <message>
        <source>{year} is a DRAFT: check it against the State Council's notice, then confirm it.</source>
        <translation>{year} 年为草案：请对照国务院办公厅的通知核对后确认。</translation>
    </message>
    <message>
        <source>{year}: confirmed.</source>
        <translation>{year} 年：已确认。</translation>
    </message>
    <message>
        <source>Weekdays are numbers 1 (Monday) to 7 (Sunday), separated by commas.</source>
        <translation>工作日用数字 1（周一）到 7（周日）表示，用逗号分隔。</translation>
    </message>
    <message>
        <source>Business hours saved.</source>
        <translation>营业时间已保存。</translation>
    </message>
    <message>
        <source>Import holidays</source>
        <translation>导入节假日</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>{year}: {n} days</source>
        <translation>{year} 年：{n} 天</translation>
    </message>
</context>
<context>
    <name>MailboxDialog</name>
    <message>
        <source>Mailboxes</source>
        <translation>邮箱设置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>邮箱地址</translation>
    </message>
    <message>
        <source>Shown as</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Queue for its tickets</source>
        <translation>工单进入队列</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP 服务器</translation>
    </message>
    <message>
        <source>IMAP port</source>
        <translation>IMAP 端口</translation>
    </message>
    <message>
        <source>IMAP security</source>
        <translation>IMAP 加密</translation>
    </message>
    <message>
        <source>IMAP user</source>
        <translation>IMAP 用户名</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Move handled mail to</source>
        <translation>处理后移到</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP 服务器</translation>
    </message>
    <message>
        <source>SMTP port</source>
        <translation>SMTP 端口</translation>
    </message>
    <message>
        <source>SMTP security</source>
        <translation>SMTP 加密</translation>
    </message>
    <message>
        <source>SMTP user</source>
        <translation>SMTP 用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Keep attachments up to (KB)</source>
        <translation>附件保存上限（KB）</translation>
    </message>
    <message>
        <source>Acknowledge new mail with the ticket number</source>
        <translation>收到新邮件时自动回复工单号</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>empty: mark as read only</source>
        <translation>留空：只标记为已读</translation>
    </message>
    <message>
        <source>empty: route like any ticket</source>
        <translation>留空：按一般规则分配</translation>
    </message>
    <message>
        <source>kept on this station only; empty: unchanged</source>
        <translation>只保存在本工作站；留空：不修改</translation>
    </message>
    <message>
        <source>New mailbox</source>
        <translation>新建邮箱</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>A new mailbox: only answers written after it exists are mailed.</source>
        <translation>新邮箱：只有在它建立之后写的回复才会发出。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Last fetched: {at}.</source>
        <translation>上次收信：{at}。</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>Mailbox {name} saved.</source>
        <translation>邮箱 {name} 已保存。</translation>
    </message>
</context>
<context>
    <name>CsatPanel</name>
    <message>
        <source>Agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <source>Week of</source>
        <translation>周（起始日）</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>回复数</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>4-5</source>
        <translation>4-5 分占比</translation>
    </message>
    <message>
        <source>Satisfaction: no survey answered in this range</source>
        <translation>满意度：此期间没有收到评价</translation>
    </message>
    <message>
        <source>Satisfaction {avg:.1f} / 5 from {n} answers</source>
        <translation>满意度 {avg:.1f} / 5（{n} 份评价）</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <source>First response, business time (median / p90)</source>
        <translation>首次响应，营业时间（中位数 / p90）</translation>
    </message>
    <message>
        <source>Resolution, business time (median / p90)</source>
        <translation>解决时长，营业时间（中位数 / p90）</translation>
    </message>
</context>
<context>
    <name>ServiceMode</name>
    <message>
        <source>SLA calendar</source>
        <translation>SLA 日历</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Mailboxes…</source>
        <translation>邮箱设置…</translation>
    </message>
</context>
</TS>
