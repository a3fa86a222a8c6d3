<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeviceBridge</name>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>{device}: {state}</source>
        <translation>{device}：{state}</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>Scale</source>
        <translation>电子秤</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/bridge.py" line="20"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
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
<context>
    <name>errors</name>
    <message>
        <source>No known scale protocol answered on {port} (tried {tried}).</source>
        <translation>{port} 上没有已知的电子秤协议应答（已尝试 {tried}）。</translation>
    </message>
    <message>
        <source>{protocol} has no indicator address; leave out --address.</source>
        <translation>{protocol} 没有仪表地址，请去掉 --address。</translation>
    </message>
    <message>
        <source>Cannot open {port}: {reason}</source>
        <translation>无法打开 {port}：{reason}</translation>
    </message>
    <message>
        <source>{port} stopped answering: {reason}</source>
        <translation>{port} 不再应答：{reason}</translation>
    </message>
    <message>
        <source>The weight did not settle within {timeout:g} s (last {kg} kg).</source>
        <translation>重量在 {timeout:g} 秒内未稳定（最后读数 {kg} kg）。</translation>
    </message>
    <message>
        <source>No answer from the scale on {port} using {protocol}: check the protocol, baud rate and cable.</source>
        <translation>{port} 上的电子秤用 {protocol} 协议无应答：请检查协议、波特率和连接线。</translation>
    </message>
    <message>
        <source>No answer from the scale on {port} using {protocol} (it said: {said}): check the protocol, baud rate and cable.</source>
        <translation>{port} 上的电子秤用 {protocol} 协议无应答（它回复：{said}）：请检查协议、波特率和连接线。</translation>
    </message>
    <message>
        <source>The scale is overloaded: take weight off the platter.</source>
        <translation>电子秤超载：请从秤台上取下物品。</translation>
    </message>
    <message>
        <source>The scale reads below zero: clear the platter and zero it.</source>
        <translation>电子秤读数低于零：请清空秤台并置零。</translation>
    </message>
    <message>
        <source>Unknown scale protocol {name}; known: {known}</source>
        <translation>未知的电子秤协议 {name}；可用的有：{known}</translation>
    </message>
    <message>
        <source>The indicator address must be one letter A-Z, not {address!r}.</source>
        <translation>仪表地址必须是一个字母 A-Z，而不是 {address!r}。</translation>
    </message>
    <message>
        <source>Unknown scanner suffix {suffix!r}: use one of {known}.</source>
        <translation>未知的扫描枪结束符 {suffix!r}：请使用 {known} 之一。</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>device unplugged or not answering</source>
        <translation>设备已拔出或无应答</translation>
    </message>
    <message>
        <source>unreadable data from the scale</source>
        <translation>无法识别电子秤发来的数据</translation>
    </message>
    <message>
        <source>unreadable line {line!r}</source>
        <translation>无法识别的数据行 {line!r}</translation>
    </message>
    <message>
        <source>the scale reports an error (E)</source>
        <translation>电子秤报告错误（E）</translation>
    </message>
    <message>
        <source>unexpected line {line!r}</source>
        <translation>意外的数据行 {line!r}</translation>
    </message>
    <message>
        <source>the indicator sent its tare, not the weight</source>
        <translation>仪表发送的是皮重，而不是重量</translation>
    </message>
    <message>
        <source>unexpected field {field!r}</source>
        <translation>意外的字段 {field!r}</translation>
    </message>
    <message>
        <source>the scale is in counting mode (QT), not weighing</source>
        <translation>电子秤处于计数模式（QT），不在称重</translation>
    </message>
    <message>
        <source>unreadable weight {weight!r}</source>
        <translation>无法识别的重量 {weight!r}</translation>
    </message>
    <message>
        <source>unexpected header {header!r}</source>
        <translation>意外的帧头 {header!r}</translation>
    </message>
    <message>
        <source>not a 22-byte CAS frame {frame!r}</source>
        <translation>不是 22 字节的 CAS 帧 {frame!r}</translation>
    </message>
    <message>
        <source>lamp byte without its high bit {frame!r}</source>
        <translation>指示灯字节缺少最高位 {frame!r}</translation>
    </message>
    <message>
        <source>not an 18-byte CAS frame {frame!r}</source>
        <translation>不是 18 字节的 CAS 帧 {frame!r}</translation>
    </message>
    <message>
        <source>not a 10-byte CAS frame {frame!r}</source>
        <translation>不是 10 字节的 CAS 帧 {frame!r}</translation>
    </message>
    <message>
        <source>bytes between frames</source>
        <translation>帧之间有多余字节</translation>
    </message>
    <message>
        <source>no CAS frame in the data</source>
        <translation>数据中没有 CAS 帧</translation>
    </message>
    <message>
        <source>a {size}-byte frame, not 17</source>
        <translation>帧长 {size} 字节，应为 17 字节</translation>
    </message>
    <message>
        <source>a {size}-byte frame, not 12</source>
        <translation>帧长 {size} 字节，应为 12 字节</translation>
    </message>
    <message>
        <source>unreadable frame {frame!r}</source>
        <translation>无法识别的数据帧 {frame!r}</translation>
    </message>
    <message>
        <source>the indicator shows a unit PackDesk cannot convert</source>
        <translation>仪表显示的单位 PackDesk 无法换算</translation>
    </message>
    <message>
        <source>the scale did not understand the command (ES)</source>
        <translation>电子秤无法识别该命令（ES）</translation>
    </message>
    <message>
        <source>the scale reported a transmission error (ET)</source>
        <translation>电子秤报告传输错误（ET）</translation>
    </message>
    <message>
        <source>the scale cannot execute the command now (EL)</source>
        <translation>电子秤现在无法执行该命令（EL）</translation>
    </message>
    <message>
        <source>unexpected reply {reply!r}</source>
        <translation>意外的回复 {reply!r}</translation>
    </message>
    <message>
        <source>malformed reply {reply!r}</source>
        <translation>格式错误的回复 {reply!r}</translation>
    </message>
    <message>
        <source>malformed weight reply {reply!r}</source>
        <translation>格式错误的重量回复 {reply!r}</translation>
    </message>
    <message>
        <source>the scale cannot weigh now (busy or not ready)</source>
        <translation>电子秤现在无法称重（忙或未就绪）</translation>
    </message>
    <message>
        <source>{command} refused: {reason}</source>
        <translation>{command}被拒绝：{reason}</translation>
    </message>
    <message>
        <source>{command} refused</source>
        <translation>{command}被拒绝</translation>
    </message>
    <message>
        <source>tare</source>
        <translation>去皮</translation>
    </message>
    <message>
        <source>zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <source>clear_tare</source>
        <translation>清除皮重</translation>
    </message>
    <message>
        <source>not possible now</source>
        <translation>现在无法执行</translation>
    </message>
    <message>
        <source>upper limit exceeded</source>
        <translation>超出上限</translation>
    </message>
    <message>
        <source>lower limit exceeded</source>
        <translation>低于下限</translation>
    </message>
    <message>
        <source>unreadable answer {answer!r}</source>
        <translation>无法识别的应答 {answer!r}</translation>
    </message>
    <message>
        <source>unreadable status {status!r}</source>
        <translation>无法识别的状态 {status!r}</translation>
    </message>
    <message>
        <source>the scale reports a memory or calibration fault</source>
        <translation>电子秤报告存储器或标定故障</translation>
    </message>
    <message>
        <source>scale status {status:#04x} without a weight</source>
        <translation>电子秤状态 {status:#04x}，没有重量</translation>
    </message>
    <message>
        <source>unreadable weight frame {frame!r}</source>
        <translation>无法识别的重量帧 {frame!r}</translation>
    </message>
    <message>
        <source>the scale is still moving</source>
        <translation>电子秤仍在晃动</translation>
    </message>
    <message>
        <source>XOR check failed (noise on the line?)</source>
        <translation>XOR 校验失败（线路有干扰？）</translation>
    </message>
    <message>
        <source>a {size}-byte line, not 13 {line!r}</source>
        <translation>数据行 {size} 字节，应为 13 字节 {line!r}</translation>
    </message>
    <message>
        <source>indicator {answered} answered, not {expected}</source>
        <translation>应答的是仪表 {answered}，而不是 {expected}</translation>
    </message>
    <message>
        <source>data without '=' frames</source>
        <translation>数据中没有 '=' 帧</translation>
    </message>
    <message>
        <source>Unreadable scan ({reason})</source>
        <translation>无法识别的扫描（{reason}）</translation>
    </message>
    <message>
        <source>Empty scan</source>
        <translation>空扫描（没有收到数据）</translation>
    </message>
    <message>
        <source>Garbled scan (control characters in the data)</source>
        <translation>扫描数据混乱（含有控制字符）</translation>
    </message>
    <message>
        <source>Wrong check digit in {code} (expected {expected}, got {got})</source>
        <translation>{code} 校验位错误（应为 {expected}，实际为 {got}）</translation>
    </message>
    <message>
        <source>Malformed GS1 data ({reason})</source>
        <translation>GS1 数据格式错误（{reason}）</translation>
    </message>
    <message>
        <source>Wrong check digit in GTIN {gtin}</source>
        <translation>GTIN {gtin} 校验位错误</translation>
    </message>
    <message>
        <source>Unknown GS1 application identifier at {data}</source>
        <translation>无法识别的 GS1 应用标识符（AI）：{data}</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) is empty</source>
        <translation>GS1 字段（{ai}）为空</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) needs {length} digits, got {got}: {data}</source>
        <translation>GS1 字段（{ai}）应为 {length} 位数字，实际只有 {got} 位：{data}</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) is not a valid date: {data}</source>
        <translation>GS1 字段（{ai}）不是有效日期：{data}</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) needs {length} digits, not letters or signs: {data}</source>
        <translation>GS1 字段（{ai}）应为 {length} 位数字，不能含字母或符号：{data}</translation>
    </message>
    <message>
        <source>GS1 field ({ai}) does not fit its format {format}: {data}</source>
        <translation>GS1 字段（{ai}）不符合其格式 {format}：{data}</translation>
    </message>
    <message>
        <source>Wrong check digit in SSCC {code}</source>
        <translation>SSCC {code} 校验位错误</translation>
    </message>
    <message>
        <source>Wrong check digit in GLN {code} ({ai})</source>
        <translation>GLN {code}（{ai}）校验位错误</translation>
    </message>
    <message>
        <source>Garbled scan (the bytes are not text; check the scanner's baud rate)</source>
        <translation>扫描数据混乱（收到的字节不是文本；请检查扫描枪的波特率）</translation>
    </message>
</context>
</TS>
