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

fn io_would_block_forever(vm: &mut Vm, a: &[Value], _k: &KwArgs) -> PyResult<Value> {
    let sel = vm.import("selectors", true)?;
    Ok(vm
        .call_method_by_name(&sel, "would_block_forever", a)?
        .unwrap_or(Value::Bool(true)))
}
