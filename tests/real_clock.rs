//! `--clock real`: the native runtime on the wall clock and the OS network.
//!
//! Each test starts a small HTTP server on 127.0.0.1 (an ephemeral port; every answer takes
//! 200 ms) and runs a crawler from tests/real/ against it with the built binary, checking the
//! pages fetched, that the wall time shows the requests overlapped, and, where CPython can run
//! the same script (all but the aiohttp one), that stdout equals `python3`'s.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

/// How long the server thinks before each answer.
const DELAY: Duration = Duration::from_millis(200);

/// The tests measure wall time: one at a time, so they do not slow each other down.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Serve `GET <path>` with "page <path>" after [`DELAY`], one thread per connection, for the
/// rest of the test process. Returns the port.
fn start_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().expect("local address").port();
    std::thread::spawn(move || {
        for conn in listener.incoming().flatten() {
            std::thread::spawn(move || answer(conn));
        }
    });
    port
}

fn answer(mut conn: TcpStream) {
    let mut req = Vec::new();
    let mut buf = [0u8; 1024];
    while !req.windows(4).any(|w| w == b"\r\n\r\n") {
        match conn.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => req.extend_from_slice(&buf[..n]),
        }
    }
    let line = String::from_utf8_lossy(&req);
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    std::thread::sleep(DELAY);
    let body = format!("page {path}");
    let resp = format!(
        "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = conn.write_all(resp.as_bytes());
}

fn script(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real")
        .join(name)
        .display()
        .to_string()
}

fn loopscope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loopscope"))
        .args(args)
        .output()
        .expect("the CLI starts")
}

fn run_real(name: &str, port: u16) -> Output {
    let out = loopscope(&["run", "--clock", "real", &script(name), &port.to_string()]);
    assert!(
        out.status.success(),
        "{name}: {}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn python(name: &str, port: u16) -> Option<String> {
    let out = Command::new("python3")
        .args([&script(name), &port.to_string()])
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python3 {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The `elapsed <seconds>` a crawler prints on stderr.
fn elapsed(out: &Output) -> f64 {
    let err = String::from_utf8_lossy(&out.stderr);
    err.split_whitespace()
        .skip_while(|w| *w != "elapsed")
        .nth(1)
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no elapsed time in {err}"))
}

/// A crawler fetches /page1../page3 at once: the pages arrive, in about one DELAY.
fn crawls_concurrently(name: &str) {
    let port = start_server();
    let out = run_real(name, port);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    for i in 1..=3 {
        assert!(
            stdout.contains(&format!("/page{i} HTTP/1.0 200 OK page /page{i}")),
            "{name}: {stdout}"
        );
    }
    let t = elapsed(&out);
    assert!((0.2..0.5).contains(&t), "{name}: 3 × 200 ms took {t} s");
    assert!(stdout.contains("concurrent: True"), "{name}: {stdout}");
    if let Some(expected) = python(name, port) {
        assert_eq!(stdout, expected, "{name}: loopscope vs CPython");
    }
}

#[test]
fn streams_crawler_fetches_three_pages_at_once() {
    let _one_at_a_time = serial();
    crawls_concurrently("streams_crawler.py");
}

#[test]
fn selectors_callback_crawler_fetches_three_pages_at_once() {
    let _one_at_a_time = serial();
    crawls_concurrently("selectors_crawler.py");
}

#[test]
fn loop_sock_calls_fetch_three_pages_at_once() {
    let _one_at_a_time = serial();
    crawls_concurrently("sock_crawler.py");
}

#[test]
fn aiohttp_crawler_with_a_semaphore_takes_two_rounds() {
    let _one_at_a_time = serial();
    let port = start_server();
    let out = run_real("aiohttp_crawler.py", port);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for i in 1..=6 {
        assert!(stdout.contains(&format!("200 page /page{i}\n")), "{stdout}");
    }
    let t = elapsed(&out);
    assert!((0.4..0.8).contains(&t), "6 pages, 3 at a time: {t} s");
    assert!(stdout.contains("two rounds: True"), "{stdout}");
}

#[test]
fn real_timers_fire_at_wall_clock_deadlines() {
    let _one_at_a_time = serial();
    timings_hold(&script("timers.py"));
}

/// A script without a server of the test's: stdout as `python3`'s. Returns it.
fn same_as_python(path: &str) -> String {
    let out = loopscope(&["run", "--clock", "real", path]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{path}: {stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = Command::new("python3").arg(path).output().expect("python3");
    assert_eq!(stdout, String::from_utf8_lossy(&expected.stdout), "{path}");
    stdout
}

/// A script whose lines check timings: as `python3`, and no check says False.
fn timings_hold(path: &str) {
    let stdout = same_as_python(path);
    assert!(!stdout.contains("False"), "{path}: {stdout}");
}

#[test]
fn executor_and_threads_sleep_in_real_time() {
    let _one_at_a_time = serial();
    timings_hold(&script("executor.py"));
}

/// The conformance cases on sockets (a script's own server and client on localhost; their
/// expected outputs were taken from CPython on real sockets) run on real sockets too.
#[test]
fn the_local_socket_conformance_cases_run_on_real_sockets() {
    let _one_at_a_time = serial();
    for case in [
        "select_local",
        "socket_local",
        "streams_protocols",
        "udp_local",
        "getaddrinfo_local",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/conformance/net")
            .join(format!("{case}.py"));
        same_as_python(&path.display().to_string());
    }
}

#[test]
fn a_real_run_records_a_trace_the_viewer_replays() {
    let _one_at_a_time = serial();
    let port = start_server();
    let dir = std::env::temp_dir().join(format!("loopscope-real-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("trace.json");
    let out = loopscope(&[
        "trace",
        "--clock",
        "real",
        "-o",
        &path.display().to_string(),
        &script("streams_crawler.py"),
        &port.to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).expect("the trace was written");
    let _ = std::fs::remove_dir_all(&dir);
    let replay = loopscope::trace::replay::Replay::from_json(&text).expect("the trace loads");
    let trace = replay.trace();
    assert_eq!(trace.exit_code, 0);
    let io: Vec<String> = trace
        .events
        .iter()
        .filter_map(|e| match e {
            loopscope::trace::Event::Io { socket, target, .. } => {
                Some(format!("{} -> {}", trace.str(*socket), trace.str(*target)))
            }
            _ => None,
        })
        .collect();
    let port_words = format!("connected to 127.0.0.1:{port}");
    assert!(io.iter().any(|e| e.contains(&port_words)), "{io:#?}");
    assert!(io.iter().any(|e| e.contains("_read_ready")), "{io:#?}");
    // Real time passes: the run took at least one server delay.
    let end = replay.view(replay.last()).t;
    assert!(end >= 0.2, "trace ends at {end}");
    // Somewhere in the run the view shows the sockets the IO panel lists.
    let shows_io = (0..=replay.last())
        .step_by(5)
        .any(|p| !replay.view(p).io.is_empty());
    assert!(shows_io);
}

#[test]
fn getaddrinfo_asks_the_os_resolver() {
    let _one_at_a_time = serial();
    let dir = std::env::temp_dir().join(format!("loopscope-gai-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("gai.py");
    std::fs::write(
        &path,
        "import socket\n\
         print(socket.gethostbyname('localhost'))\n\
         print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)[0][4])\n\
         try:\n    socket.gethostbyname('no-such-host.invalid')\n\
         except socket.gaierror as e:\n    print('gaierror', e.errno < 0)\n",
    )
    .expect("write the script");
    let p = path.display().to_string();
    let out = loopscope(&["run", "--clock", "real", &p]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let expected = Command::new("python3").arg(&p).output().expect("python3");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(stdout, String::from_utf8_lossy(&expected.stdout));
    assert!(stdout.contains("gaierror True"), "{stdout}");
}

#[test]
fn the_clock_is_virtual_unless_asked_and_checked() {
    let _one_at_a_time = serial();
    let out = loopscope(&["run", "--clock", "wall", &script("timers.py")]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("possible values: virtual, real"), "{err}");
    // The default is the virtual clock: 0.3 s of sleeps take no time at all.
    let start = std::time::Instant::now();
    let out = loopscope(&["run", &script("timers.py")]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("order: [0.1, 0.2, 0.3]"));
    assert!(start.elapsed() < Duration::from_secs(30));
}
