<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApprovalsView</name>
    <message>
        <location filename="../../ui/stock/count.py" line="205" />
        <source>Count</source>
        <translation>盘点单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="205" />
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="205" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="206" />
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="206" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="206" />
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="207" />
        <source>Approve: the bin takes the count</source>
        <translation>批准：库位按实盘数量更新</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="208" />
        <source>Reject: count it again</source>
        <translation>驳回：重新盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="216" />
        <source>{n} count(s) wait for your decision</source>
        <translation>{n} 条盘点等待您审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="219" />
        <source>No count waits for approval</source>
        <translation>没有等待审批的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="230" />
        <source>Count #{id} approved: {bin} now holds {counted} × {sku}</source>
        <translation>盘点 #{id} 已批准：{bin} 现有 {counted} 件 {sku}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="231" />
        <source>Count #{id} rejected: {bin} keeps its stock</source>
        <translation>盘点 #{id} 已驳回：{bin} 库存不变</translation>
    </message>
</context>
<context>
    <name>CountView</name>
    <message>
        <location filename="../../ui/stock/count.py" line="86" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="86" />
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="86" />
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="87" />
        <source>Variance</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="87" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="87" />
        <source>Exp.</source>
        <comment>narrow header: Expected</comment>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="87" />
        <source>Count</source>
        <comment>narrow header: Counted</comment>
        <translation>实盘</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="87" />
        <source>+/-</source>
        <comment>narrow header: Variance</comment>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="88" />
        <source>Count of the last item scanned</source>
        <translation>最后扫描商品的数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="89" />
        <source>Finish this bin</source>
        <translation>完成本库位盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="99" />
        <source>Scan the bin you count first</source>
        <translation>请先扫描要盘点的库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="112" />
        <source>Finish bin {bin} first</source>
        <translation>请先完成库位 {bin} 的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="153" />
        <source>Bin {bin} counted: {applied} applied, {waiting} wait for a supervisor's approval</source>
        <translation>库位 {bin} 盘点完成：{applied} 条已生效，{waiting} 条等待主管审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="160" />
        <source>applied</source>
        <translation>已生效</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="160" />
        <source>waits for approval</source>
        <translation>待审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="175" />
        <source>Scan the bin you count</source>
        <translation>扫描要盘点的库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/count.py" line="177" />
        <source>Scan every item in {bin}, then finish the bin</source>
        <translation>逐件扫描 {bin} 中的商品，然后完成本库位</translation>
    </message>
</context>
<context>
    <name>MovesView</name>
    <message>
        <location filename="../../ui/stock/moves.py" line="31" />
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="32" />
        <source>lost</source>
        <translation>丢失</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="33" />
        <source>found</source>
        <translation>找到</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="34" />
        <source>expired</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="35" />
        <source>taken as a sample</source>
        <translation>取作样品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="36" />
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="83" />
        <source>Move between bins</source>
        <translation>库位间移库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="84" />
        <source>Adjust with a reason</source>
        <translation>按原因调整</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="85" />
        <source>Quantity to move</source>
        <translation>移库数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="85" />
        <source>Change (+/−)</source>
        <translation>调整数量（+/−）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="85" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="86" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="96" />
        <source>Adjust</source>
        <translation>调整</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="124" />
        <source>Scan the product first</source>
        <translation>请先扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="140" />
        <source>Moved {quantity} × {sku} from {source} to {target}</source>
        <translation>已将 {quantity} 件 {sku} 从 {source} 移到 {target}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="145" />
        <source>Scan the product and its bin first</source>
        <translation>请先扫描商品及其库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="155" />
        <source>{sku} in {bin}: {delta:+d} ({reason}), now {left}</source>
        <translation>{bin} 中的 {sku}：{delta:+d}（{reason}），现有 {left}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="160" />
        <source>Bin {bin}</source>
        <translation>库位 {bin}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="161" />
        <source>From {bin} →</source>
        <translation>从 {bin} →</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="163" />
        <source>Scan a product</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="165" />
        <source>Set the change and the reason, then press Adjust</source>
        <translation>填写调整数量和原因，然后按“调整”</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="166" />
        <source>Scan the bin it is in</source>
        <translation>扫描商品所在库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="168" />
        <source>Scan the bin it goes to</source>
        <translation>扫描目标库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/moves.py" line="169" />
        <source>Scan the bin it comes from</source>
        <translation>扫描来源库位</translation>
    </message>
</context>
<context>
    <name>ReceiveView</name>
    <message>
        <location filename="../../ui/stock/receive.py" line="63" />
        <source>Receipt</source>
        <translation>入库单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="63" />
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="63" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="67" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="67" />
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="67" />
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="68" />
        <source>Over / under</source>
        <translation>多收 / 少收</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="69" />
        <source>Close receipt</source>
        <translation>关闭入库单</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="77" />
        <source>Blind (no expected receipt)</source>
        <translation>盲收（无预到货单）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="114" />
        <source>Scan the product first, then the bin</source>
        <translation>请先扫描商品，再扫描库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="129" />
        <source>Received {quantity} × {sku} into {bin} (now {on_hand} there)</source>
        <translation>已收 {quantity} 件 {sku} 放入 {bin}（该库位现有 {on_hand}）</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="133" />
        <source>{receipt}: {received} of {expected} expected, {over_under}</source>
        <translation>{receipt}：应收 {expected}，已收 {received}，{over_under}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="149" />
        <source>Receipt {receipt} closed: {over} line(s) over, {under} under</source>
        <translation>入库单 {receipt} 已关闭：{over} 行多收，{under} 行少收</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="156" />
        <source>Scan a product</source>
        <translation>扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="160" />
        <source>{quantity} × {sku}: scan the bin it goes into</source>
        <translation>{quantity} 件 {sku}：请扫描放入的库位</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="181" />
        <source>over by {n}</source>
        <translation>多收 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="183" />
        <source>under by {n}</source>
        <translation>少收 {n}</translation>
    </message>
    <message>
        <location filename="../../ui/stock/receive.py" line="184" />
        <source>as expected</source>
        <translation>与预期一致</translation>
    </message>
</context>
<context>
    <name>StockMode</name>
    <message>
        <location filename="../../ui/stock/mode.py" line="27" />
        <source>Receive</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../ui/stock/mode.py" line="32" />
        <source>Move / adjust</source>
        <translation>移库 / 调整</translation>
    </message>
    <message>
        <location filename="../../ui/stock/mode.py" line="33" />
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../ui/stock/mode.py" line="37" />
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../ui/stock/mode.py" line="43" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <location filename="../../ui/stock/common.py" line="39" />
        <source>Any warehouse</source>
        <translation>任意仓库</translation>
    </message>
    <message>
        <location filename="../../ui/stock/common.py" line="60" />
        <source>Unreadable scan {code}: scan again</source>
        <translation>无法识别的扫描 {code}：请重新扫描</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/services/stock.py" line="300"/>
        <source>quantity {value} is not a whole number</source>
        <translation>数量 {value} 不是整数</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <location filename="../../app/services/stock.py" line="244"/>
        <source>{receipts} receipts, {lines} lines imported, {refused} rows refused</source>
        <translation>收货单 {receipts} 张，导入明细 {lines} 行，拒绝 {refused} 行</translation>
    </message>
</context>
</TS>