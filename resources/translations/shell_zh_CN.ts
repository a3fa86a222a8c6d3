<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>jobs</name>
    <message>
        <location filename="../../ui/jobs.py" line="96"/>
        <source>import files dropped into {folder}</source>
        <translation>导入放入 {folder} 的文件</translation>
    </message>
    <message>
        <source>record SLA breaches and escalate overdue tickets</source>
        <translation>记录 SLA 超时并升级逾期工单</translation>
    </message>
    <message>
        <source>evaluate alert rules and raise incidents</source>
        <translation>评估告警规则并发起事件</translation>
    </message>
    <message>
        <source>fetch new mail into tickets</source>
        <translation>收取新邮件并生成工单</translation>
    </message>
    <message>
        <source>send queued mail, retrying a server that was down</source>
        <translation>发送待发邮件，服务器故障时重试</translation>
    </message>
    <message>
        <source>retrain the intent model from labels</source>
        <translation>根据标注重新训练意图模型</translation>
    </message>
    <message>
        <source>send this station's queued print jobs</source>
        <translation>发送本工作站待打印的任务</translation>
    </message>
</context>
<context>
    <name>JobsDialog</name>
    <message>
        <location filename="../../ui/jobs.py" line="55"/>
        <source>Background jobs</source>
        <translation>后台任务</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="62"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="76"/>
        <source>not run yet</source>
        <translation>尚未运行</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="78"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="80"/>
        <source>FAILED: {error}</source>
        <translation>失败：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="81"/>
        <source> (running on {where})</source>
        <translation>（正在 {where} 上运行）</translation>
    </message>
    <message>
        <location filename="../../ui/jobs.py" line="83"/>
        <source>now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>上次运行</translation>
    </message>
    <message>
        <source>Next run</source>
        <translation>下次运行</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../ui/login.py" line="105"/>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="108"/>
        <source>Fulfilment stations and customer service</source>
        <translation>电商履约工作站与客户服务</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="109"/>
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="110"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="111"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="112"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="113"/>
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="114"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="151"/>
        <source>Cannot open the database: {reason}</source>
        <translation>无法打开数据库：{reason}</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="201"/>
        <source>Unknown badge: scan again or sign in with your password.</source>
        <translation>未知工牌：请重新扫描或使用密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="202"/>
        <source>This account is disabled; ask a supervisor.</source>
        <translation>此账号已停用，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="203"/>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>PackDesk — {name} ({role}) at {station}</source>
        <translation>PackDesk — {name}（{role}）@ {station}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="95"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>Devices of this station…</source>
        <translation>本工作站设备…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="98"/>
        <source>Import orders or tracking…</source>
        <translation>导入订单或物流轨迹…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>Background jobs…</source>
        <translation>后台任务…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Print</source>
        <translation>打印(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <source>Waybills of all packed parcels…</source>
        <translation>打印所有已打包包裹的面单…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Print queue…</source>
        <translation>打印队列…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104"/>
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Devices: none configured</source>
        <translation>设备：未配置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Devices: starting</source>
        <translation>设备：启动中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>Printer: idle</source>
        <translation>打印机：空闲</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Service</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Scan ignored here: {code}</source>
        <translation>此处不接受扫描：{code}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203"/>
        <source>Printer: {error}</source>
        <translation>打印机：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>1 ticket overdue</source>
        <translation>1 张工单超时</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>{n} tickets overdue</source>
        <translation>{n} 张工单超时</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/overview.py" line="30"/>
        <source>New</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="30"/>
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="31"/>
        <source>Backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="31"/>
        <source>Held</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="31"/>
        <source>In wave</source>
        <translation>波次中</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="32"/>
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="32"/>
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="32"/>
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="33"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="33"/>
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="34"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="34"/>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="38"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="41"/>
        <source>Order pipeline</source>
        <translation>订单流程</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="47"/>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="79"/>
        <source>As of {time}</source>
        <translation>统计时间 {time}</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="88"/>
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="89"/>
        <source>Packed today</source>
        <translation>今日打包</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="90"/>
        <source>Open exceptions</source>
        <translation>未处理异常</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="91"/>
        <source>Failed print jobs</source>
        <translation>打印失败任务</translation>
    </message>
</context>
</TS>
