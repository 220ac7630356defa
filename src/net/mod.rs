//! The simulated network: `loopscope.net` (hosts, latency, bandwidth, faults, the wire),
//! `socket`, `selectors` and `select` over it, and the client libraries the courses use,
//! simulated: `aiohttp` (a real HTTP client over asyncio streams on this network), `aiofiles`
//! (an in-memory file system), `aioredis` and `aiomysql` (in-memory servers with a latency).
//! No OS socket or file is ever touched: every byte travels on the virtual clock, so runs are
//! deterministic. See `README.md` here.
//!
//! The modules are Python source (like `asyncio.py`): CPython's own `selectors` bookkeeping is
//! reused verbatim and the socket semantics (errno, messages, blocking on the clock) read as
//! the Python they imitate. Their one native need is the clock, given here.

pub mod backend;

use crate::modules::pysource;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// (module name, file name in tracebacks, source) of the Python-source modules.
const SOURCES: &[(&str, &str, &str)] = &[
    (
        "socket",
        "<loopscope>/socket.py",
        embedded_py!("src/net/socket.py"),
    ),
    (
        "selectors",
        "<loopscope>/selectors.py",
        embedded_py!("src/net/selectors.py"),
    ),
    (
        "select",
        "<loopscope>/select.py",
        embedded_py!("src/net/select.py"),
    ),
    (
        "aiohttp",
        "<loopscope>/aiohttp.py",
        embedded_py!("src/net/aiohttp.py"),
    ),
    (
        "aiofiles",
        "<loopscope>/aiofiles.py",
        embedded_py!("src/net/aiofiles.py"),
    ),
    (
        "aioredis",
        "<loopscope>/aioredis.py",
        embedded_py!("src/net/aioredis.py"),
    ),
    (
        "aiomysql",
        "<loopscope>/aiomysql.py",
        embedded_py!("src/net/aiomysql.py"),
    ),
    (
        "_loopscope_udp",
        "<loopscope>/udp.py",
        embedded_py!("src/net/udp.py"),
    ),
    (
        "_loopscope_getaddrinfo",
        "<loopscope>/socket_getaddrinfo.py",
        embedded_py!("src/net/getaddrinfo.py"),
    ),
];

const NET_SOURCE: &str = embedded_py!("src/net/net.py");

/// Make `loopscope.net`, `socket`, `selectors`, `select` and the simulated client libraries
/// importable.
pub fn register(vm: &mut Vm) {
    vm.register_module("loopscope", init_loopscope);
    vm.register_module("loopscope.net", init_net);
    vm.register_module("socket", init_socket);
    vm.register_module("selectors", init_selectors);
    vm.register_module("select", init_select);
    vm.register_module("aiohttp", init_aiohttp);
    vm.register_module("aiofiles", init_aiofiles);
    vm.register_module("aioredis", init_aioredis);
    vm.register_module("aiomysql", init_aiomysql);
    vm.register_module("_loopscope_getaddrinfo", init_getaddrinfo);
    vm.register_module("_loopscope_udp", init_udp);
}

fn load(vm: &mut Vm, name: &str) -> PyResult<Rc<PyModule>> {
    let (n, file, text) = SOURCES
        .iter()
        .find(|(n, _, _)| *n == name)
        .copied()
        .unwrap_or(("", "", ""));
    pysource::load(vm, n, file, text)
}

fn init_socket(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = load(vm, "socket")?;
    // A native that loads the Python on first use (getaddrinfo.py says why).
    let f = vm.new_closure("getaddrinfo", |vm, a, k| {
        let g = vm.import("_loopscope_getaddrinfo", true)?;
        let f = vm.getattr_str(&g, "getaddrinfo")?;
        vm.call(&f, a, k)
    });
    m.dict.set_str("getaddrinfo", f);
    // UDP, the same way (udp.py): a datagram socket's endpoint, and its two calls.
    let f = vm.new_closure("_udp_endpoint", |vm, a, k| udp_call(vm, "endpoint", a, k));
    m.dict.set_str("_udp_endpoint", f);
    if let Some(Value::Type(cls)) = m.dict.get_str("socket") {
        vm.add_method(&cls, "sendto", |vm, a, k| udp_call(vm, "sendto", a, k));
        vm.add_method(&cls, "recvfrom", |vm, a, k| udp_call(vm, "recvfrom", a, k));
    }
    Ok(m)
}

/// Call `name` of udp.py (loading it on first use).
pub(crate) fn udp_call(vm: &mut Vm, name: &str, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let m = vm.import("_loopscope_udp", true)?;
    let f = vm.getattr_str(&m, name)?;
    vm.call(&f, a, k)
}

fn init_udp(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "_loopscope_udp")
}

fn init_getaddrinfo(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "_loopscope_getaddrinfo")
}

fn init_selectors(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "selectors")
}

fn init_select(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "select")
}

fn init_aiohttp(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "aiohttp")
}

fn init_aiofiles(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "aiofiles")
}

fn init_aioredis(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "aioredis")
}

fn init_aiomysql(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    load(vm, "aiomysql")
}

fn wait_arg(vm: &mut Vm, a: &[Value]) -> PyResult<f64> {
    match a.first() {
        Some(Value::Float(f)) => Ok(*f),
        Some(Value::Int(i)) => Ok(*i as f64),
        Some(other) => vm.to_f64(other),
        None => Ok(0.0),
    }
}

pub(crate) fn clock_natives(vm: &mut Vm) -> Value {
    let m = vm.new_module("_loopscope_net_native");
    let now = vm.new_closure("now", |vm, _a, _k| {
        // With threads the clock also counts CPU time (runtime/threads.rs): catch up first.
        if let Some(t) = vm.threads.clone() {
            t.sync_clock(vm);
        }
        Ok(Value::Float(vm.clock.now()))
    });
    m.dict.set_str("now", now);
    let advance = vm.new_closure("advance", |vm, a, _k| {
        let dt = wait_arg(vm, a)?;
        // A NaN or negative wait does not move the clock (as oracle.py's max(t, 0.0)).
        if dt > 0.0 {
            match vm.threads.clone() {
                // A blocking socket call releases the GIL: other threads run meanwhile.
                Some(t) if crate::runtime::threads::others_alive(vm) => {
                    t.sleep(vm, dt)?;
                }
                _ => vm.clock.sleep(dt),
            }
        }
        Ok(Value::None)
    });
    m.dict.set_str("advance", advance);
    // The event loop's selector waiting (None: no limit) while other threads live: they run,
    // and call_soon_threadsafe ends the wait early (True), as the self-pipe would. None when
    // no other thread lives (the caller waits on the network alone).
    let wake = vm.new_closure("advance_wake", |vm, a, _k| {
        let timeout = match a.first() {
            None | Some(Value::None) => None,
            Some(_) => Some(wait_arg(vm, a)?),
        };
        Ok(match crate::runtime::threads::loop_wait(vm, timeout)? {
            Some(woken) => Value::Bool(woken),
            None => Value::None,
        })
    });
    m.dict.set_str("advance_wake", wake);
    let alive = vm.new_closure("threads_alive", |vm, _a, _k| {
        Ok(Value::Bool(crate::runtime::threads::others_alive(vm)))
    });
    m.dict.set_str("threads_alive", alive);
    Value::Module(m)
}

fn init_loopscope(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("loopscope");
    // `from loopscope import net` must work before `loopscope.net` was imported by name.
    let net = match vm.modules.get_str("loopscope.net") {
        Some(Value::Module(n)) => n,
        _ => {
            // Whichever network this VM runs on (backend.rs may have replaced the simulated one).
            let init = vm
                .module_registry
                .get("loopscope.net")
                .copied()
                .unwrap_or(init_net);
            let n = init(vm)?;
            vm.modules
                .set_str("loopscope.net", Value::Module(n.clone()));
            n
        }
    };
    m.dict.set_str("net", Value::Module(net));
    Ok(m)
}

fn init_net(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let natives = clock_natives(vm);
    pysource::load_with(
        vm,
        "loopscope.net",
        "<loopscope>/loopscope/net.py",
        NET_SOURCE,
        &[("_loopscope_net_native", natives)],
    )
}
