<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="71" />
        <source>Import orders or tracking events</source>
        <translation>导入订单或物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="74" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="77" />
        <source>Orders (guess the format)</source>
        <translation>订单（自动识别格式）</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="79" />
        <source>Orders: {fmt}</source>
        <translation>订单：{fmt}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="80" />
        <source>Tracking events</source>
        <translation>物流轨迹</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="81" />
        <source>Dry run: check and report, write nothing</source>
        <translation>试运行：只检查并报告，不写入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="82" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="90" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="90" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="97" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="98" />
        <source>Contents</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="109" />
        <source>Import file</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="116" />
        <source>Choose a file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="120" />
        <source>Importing {name}…</source>
        <translation>正在导入 {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="125" />
        <source>{n} orders</source>
        <translation>{n} 个订单</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="137" />
        <source>Not imported: {error}</source>
        <translation>未导入：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="140" />
        <source>Dry run, nothing written: </source>
        <translation>试运行，未写入：</translation>
    </message>
    <message>
        <location filename="../../ui/intake/import_dialog.py" line="144" />
        <source>{created} created, {updated} updated, {skipped} unchanged, {rejected} rejected</source>
        <translation>新建 {created}，更新 {updated}，未变 {skipped}，拒绝 {rejected}</translation>
    </message>
</context>
</TS>