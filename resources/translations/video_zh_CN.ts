<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>RecordingIndicator</name>
    <message>
        <source>Camera: {problem}</source>
        <translation>摄像头：{problem}</translation>
    </message>
    <message>
        <source>Camera connecting…</source>
        <translation>摄像头连接中…</translation>
    </message>
    <message>
        <source>● REC {order}</source>
        <translation>● 录像中 {order}</translation>
    </message>
    <message>
        <source>Camera lost ({detail}): reconnecting; the gap is noted in the clip</source>
        <translation>摄像头断开（{detail}）：正在重连；中断时段已记入录像</translation>
    </message>
    <message>
        <source>Recording stopped: only {free} GB free for videos (at least {floor} GB needed). Free disk space or call a supervisor.</source>
        <translation>录像已停止：视频磁盘仅剩 {free} GB（至少需要 {floor} GB）。请清理磁盘空间或联系主管。</translation>
    </message>
    <message>
        <source>Camera ready</source>
        <translation>摄像头就绪</translation>
    </message>
    <message>
        <source>Recorder stopped ({detail}): this parcel is not filmed; it starts again with the next parcel</source>
        <translation>录像程序已停止（{detail}）：本包裹未录像；下一个包裹时自动重启</translation>
    </message>
</context>
<context>
    <name>StationRecorder</name>
    <message>
        <source>Order {number} · Tracking {tracking}</source>
        <translation>订单 {number} · 运单 {tracking}</translation>
    </message>
    <message>
        <source>Packer {packer} · Station {station}</source>
        <translation>打包员 {packer} · 工作站 {station}</translation>
    </message>
    <message>
        <source>✗ unknown</source>
        <translation>✗ 未知条码</translation>
    </message>
    <message>
        <source>✗ wrong item</source>
        <translation>✗ 错货</translation>
    </message>
    <message>
        <source>✗ extra</source>
        <translation>✗ 多件</translation>
    </message>
    <message>
        <source>✗ unreadable</source>
        <translation>✗ 无法识别</translation>
    </message>
</context>
<context>
    <name>CameraSettingsDialog</name>
    <message>
        <source>Camera of this station</source>
        <translation>本工作站的摄像头</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>No picture yet: press Connect and test.</source>
        <translation>暂无画面：请点击“连接并测试”。</translation>
    </message>
    <message>
        <source>Connect and test</source>
        <translation>连接并测试</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>视频源</translation>
    </message>
    <message>
        <source>USB: v4l2:/dev/video0 (Linux) or dshow:CAMERA NAME (Windows); IP camera: rtsp://user:password@address/stream; test: a moving test pattern</source>
        <translation>USB 摄像头：v4l2:/dev/video0（Linux）或 dshow:摄像头名称（Windows）；网络摄像头：rtsp://用户:密码@地址/码流；test：动态测试画面</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source>Frames per second</source>
        <translation>帧率（每秒帧数）</translation>
    </message>
    <message>
        <source>Clips folder</source>
        <translation>录像文件夹</translation>
    </message>
    <message>
        <source>Stop recording when free space is below</source>
        <translation>剩余空间低于此值时停止录像</translation>
    </message>
    <message>
        <source>Camera test · Station {station}</source>
        <translation>摄像头测试 · 工作站 {station}</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>live</source>
        <translation>有画面</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>录像中</translation>
    </message>
    <message>
        <source>no picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <source>disk nearly full</source>
        <translation>磁盘将满</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>recorder stopped</source>
        <translation>录像程序已停止</translation>
    </message>
    <message>
        <source>Folder for packing videos</source>
        <translation>打包视频文件夹</translation>
    </message>
</context>
<context>
    <name>VideoPlayerDialog</name>
    <message>
        <source>At</source>
        <translation>时间点</translation>
    </message>
    <message>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Export for a claim…</source>
        <translation>导出用于申诉…</translation>
    </message>
    <message>
        <source>Clips (one per box)</source>
        <translation>录像（每箱一段）</translation>
    </message>
    <message>
        <source>Scans: click one to jump to it</source>
        <translation>扫描记录：点击跳转到该时刻</translation>
    </message>
    <message>
        <source>Packing video of order {number}</source>
        <translation>订单 {number} 的打包视频</translation>
    </message>
    <message>
        <source>, {n} gap(s)</source>
        <translation>，{n} 处中断</translation>
    </message>
    <message>
        <source>parcel {parcel} · {station} · {packer}</source>
        <translation>包裹 {parcel} · {station} · {packer}</translation>
    </message>
    <message>
        <source>No packing video is kept for this order.</source>
        <translation>该订单没有保存的打包视频。</translation>
    </message>
    <message>
        <source>Order {order} · tracking {tracking} · packed by {packer} at {station}</source>
        <translation>订单 {order} · 运单 {tracking} · 由 {packer} 在 {station} 打包</translation>
    </message>
    <message>
        <source>{start} – {end} ({seconds} s), ended: {reason}</source>
        <translation>{start} – {end}（{seconds} 秒），结束原因：{reason}</translation>
    </message>
    <message>
        <source>Camera gap {start} – {end}: {reason}</source>
        <translation>摄像头中断 {start} – {end}：{reason}</translation>
    </message>
    <message>
        <source>scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>称重</translation>
    </message>
    <message>
        <source>command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>label printed</source>
        <translation>面单已打印</translation>
    </message>
    <message>
        <source>parcel cancelled</source>
        <translation>包裹已取消</translation>
    </message>
    <message>
        <source>disk nearly full</source>
        <translation>磁盘将满</translation>
    </message>
    <message>
        <source>interrupted (power or crash)</source>
        <translation>意外中断（断电或崩溃）</translation>
    </message>
    <message>
        <source>station closed</source>
        <translation>工作站已关闭</translation>
    </message>
    <message>
        <source>recorder stopped (killed or crashed)</source>
        <translation>录像程序已停止（被终止或崩溃）</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>wrong item</source>
        <translation>错货</translation>
    </message>
    <message>
        <source>unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <source>extra item</source>
        <translation>多扫</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>weight out of tolerance</source>
        <translation>重量超差</translation>
    </message>
    <message>
        <source>supervisor override</source>
        <translation>主管放行</translation>
    </message>
    <message>
        <source>re-weigh</source>
        <translation>重新称重</translation>
    </message>
    <message>
        <source>box closed</source>
        <translation>封箱</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>taken over</source>
        <translation>已接管</translation>
    </message>
    <message>
        <source>next parcel started</source>
        <translation>已开始下一个包裹</translation>
    </message>
    <message>
        <source>taken over by another station</source>
        <translation>已被其他工作站接管</translation>
    </message>
    <message>
        <source>This clip was deleted by the retention rule; its index is kept.</source>
        <translation>该录像已按保留规则删除；索引记录仍保留。</translation>
    </message>
    <message>
        <source>This clip cannot be played here: {problem}</source>
        <translation>该录像无法在此播放：{problem}</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Export the packing video into</source>
        <translation>将打包视频导出到</translation>
    </message>
    <message>
        <source>Exported {n} clip(s) and {manifest} into {folder}.</source>
        <translation>已将 {n} 段录像和 {manifest} 导出到 {folder}。</translation>
    </message>
</context>
<context>
    <name>TimelineVideos</name>
    <message>
        <source>Packing video: double-click to play</source>
        <translation>有打包视频：双击播放</translation>
    </message>
    <message>
        <source>Play packing video…</source>
        <translation>播放打包视频…</translation>
    </message>
</context>
<context>
    <name>jobs</name>
    <message>
        <source>delete packing videos past retention or quota</source>
        <translation>删除超过保留期限或配额的打包视频</translation>
    </message>
</context>
<context>
    <name>DeviceSettingsDialog</name>
    <message>
        <source>Packing video camera…</source>
        <translation>打包录像摄像头…</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The video overlay needs Pillow: pip install 'packdesk[video]'</source>
        <translation>视频叠加文字需要 Pillow：pip install 'packdesk[video]'</translation>
    </message>
    <message>
        <source>Recording into {path} failed: {reason}</source>
        <translation>录制到 {path} 失败：{reason}</translation>
    </message>
    <message>
        <source>No picture from {source}: {reason}</source>
        <translation>{source} 没有画面：{reason}</translation>
    </message>
    <message>
        <source>no frames arrived</source>
        <translation>没有收到任何画面</translation>
    </message>
    <message>
        <source>Video recording needs PyAV, which is not installed here: {hint}</source>
        <translation>录像需要 PyAV，本机未安装：{hint}</translation>
    </message>
    <message>
        <source>Unknown camera source {source!r}: use test, lavfi:GRAPH, v4l2:/dev/video0, dshow:NAME or rtsp://...</source>
        <translation>未知的摄像头来源 {source!r}：请使用 test、lavfi:GRAPH、v4l2:/dev/video0、dshow:名称 或 rtsp://...</translation>
    </message>
    <message>
        <source>Camera size {width}x{height} is out of range (even numbers, 160x120 to 3840x2160).</source>
        <translation>摄像头分辨率 {width}x{height} 超出范围（须为偶数，160x120 至 3840x2160）。</translation>
    </message>
    <message>
        <source>No camera source is set: use test, v4l2:/dev/video0, dshow:NAME or rtsp://...</source>
        <translation>未设置摄像头来源：请使用 test、v4l2:/dev/video0、dshow:名称 或 rtsp://...</translation>
    </message>
    <message>
        <source>Camera fps must be 1 to 60, not {fps}.</source>
        <translation>摄像头帧率必须是 1 到 60，而不是 {fps}。</translation>
    </message>
    <message>
        <source>Camera min_free_mb must be at least 0 and crf 0 to 51.</source>
        <translation>摄像头 min_free_mb 至少为 0，crf 须为 0 到 51。</translation>
    </message>
    <message>
        <source>Camera size is WIDTHxHEIGHT, e.g. 1280x720, not {size!r}.</source>
        <translation>摄像头分辨率格式为 宽x高，例如 1280x720，而不是 {size!r}。</translation>
    </message>
    <message>
        <source>Camera fps, min_free_mb and crf are whole numbers: {settings!r}</source>
        <translation>摄像头 fps、min_free_mb 和 crf 须为整数：{settings!r}</translation>
    </message>
</context>
</TS>
