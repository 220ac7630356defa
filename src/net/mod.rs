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

use crate::modules::fetched::Fetched;
use crate::modules::pysource;
use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// (module name, file name in tracebacks, source) of the Python-source modules.
const SOURCES: &[(&str, &str, Fetched)] = &[
    (
        "socket",
        "<loopscope>/socket.py",
        fetched_py!("src/net/socket.py"),
    ),
    (
        "selectors",
        "<loopscope>/selectors.py",
        fetched_py!("src/net/selectors.py"),
    ),
    (
        "select",
        "<loopscope>/select.py",
        fetched_py!("src/net/select.py"),
    ),
    (
        "aiohttp",
        "<loopscope>/aiohttp.py",
        fetched_py!("src/net/aiohttp.py"),
    ),
    (
        "aiofiles",
        "<loopscope>/aiofiles.py",
        fetched_py!("src/net/aiofiles.py"),
    ),
    (
        "aioredis",
        "<loopscope>/aioredis.py",
        fetched_py!("src/net/aioredis.py"),
    ),
    (
        "aiomysql",
        "<loopscope>/aiomysql.py",
        fetched_py!("src/net/aiomysql.py"),
    ),
    (
        "_loopscope_udp",
        "<loopscope>/udp.py",
        fetched_py!("src/net/udp.py"),
    ),
    (
        "_loopscope_getaddrinfo",
        "<loopscope>/socket_getaddrinfo.py",
        fetched_py!("src/net/getaddrinfo.py"),
    ),
];

const NET_SOURCE: Fetched = fetched_py!("src/net/net.py");

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
    let Some((n, file, source)) = SOURCES.iter().find(|(n, _, _)| *n == name) else {
        return Err(vm.new_error(
            ExcKind::ImportError,
            format!("no module source for '{name}'"),
        ));
    };
    let text = source.text(vm, n)?;
    pysource::load(vm, n, file, &text)
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
    let io_state = vm.new_builtin("io_state", io_state);
    m.dict.set_str("io_state", io_state);
    let f = vm.new_builtin("trace_fd", trace_fd);
    m.dict.set_str("trace_fd", f);
    let f = vm.new_builtin("trace_all", trace_all);
    m.dict.set_str("trace_all", f);
    let f = vm.new_builtin("poll_ready", poll_ready);
    m.dict.set_str("poll_ready", f);
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
    let text = NET_SOURCE.text(vm, "loopscope.net")?;
    let natives = clock_natives(vm);
    pysource::load_with(
        vm,
        "loopscope.net",
        "<loopscope>/loopscope/net.py",
        &text,
        &[("_loopscope_net_native", natives)],
    )
}

/// A dict global of `loopscope.net`.
fn net_dict(net: &PyModule, name: &str) -> Option<Rc<crate::vm::dict::PyDict>> {
    match net.dict.get_str(name) {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    }
}

/// Calls the `loopscope.net` function `name` (the uncommon cases stay in Python).
fn net_call(vm: &mut Vm, net: &PyModule, name: &str, a: &[Value]) -> PyResult<Value> {
    let f = net.dict.get_str(name).unwrap_or(Value::None);
    vm.call(&f, a, &[])
}

/// `id(v)`, as the builtin computes it.
fn py_id(vm: &Vm, v: &Value) -> i64 {
    i64::from_str_radix(vm.addr_of(v).trim_start_matches("0x"), 16).unwrap_or(0)
}

/// `obj.name` for the network's own objects (sockets' endpoints, handles, stream readers):
/// their fields live in the instance's dict, read without building a name string; whatever
/// else (a class default, a subclass's property) goes through getattr.
fn attr(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Value> {
    if let Value::Instance(i) = obj {
        if let Some(v) = i.dict.borrow().get(name) {
            return Ok(v.clone());
        }
    }
    vm.getattr_str(obj, name)
}

fn item(v: &Value, i: usize) -> Value {
    match v {
        Value::Tuple(t) => t.items.get(i).cloned().unwrap_or(Value::None),
        Value::List(l) => l.items.borrow().get(i).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `_send_state(fd)` of net.py, natively: `fd`'s state for the trace, `(fd, events,
/// in_flight, socket words, target)`, when it differs from the last one sent (else None).
/// Every `io` event of a traced run goes through here, a few dozen per connection: in Python
/// it was most of what tracing thousands of connections cost. The uncommon cases (a socket
/// not plainly connected, a registration without a plan or with the user's data) call the
/// Python functions they always did.
fn io_state(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let fd = a.first().cloned().unwrap_or(Value::None);
    let Some(Value::Module(net)) = vm.modules.get_str("loopscope.net") else {
        return Ok(Value::None);
    };
    let (Some(sockets), Some(registrations), Some(plans), Some(traced), Some(addr_cache)) = (
        net_dict(&net, "_sockets"),
        net_dict(&net, "_registrations"),
        net_dict(&net, "_plans"),
        net_dict(&net, "_traced"),
        net_dict(&net, "_addr_cache"),
    ) else {
        return Ok(Value::None);
    };
    let ep = vm.dict_get(&sockets, &fd)?;
    let reg = vm.dict_get(&registrations, &fd)?;
    let (events, target) = match reg {
        None => {
            if vm.dict_get(&plans, &fd)?.is_some() {
                net_call(vm, &net, "_forget_plan", std::slice::from_ref(&fd))?;
            }
            (Value::Int(0), Value::str(""))
        }
        Some(reg) => {
            let events = item(&reg, 0);
            let data = item(&reg, 1);
            let p = match vm.dict_get(&plans, &fd)? {
                Some(p) if item(&p, 0).is(&data) => p,
                _ => net_call(vm, &net, "_new_plan", &[fd.clone(), data])?,
            };
            let target = match item(&p, 1).as_str() {
                Some("const") => item(&p, 2),
                Some("handles") => run_plan(vm, &net, &fd, &p)?,
                _ => net_call(vm, &net, "_run_plan", &[fd.clone(), p.clone()])?,
            };
            (events, target)
        }
    };
    let (in_flight, words) = match &ep {
        None => (Value::Int(0), Value::str("closed")),
        Some(ep) => {
            let inbound = attr(vm, ep, "inbound")?;
            let peer = attr(vm, ep, "peer")?;
            let in_flight = if peer.is_none() {
                inbound
            } else {
                let theirs = attr(vm, &peer, "inbound")?;
                match (&inbound, &theirs) {
                    (Value::Int(x), Value::Int(y)) if x.checked_add(*y).is_some() => {
                        Value::Int(x + y)
                    }
                    _ => {
                        vm.binary_op(&inbound, &theirs, crate::lang::bytecode::BinaryOpKind::Add)?
                    }
                }
            };
            let words = socket_words(vm, &net, &addr_cache, ep)?;
            (in_flight, words)
        }
    };
    let closed = words.as_str() == Some("closed") && !vm.truthy(&events)?;
    let st = Value::tuple(vec![fd.clone(), events, in_flight, words, target]);
    let changed = match vm.dict_get(&traced, &fd)? {
        Some(old) => !vm.eq(&old, &st)?,
        None => true,
    };
    if changed {
        vm.dict_set(&traced, fd.clone(), st.clone())?;
    }
    if closed {
        vm.dict_del(&traced, &fd)?;
    }
    Ok(if changed { st } else { Value::None })
}

/// `trace_fd(fd)` of net.py, natively: a socket changed, so the selectors watching it
/// re-check it, and a traced run gets its new state. Every change of every socket comes here
/// (two dozen per C10K connection): in Python it was a twentieth of an untraced run.
fn trace_fd(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let fd = a.first().cloned().unwrap_or(Value::None);
    let Some(Value::Module(net)) = vm.modules.get_str("loopscope.net") else {
        return Ok(Value::None);
    };
    if let Some(watchers) = net_dict(&net, "_watchers") {
        if let Some(ws) = vm.dict_get(&watchers, &fd)? {
            let sels = match &ws {
                Value::List(l) => l.items.borrow().clone(),
                _ => Vec::new(),
            };
            for sel in sels {
                let maybe = attr(vm, &sel, "_ls_maybe")?;
                match &maybe {
                    Value::Set(s) if !s.frozen => vm.set_add(s, fd.clone())?,
                    _ => {
                        vm.call_method_by_name(&maybe, "add", std::slice::from_ref(&fd))?;
                    }
                }
            }
        }
    }
    let tracing = match net.dict.get_str("_TRACE") {
        Some(t) => vm.truthy(&t)?,
        None => false,
    };
    if tracing && !fd.is_none() {
        send_state(vm, &net, &fd)?;
    }
    Ok(Value::None)
}

/// `_send_state(fd)` of net.py: the trace gets `fd`'s state if it changed.
fn send_state(vm: &mut Vm, net: &PyModule, fd: &Value) -> PyResult<()> {
    let st = io_state(vm, std::slice::from_ref(fd), &[])?;
    if let Value::Tuple(t) = &st {
        let ls = net.dict.get_str("_ls").unwrap_or(Value::None);
        let f = vm.getattr_str(&ls, "trace")?;
        let mut args = Vec::with_capacity(t.items.len() + 1);
        args.push(Value::str("io"));
        args.extend(t.items.iter().cloned());
        vm.call(&f, &args, &[])?;
    }
    Ok(())
}

/// `set.update(other)` for the network's own sets of fds.
fn set_update(vm: &mut Vm, dst: &crate::vm::dict::PySet, src: &Value) -> PyResult<()> {
    match src {
        Value::Set(s) => {
            for v in s.items() {
                vm.set_add(dst, v)?;
            }
        }
        other => {
            for v in vm.iter_to_vec(other)? {
                vm.set_add(dst, v)?;
            }
        }
    }
    Ok(())
}

/// `trace_all()` of net.py, natively: at each loop turn, the trace gets the state of every
/// socket that may have changed (those of the tasks that changed state, the volatile ones,
/// the touched ones). Thousands of tasks change state at a turn of a C10K run.
fn trace_all(vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let Some(Value::Module(net)) = vm.modules.get_str("loopscope.net") else {
        return Ok(Value::None);
    };
    let (
        Some(Value::Set(dirty)),
        Some(deps),
        Some(named),
        Some(Value::Set(volatile)),
        Some(sockets),
        Some(regs),
    ) = (
        net.dict.get_str("_dirty"),
        net_dict(&net, "_deps"),
        net_dict(&net, "_named_deps"),
        net.dict.get_str("_volatile"),
        net_dict(&net, "_sockets"),
        net_dict(&net, "_registrations"),
    )
    else {
        return Err(vm.runtime_error("loopscope.net: the trace's bookkeeping is gone"));
    };
    let ls = net.dict.get_str("_ls").unwrap_or(Value::None);
    let take = vm.getattr_str(&ls, "trace_changed_tasks")?;
    let tasks = vm.call(&take, &[], &[])?;
    let tasks = match &tasks {
        Value::List(l) => l.items.borrow().clone(),
        other => vm.iter_to_vec(other)?,
    };
    for t in &tasks {
        let i = Value::Int(py_id(vm, t));
        for d in [&named, &deps] {
            if let Some(fds) = vm.dict_get(d, &i)? {
                if vm.truthy(&fds)? {
                    set_update(vm, &dirty, &fds)?;
                }
            }
        }
        let w = attr(vm, t, "_fut_waiter")?;
        if !w.is_none() {
            let i = Value::Int(py_id(vm, &w));
            if let Some(fds) = vm.dict_get(&deps, &i)? {
                if vm.truthy(&fds)? {
                    set_update(vm, &dirty, &fds)?;
                }
            }
        }
    }
    set_update(vm, &dirty, &Value::Set(volatile))?;
    let full = match net.dict.get_str("_full_refresh") {
        Some(f) => item(&f, 0),
        None => Value::None,
    };
    if vm.truthy(&full)? {
        set_update(vm, &dirty, &Value::Dict(sockets.clone()))?;
        set_update(vm, &dirty, &Value::Dict(regs.clone()))?;
    }
    if dirty.t.borrow().is_empty() {
        return Ok(Value::None);
    }
    let fds = Value::list(dirty.items());
    vm.call_method_by_name(&fds, "sort", &[])?;
    dirty.t.borrow_mut().clear();
    let fds = match &fds {
        Value::List(l) => l.items.borrow().clone(),
        _ => Vec::new(),
    };
    for fd in fds {
        if vm.dict_get(&sockets, &fd)?.is_some() || vm.dict_get(&regs, &fd)?.is_some() {
            send_state(vm, &net, &fd)?;
        }
    }
    Ok(Value::None)
}

/// The simulated selector's readiness check (`select()`'s `poll` in selectors.py),
/// natively: the registered fds that may be ready, in registration order, as `(key,
/// events)`; those not ready leave `_ls_maybe` until their socket changes. `None` where the
/// Python does it (a selector or socket of another shape). Thousands of connections make
/// this a tenth of a run in Python.
fn poll_ready(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let sel = a.first().cloned().unwrap_or(Value::None);
    let Some(Value::Module(net)) = vm.modules.get_str("loopscope.net") else {
        return Ok(Value::None);
    };
    let (Some(sockets), Some(Value::Type(endpoint))) =
        (net_dict(&net, "_sockets"), net.dict.get_str("Endpoint"))
    else {
        return Ok(Value::None);
    };
    let (Value::Set(maybe), Value::Dict(place), Value::Dict(keys)) = (
        attr(vm, &sel, "_ls_maybe")?,
        attr(vm, &sel, "_ls_place")?,
        attr(vm, &sel, "_fd_to_key")?,
    ) else {
        return Ok(Value::None);
    };
    let mut order = Vec::new();
    for fd in maybe.items() {
        match vm.dict_get(&place, &fd)? {
            Some(Value::Int(n)) => order.push((n, fd)),
            _ => return Ok(Value::None),
        }
    }
    order.sort_by_key(|(n, _)| *n);
    // readable()/writable() pump first: once is enough, as nothing here moves the clock.
    net_call(vm, &net, "pump", &[])?;
    let mut ready = Vec::new();
    let mut not_ready = Vec::new();
    for (_, fd) in order {
        let Some(key) = vm.dict_get(&keys, &fd)? else {
            continue;
        };
        // A SelectorKey (a namedtuple: `events` is its third item).
        let events = match vm.getattr_str(&key, "events")? {
            Value::Int(e) => e,
            _ => return Ok(Value::None),
        };
        let mut ev = 0;
        if let Some(ep) = vm.dict_get(&sockets, &fd)? {
            let plain = matches!(&ep, Value::Instance(i) if Rc::ptr_eq(&i.cls.borrow(), &endpoint));
            let want_read = events & 1 != 0;
            let want_write = events & 2 != 0;
            if plain {
                let state = attr(vm, &ep, "state")?;
                let state = state.as_str().unwrap_or("");
                if want_read {
                    let r = if state == "listening" {
                        let b = attr(vm, &ep, "backlog")?;
                        vm.truthy(&b)?
                    } else {
                        let rbuf = attr(vm, &ep, "rbuf")?;
                        let eof = attr(vm, &ep, "eof")?;
                        let error = attr(vm, &ep, "error")?;
                        vm.truthy(&rbuf)?
                            || vm.truthy(&eof)?
                            || vm.truthy(&error)?
                            || state == "closed"
                    };
                    if r {
                        ev |= 1;
                    }
                }
                if want_write {
                    let error = attr(vm, &ep, "error")?;
                    if state == "connected" || vm.truthy(&error)? {
                        ev |= 2;
                    }
                }
            } else {
                if want_read {
                    let r = vm.call_method_by_name(&ep, "readable", &[])?;
                    if vm.truthy(&r.unwrap_or(Value::None))? {
                        ev |= 1;
                    }
                }
                if want_write {
                    let w = vm.call_method_by_name(&ep, "writable", &[])?;
                    if vm.truthy(&w.unwrap_or(Value::None))? {
                        ev |= 2;
                    }
                }
            }
        }
        if ev != 0 {
            ready.push(Value::tuple(vec![key, Value::Int(ev)]));
        } else {
            not_ready.push(fd);
        }
    }
    // Not ready until their sockets change (trace_fd adds them back then); left as they
    // were if the Python does it after all.
    for fd in not_ready {
        vm.set_discard(&maybe, &fd)?;
    }
    Ok(Value::list(ready))
}

/// `_run_plan(fd, p)` of net.py for a registration of handles: their names, each with the
/// task it wakes.
fn run_plan(vm: &mut Vm, net: &PyModule, fd: &Value, p: &Value) -> PyResult<Value> {
    let first = match vm.modules.get_str("asyncio") {
        Some(Value::Module(aio)) => aio.dict.get_str("_first_task_waiting_on"),
        _ => None,
    };
    let Some(first) = first else {
        return net_call(vm, net, "_run_plan", &[fd.clone(), p.clone()]);
    };
    let items = match item(p, 2) {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    let mut out: Option<String> = None;
    let mut named: Vec<Value> = Vec::new();
    for it in &items {
        let h = item(it, 0);
        let cancelled = attr(vm, &h, "_cancelled")?;
        if vm.truthy(&cancelled)? {
            if vm.truthy(&item(it, 4))? {
                continue;
            }
            // A lone handle is described even when cancelled (as _describe_data does).
            return net_call(vm, net, "_describe_data", &[item(p, 0)]);
        }
        let mut waiters = match item(it, 2) {
            Value::List(l) => l.items.borrow().clone(),
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        let reader = item(it, 3);
        if !reader.is_none() {
            let w = vm
                .getattr_opt(&reader, &Value::str("_waiter"))?
                .unwrap_or(Value::None);
            waiters.push(w);
        }
        let t = vm.call(&first, &[Value::list(waiters)], &[])?;
        let name = item(it, 1);
        let mut name = vm.str_of(&name)?;
        if !t.is_none() {
            let n = vm
                .call_method_by_name(&t, "get_name", &[])?
                .unwrap_or(Value::None);
            name = format!("{name} (wakes {})", vm.str_of(&n)?);
            named.push(Value::Int(py_id(vm, &t)));
        }
        out = Some(match out {
            None => name,
            Some(o) => format!("{o} / {name}"),
        });
    }
    let named = if named.is_empty() {
        Value::None
    } else {
        Value::tuple(named)
    };
    let fd_named = net_dict(net, "_fd_named");
    let old = match &fd_named {
        Some(d) => vm.dict_get(d, fd)?.unwrap_or(Value::None),
        None => Value::None,
    };
    if !vm.eq(&old, &named)? {
        net_call(vm, net, "_set_named", &[fd.clone(), named])?;
    }
    Ok(Value::str(out.as_deref().unwrap_or("")))
}

/// `_socket_words(ep)` of net.py: a socket's state in words. An address's words come from
/// `_addr_cache` (net.py clears it when names change); a pending error's text from Python.
fn socket_words(
    vm: &mut Vm,
    net: &PyModule,
    addr_cache: &crate::vm::dict::PyDict,
    ep: &Value,
) -> PyResult<Value> {
    let state = attr(vm, ep, "state")?;
    let addr = |vm: &mut Vm, name: &str| -> PyResult<String> {
        let a = attr(vm, ep, name)?;
        let w = match vm.dict_get(addr_cache, &a)? {
            Some(w) => w,
            None => {
                let w = net_call(vm, net, "_addr_words", std::slice::from_ref(&a))?;
                vm.dict_set(addr_cache, a, w.clone())?;
                w
            }
        };
        vm.str_of(&w)
    };
    let words = match state.as_str() {
        Some("connected") => {
            let mut w = format!("connected to {}", addr(vm, "raddr")?);
            let rbuf = attr(vm, ep, "rbuf")?;
            let n = vm.len(&rbuf)?;
            if n > 0 {
                w.push_str(&format!(", {n} B to read"));
            }
            let error = attr(vm, ep, "error")?;
            if vm.truthy(&error)? {
                // strerror(ep.error).lower(): rare, in Python.
                return net_call(vm, net, "_socket_words", std::slice::from_ref(ep));
            }
            let eof = attr(vm, ep, "eof")?;
            if vm.truthy(&eof)? {
                w.push_str(", peer closed");
            }
            w
        }
        Some("new") => "not connected".to_string(),
        Some("connecting") => format!("connecting to {}", addr(vm, "raddr")?),
        Some("listening") => {
            let backlog = attr(vm, ep, "backlog")?;
            let n = vm.len(&backlog)?;
            format!("listening on {}, {n} to accept", addr(vm, "laddr")?)
        }
        Some("closed") => "closed".to_string(),
        _ => return net_call(vm, net, "_socket_words", std::slice::from_ref(ep)),
    };
    Ok(Value::str(&words))
}
