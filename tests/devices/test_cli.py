"""packdesk devices: read-weight, probe and read-scan against pty simulators; clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.cli import main
from devices.scale.base import PROTOCOLS, get_protocol
from devices.sim.devices import SimScale, SimScanner

get_protocol("mt-sics")  # import every protocol module


@pytest.mark.parametrize("protocol", [*sorted({p.name for p in PROTOCOLS.values()}), "continuous"])
def test_read_weight_json_and_probe_name_the_protocol(protocol, capsys):
    sim = SimScale(protocol)
    sim.start()
    sim.put(1234)
    try:
        assert main(["devices", "read-weight", sim.path, "--protocol", protocol, "--json"]) == 0
        out = json.loads(capsys.readouterr().out)
        assert out["grams"] == "1234.000" and out["stable"] is True
    finally:
        sim.stop()
    # A scale just plugged in: read-weight's last polls, still unread by a busy simulator, would
    # have an Adam scale send the new weight while no port is open, and it sends a weight only once.
    sim = SimScale(protocol)
    sim.start()
    sim.put(1250)
    try:
        assert main(["devices", "probe", sim.path, "--listen", "0.25"]) == 0
        found = capsys.readouterr().out
        expected = "and" if protocol == "continuous" else protocol
        assert found.startswith(expected + " ") and "1.250 kg" in found
    finally:
        sim.stop()


def test_yaohua_command_mode_at_another_address(capsys):
    """Probe finds the indicator's address; read-weight asks that address only."""
    sim = SimScale("yaohua-cmd")
    sim.state.options["address"] = "K"
    sim.start()
    sim.put(-250)
    try:
        assert main(["devices", "probe", sim.path, "--listen", "0.25"]) == 0
        assert "address K: -0.250 kg" in capsys.readouterr().out
        assert main(["devices", "read-weight", sim.path, "--protocol", "yaohua-cmd", "--address", "k",
                     "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["grams"] == "-250.000"
        assert main(["devices", "read-weight", sim.path, "--protocol", "yaohua-cmd", "--timeout", "0.5"]) == 1
        assert "No answer from the scale" in capsys.readouterr().err  # asked address A: silence
        assert main(["devices", "read-weight", sim.path, "--protocol", "yaohua-cmd", "--address", "KK"]) == 1
        assert "one letter A-Z" in capsys.readouterr().err
        assert main(["devices", "read-weight", sim.path, "--protocol", "nci", "--address", "K"]) == 1
        assert "has no indicator address" in capsys.readouterr().err
    finally:
        sim.stop()


def test_probe_of_a_scale_unplugged_while_listening_is_one_clear_line(capsys):
    sim = SimScale("yaohua-cmd")  # silent until asked: probe is still listening when it goes
    sim.start()
    threading.Timer(0.1, sim.unplug).start()
    try:
        assert main(["devices", "probe", sim.path, "--listen", "0.25"]) == 1
        err = capsys.readouterr().err
        assert "Cannot open" in err and err.count("\n") == 1  # it went: the port is gone
    finally:
        sim.stop()
    assert main(["devices", "probe", "/dev/nope", "--listen", "0.05"]) == 1
    assert "Cannot open /dev/nope" in capsys.readouterr().err


def test_read_weight_errors_are_one_clear_line(capsys):
    assert main(["devices", "read-weight", "/dev/nope", "--protocol", "mt-sics", "--timeout", "1"]) == 1
    assert "Cannot open /dev/nope" in capsys.readouterr().err
    # Each case gets a fresh pty: Linux ptys refuse 8N1 -> 7E1 at an unchanged baud rate.
    cases = [
        ("continuous", "mt-sics", lambda sim: None, "No answer from the scale"),
        ("toledo8217", "toledo8217", lambda sim: sim.overload(), "overloaded"),
        ("continuous", "continuous", lambda sim: sim.put(800, stable=False), "did not settle"),
    ]
    for sim_protocol, asked, setup, message in cases:
        sim = SimScale(sim_protocol)
        sim.start()
        setup(sim)
        try:
            assert main(["devices", "read-weight", sim.path, "--protocol", asked, "--timeout", "1"]) == 1
            err = capsys.readouterr().err
            assert message in err and err.count("\n") == 1
        finally:
            sim.stop()


def test_read_scan_prints_parsed_scans(capsys):
    sim = SimScanner(suffix=b"\r\n")
    sim.start()
    threading.Timer(0.3, lambda: (sim.scan("6901234567892"), sim.scan("A-01-02-3"))).start()
    try:
        assert main(["devices", "read-scan", sim.path, "--suffix", "crlf", "--count", "2", "--json"]) == 0
        lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert [x["kind"] for x in lines] == ["product", "bin"]
        assert lines[0]["gtin"] == "06901234567892"
    finally:
        sim.stop()


def test_read_scan_says_why_a_scan_is_unreadable_in_the_stations_language(capsys):
    settings = Path(os.environ["PACKDESK_CONFIG_DIR"]) / "station.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('language = "zh_CN"\n', encoding="utf-8")
    sim = SimScanner(suffix=b"\r")
    sim.start()
    done = threading.Event()

    def scan_until_read() -> None:  # bytes sent before read-scan opens the port are lost: again until read
        while not done.wait(0.2):
            sim.scan("6918000000018")  # the check digit is off

    threading.Thread(target=scan_until_read, daemon=True).start()
    try:
        assert main(["devices", "read-scan", sim.path, "--count", "1", "--json"]) == 0
        [line] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert (line["kind"], line["error"]) == ("error", "6918000000018 校验位错误（应为 9，实际为 8）")
    finally:
        done.set()
        sim.stop()


def test_sim_scale_command_prints_its_port_and_takes_commands():
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "devices", "sim", "scale", "--protocol",
                             "mt-sics"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        path = proc.stdout.readline().strip()
        proc.stdin.write("put 2500\n")
        proc.stdin.flush()
        time.sleep(0.2)
        out = subprocess.run([sys.executable, "-m", "app.cli", "devices", "read-weight", path,
                              "--protocol", "mt-sics", "--json"], capture_output=True, text=True, timeout=20)
        assert json.loads(out.stdout)["grams"] == "2500.000", out.stderr
    finally:
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        proc.wait(timeout=5)


def test_a_simulated_scp02_scale_from_the_command_line_reads_and_probes_as_scp02():
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "devices", "sim", "scale", "--protocol", "nci",
                             "--variant", "SCP-02", "--grams", "1234"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        path = proc.stdout.readline().strip()
        probe = subprocess.run([sys.executable, "-m", "app.cli", "devices", "probe", path, "--listen", "0.3"],
                               capture_output=True, text=True, timeout=60)
        assert "nci" in probe.stdout and "SCP-02" in probe.stdout and "1.234 kg" in probe.stdout
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=10) == 0
    finally:
        proc.kill()


def _cli_in_chinese(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True, text=True,
                          timeout=60, env={**env, "LANG": "zh_CN.UTF-8"})


def test_probe_of_a_port_where_nothing_answers_says_so_in_chinese_on_a_chinese_desktop():
    master, slave = os.openpty()  # a cable with nothing at its end: the port opens, no byte comes
    port = os.ttyname(slave)
    try:
        done = _cli_in_chinese("devices", "probe", port, "--listen", "0.05")
    finally:
        os.close(slave)
        os.close(master)
    assert done.returncode == 1 and done.stdout == ""
    line, = done.stderr.splitlines()
    assert line.startswith(f"packdesk: error: {port} 上没有已知的电子秤协议应答（已尝试 ")
    assert "mt-sics" in line and "No known" not in line


def test_read_weight_from_a_port_that_is_not_there_says_so_in_chinese():
    done = _cli_in_chinese("devices", "read-weight", "/dev/nope", "--protocol", "mt-sics", "--timeout", "0.5")
    assert done.returncode == 1
    assert done.stderr.startswith("packdesk: error: 无法打开 /dev/nope：") and done.stderr.count("\n") == 1
