//! `loopscope bench`: time loopscope against CPython 3.11 on the same scripts, on this machine.
//!
//! Each interpreter runs as a child process (so start-up, compilation and teardown count, as
//! they do for a user) several times; the best wall time counts, which filters out a busy
//! machine better than the mean. asyncio scripts run under CPython through `oracle.py`, the
//! same virtual clock loopscope uses, so both sides do the same work without real sleeping.
//! The outputs must agree: a benchmark that prints something else measures nothing.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Options {
    /// The scripts to time (default: tests/bench/*.py under the current directory).
    pub scripts: Vec<PathBuf>,
    /// Runs per script and interpreter; the best wall time counts.
    #[arg(long, default_value_t = 3)]
    pub runs: u32,
    /// The CPython to compare with.
    #[arg(long, default_value = "python3")]
    pub python: String,
    /// CPython runs asyncio scripts through this virtual-clock runner.
    #[arg(long, default_value = "tests/conformance/oracle.py")]
    pub oracle: PathBuf,
    /// Also record each script's trace and report its size and peak memory.
    #[arg(long)]
    pub trace: bool,
    /// Only time loopscope.
    #[arg(long)]
    pub no_python: bool,
}

/// One timed child process.
struct Timed {
    best: Duration,
    stdout: String,
}

/// What `loopscope trace --stats` reports on stderr.
#[derive(Default)]
struct TraceStats {
    events: String,
    json_bytes: String,
    peak_kb: String,
    time: Duration,
}

pub fn run(opts: Options) -> ExitCode {
    let scripts = if opts.scripts.is_empty() {
        match default_scripts() {
            Ok(s) => s,
            Err(msg) => {
                eprintln!("loopscope bench: {msg}");
                return ExitCode::from(2);
            }
        }
    } else {
        opts.scripts.clone()
    };
    let exe = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("loopscope bench: can't find my own executable: {e}");
            return ExitCode::from(2);
        }
    };
    let python = if opts.no_python {
        None
    } else {
        match python_version(&opts.python) {
            Some(v) => Some(v),
            None => {
                eprintln!(
                    "loopscope bench: '{}' does not run; pass --python PATH or --no-python",
                    opts.python
                );
                return ExitCode::from(2);
            }
        }
    };
    if python.is_some() && !opts.oracle.is_file() {
        eprintln!(
            "loopscope bench: oracle '{}' not found (run from the repository root or pass --oracle)",
            opts.oracle.display()
        );
        return ExitCode::from(2);
    }
    println!(
        "loopscope {} vs {}; best of {} run(s) each, wall time",
        env!("CARGO_PKG_VERSION"),
        python.as_deref().unwrap_or("(CPython skipped)"),
        opts.runs.max(1)
    );
    println!(
        "{:<22} {:>11} {:>11} {:>10}  output",
        "script", "loopscope", "CPython", "speed-up"
    );
    let mut all_same = true;
    let mut trace_rows = Vec::new();
    for script in &scripts {
        let name = script
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| script.display().to_string());
        let ours = match time_runs(opts.runs, || {
            let mut c = Command::new(&exe);
            c.arg("run").arg(script);
            c
        }) {
            Ok(t) => t,
            Err(msg) => {
                println!("{name:<22} loopscope failed: {msg}");
                all_same = false;
                continue;
            }
        };
        let theirs = if python.is_some() {
            let uses_asyncio = std::fs::read_to_string(script)
                .map(|s| s.contains("asyncio"))
                .unwrap_or(false);
            Some(time_runs(opts.runs, || {
                let mut c = Command::new(&opts.python);
                if uses_asyncio {
                    c.arg(&opts.oracle);
                }
                c.arg(script);
                c
            }))
        } else {
            None
        };
        let (cpython, ratio, verdict) = match &theirs {
            None => ("-".to_string(), "-".to_string(), "-".to_string()),
            Some(Err(msg)) => {
                all_same = false;
                (
                    "failed".into(),
                    "-".into(),
                    format!("CPython failed: {msg}"),
                )
            }
            Some(Ok(t)) => {
                let same = t.stdout == ours.stdout;
                all_same &= same;
                (
                    secs(t.best),
                    format!(
                        "{:.2}x",
                        t.best.as_secs_f64() / ours.best.as_secs_f64().max(1e-9)
                    ),
                    if same { "same" } else { "DIFFERS" }.to_string(),
                )
            }
        };
        println!(
            "{name:<22} {:>11} {cpython:>11} {ratio:>10}  {verdict}",
            secs(ours.best)
        );
        if opts.trace {
            trace_rows.push((name, trace_stats(&exe, script)));
        }
    }
    println!("speed-up = CPython's time / loopscope's time (above 1: loopscope is faster)");
    if opts.trace {
        println!();
        println!("with the trace on (loopscope trace --stats):");
        println!(
            "{:<22} {:>10} {:>12} {:>14} {:>11}",
            "script", "events", "JSON bytes", "peak memory", "time"
        );
        for (name, st) in trace_rows {
            match st {
                Ok(st) => println!(
                    "{name:<22} {:>10} {:>12} {:>14} {:>11}",
                    st.events,
                    st.json_bytes,
                    kb_to_mb(&st.peak_kb),
                    secs(st.time)
                ),
                Err(msg) => println!("{name:<22} trace failed: {msg}"),
            }
        }
    }
    if all_same {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// tests/bench/*.py under the current directory (the repository root), sorted.
fn default_scripts() -> Result<Vec<PathBuf>, String> {
    let dir = Path::new("tests/bench");
    let entries = std::fs::read_dir(dir).map_err(|e| {
        format!(
            "no scripts given and can't read {}: {e} (run from the repository root)",
            dir.display()
        )
    })?;
    let mut v: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    v.sort();
    if v.is_empty() {
        return Err(format!("no .py files in {}", dir.display()));
    }
    Ok(v)
}

fn python_version(python: &str) -> Option<String> {
    let out = Command::new(python).arg("--version").output().ok()?;
    if !out.status.success() {
        return None;
    }
    // Old Pythons print the version on stderr.
    let text = if out.stdout.is_empty() {
        out.stderr
    } else {
        out.stdout
    };
    Some(String::from_utf8_lossy(&text).trim().to_string())
}

fn time_runs(runs: u32, make: impl Fn() -> Command) -> Result<Timed, String> {
    let mut best: Option<Duration> = None;
    let mut stdout = String::new();
    for _ in 0..runs.max(1) {
        let mut cmd = make();
        cmd.stdin(Stdio::null()).stderr(Stdio::piped());
        let start = Instant::now();
        let out = cmd.output().map_err(|e| e.to_string())?;
        let took = start.elapsed();
        if !out.status.success() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err.lines().last().unwrap_or("").to_string();
            return Err(format!("{}: {last}", out.status));
        }
        stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        best = Some(best.map_or(took, |b| b.min(took)));
    }
    Ok(Timed {
        best: best.unwrap_or_default(),
        stdout,
    })
}

fn trace_stats(exe: &Path, script: &Path) -> Result<TraceStats, String> {
    let sink = std::env::temp_dir().join(format!("loopscope-bench-{}.json", std::process::id()));
    let start = Instant::now();
    let out = Command::new(exe)
        .arg("trace")
        .arg("--stats")
        .arg("-o")
        .arg(&sink)
        .arg(script)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .output()
        .map_err(|e| e.to_string());
    let time = start.elapsed();
    let _ = std::fs::remove_file(&sink);
    let out = out?;
    if !out.status.success() {
        return Err(out.status.to_string());
    }
    let mut st = TraceStats {
        time,
        ..Default::default()
    };
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        let mut it = line.split_whitespace();
        if let (Some(k), Some(v)) = (it.next(), it.next()) {
            match k {
                "events" => st.events = v.to_string(),
                "json-bytes" => st.json_bytes = v.to_string(),
                "peak-rss-kb" => st.peak_kb = v.to_string(),
                _ => {}
            }
        }
    }
    Ok(st)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn kb_to_mb(kb: &str) -> String {
    match kb.parse::<f64>() {
        Ok(k) => format!("{:.1} MB", k / 1024.0),
        Err(_) => "unknown".to_string(),
    }
}

/// The process's peak resident memory in kB, where the OS tells (Linux's /proc).
pub fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
