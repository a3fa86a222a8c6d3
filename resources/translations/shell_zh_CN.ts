<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginWindow</name>
    <message>
        <location filename="../../ui/login.py" line="43" />
        <source>Fulfilment stations and customer service</source>
        <translation>电商履约工作站与客户服务</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="50" />
        <source>Scan your badge</source>
        <translation>请扫描工牌</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="51" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="62" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="63" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="67" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="71" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="122" />
        <source>Unknown badge: scan again or sign in with your password.</source>
        <translation>未知工牌：请重新扫描或使用密码登录。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="123" />
        <source>This account is disabled; ask a supervisor.</source>
        <translation>此账号已停用，请联系主管。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="124" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>PackDesk — {name} ({role}) at {station}</source>
        <translation>PackDesk — {name}（{role}）@ {station}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="63" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64" />
        <source>Database: {url}</source>
        <translation>数据库：{url}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="65" />
        <source>Devices: none configured</source>
        <translation>设备：未配置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>Devices: starting</source>
        <translation>设备：启动中</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Printer: idle</source>
        <translation>打印机：空闲</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>picker</source>
        <translation>拣货员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>agent</source>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="76" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="77" />
        <source>Service</source>
        <translation>客服</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/overview.py" line="20" />
        <source>New</source>
        <translation>新订单</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="20" />
        <source>Allocated</source>
        <translation>已分配库存</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="21" />
        <source>Backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="21" />
        <source>In wave</source>
        <translation>波次中</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="22" />
        <source>Picked</source>
        <translation>已拣货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="22" />
        <source>Packing</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="22" />
        <source>Packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="23" />
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="23" />
        <source>Delivered</source>
        <translation>已签收</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="24" />
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="24" />
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="28" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="30" />
        <source>Order pipeline</source>
        <translation>订单流程</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="36" />
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="62" />
        <source>Open tickets</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="63" />
        <source>Packed today</source>
        <translation>今日打包</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="64" />
        <source>Open exceptions</source>
        <translation>未处理异常</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="65" />
        <source>Failed print jobs</source>
        <translation>打印失败任务</translation>
    </message>
</context>
</TS>