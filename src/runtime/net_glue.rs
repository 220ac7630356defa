//! Where asyncio meets the simulated network (`src/net`), without a single Python object in
//! `asyncio.py`: a script that does no I/O allocates exactly what it did before, so the VM's
//! object ids (and with them the hash order of sets of tasks and coroutines) do not move.
//!
//! - the loop's I/O methods (`add_reader`, `sock_recv`, `create_server`, ...) and asyncio's
//!   I/O names (`open_connection`, `StreamReader`, `Protocol`, ...) load `asyncio.streams`
//!   (`asyncio_net.py`) on first use;
//! - `_loopscope.io_would_block_forever`, `io_refresh` and `io_items` ask `loopscope.net`
//!   (only once a script has imported it) for the deadlock check and the trace.

use crate::vm::{ExcKind, KwArgs, PyModule, PyResult, Value, Vm};
use std::rc::Rc;

/// The names `asyncio.streams` gives the `asyncio` module (PEP 562, on first access).
const NET_NAMES: &[&str] = &[
    "open_connection",
    "start_server",
    "StreamReader",
    "StreamWriter",
    "StreamReaderProtocol",
    "BaseProtocol",
    "Protocol",
    "BufferedProtocol",
    "DatagramProtocol",
    "SubprocessProtocol",
    "BaseTransport",
    "ReadTransport",
    "WriteTransport",
    "Transport",
    "Server",
    "AbstractServer",
];

/// `_loopscope`'s natives for the loop and the trace.
pub fn install_natives(vm: &mut Vm, m: &Rc<PyModule>) {
    vm.module_add_fn(m, "io_refresh", io_refresh);
    vm.module_add_fn(m, "io_items", io_items);
    vm.module_add_fn(m, "io_would_block_forever", io_would_block_forever);
    vm.module_add_fn(m, "selector_key", selector_key);
}

/// After asyncio's body ran: its lazily loaded I/O half.
pub fn install_lazy(vm: &mut Vm, m: &Rc<PyModule>) {
    let ga = vm.new_builtin("__getattr__", module_getattr);
    m.dict.set_str("__getattr__", ga);
    if let Some(Value::Type(cls)) = m.dict.get_str("BaseSelectorEventLoop") {
        vm.add_methods(
            &cls,
            &[
                ("add_reader", fwd_add_reader),
                ("add_writer", fwd_add_writer),
                ("remove_reader", fwd_remove_reader),
                ("remove_writer", fwd_remove_writer),
                ("sock_recv", fwd_sock_recv),
                ("sock_sendall", fwd_sock_sendall),
                ("sock_connect", fwd_sock_connect),
                ("sock_accept", fwd_sock_accept),
                ("create_connection", fwd_create_connection),
                ("create_server", fwd_create_server),
                ("_make_ssl_transport", no_tls),
                ("create_datagram_endpoint", create_datagram_endpoint),
            ],
        );
    }
}

/// Neither network (the simulated one or, with `--clock real`, the OS's) speaks TLS. Native,
/// like the forwarders: no Python object more for scripts that never ask.
fn no_tls(vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error(
        ExcKind::NotImplementedError,
        "loopscope has no TLS: ssl= is not supported",
    ))
}

/// UDP lives in its own module, loaded on first use (src/net/udp.py).
fn create_datagram_endpoint(vm: &mut Vm, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    crate::net::udp_call(vm, "create_datagram_endpoint", a, k)
}

fn streams(vm: &mut Vm) -> PyResult<Value> {
    vm.import("asyncio.streams", true)
}

fn module_getattr(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let name = match a.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    if !NET_NAMES.contains(&name.as_str()) {
        return Err(vm.new_error(
            ExcKind::AttributeError,
            format!("module 'asyncio' has no attribute '{name}'"),
        ));
    }
    let m = streams(vm)?;
    let v = vm.getattr_str(&m, &name)?;
    if let Ok(Value::Module(aio)) = vm.import("asyncio", true) {
        aio.dict.set_str(&name, v.clone());
    }
    Ok(v)
}

/// Call `asyncio.streams`' version of loop method `name` (the module grafts it onto the
/// loop classes when it loads, so this runs once per method at most).
fn forward(vm: &mut Vm, name: &str, a: &[Value], k: &KwArgs) -> PyResult<Value> {
    let m = streams(vm)?;
    let mut f = None;
    for holder in ["BaseSelectorEventLoop", "BaseEventLoop"] {
        let cls = vm.getattr_str(&m, holder)?;
        if let Value::Type(t) = &cls {
            if let Some(v) = t.dict.borrow().get(name) {
                f = Some(v.clone());
                break;
            }
        }
    }
    let Some(f) = f else {
        return Err(vm.new_error(ExcKind::AttributeError, name.to_string()));
    };
    vm.call(&f, a, k)
}

macro_rules! forwarders {
    ($($f:ident => $name:literal),* $(,)?) => {
        $(fn $f(vm: &mut Vm, a: &[Value], k: &KwArgs) -> PyResult<Value> {
            forward(vm, $name, a, k)
        })*
    };
}

forwarders! {
    fwd_add_reader => "add_reader",
    fwd_add_writer => "add_writer",
    fwd_remove_reader => "remove_reader",
    fwd_remove_writer => "remove_writer",
    fwd_sock_recv => "sock_recv",
    fwd_sock_sendall => "sock_sendall",
    fwd_sock_connect => "sock_connect",
    fwd_sock_accept => "sock_accept",
    fwd_create_connection => "create_connection",
    fwd_create_server => "create_server",
}

fn net(vm: &Vm) -> Option<Value> {
    vm.modules.get_str("loopscope.net")
}

fn io_refresh(vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    if let Some(n) = net(vm) {
        vm.call_method_by_name(&n, "trace_all", &[])?;
    }
    Ok(Value::None)
}

fn io_items(vm: &mut Vm, _a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    match net(vm) {
        Some(n) => Ok(vm
            .call_method_by_name(&n, "trace_items", &[])?
            .unwrap_or(Value::None)),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `_loopscope.selector_key(selector, fd)`: `selector.get_key(fd)` for asyncio's
/// `_add_reader`/`_remove_writer` & co., `None` where it would raise `KeyError`, or
/// `NotImplemented` when `selector` is not loopscope's own `selectors` class unchanged (the
/// caller then asks `get_key` as CPython does). Every connection misses ~8 times (a new fd's
/// `_add_reader`, `_remove_writer` of a socket never written to): in Python each miss raised
/// and caught three `KeyError`s through four frames (~27,000 machine instructions, a tenth
/// of an untraced C10K run). A call takes the frame ids those frames took and a miss the three object ids those
/// exceptions took, so the trace is the one the Python made.
fn selector_key(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let (Some(Value::Instance(sel)), Some(Value::Int(fd))) = (a.first(), a.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    if *fd < 0 {
        return Ok(Value::NotImplemented);
    }
    // The Python each step would run, by its qualified name in selectors.py.
    fn is_own(v: Option<Value>, qualname: &str) -> bool {
        matches!(v, Some(Value::Func(f))
            if &*f.code.co.qualname == qualname && &*f.code.co.filename == "<loopscope>/selectors.py")
    }
    let cls = sel.cls.borrow().clone();
    let (map, fd_to_key) = {
        let d = sel.dict.borrow();
        if d.get("get_key").is_some()
            || d.get("get_map").is_some()
            || d.get("_fileobj_lookup").is_some()
        {
            return Ok(Value::NotImplemented);
        }
        (d.get("_map").cloned(), d.get("_fd_to_key").cloned())
    };
    let (Some(Value::Instance(map)), Some(Value::Dict(fd_to_key))) = (map, fd_to_key) else {
        return Ok(Value::NotImplemented);
    };
    let map_cls = map.cls.borrow().clone();
    if !is_own(cls.lookup("get_key"), "BaseSelector.get_key")
        || !is_own(cls.lookup("get_map"), "_BaseSelectorImpl.get_map")
        || !is_own(
            cls.lookup("_fileobj_lookup"),
            "_BaseSelectorImpl._fileobj_lookup",
        )
        || !is_own(
            map_cls.lookup("__getitem__"),
            "_SelectorMapping.__getitem__",
        )
        || map.dict.borrow().get("__getitem__").is_some()
        || !matches!(map.dict.borrow().get("_selector"), Some(Value::Instance(s)) if Rc::ptr_eq(s, sel))
    {
        return Ok(Value::NotImplemented);
    }
    // The frames of `get_key`, `get_map`, `__getitem__`, `_fileobj_lookup` and
    // `_fileobj_to_fd` (the trace numbers frames by this counter).
    for _ in 0..5 {
        vm.next_frame_id();
    }
    match vm.dict_get(&fd_to_key, &Value::Int(*fd))? {
        Some(key) => Ok(key),
        None => {
            // `_fd_to_key[fd]`'s KeyError, `_SelectorMapping.__getitem__`'s and `get_key`'s.
            super::core::skip_ids(vm, 3);
            Ok(Value::None)
        }
    }
}

fn io_would_block_forever(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let sel = vm.import("selectors", true)?;
    Ok(vm
        .call_method_by_name(&sel, "would_block_forever", a)?
        .unwrap_or(Value::Bool(true)))
}
