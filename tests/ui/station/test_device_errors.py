"""A scale or camera problem on the pack screen reads in the station's language (issue 21): the
scale's error event and the camera's refused setting are worded, not shown as the driver's English."""

from __future__ import annotations

from devices.sim.pty_port import PtyPort
from ui.bridge import DeviceBridge
from ui.station.pack import PackView


def _pack_view(qtbot, ctx) -> PackView:
    ctx.settings.printers = {"waybill": {"uri": "file:/tmp/packdesk-test-print"}}
    view = PackView(ctx)
    qtbot.addWidget(view)
    return view


def test_a_garbled_reply_from_the_scale_reads_in_chinese_on_the_pack_screen(qtbot, demo_ctx, chinese):
    scale = PtyPort("scale")  # a scale whose cable picks up noise: it answers a poll with nonsense
    path = scale.open()
    view = _pack_view(qtbot, demo_ctx)
    messages: list[str] = []
    view.status_message.connect(messages.append)
    bridge = DeviceBridge({"scale": {"port": path, "protocol": "mt-sics"}})
    bridge.weighed.connect(view.handle_weight)
    bridge.start()
    try:
        def garbled_seen() -> bool:
            scale.write(b"XYZ 12\r\n")  # again until the reader listens (bytes before it opened are lost)
            return bool(messages)
        qtbot.waitUntil(garbled_seen, timeout=5000)
    finally:
        bridge.stop()
        scale.remove()
    assert messages[0] == "电子秤：意外的回复 b'XYZ 12'"
    assert view.weight.text() == "?"


def test_a_camera_size_the_station_cannot_use_reads_in_chinese_on_the_pack_screen(qtbot, demo_ctx, chinese):
    demo_ctx.settings.devices["camera"] = {"source": "test", "size": "big"}
    view = _pack_view(qtbot, demo_ctx)
    indicator = view.recorder.indicator
    assert indicator.property("level") == "error"
    assert indicator.text() == "摄像头：摄像头分辨率格式为 宽x高，例如 1280x720，而不是 'big'。"
