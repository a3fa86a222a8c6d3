<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>Mailbox {name}: cannot sign in to {host} as {user}: {reason}</source>
        <translation>邮箱 {name}：无法以 {user} 登录 {host}：{reason}</translation>
    </message>
    <message>
        <source>Mailbox {name}: SMTP {host}:{port}: {reason}</source>
        <translation>邮箱 {name}：发信服务器 SMTP {host}:{port}：{reason}</translation>
    </message>
    <message>
        <source>Mailbox {name}: SMTP {host} refused the sign-in of {user}: {reason}</source>
        <translation>邮箱 {name}：发信服务器 SMTP {host} 拒绝了 {user} 的登录：{reason}</translation>
    </message>
</context>
</TS>
