<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <location filename="../../ui/settings/devices.py" line="45" />
        <source>Devices of this station</source>
        <translation>本工作站设备</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="80" />
        <source>Connect and test</source>
        <translation>连接并测试</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="82" />
        <source>Zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="83" />
        <source>Tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="87" />
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="89" />
        <location filename="../../ui/settings/devices.py" line="99" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="90" />
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="94" />
        <source>Baud, data bits, parity, stop bits</source>
        <translation>波特率、数据位、校验、停止位</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="95" />
        <source>Indicator address</source>
        <translation>仪表地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="96" />
        <source>Unit (the scale sends none)</source>
        <translation>单位（秤不发送单位时）</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="97" />
        <source>Serial scanner</source>
        <translation>串口扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="100" />
        <source>Suffix</source>
        <translation>后缀</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="101" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="103" />
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="104" />
        <source>Last scan</source>
        <translation>最近扫描</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="105" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="183" />
        <source>The scale is not connected or has no {command} command.</source>
        <translation>电子秤未连接，或没有{command}命令。</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="188" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="188" />
        <source>moving</source>
        <translation>波动中</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="191" />
        <source>overload</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/settings/devices.py" line="191" />
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