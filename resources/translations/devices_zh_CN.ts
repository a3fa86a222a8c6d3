<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../ui/settings/devices.py" line="44" />
        <source>Devices of this station</source>
        <translation>本工作站设备</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="74" />
        <source>Connect and test</source>
        <translation>连接并测试</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="77" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="79" />
        <location filename="../../ui/settings/devices.py" line="87" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="80" />
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="84" />
        <source>Baud, data bits, parity, stop bits</source>
        <translation>波特率、数据位、校验、停止位</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="85" />
        <source>Serial scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="88" />
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="89" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="91" />
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="92" />
        <source>Last scan</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="93" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="156" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="156" />
        <source>moving</source>
        <translation>波动中</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="159" />
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="159" />
        <source>below zero</source>
        <translation>低于零点</translation>
    </message>
</context>
<context>
    <name>SimPanel</name>
    <message>
        <location filename="../../ui/sim_panel.py" line="24" />
        <source>Simulated devices</source>
        <translation>模拟设备</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="26" />
        <source>Put on scale</source>
        <translation>放上秤</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29" />
        <source>unstable</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29" />
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="29" />
        <source>unplugged</source>
        <translation>已拔出</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="33" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="43" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/sim_panel.py" line="44" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
</context>
</TS>