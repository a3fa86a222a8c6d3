<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../ui/settings/devices.py" line="45"/>
        <source>Devices of this station</source>
        <translation>本工作站设备</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="82"/>
        <source>Connect and test</source>
        <translation>连接并测试</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="84"/>
        <source>Zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="85"/>
        <source>Tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="89"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="91"/>
        <location filename="../../ui/settings/devices.py" line="101"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="92"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="96"/>
        <source>Baud, data bits, parity, stop bits</source>
        <translation>波特率、数据位、校验、停止位</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="97"/>
        <source>Indicator address</source>
        <translation>仪表地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="98"/>
        <source>Unit (the scale sends none)</source>
        <translation>单位（秤不发送单位时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="99"/>
        <source>Serial scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="102"/>
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="103"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="105"/>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="106"/>
        <source>Last scan</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="107"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="185"/>
        <source>The scale is not connected or has no {command} command.</source>
        <translation>电子秤未连接，或没有{command}命令。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="190"/>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="190"/>
        <source>moving</source>
        <translation>波动中</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="193"/>
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="193"/>
        <source>below zero</source>
        <translation>低于零点</translation>
    </message>
</context>
<context>
    <name>ScaleProtocol</name>
    <message>
        <source>Adam Equipment (P command)</source>
        <translation>Adam Equipment（P 指令）</translation>
    </message>
    <message>
        <source>Adam CPWplus (continuous output)</source>
        <translation>Adam CPWplus（连续输出）</translation>
    </message>
    <message>
        <source>Adam Highland (continuous output)</source>
        <translation>Adam Highland（连续输出）</translation>
    </message>
    <message>
        <source>A&amp;D standard / ST,GS continuous (CAS, Yaohua, Dibal …)</source>
        <translation>A&amp;D 标准 / ST,GS 连续输出（CAS、耀华、Dibal …）</translation>
    </message>
    <message>
        <source>CAS 10-byte frames (weight only)</source>
        <translation>CAS 10 字节帧（仅重量）</translation>
    </message>
    <message>
        <source>CAS 18-byte frames ("for AND", 7E1)</source>
        <translation>CAS 18 字节帧（“兼容 AND”，7E1）</translation>
    </message>
    <message>
        <source>CAS 22-byte frames (CI-200/CI-400, NT-500 …)</source>
        <translation>CAS 22 字节帧（CI-200/CI-400、NT-500 …）</translation>
    </message>
    <message>
        <source>Mettler Toledo standard continuous output</source>
        <translation>梅特勒-托利多 标准连续输出</translation>
    </message>
    <message>
        <source>Mettler Toledo MT-SICS</source>
        <translation>梅特勒-托利多 MT-SICS</translation>
    </message>
    <message>
        <source>NCI / Weigh-Tronix SCP-01/SCP-02</source>
        <translation>NCI / Weigh-Tronix SCP-01/SCP-02</translation>
    </message>
    <message>
        <source>Mettler Toledo 8217 (NCI W)</source>
        <translation>梅特勒-托利多 8217（NCI W）</translation>
    </message>
    <message>
        <source>Yaohua XK3190-A12/A12E</source>
        <translation>耀华 XK3190-A12/A12E</translation>
    </message>
    <message>
        <source>Yaohua / Keli command mode (XK3190-A9+, XK3118)</source>
        <translation>耀华 / 柯力 指令模式（XK3190-A9+、XK3118）</translation>
    </message>
    <message>
        <source>Yaohua XK3190 '=' format, digits reversed (A26 format 1, A23p format 2)</source>
        <translation>耀华 XK3190 “=” 格式，数字倒序（A26 格式 1，A23p 格式 2）</translation>
    </message>
    <message>
        <source>Yaohua '=' format, sign first</source>
        <translation>耀华 “=” 格式，符号在前</translation>
    </message>
    <message>
        <source>Yaohua XK3190 A9/A23p/A26/DS continuous format 0 (tF=0)</source>
        <translation>耀华 XK3190 A9/A23p/A26/DS 连续格式 0（tF=0）</translation>
    </message>
</context>
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../../ui/sim_panel.py" line="24"/>
        <source>Simulated devices</source>
        <translation>模拟设备</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="26"/>
        <source>Put on scale</source>
        <translation>放上秤</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29"/>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29"/>
        <source>unstable</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29"/>
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29"/>
        <source>unplugged</source>
        <translation>已拔出</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="33"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="43"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="44"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
</context>
</TS>
