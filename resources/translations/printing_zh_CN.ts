<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="141" />
        <source>Print packed waybills</source>
        <translation>打印已打包面单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="143" />
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="144" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="166" />
        <source>Rendering waybill {done} of {total}</source>
        <translation>正在生成面单 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="171" />
        <source>Sent to the print queue as job {id}.</source>
        <translation>已加入打印队列，任务号 {id}。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="45" />
        <source>Preview: {doc} {ref}</source>
        <translation>预览：{doc} {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="59" />
        <source>{pages} page(s) → {printer}</source>
        <translation>{pages} 页 → {printer}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="63" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
</TS>