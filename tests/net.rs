//! The simulated network (src/net, asyncio streams, aiohttp): the course demos in tests/net/
//! against their recorded outputs, the timing model against numbers derived from the
//! configured latencies and bandwidths, and determinism (the same trace twice).
//!
//! CPython cannot reach simulated hosts, so `tests/net/*.expected` are loopscope's outputs,
//! checked by hand against the model of src/net/README.md (e.g. example.com at 0.05 s one way:
//! connected after one round trip, 0.10 s; a page after two, 0.20 s). What CPython can run
//! (sockets, selectors and asyncio streams on localhost) is in tests/conformance/net/ with
//! CPython's outputs.

use std::path::Path;
use std::process::Command;

fn run(args: &[&str]) -> (String, String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the CLI starts");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

fn demo(name: &str) {
    let script = format!("tests/net/{name}.py");
    let want = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/net/{name}.expected")),
    )
    .expect("expected output");
    let (stdout, stderr, ok) = run(&["run", &script]);
    assert!(ok, "{name} failed: {stderr}");
    assert_eq!(stdout, want, "stdout of {name}; stderr: {stderr}");
    // Deterministic: the same trace twice.
    let (a, _, ok_a) = run(&["trace", &script]);
    let (b, _, ok_b) = run(&["trace", &script]);
    assert!(ok_a && ok_b, "trace of {name}");
    assert!(a == b, "the trace of {name} differs between two runs");
}

#[test]
fn callback_crawler() {
    demo("callback_crawler");
}

#[test]
fn generator_crawler() {
    demo("generator_crawler");
}

#[test]
fn streams_http_get() {
    demo("streams_http_get");
}

#[test]
fn aiohttp_crawler() {
    demo("aiohttp_crawler");
}

#[test]
fn async_stand_ins() {
    demo("stand_ins");
}

/// Times printed by a script, as f64s (one per line, the last field).
fn times(stdout: &str) -> Vec<f64> {
    stdout
        .lines()
        .filter_map(|l| l.split_whitespace().last()?.parse().ok())
        .collect()
}

#[test]
fn timing_follows_latency_bandwidth_and_server_delay() {
    let dir = std::env::temp_dir().join(format!("loopscope-net-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let script = dir.join("timing.py");
    // latency 0.25 s one way, 1000 bytes/s, the server thinks 0.5 s.
    std::fs::write(
        &script,
        r#"
import socket, time
import loopscope.net as net
net.add_host('slow.example', latency=0.25, bandwidth=1000)
net.set_delay('slow.example', 0.5)
net.add_page('slow.example', '/', 'x' * 2000)
s = socket.socket()
s.connect(('slow.example', 80))
print('connected', time.time())
req = b'GET / HTTP/1.0\r\n\r\n'
print('request bytes', len(req))
s.sendall(req)
data = b''
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    if not data:
        print('first bytes', time.time())
    data += chunk
print('response bytes', len(data))
print('done', time.time())
s2 = socket.socket()
net.refuse('slow.example')
t0 = time.time()
try:
    s2.connect(('slow.example', 80))
except ConnectionRefusedError as e:
    print('refused after', time.time() - t0)
net.blackhole('slow.example')
s3 = socket.socket()
s3.settimeout(3)
t0 = time.time()
try:
    s3.connect(('slow.example', 80))
except TimeoutError as e:
    print('timeout after', time.time() - t0)
"#,
    )
    .expect("script");
    let (stdout, stderr, ok) = run(&["run", script.to_str().expect("utf-8 path")]);
    assert!(ok, "{stderr}");
    let t = times(&stdout);
    let req = t[1];
    let resp = t[3];
    let close = |a: f64, b: f64| (a - b).abs() < 1e-6;
    // Connect: one round trip.
    assert!(close(t[0], 0.5), "{stdout}");
    // The request leaves at 1000 B/s, arrives 0.25 s later, the server thinks 0.5 s, the
    // first 1460-byte segment of the answer takes 1.46 s on the wire and 0.25 s to arrive.
    let req_arrives = 0.5 + req / 1000.0 + 0.25;
    assert!(close(t[2], req_arrives + 0.5 + 1.46 + 0.25), "{stdout}");
    // The last byte: the whole answer on the wire, then one latency.
    assert!(
        close(t[4], req_arrives + 0.5 + resp / 1000.0 + 0.25),
        "{stdout}"
    );
    assert!(close(t[5], 0.5), "refused after one round trip: {stdout}");
    assert!(close(t[6], 3.0), "timeout: {stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `io` events of `source`'s trace (the trace's strings resolved), each as one line.
fn io_events(dir: &Path, name: &str, source: &str) -> Vec<String> {
    let file = dir.join(name);
    std::fs::write(&file, source).expect("write the script");
    let file = file.to_string_lossy().into_owned();
    let (json, stderr, ok) = run(&["trace", &file]);
    assert!(ok, "trace of {name}: {stderr}");
    let t: serde_json::Value = serde_json::from_str(&json).expect("the trace is JSON");
    let strings = t["strings"].as_array().expect("strings");
    let s = |v: &serde_json::Value| {
        strings[v.as_u64().expect("a string index") as usize]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    t["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["event"] == "io")
        .map(|e| {
            format!(
                "t={} fd={} events={} in_flight={} {} -> {}",
                e["t"],
                e["fd"],
                e["events"],
                e["in_flight"],
                s(&e["socket"]),
                s(&e["target"])
            )
        })
        .collect()
}

/// The loop's trace refresh describes only the sockets that may have changed since its last
/// turn: it must send exactly the events that describing every socket at every turn sends.
#[test]
fn incremental_io_refresh_sends_what_a_full_refresh_sends() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("loopscope-net-refresh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let c10k = std::fs::read_to_string(root.join("src/bin/web/examples/c10k.py"))
        .expect("c10k example")
        .replace("N = 1_000", "N = 300");
    let mut scripts = vec![("c10k".to_string(), c10k)];
    for name in [
        "streams_http_get",
        "aiohttp_crawler",
        "callback_crawler",
        "generator_crawler",
    ] {
        let src =
            std::fs::read_to_string(root.join(format!("tests/net/{name}.py"))).expect("net demo");
        scripts.push((name.to_string(), src));
    }
    for name in ["streams_echo", "streams_protocols", "udp_local"] {
        let src = std::fs::read_to_string(root.join(format!("tests/conformance/net/{name}.py")))
            .expect("net conformance case");
        scripts.push((name.to_string(), src));
    }
    for (name, src) in scripts {
        let quick = io_events(
            &dir,
            &format!("{name}_quick.py"),
            &format!("import loopscope.net\n{src}"),
        );
        let full = io_events(
            &dir,
            &format!("{name}_full.py"),
            &format!("import loopscope.net\nloopscope.net._full_refresh[0] = True\n{src}"),
        );
        assert!(!quick.is_empty(), "{name} has io events");
        if let Some(i) = (0..quick.len().max(full.len())).find(|&i| quick.get(i) != full.get(i)) {
            panic!(
                "{name}: io event {i} differs\nincremental: {:?}\nfull:        {:?}",
                quick.get(i),
                full.get(i)
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
