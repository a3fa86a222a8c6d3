<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>errors</name>
    <message>
        <source>{name} may not override a weight check.</source>
        <translation>{name} 无权放行重量检查。</translation>
    </message>
    <message>
        <source>A short pick finds fewer than {quantity}.</source>
        <translation>缺货拣货的数量必须少于 {quantity}。</translation>
    </message>
    <message>
        <source>Batch {carrier} {pickup} is empty: scan parcels into it first.</source>
        <translation>{carrier} {pickup} 批次为空：请先扫描包裹。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Box {box} is empty: scan at least one item into it first.</source>
        <translation>第 {box} 箱为空：请先至少扫描一件商品。</translation>
    </message>
    <message>
        <source>Enter the number of parcels the courier counted.</source>
        <translation>请输入快递员清点的包裹数。</translation>
    </message>
    <message>
        <source>No exception #{id}.</source>
        <translation>没有异常 #{id}。</translation>
    </message>
    <message>
        <source>No hand-over batch #{id}.</source>
        <translation>没有交接批次 #{id}。</translation>
    </message>
    <message>
        <source>No packed parcel has waybill {tracking}.</source>
        <translation>没有面单号为 {tracking} 的已打包包裹。</translation>
    </message>
    <message>
        <source>No parcel has waybill {tracking}.</source>
        <translation>没有面单号为 {tracking} 的包裹。</translation>
    </message>
    <message>
        <source>Only a parcel blocked by its weight can be overridden.</source>
        <translation>只有因重量被拦截的包裹才能放行。</translation>
    </message>
    <message>
        <source>Order {number} is already packed: it is never packed twice.</source>
        <translation>订单 {number} 已打包：不会重复打包。</translation>
    </message>
    <message>
        <source>Order {number} is still being picked.</source>
        <translation>订单 {number} 仍在拣货中。</translation>
    </message>
    <message>
        <source>Order {number} was just taken by another station.</source>
        <translation>订单 {number} 刚被其他工作站领取。</translation>
    </message>
    <message>
        <source>Parcel {tracking} has not passed verify: verify it first.</source>
        <translation>包裹 {tracking} 尚未通过复核：请先复核。</translation>
    </message>
    <message>
        <source>Parcel {tracking} was just added to a batch at another station.</source>
        <translation>包裹 {tracking} 刚在其他工作站加入了交接批次。</translation>
    </message>
    <message>
        <source>Parcel {tracking} was verified at another station.</source>
        <translation>包裹 {tracking} 已在其他工作站复核。</translation>
    </message>
    <message>
        <source>Say what was done: a resolution needs a note.</source>
        <translation>请说明处理方式：处理需要备注。</translation>
    </message>
    <message>
        <source>Scan a tote or an order barcode to start a parcel (got {code!r}).</source>
        <translation>请扫描周转箱或订单条码开始打包（扫到 {code!r}）。</translation>
    </message>
    <message>
        <source>Scan the parcel's waybill.</source>
        <translation>请扫描包裹面单。</translation>
    </message>
    <message>
        <source>That exception was already resolved by someone else.</source>
        <translation>该异常已被他人处理。</translation>
    </message>
    <message>
        <source>That hand-over batch is already closed.</source>
        <translation>该交接批次已关闭。</translation>
    </message>
    <message>
        <source>The short pick of exception #{id} is gone.</source>
        <translation>异常 #{id} 的缺货拣货记录已不存在。</translation>
    </message>
    <message>
        <source>This box is already closed: weigh it.</source>
        <translation>此箱已封箱：请称重。</translation>
    </message>
    <message>
        <source>This task was finished on another device: showing the next one.</source>
        <translation>此任务已在其他设备上完成：显示下一个任务。</translation>
    </message>
    <message>
        <source>Tote {tote} holds no order waiting to be packed.</source>
        <translation>周转箱 {tote} 中没有待打包的订单。</translation>
    </message>
    <message>
        <source>Order {number} is being packed at station {station} (since {since}); it cannot be packed here too. A supervisor may take it over: scan their badge now.</source>
        <translation>订单 {number} 正在工作站 {station} 打包（自 {since} 起），不能在此同时打包。主管可接管：请现在扫描主管工牌。</translation>
    </message>
    <message>
        <source>{name} may not take over another station's parcel.</source>
        <translation>{name} 无权接管其他工作站的包裹。</translation>
    </message>
    <message>
        <source>Order {number} is not held by another station: nothing to take over.</source>
        <translation>订单 {number} 不在其他工作站：无需接管。</translation>
    </message>
    <message>
        <source>Order {number} was taken over by station {station}: it is no longer packed here.</source>
        <translation>订单 {number} 已被工作站 {station} 接管：不再在此打包。</translation>
    </message>
    <message>
        <source>Order {number} is already packed at station {station} ({at}): it is never packed twice.</source>
        <translation>订单 {number} 已在工作站 {station} 打包（{at}）：不会重复打包。</translation>
    </message>
    <message>
        <source>Order {number} has no stock allocated yet ({status}).</source>
        <translation>订单 {number} 尚未分配库存（{status}）。</translation>
    </message>
    <message>
        <source>Order {number} waits for a supervisor's decision on a short pick (exception queue).</source>
        <translation>订单 {number} 因缺货等待主管决定（异常队列）。</translation>
    </message>
    <message>
        <source>Order {number} is {status} and cannot be packed.</source>
        <translation>订单 {number} 状态为 {status}，不能打包。</translation>
    </message>
    <message>
        <source>Line {line} of {number} changed at another station: scan the order again.</source>
        <translation>{number} 的第 {line} 行已在其他工作站变更：请重新扫描订单。</translation>
    </message>
    <message>
        <source>Order {number} is no longer held by this station; nothing was packed.</source>
        <translation>订单 {number} 已不在本工作站；未打包任何内容。</translation>
    </message>
    <message>
        <source>Parcel {tracking} is already verified: put it with carrier {carrier}.</source>
        <translation>包裹 {tracking} 已复核：请放到承运商 {carrier} 处。</translation>
    </message>
    <message>
        <source>Parcel {tracking} is {status}, not packed.</source>
        <translation>包裹 {tracking} 状态为 {status}，未打包。</translation>
    </message>
    <message>
        <source>Parcel {tracking} goes with {parcel_carrier}, not {carrier}: keep it out of this batch.</source>
        <translation>包裹 {tracking} 属于 {parcel_carrier}，不是 {carrier}：不要放入此批次。</translation>
    </message>
    <message>
        <source>Parcel {tracking} is already in hand-over batch {carrier} {pickup}: never twice.</source>
        <translation>包裹 {tracking} 已在 {carrier} {pickup} 交接批次中：不能重复交接。</translation>
    </message>
    <message>
        <source>Batch {carrier} {pickup}: {packed} packed, {scanned} scanned, the courier counted {courier}. Find the missing parcels, or close it anyway by choice.</source>
        <translation>{carrier} {pickup} 批次：已打包 {packed} 件，已扫描 {scanned} 件，快递员清点 {courier} 件。请找出缺少的包裹，或确认后仍然关闭。</translation>
    </message>
    <message>
        <source>Say why the pick is short: one of {reasons} (got {reason!r}).</source>
        <translation>请说明缺货原因：{reasons} 之一（收到 {reason!r}）。</translation>
    </message>
    <message>
        <source>{action} does not apply to this kind of exception ({kind}).</source>
        <translation>{action} 不适用于此类异常（{kind}）。</translation>
    </message>
    <message>
        <source>take over another station's parcel</source>
        <translation>接管其他工作站的包裹</translation>
    </message>
</context>
<context>
    <name>ExceptionsView</name>
    <message>
        <location filename="../../ui/station/exceptions.py" line="59" />
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="59" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="59" />
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="59" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="59" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="64" />
        <source>What was done</source>
        <translation>处理说明</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="65" />
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="66" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="70" />
        <source>Fixed on the floor</source>
        <translation>现场已处理</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="71" />
        <source>Item back to its bin</source>
        <translation>商品已归还库位</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="72" />
        <source>Bin recounted, stock corrected</source>
        <translation>库位已盘点，库存已更正</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="73" />
        <source>Damaged: written off</source>
        <translation>破损：已报废</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="74" />
        <source>False alarm</source>
        <translation>误报</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="79" />
        <source>short pick</source>
        <translation>拣货短缺</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="80" />
        <source>wrong item</source>
        <translation>错货</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="81" />
        <source>weight mismatch</source>
        <translation>重量不符</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="82" />
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="83" />
        <source>verify failed</source>
        <translation>复核失败</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="103" />
        <source>{n} open exception(s)</source>
        <translation>{n} 条未处理异常</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="108" />
        <source>Select an exception first</source>
        <translation>请先选择一条异常</translation>
    </message>
    <message>
        <location filename="../../ui/station/exceptions.py" line="127" />
        <source>Exception resolved</source>
        <translation>异常已处理</translation>
    </message>
    <message>
        <source>Look for stock again</source>
        <translation>重新查找库存</translation>
    </message>
    <message>
        <source>Ship what is there, back-order the rest (the customer is told)</source>
        <translation>先发现有商品，其余缺货待补（通知客户）</translation>
    </message>
    <message>
        <source>Wait for stock</source>
        <translation>等待到货</translation>
    </message>
    <message>
        <source>Cancel the missing units (refund)</source>
        <translation>取消缺货数量（退款）</translation>
    </message>
    <message>
        <source>{sku} at {bin}: found {found} of {wanted} ({reason}); {missing} missing</source>
        <translation>{sku} 在 {bin}：找到 {found}/{wanted}（{reason}）；缺 {missing} 件</translation>
    </message>
    <message>
        <source> · waiting for stock</source>
        <translation> · 等待到货</translation>
    </message>
    <message>
        <source>{n} waiting short pick(s) found stock</source>
        <translation>{n} 个等待中的缺货找到了库存</translation>
    </message>
</context>
<context>
    <name>PackView</name>
    <message>
        <location filename="../../ui/station/pack.py" line="126" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="126" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="126" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="126" />
        <source>Scanned</source>
        <translation>已扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="128" />
        <source>Packaging</source>
        <translation>包装建议</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="129" />
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="130" />
        <source>Re-weigh</source>
        <translation>重新称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="131" />
        <source>Supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="132" />
        <source>Cancel parcel</source>
        <translation>取消包裹</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="133" />
        <source>Command barcodes: CMD:FINISH · CMD:REWEIGH · CMD:CANCEL · CMD:OVERRIDE</source>
        <translation>指令条码：CMD:FINISH 完成 · CMD:REWEIGH 重称 · CMD:CANCEL 取消 · CMD:OVERRIDE 放行</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="136" />
        <source>Scan a tote or an order to start packing</source>
        <translation>扫描周转箱或订单开始打包</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="148" />
        <source>Finish or cancel order {number} before starting another</source>
        <translation>请先完成或取消订单 {number}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="156" />
        <source>Scan a tote or an order first (got {code})</source>
        <translation>请先扫描周转箱或订单（收到 {code}）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="163" />
        <source>Scale: {message}</source>
        <translation>电子秤：{message}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="169" />
        <source>over</source>
        <translation>超载</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="169" />
        <source>under</source>
        <translation>欠载</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="173" />
        <source>{grams} g</source>
        <translation>{grams} 克</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="185" />
        <source>No open parcel for {command}</source>
        <translation>没有打开的包裹，无法执行 {command}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="195" />
        <location filename="../../ui/station/pack.py" line="344" />
        <source>{left} item(s) still to scan</source>
        <translation>还有 {left} 件未扫描</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="199" />
        <source>Put the parcel on the scale and wait for a steady weight</source>
        <translation>请把包裹放上秤，等待重量稳定</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="204" />
        <source>Only a parcel blocked by its weight can be overridden</source>
        <translation>只有因重量被拦截的包裹才能放行</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="208" />
        <source>Supervisor: scan your badge to accept {grams} g</source>
        <translation>主管：请扫描工牌以接受 {grams} 克</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="212" />
        <source>Unknown command {command}</source>
        <translation>未知指令 {command}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="267" />
        <source>No parcel open</source>
        <translation>没有打开的包裹</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="274" />
        <source>{number} · {carrier} · {city}</source>
        <translation>{number} · {carrier} · {city}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="278" />
        <source>{done} / {total} items</source>
        <translation>{done} / {total} 件</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="290" />
        <source>fragile: wrap each item</source>
        <translation>易碎：逐件包裹气泡膜</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="291" />
        <source>liquid: seal in a bag</source>
        <translation>液体：密封袋包装</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="292" />
        <source>bulky</source>
        <translation>大件</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="293" />
        <source>battery: add the battery label</source>
        <translation>含电池：贴电池标签</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="294" />
        <source>too much for one carton: split the parcel</source>
        <translation>一个纸箱装不下：请拆分包裹</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="294" />
        <source>no box of this site suits every flag: the nearest fit instead</source>
        <translation>本站没有适合全部标记的箱子：改用最合适的尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="295" />
        <source>no box of this site fits: use your own carton (boxes: Admin → Boxes)</source>
        <translation>本站没有合适的包装箱：请用自备纸箱（包装箱在 管理 → 包装箱 中设置）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="300" />
        <source>{code}: {title}</source>
        <translation>{code}：{title}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="309" />
        <source>Expected: unknown (the weight is learnt from this parcel)</source>
        <translation>预期重量：未知（将从本包裹学习）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="313" />
        <source>Expected: {expected} g ± {allowed} g</source>
        <translation>预期：{expected} 克 ± {allowed} 克</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="318" />
        <source>ships in its own carton</source>
        <translation>原箱发货</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="319" />
        <source>Poly mailer S</source>
        <translation>小号快递袋</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="320" />
        <source>Poly mailer L</source>
        <translation>大号快递袋</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="326" />
        <source>Carton {n} ({size} mm)</source>
        <translation>{n} 号纸箱（{size} 毫米）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="333" />
        <source>Order {number}: scan each item</source>
        <translation>订单 {number}：请逐件扫描</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="334" />
        <source>Order {number} resumed where it was left</source>
        <translation>订单 {number} 已从中断处恢复</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="337" />
        <source>{sku} ✓ {scanned} of {quantity}</source>
        <translation>{sku} ✓ {scanned}/{quantity}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="338" />
        <source>{sku} complete ({quantity})</source>
        <translation>{sku} 已齐（{quantity}）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="339" />
        <source>All items scanned: put the parcel on the scale</source>
        <translation>商品已全部扫描：请把包裹放上秤</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="340" />
        <source>Unknown barcode {code}: not a product</source>
        <translation>未知条码 {code}：不是商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="341" />
        <source>Wrong item: {name} is not in this order</source>
        <translation>错货：{name} 不在此订单中</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="342" />
        <source>Extra item: {sku} needs only {quantity}</source>
        <translation>多货：{sku} 只需 {quantity} 件</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="343" />
        <source>{reason}: scan again</source>
        <translation>{reason}：请重扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="346" />
        <source>Weight {measured} g, expected {expected} g ± {allowed} g: put the parcel right on the scale (each new weight is checked) or call a supervisor</source>
        <translation>重量 {measured} 克，预期 {expected} 克 ± {allowed} 克：请在秤上直接整理包裹（每次新重量都会重新核对）或呼叫主管</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="351" />
        <source>Order {number} cancelled here: items back to the tote</source>
        <translation>订单 {number} 已取消：商品放回周转箱</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="353" />
        <source>Put the parcel on the scale again</source>
        <translation>请重新把包裹放上秤</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="360" />
        <source> (weight learnt)</source>
        <translation>（已学习重量）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="361" />
        <source> (weight not checked)</source>
        <translation>（未校验重量）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="362" />
        <source> (supervisor override)</source>
        <translation>（主管放行）</translation>
    </message>
    <message>
        <location filename="../../ui/station/pack.py" line="364" />
        <source>Packed{how}: {tracking}, labels printing</source>
        <translation>已打包{how}：{tracking}，面单打印中</translation>
    </message>
    <message>
        <source>Command barcodes: CMD:FINISH · CMD:NEWBOX · CMD:REWEIGH · CMD:CANCEL · CMD:OVERRIDE</source>
        <translation>指令条码：CMD：FINISH · CMD：NEWBOX · CMD：REWEIGH · CMD：CANCEL · CMD：OVERRIDE</translation>
    </message>
    <message>
        <source>Box {box} · {units} in it · {progress}</source>
        <translation>第 {box} 箱 · 箱内 {units} 件 · {progress}</translation>
    </message>
    <message>
        <source>Light item: {sku} weighs {weight} g, within the usual ± {ordinary} g, so the scale alone would miss it: this parcel is checked at ± {allowed} g</source>
        <translation>轻件：{sku} 仅重 {weight} 克，在常规 ± {ordinary} 克之内，仅凭称重发现不了漏装：本包裹按 ± {allowed} 克检查</translation>
    </message>
    <message>
        <source>Box closed for weighing: weigh it before scanning more</source>
        <translation>此箱已封箱待称重：称重后再继续扫描</translation>
    </message>
    <message>
        <source>Box {box} closed with {units} item(s): put it on the scale</source>
        <translation>第 {box} 箱已封箱（{units} 件）：请放上秤</translation>
    </message>
    <message>
        <source>Box {box} packed: {tracking}, label printing. Box {next_box} is open: scan the rest</source>
        <translation>第 {box} 箱已打包：{tracking}，面单打印中。第 {next_box} 箱已开始：请扫描其余商品</translation>
    </message>
    <message>
        <source>Order {number} taken over from {station} by {by}: carry on where it was left</source>
        <translation>订单 {number} 已由 {by} 从 {station} 接管：从中断处继续</translation>
    </message>
    <message>
        <source>(is the {sku} in the box? It weighs only {weight} g)</source>
        <translation>（{sku} 在箱里吗?它只有 {weight} 克）</translation>
    </message>
    <message>
        <source>Order {number} was taken over by station {station} ({by}, {time}): it is no longer packed here</source>
        <translation>订单 {number} 已被工作站 {station} 接管（{by}，{time}）：不再在此打包</translation>
    </message>
    <message>
        <source>Packed{how}: last box {box}, {tracking}, labels printing</source>
        <translation>已打包{how}：最后一箱（第 {box} 箱），{tracking}，面单打印中</translation>
    </message>
    <message>
        <source>Packed{how}: {tracking}; the rest of the order ships from another warehouse</source>
        <translation>已打包{how}：{tracking}；订单其余部分从其他仓库发货</translation>
    </message>
    <message>
        <source>~ unstable: wait for the scale to settle</source>
        <translation>~ 不稳定：请等秤稳定</translation>
    </message>
</context>
<context>
    <name>PickView</name>
    <message>
        <location filename="../../ui/station/pick.py" line="83" />
        <source>Start wave</source>
        <translation>开始波次</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="84" />
        <source>Short pick…</source>
        <translation>拣货短缺…</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="94" />
        <source>{number} · {carrier} · {orders} orders · {status}</source>
        <translation>{number} · {carrier} · {orders} 单 · {status}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="100" />
        <location filename="../../ui/station/pick.py" line="105" />
        <source>No wave to pick</source>
        <translation>没有待拣波次</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="121" />
        <source>Go to the bin and scan it</source>
        <translation>请到库位并扫描库位码</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="125" />
        <source>Start a wave first</source>
        <translation>请先开始一个波次</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="147" />
        <location filename="../../ui/station/pick.py" line="156" />
        <source>Short pick</source>
        <translation>拣货短缺</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="148" />
        <source>How many are in the bin?</source>
        <translation>库位里有几件？</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="155" />
        <source>empty bin</source>
        <translation>库位为空</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="155" />
        <source>damaged</source>
        <translation>破损</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="155" />
        <source>wrong item in the bin</source>
        <translation>库位商品不对</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="156" />
        <source>Why?</source>
        <translation>原因？</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="179" />
        <source>At {bin}: scan the item</source>
        <translation>已到 {bin}：请扫描商品</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="180" />
        <source>Wrong bin {code}: go to {bin}</source>
        <translation>库位错误 {code}：请去 {bin}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="183" />
        <source>Scan the bin {bin} first</source>
        <translation>请先扫描库位 {bin}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="184" />
        <source>{sku} ✓</source>
        <translation>{sku} ✓</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="185" />
        <source>Done: next bin</source>
        <translation>完成：下一个库位</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="186" />
        <source>Wave {wave} picked: take the totes to packing</source>
        <translation>波次 {wave} 已拣完：请把周转箱送到打包台</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="187" />
        <source>Wrong item: this task needs {sku}</source>
        <translation>错货：此任务需要 {sku}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="188" />
        <source>{reason}: scan again</source>
        <translation>{reason}：请重扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="206" />
        <source>Wave {wave} · order {order}</source>
        <translation>波次 {wave} · 订单 {order}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="210" />
        <source>{done} / {total} picks</source>
        <translation>{done} / {total} 次拣货</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="213" />
        <source>{picked} / {quantity}</source>
        <translation>{picked} / {quantity}</translation>
    </message>
    <message>
        <location filename="../../ui/station/pick.py" line="214" />
        <source>→ {tote}</source>
        <translation>→ {tote}</translation>
    </message>
    <message>
        <source>Put them in {tote} and scan the tote</source>
        <translation>放入 {tote} 并扫描周转箱</translation>
    </message>
    <message>
        <source>Wrong tote {code}: put them in {tote}</source>
        <translation>周转箱错误 {code}：请放入 {tote}</translation>
    </message>
    <message>
        <source>{made_up} more {sku} from another bin: it is next</source>
        <translation>另一库位补拣 {made_up} 件 {sku}：下一个任务</translation>
    </message>
    <message>
        <source>{missing} × {sku} missing: the order waits for a supervisor</source>
        <translation>缺 {missing} 件 {sku}：订单等待主管处理</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>找不到</translation>
    </message>
    <message>
        <source>ready to pick</source>
        <translation>待拣货</translation>
    </message>
    <message>
        <source>being picked</source>
        <translation>拣货中</translation>
    </message>
    <message>
        <source>No wave is ready. When the supervisor plans one, it appears above.</source>
        <translation>暂无可拣波次。主管排好波次后会显示在上方。</translation>
    </message>
    <message>
        <source>Choose a wave above and press Start wave.
Then go to the bin shown here and scan its label.</source>
        <translation>在上方选择波次，按“开始波次”。
然后前往这里显示的库位，扫描库位标签。</translation>
    </message>
    <message>
        <source>Next: scan the label of bin {bin}</source>
        <translation>下一步：扫描库位 {bin} 的标签</translation>
    </message>
    <message>
        <source>Next: scan each {sku}, {left} more</source>
        <translation>下一步：逐件扫描 {sku}，还差 {left} 件</translation>
    </message>
    <message>
        <source>Next: put them in {tote} and scan the tote</source>
        <translation>下一步：放入 {tote} 并扫描周转箱</translation>
    </message>
    <message>
        <source>{number} · {carrier} · 1 order · {status}</source>
        <translation>{number} · {carrier} · 1 单 · {status}</translation>
    </message>
    <message>
        <source>No wave started</source>
        <translation>尚未开始波次</translation>
    </message>
</context>
<context>
    <name>StationMode</name>
    <message>
        <location filename="../../ui/station/mode.py" line="31" />
        <source>Pick</source>
        <translation>拣货</translation>
    </message>
    <message>
        <location filename="../../ui/station/mode.py" line="35" />
        <source>Pack</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../ui/station/mode.py" line="39" />
        <source>Verify and hand-over</source>
        <translation>复核与交接</translation>
    </message>
    <message>
        <location filename="../../ui/station/mode.py" line="43" />
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../ui/station/mode.py" line="46" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/station/stats.py" line="35" />
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="36" />
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="37" />
        <source>Parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="38" />
        <source>Parcels / hour</source>
        <translation>包裹/小时</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="39" />
        <source>Errors caught</source>
        <translation>拦截差错</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="40" />
        <source>Overrides</source>
        <translation>放行次数</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="43" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/station/stats.py" line="52" />
        <source>Today since {time} ({n} parcels)</source>
        <translation>今天 {time} 起（{n} 个包裹）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Hours worked</source>
        <translation>工作小时</translation>
    </message>
    <message>
        <source>Orders / hour</source>
        <translation>订单/小时</translation>
    </message>
    <message>
        <source>Lines / hour</source>
        <translation>行/小时</translation>
    </message>
    <message>
        <source>Refused scans / 100 items</source>
        <translation>拒绝扫描/百件</translation>
    </message>
    <message>
        <source>Weight failures / 100 parcels</source>
        <translation>称重不合格/百包裹</translation>
    </message>
    <message>
        <source>Short picks / 100 lines</source>
        <translation>拣货短缺/百行</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Select a person to chart their lines per hour</source>
        <translation>选择一个人，查看其每小时完成行数</translation>
    </message>
    <message>
        <source>{who} · {station}: lines per hour</source>
        <translation>{who} · {station}：每小时完成行数</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计</translation>
    </message>
</context>
<context>
    <name>VerifyView</name>
    <message>
        <location filename="../../ui/station/verify.py" line="91" />
        <source>Verify parcels</source>
        <translation>复核包裹</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="92" />
        <source>Hand over to carrier</source>
        <translation>交接承运商</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="93" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="93" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="93" />
        <source>Re-scanned</source>
        <translation>已复扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="94" />
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="94" />
        <source>Parcels</source>
        <translation>包裹数</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="95" />
        <source>Open hand-over batches</source>
        <translation>未关闭的交接批次</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="96" />
        <source>Carrier collected: close batch and print manifest</source>
        <translation>承运商已揽收：关闭批次并打印交接单</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="101" />
        <source>Scan a waybill to verify the parcel</source>
        <translation>扫描面单复核包裹</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="103" />
        <source>Scan verified parcels into the carrier's batch</source>
        <translation>扫描已复核的包裹加入交接批次</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="130" />
        <source>{grams} g</source>
        <translation>{grams} 克</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="173" />
        <source>Select the batch the carrier collected</source>
        <translation>请选择承运商揽收的批次</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="212" />
        <source>{tracking} · order {number} · {carrier}</source>
        <translation>{tracking} · 订单 {number} · {carrier}</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="224" />
        <source>high value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="225" />
        <source>random sample</source>
        <translation>随机抽检</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="226" />
        <source>weight was overridden</source>
        <translation>重量曾被放行</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="227" />
        <source>weight was learnt</source>
        <translation>重量为学习值</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="228" />
        <source>weight was not checked</source>
        <translation>重量未校验</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="232" />
        <source>Check this parcel ({reason}): re-scan every item, then weigh it</source>
        <translation>抽检此包裹（{reason}）：逐件复扫后称重</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="234" />
        <source>Verified: put it with {carrier}</source>
        <translation>复核通过：放到 {carrier} 区</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="235" />
        <source>{sku} ✓</source>
        <translation>{sku} ✓</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="236" />
        <source>All items re-scanned: put the parcel on the scale</source>
        <translation>已全部复扫：请把包裹放上秤</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="237" />
        <source>{left} item(s) still to re-scan</source>
        <translation>还有 {left} 件未复扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="238" />
        <source>Unreadable scan {code}: scan again</source>
        <translation>无法识别 {code}：请重扫</translation>
    </message>
    <message>
        <location filename="../../ui/station/verify.py" line="240" />
        <source>Verify failed: {detail}. Set the parcel aside for a supervisor</source>
        <translation>复核失败：{detail}。请把包裹放到一边等主管处理</translation>
    </message>
    <message>
        <source>Pick-up</source>
        <translation>揽收</translation>
    </message>
    <message>
        <source>Missing waybill</source>
        <translation>缺少的面单</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后位置</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Parcels the courier counted:</source>
        <translation>快递员清点的包裹数：</translation>
    </message>
    <message>
        <source>Counts differ: close anyway</source>
        <translation>数量不符：仍然关闭</translation>
    </message>
    <message>
        <source>Select a batch to compare it with what was packed</source>
        <translation>选择批次，与已打包的包裹核对</translation>
    </message>
    <message>
        <source>{carrier}: {packed} packed · {scanned} scanned · courier {courier}</source>
        <translation>{carrier}：已打包 {packed} · 已扫描 {scanned} · 快递员 {courier}</translation>
    </message>
    <message>
        <source>packed at {station}</source>
        <translation>在 {station} 打包</translation>
    </message>
    <message>
        <source>verified (packed at {station})</source>
        <translation>已复核（在 {station} 打包）</translation>
    </message>
    <message>
        <source>packed at {station}, waiting for verify</source>
        <translation>在 {station} 打包，等待复核</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重量</translation>
    </message>
    <message>
        <source>~ unstable: wait for the scale to settle</source>
        <translation>~ 不稳定：请等秤稳定</translation>
    </message>
    <message>
        <source>{tracking} → {batch} ({count} parcels)</source>
        <translation>{tracking} → {batch}（{count} 个包裹）</translation>
    </message>
    <message>
        <source>{batch} closed: {count} parcels shipped, manifest printing</source>
        <translation>{batch} 已关闭：{count} 个包裹已发出，交接单打印中</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Weighed at packing: {grams} g</source>
        <translation>打包时称重：{grams} 克</translation>
    </message>
    <message>
        <source>{carrier} {slot} pick-up</source>
        <translation>{carrier} {slot} 揽收</translation>
    </message>
    <message>
        <source>{carrier} pick-up today</source>
        <translation>{carrier} 今日揽收</translation>
    </message>
    <message>
        <source>Close batch</source>
        <translation>关闭批次</translation>
    </message>
    <message>
        <source>Close {batch}? Its {count} parcels are shipped (the courier counted {courier}) and the manifest prints. This cannot be undone.</source>
        <translation>关闭 {batch}？其中 {count} 个包裹将发出（快递员清点 {courier} 个），并打印交接单。此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>ExceptionDetails</name>
    <message>
        <source>scanned {code} ({name}), not in the order</source>
        <translation>扫描了 {code}（{name}），不在订单中</translation>
    </message>
    <message>
        <source>scanned {code}, not in the order</source>
        <translation>扫描了 {code}，不在订单中</translation>
    </message>
    <message>
        <source>{sku}: more than ordered</source>
        <translation>{sku}：超出订购数量</translation>
    </message>
    <message>
        <source>measured {measured} g, expected {expected} g ± {allowed} g</source>
        <translation>实称 {measured} 克，预期 {expected} 克 ± {allowed} 克</translation>
    </message>
    <message>
        <source>re-weighed {measured} g, packed at {packed} g</source>
        <translation>复称 {measured} 克，打包时 {packed} 克</translation>
    </message>
    <message>
        <source>{sku} at {bin}: found {found} of {wanted} ({reason})</source>
        <translation>{sku} 在 {bin}：应拣 {wanted} 件，找到 {found} 件（{reason}）</translation>
    </message>
</context>
<context>
    <name>ScreenTabs</name>
    <message>
        <source>Scan ignored on this screen: {code}</source>
        <translation>此界面不处理扫描：{code}</translation>
    </message>
</context>
</TS>