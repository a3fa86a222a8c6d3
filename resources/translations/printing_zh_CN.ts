<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="111"/>
        <source>No packed parcels are waiting for their waybill.</source>
        <translation>没有等待打印面单的已打包包裹。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="117"/>
        <source>Cancelled: nothing was sent to the printer.</source>
        <translation>已取消：未发送任何内容到打印机。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="148"/>
        <source>Print packed waybills</source>
        <translation>打印已打包面单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="150"/>
        <source>Preparing…</source>
        <translation>准备中…</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="151"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="173"/>
        <source>Rendering waybill {done} of {total}</source>
        <translation>正在生成面单 {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="178"/>
        <source>Sent to the print queue as job {id}.</source>
        <translation>已加入打印队列，任务号 {id}。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="38"/>
        <source>Preview: {doc} {ref}</source>
        <translation>预览：{doc} {ref}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="52"/>
        <source>{pages} page(s) → {printer}</source>
        <translation>{pages} 页 → {printer}</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="57"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="88"/>
        <source>Job {id} for this document may have printed: check the printer, then reprint it or mark it printed in the print queue.</source>
        <translation>此单据的任务 {id} 可能已打印：请查看打印机，然后在打印队列中补打或标记为已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="90"/>
        <source>Job {id} for this document is already waiting to print; it prints when the printer is ready. For another copy, reprint it from the print queue.</source>
        <translation>此单据已在打印队列中（任务 {id}），打印机就绪后即会打印。如需再打一份，请在打印队列中补打。</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <location filename="../../ui/print_preview.py" line="193"/>
        <source>Print queue</source>
        <translation>打印队列</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="196"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="196"/>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="196"/>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="197"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="197"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="197"/>
        <source>Last error</source>
        <translation>最近错误</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="201"/>
        <source>Reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="202"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="203"/>
        <source>It printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="204"/>
        <source>The label came out whole: record the job printed</source>
        <translation>面单已完整打出：记为已打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="205"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="231"/>
        <source>{n} job(s) may have printed: look at the printer, then reprint or mark them printed.</source>
        <translation>{n} 个任务可能已打印：请查看打印机，然后补打或标记为已打印。</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="235"/>
        <source>reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="247"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="247"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="247"/>
        <source>printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="248"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="248"/>
        <source>unknown: check the printer</source>
        <translation>结果未知：请查看打印机</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="249"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="253"/>
        <source>waybill</source>
        <translation>面单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="253"/>
        <source>invoice</source>
        <translation>发票</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="254"/>
        <source>packing slip</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="254"/>
        <source>pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="255"/>
        <source>manifest</source>
        <translation>交接清单</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="255"/>
        <source>badge label</source>
        <translation>工牌标签</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="256"/>
        <source>bin labels</source>
        <translation>库位标签</translation>
    </message>
    <message>
        <location filename="../../ui/print_preview.py" line="256"/>
        <source>product label</source>
        <translation>商品标签</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/print_queue.py" line="156"/>
        <source>Reprinted as job {id}.</source>
        <translation>已补打为任务 {id}。</translation>
    </message>
    <message>
        <location filename="../../app/services/print_queue.py" line="184"/>
        <source>Marked printed by a person (was: {was})</source>
        <translation>已由人工标记为已打印（原为：{was}）</translation>
    </message>
    <message>
        <location filename="../../app/services/print_queue.py" line="43"/>
        <source>Interrupted while sending: check the printer, then reprint or mark it printed.</source>
        <translation>发送时中断：请查看打印机，然后补打或标记为已打印。</translation>
    </message>
    <message>
        <location filename="../../app/cli/printing.py" line="143"/>
        <source> (it stays queued and is retried)</source>
        <translation>（任务仍在队列中，会再次发送）</translation>
    </message>
    <message>
        <location filename="../../app/cli/printing.py" line="133"/>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../app/cli/printing.py" line="1"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../app/cli/printing.py" line="58"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../app/cli/printing.py" line="58"/>
        <source>unknown</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>Connection refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>Connection timed out</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>No route to host</source>
        <translation>没有到主机的路由</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>Network is unreachable</source>
        <translation>网络不可达</translation>
    </message>
    <message>
        <location filename="../../printing/backends.py" line="183"/>
        <source>Connection reset by peer</source>
        <translation>连接被对方重置</translation>
    </message>
</context>
</TS>
