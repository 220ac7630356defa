//! The seam between the socket layer and a network it can run on.
//!
//! `socket`, `selectors`, `select` and asyncio's streams talk to one module, `loopscope.net`,
//! through a small protocol (src/net/README.md, "Backends"): `Endpoint` objects (one per
//! socket) with their state and buffers, `pump()` (apply what arrived), `wait_until` (block
//! a blocking socket call), `wait_ready` (a selector's wait), `resolve`/`getaddrinfo`, and
//! the trace hooks. Two modules implement it:
//!
//! - `net.py`, the simulated network (the default everywhere, the only one in the browser):
//!   every byte travels on the virtual clock;
//! - `net_os.py`, real sockets of the operating system, for the native `--clock real` runtime.
//!   It keeps the same per-socket state machine over the primitive operations of
//!   [`NetBackend`], which this core library only declares: the implementation (non-blocking
//!   OS sockets and the OS readiness API) lives in the native binary, so the core never
//!   depends on the OS.
//!
//! [`install`] makes `loopscope.net` the OS-backed module for one VM.

use crate::modules::pysource;
use crate::vm::{KwArgs, PyModule, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// An errno (`EAGAIN`, `EINPROGRESS`, ... Linux numbering; the Python side names them).
pub type Errno = i32;

/// An IPv4 address and port, as Python writes it: `("127.0.0.1", 8080)`.
pub type Addr = (String, u16);

/// What kind of socket to create.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SockKind {
    Stream,
    Datagram,
}

/// One socket's readiness, as the OS reported it since the last [`NetBackend::poll`]
/// (edge-triggered: the Python side drains a readable socket until `EAGAIN`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub fd: i64,
    pub readable: bool,
    pub writable: bool,
    /// Hung up or in error (a failed connect, a reset): worth a look at `SO_ERROR`.
    pub closed: bool,
}

/// The primitive operations of a real network: non-blocking IPv4 sockets named by their fd,
/// and a readiness poll. Every call returns at once; a call that would block fails with
/// `EAGAIN` (or `EINPROGRESS` for connect).
pub trait NetBackend {
    /// A new non-blocking socket, already watched by [`NetBackend::poll`].
    fn socket(&mut self, kind: SockKind) -> Result<i64, Errno>;
    fn bind(&mut self, fd: i64, addr: &Addr) -> Result<(), Errno>;
    fn listen(&mut self, fd: i64, backlog: i32) -> Result<(), Errno>;
    /// Starts connecting; `Err(EINPROGRESS)` while the handshake runs.
    fn connect(&mut self, fd: i64, addr: &Addr) -> Result<(), Errno>;
    /// A pending connection (non-blocking, watched) and its peer's address.
    fn accept(&mut self, fd: i64) -> Result<(i64, Addr), Errno>;
    /// Up to `max` bytes; empty at end of stream.
    fn recv(&mut self, fd: i64, max: usize) -> Result<Vec<u8>, Errno>;
    fn send(&mut self, fd: i64, data: &[u8]) -> Result<usize, Errno>;
    fn recv_from(&mut self, fd: i64, max: usize) -> Result<(Vec<u8>, Addr), Errno>;
    fn send_to(&mut self, fd: i64, data: &[u8], addr: &Addr) -> Result<usize, Errno>;
    /// `how`: 0 read, 1 write, 2 both (`SHUT_*`).
    fn shutdown(&mut self, fd: i64, how: i32) -> Result<(), Errno>;
    fn close(&mut self, fd: i64);
    fn local_addr(&mut self, fd: i64) -> Result<Addr, Errno>;
    fn peer_addr(&mut self, fd: i64) -> Result<Addr, Errno>;
    /// `getsockopt(SO_ERROR)`: the pending error (0: none), cleared by reading it.
    fn take_error(&mut self, fd: i64) -> Result<Errno, Errno>;
    /// Wait up to `timeout` seconds (`None`: until something happens) for readiness of any
    /// socket; returns what became ready (empty on timeout).
    fn poll(&mut self, timeout: Option<f64>) -> Vec<Readiness>;
    /// The IPv4 addresses of `host` from the OS resolver, or a `getaddrinfo` error
    /// (`EAI_*` code, message), e.g. `(-2, "Name or service not known")`.
    fn resolve(&mut self, host: &str) -> Result<Vec<String>, (i32, String)>;
}

/// The shared handle the natives keep.
pub type SharedBackend = Rc<RefCell<dyn NetBackend>>;

const NET_OS_SOURCE: &str = embedded_py!("src/net/net_os.py");

/// Make `loopscope.net` (and so `socket`, `selectors`, `select`, asyncio's streams and
/// `aiohttp`) run on `backend` in this VM.
pub fn install(vm: &mut Vm, backend: SharedBackend) {
    let m = natives(vm, backend);
    vm.modules.set_str("_loopscope_os", Value::Module(m));
    vm.register_module("loopscope.net", init_net_os);
}

fn init_net_os(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let clock = super::clock_natives(vm);
    let os = vm.modules.get_str("_loopscope_os").unwrap_or(Value::None);
    pysource::load_with(
        vm,
        "loopscope.net",
        "<loopscope>/loopscope/net_os.py",
        NET_OS_SOURCE,
        &[("_loopscope_net_native", clock), ("_loopscope_os", os)],
    )
}

fn int_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<i64> {
    match a.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        Some(Value::Bool(b)) => Ok(*b as i64),
        _ => Err(vm.type_error("an integer is required")),
    }
}

fn bytes_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<Vec<u8>> {
    match a.get(i) {
        Some(Value::Bytes(b)) => Ok(b.b.to_vec()),
        _ => Err(vm.type_error("a bytes-like object is required")),
    }
}

fn addr_arg(vm: &mut Vm, a: &[Value], i: usize) -> PyResult<Addr> {
    let host = match a.get(i) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(vm.type_error("str expected for the host")),
    };
    let port = int_arg(vm, a, i + 1)?;
    let port = u16::try_from(port).map_err(|_| vm.value_error("port must be 0-65535"))?;
    Ok((host, port))
}

fn addr_value(a: Addr) -> Value {
    Value::tuple(vec![Value::string(a.0), Value::Int(a.1 as i64)])
}

/// `(errno, value)`: the Python side raises `os_error(errno)` with CPython's exception class
/// and message (net_os.py `_call`), so natives never build exceptions themselves.
fn result<T>(r: Result<T, Errno>, f: impl FnOnce(T) -> Value) -> PyResult<Value> {
    Ok(match r {
        Ok(v) => Value::tuple(vec![Value::Int(0), f(v)]),
        Err(e) => Value::tuple(vec![Value::Int(e as i64), Value::None]),
    })
}

fn natives(vm: &mut Vm, backend: SharedBackend) -> Rc<PyModule> {
    let m = vm.new_module("_loopscope_os");
    type Native = Box<dyn Fn(&mut Vm, &[Value], &SharedBackend) -> PyResult<Value>>;
    let fns: Vec<(&str, Native)> = vec![
        (
            "socket",
            Box::new(|vm, a, b| {
                let kind = if int_arg(vm, a, 0)? == 2 {
                    SockKind::Datagram
                } else {
                    SockKind::Stream
                };
                result(b.borrow_mut().socket(kind), Value::Int)
            }),
        ),
        (
            "bind",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let addr = addr_arg(vm, a, 1)?;
                result(b.borrow_mut().bind(fd, &addr), |()| Value::None)
            }),
        ),
        (
            "listen",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let n = int_arg(vm, a, 1)?.clamp(0, i32::MAX as i64) as i32;
                result(b.borrow_mut().listen(fd, n), |()| Value::None)
            }),
        ),
        (
            "connect",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let addr = addr_arg(vm, a, 1)?;
                result(b.borrow_mut().connect(fd, &addr), |()| Value::None)
            }),
        ),
        (
            "accept",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                result(b.borrow_mut().accept(fd), |(fd, addr)| {
                    Value::tuple(vec![Value::Int(fd), addr_value(addr)])
                })
            }),
        ),
        (
            "recv",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let n = int_arg(vm, a, 1)?.clamp(0, 1 << 24) as usize;
                result(
                    b.borrow_mut().recv(fd, n),
                    crate::vm::bytes_methods::new_bytes,
                )
            }),
        ),
        (
            "send",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let data = bytes_arg(vm, a, 1)?;
                result(b.borrow_mut().send(fd, &data), |n| Value::Int(n as i64))
            }),
        ),
        (
            "recvfrom",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let n = int_arg(vm, a, 1)?.clamp(0, 1 << 16) as usize;
                result(b.borrow_mut().recv_from(fd, n), |(d, addr)| {
                    Value::tuple(vec![
                        crate::vm::bytes_methods::new_bytes(d),
                        addr_value(addr),
                    ])
                })
            }),
        ),
        (
            "sendto",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let data = bytes_arg(vm, a, 1)?;
                let addr = addr_arg(vm, a, 2)?;
                result(b.borrow_mut().send_to(fd, &data, &addr), |n| {
                    Value::Int(n as i64)
                })
            }),
        ),
        (
            "shutdown",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                let how = int_arg(vm, a, 1)?.clamp(0, 2) as i32;
                result(b.borrow_mut().shutdown(fd, how), |()| Value::None)
            }),
        ),
        (
            "close",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                b.borrow_mut().close(fd);
                Ok(Value::None)
            }),
        ),
        (
            "local_addr",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                result(b.borrow_mut().local_addr(fd), addr_value)
            }),
        ),
        (
            "peer_addr",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                result(b.borrow_mut().peer_addr(fd), addr_value)
            }),
        ),
        (
            "take_error",
            Box::new(|vm, a, b| {
                let fd = int_arg(vm, a, 0)?;
                result(b.borrow_mut().take_error(fd), |e| Value::Int(e as i64))
            }),
        ),
        (
            "poll",
            Box::new(|vm, a, b| {
                let timeout = match a.first() {
                    None | Some(Value::None) => None,
                    Some(v) => Some(vm.to_f64(v)?.max(0.0)),
                };
                let evs = b.borrow_mut().poll(timeout);
                Ok(Value::list(
                    evs.into_iter()
                        .map(|e| {
                            Value::tuple(vec![
                                Value::Int(e.fd),
                                Value::Bool(e.readable),
                                Value::Bool(e.writable),
                                Value::Bool(e.closed),
                            ])
                        })
                        .collect(),
                ))
            }),
        ),
        (
            "resolve",
            Box::new(|vm, a, b| {
                let host = match a.first() {
                    Some(Value::Str(s)) => s.as_str().to_string(),
                    _ => return Err(vm.type_error("str expected for the host")),
                };
                Ok(match b.borrow_mut().resolve(&host) {
                    Ok(ips) => Value::tuple(vec![
                        Value::Int(0),
                        Value::list(ips.into_iter().map(Value::string).collect()),
                    ]),
                    Err((code, msg)) => {
                        Value::tuple(vec![Value::Int(code as i64), Value::string(msg)])
                    }
                })
            }),
        ),
    ];
    for (name, f) in fns {
        let b = backend.clone();
        let v = vm.new_closure(name, move |vm, a, _k: &KwArgs| f(vm, a, &b));
        m.dict.set_str(name, v);
    }
    m
}
