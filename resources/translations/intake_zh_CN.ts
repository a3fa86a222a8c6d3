<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="62" />
        <source>Import orders or tracking events</source>
        <translation>导入订单或物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="65" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="68" />
        <source>Orders (guess the format)</source>
        <translation>订单（自动识别格式）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="70" />
        <source>Orders: {fmt}</source>
        <translation>订单：{fmt}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="71" />
        <source>Tracking events</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="72" />
        <source>Dry run: check and report, write nothing</source>
        <translation>试运行：只检查并报告，不写入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="73" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="81" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="81" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="88" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="89" />
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="100" />
        <source>Import file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="107" />
        <source>Choose a file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="111" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="116" />
        <source>{n} orders</source>
        <translation>{n} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="130" />
        <source>Not imported: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="133" />
        <source>Dry run, nothing written: </source>
        <translation>试运行，未写入：</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="137" />
        <source>{created} created, {updated} updated, {skipped} unchanged, {rejected} rejected</source>
        <translation>新建 {created}，更新 {updated}，未变 {skipped}，拒绝 {rejected}</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/intake/files.py" line="30" />
        <source>No such file: {path}</source>
        <translation>没有这个文件：{path}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="36" />
        <source>{path} is a folder, not a file</source>
        <translation>{path} 是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="38" />
        <source>{path} is not a regular file</source>
        <translation>{path} 不是普通文件</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="52" />
        <source>{path} cannot be read: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="48" />
        <source>{path} is not UTF-8 text; save it as UTF-8 CSV or JSON</source>
        <translation>{path} 不是 UTF-8 文本；请另存为 UTF-8 编码的 CSV 或 JSON</translation>
    </message>
    <message>
        <location filename="../../app/services/intake/files.py" line="72" />
        <source>Unknown format {fmt} (one of {formats})</source>
        <translation>未知格式 {fmt}（可选：{formats}）</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="73" />
        <source>{path} is not a folder of the hot folder's own (a symbolic link?): move it away and the hot folder makes a new one</source>
        <translation>{path} 不是热文件夹自己的文件夹（符号链接？）：请把它移走，热文件夹会新建一个</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="170" />
        <source>{name} is a symbolic link: the hot folder reads only regular files</source>
        <translation>{name} 是符号链接：热文件夹只读取普通文件</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="172" />
        <source>{name} is not a regular file (a FIFO, socket or device)</source>
        <translation>{name} 不是普通文件（管道、套接字或设备）</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="179" />
        <source>{name} is a hard link to another file: copy the file in instead</source>
        <translation>{name} 是指向另一个文件的硬链接：请改为把文件复制进来</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="199" />
        <source>No free file name for {name} in the hot folder</source>
        <translation>热文件夹里没有可给 {name} 用的文件名</translation>
    </message>
    <message>
        <location filename="../../app/services/hotfolder.py" line="213" />
        <source>No free file name for the report of {name}</source>
        <translation>没有可给 {name} 的报告用的文件名</translation>
    </message>
</context>
</TS>