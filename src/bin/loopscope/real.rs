//! `--clock real`: the same runtime on the wall clock and the operating system's network.
//!
//! - [`RealClock`]: `time()` is the seconds since the run started (as the virtual clock, it
//!   starts at 0.0), `sleep` really sleeps, CPU time is not charged twice.
//! - [`RealDriver`]: the event loop's wait when it has no socket: a real sleep until the
//!   next timer.
//! - [`OsNet`]: [`loopscope::net::backend::NetBackend`] on non-blocking OS sockets (socket2)
//!   and the OS readiness API (mio: epoll, kqueue, ...). Once a loop has sockets, its selector
//!   waits in [`NetBackend::poll`] (src/net/net_os.py).

use loopscope::net::backend::{Addr, Errno, NetBackend, Readiness, SockKind};
use loopscope::runtime::driver::{Driver, Selected};
use loopscope::vm::Clock;
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token};
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::collections::HashMap;
use std::io::{self, Read};
use std::mem::MaybeUninit;
use std::net::{Ipv4Addr, Shutdown, SocketAddr, SocketAddrV4, ToSocketAddrs};
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

/// No wait is longer than this (a year): keeps `Duration` arithmetic finite.
const MAX_WAIT: f64 = 365.0 * 24.0 * 3600.0;

fn duration(secs: f64) -> Duration {
    if secs.is_finite() && secs > 0.0 {
        Duration::from_secs_f64(secs.min(MAX_WAIT))
    } else {
        Duration::ZERO
    }
}

/// Wall-clock time since the run started (monotonic), and the Unix time it started at.
pub struct RealClock {
    start: Instant,
    epoch: f64,
}

impl RealClock {
    pub fn new() -> RealClock {
        let epoch = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64());
        RealClock {
            start: Instant::now(),
            epoch,
        }
    }
}

impl Clock for RealClock {
    fn now(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }
    fn sleep(&mut self, secs: f64) {
        let d = duration(secs);
        if !d.is_zero() {
            std::thread::sleep(d);
        }
    }
    fn cpu(&mut self, _secs: f64) {
        // The instructions really took their time already.
    }
    fn epoch(&self) -> f64 {
        self.epoch
    }
}

/// The event loop's wait while it has no socket (with sockets it waits in the selector).
pub struct RealDriver;

impl Driver for RealDriver {
    fn time(&self, clock: &dyn Clock) -> f64 {
        clock.now()
    }

    fn select(&mut self, clock: &mut dyn Clock, timeout: Option<f64>) -> Selected {
        match timeout {
            // No timer, no socket, no other thread: nothing can ever wake the loop.
            None => Selected::Deadlock,
            Some(t) => {
                clock.sleep(t);
                Selected::Events(Vec::new())
            }
        }
    }
}

/// Non-blocking IPv4 sockets by fd, watched by one mio `Poll` (edge-triggered).
pub struct OsNet {
    poll: Poll,
    events: Events,
    sockets: HashMap<i64, Socket>,
}

fn errno(e: &io::Error) -> Errno {
    match e.raw_os_error() {
        Some(n) => n,
        None if e.kind() == io::ErrorKind::WouldBlock => libc_eagain(),
        None => 22,
    }
}

/// EAGAIN (Linux's 11, the number the Python side knows).
fn libc_eagain() -> Errno {
    11
}

const EBADF: Errno = 9;
const EAFNOSUPPORT: Errno = 97;

fn sockaddr(addr: &Addr) -> Result<SockAddr, Errno> {
    let ip: Ipv4Addr = addr.0.parse().map_err(|_| 22)?;
    Ok(SockAddr::from(SocketAddrV4::new(ip, addr.1)))
}

fn addr_of(a: &SockAddr) -> Result<Addr, Errno> {
    match a.as_socket() {
        Some(SocketAddr::V4(v4)) => Ok((v4.ip().to_string(), v4.port())),
        Some(SocketAddr::V6(v6)) => Ok((v6.ip().to_string(), v6.port())),
        None => Err(EAFNOSUPPORT),
    }
}

impl OsNet {
    pub fn new() -> io::Result<OsNet> {
        Ok(OsNet {
            poll: Poll::new()?,
            events: Events::with_capacity(1024),
            sockets: HashMap::new(),
        })
    }

    fn sock(&self, fd: i64) -> Result<&Socket, Errno> {
        self.sockets.get(&fd).ok_or(EBADF)
    }

    /// Keep `s`, watched for both directions from now on.
    fn adopt(&mut self, s: Socket) -> Result<i64, Errno> {
        s.set_nonblocking(true).map_err(|e| errno(&e))?;
        let raw = s.as_raw_fd();
        let fd = raw as i64;
        self.poll
            .registry()
            .register(
                &mut SourceFd(&raw),
                Token(raw as usize),
                Interest::READABLE | Interest::WRITABLE,
            )
            .map_err(|e| errno(&e))?;
        self.sockets.insert(fd, s);
        Ok(fd)
    }
}

impl NetBackend for OsNet {
    fn socket(&mut self, kind: SockKind) -> Result<i64, Errno> {
        let (ty, proto) = match kind {
            SockKind::Stream => (Type::STREAM, Protocol::TCP),
            SockKind::Datagram => (Type::DGRAM, Protocol::UDP),
        };
        let s = Socket::new(Domain::IPV4, ty, Some(proto)).map_err(|e| errno(&e))?;
        self.adopt(s)
    }

    fn bind(&mut self, fd: i64, addr: &Addr) -> Result<(), Errno> {
        let a = sockaddr(addr)?;
        let s = self.sock(fd)?;
        // As asyncio's create_server does (a test server's port is free again at once).
        if s.r#type().ok() == Some(Type::STREAM) {
            let _ = s.set_reuse_address(true);
        }
        s.bind(&a).map_err(|e| errno(&e))
    }

    fn listen(&mut self, fd: i64, backlog: i32) -> Result<(), Errno> {
        self.sock(fd)?.listen(backlog).map_err(|e| errno(&e))
    }

    fn connect(&mut self, fd: i64, addr: &Addr) -> Result<(), Errno> {
        let a = sockaddr(addr)?;
        self.sock(fd)?.connect(&a).map_err(|e| errno(&e))
    }

    fn accept(&mut self, fd: i64) -> Result<(i64, Addr), Errno> {
        let (s, a) = self.sock(fd)?.accept().map_err(|e| errno(&e))?;
        let addr = addr_of(&a)?;
        Ok((self.adopt(s)?, addr))
    }

    fn recv(&mut self, fd: i64, max: usize) -> Result<Vec<u8>, Errno> {
        let mut buf = vec![0u8; max];
        let mut s = self.sock(fd)?;
        let n = s.read(&mut buf).map_err(|e| errno(&e))?;
        buf.truncate(n);
        Ok(buf)
    }

    fn send(&mut self, fd: i64, data: &[u8]) -> Result<usize, Errno> {
        self.sock(fd)?.send(data).map_err(|e| errno(&e))
    }

    fn recv_from(&mut self, fd: i64, max: usize) -> Result<(Vec<u8>, Addr), Errno> {
        let mut buf: Vec<MaybeUninit<u8>> = vec![MaybeUninit::new(0); max];
        let (n, a) = self.sock(fd)?.recv_from(&mut buf).map_err(|e| errno(&e))?;
        // SAFETY: `recv_from` initialised the first `n` bytes (and all were zeroed before).
        let data = buf[..n.min(max)]
            .iter()
            .map(|b| unsafe { b.assume_init() })
            .collect();
        Ok((data, addr_of(&a)?))
    }

    fn send_to(&mut self, fd: i64, data: &[u8], addr: &Addr) -> Result<usize, Errno> {
        let a = sockaddr(addr)?;
        self.sock(fd)?.send_to(data, &a).map_err(|e| errno(&e))
    }

    fn shutdown(&mut self, fd: i64, how: i32) -> Result<(), Errno> {
        let how = match how {
            0 => Shutdown::Read,
            1 => Shutdown::Write,
            _ => Shutdown::Both,
        };
        self.sock(fd)?.shutdown(how).map_err(|e| errno(&e))
    }

    fn close(&mut self, fd: i64) {
        if let Some(s) = self.sockets.remove(&fd) {
            let raw = s.as_raw_fd();
            let _ = self.poll.registry().deregister(&mut SourceFd(&raw));
        }
    }

    fn local_addr(&mut self, fd: i64) -> Result<Addr, Errno> {
        addr_of(&self.sock(fd)?.local_addr().map_err(|e| errno(&e))?)
    }

    fn peer_addr(&mut self, fd: i64) -> Result<Addr, Errno> {
        addr_of(&self.sock(fd)?.peer_addr().map_err(|e| errno(&e))?)
    }

    fn take_error(&mut self, fd: i64) -> Result<Errno, Errno> {
        match self.sock(fd)?.take_error().map_err(|e| errno(&e))? {
            Some(e) => Ok(errno(&e)),
            None => Ok(0),
        }
    }

    fn poll(&mut self, timeout: Option<f64>) -> Vec<Readiness> {
        let timeout = timeout.map(duration);
        if let Err(e) = self.poll.poll(&mut self.events, timeout) {
            // Interrupted by a signal: the caller looks again.
            if e.kind() != io::ErrorKind::Interrupted {
                return Vec::new();
            }
        }
        let mut out: Vec<Readiness> = Vec::new();
        for ev in self.events.iter() {
            let fd = ev.token().0 as i64;
            let closed = ev.is_error() || ev.is_read_closed() || ev.is_write_closed();
            match out.iter_mut().find(|r| r.fd == fd) {
                Some(r) => {
                    r.readable |= ev.is_readable();
                    r.writable |= ev.is_writable();
                    r.closed |= closed;
                }
                None => out.push(Readiness {
                    fd,
                    readable: ev.is_readable(),
                    writable: ev.is_writable(),
                    closed,
                }),
            }
        }
        out
    }

    fn resolve(&mut self, host: &str) -> Result<Vec<String>, (i32, String)> {
        match (host, 0u16).to_socket_addrs() {
            Ok(addrs) => {
                let mut ips: Vec<String> = Vec::new();
                for a in addrs {
                    if let SocketAddr::V4(v4) = a {
                        let ip = v4.ip().to_string();
                        if !ips.contains(&ip) {
                            ips.push(ip);
                        }
                    }
                }
                Ok(ips)
            }
            Err(e) => {
                // std words it "failed to lookup address information: <gai_strerror>".
                let text = e.to_string();
                let msg = text
                    .rsplit_once(": ")
                    .map(|(_, m)| m.to_string())
                    .unwrap_or(text);
                let code = match msg.as_str() {
                    "Temporary failure in name resolution" => -3,
                    "No address associated with hostname" => -5,
                    "Servname not supported for ai_socktype" => -8,
                    _ => -2,
                };
                Err((code, msg))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_connection_on_loopback_carries_bytes_both_ways() {
        let mut n = OsNet::new().unwrap();
        let l = n.socket(SockKind::Stream).unwrap();
        n.bind(l, &("127.0.0.1".into(), 0)).unwrap();
        n.listen(l, 8).unwrap();
        let port = n.local_addr(l).unwrap().1;
        let c = n.socket(SockKind::Stream).unwrap();
        match n.connect(c, &("127.0.0.1".into(), port)) {
            Ok(()) | Err(115) => {}
            Err(e) => panic!("connect: errno {e}"),
        }
        let mut accepted = None;
        for _ in 0..100 {
            n.poll(Some(0.01));
            if let Ok((fd, _)) = n.accept(l) {
                accepted = Some(fd);
                break;
            }
        }
        let s = accepted.expect("accepted");
        assert_eq!(n.take_error(c), Ok(0));
        assert_eq!(n.send(c, b"ping"), Ok(4));
        let mut got = Vec::new();
        for _ in 0..100 {
            n.poll(Some(0.01));
            if let Ok(d) = n.recv(s, 100) {
                got = d;
                break;
            }
        }
        assert_eq!(got, b"ping");
        assert_eq!(n.recv(s, 100), Err(11));
        n.close(c);
        n.close(s);
        n.close(l);
        assert_eq!(n.recv(s, 1), Err(EBADF));
    }

    #[test]
    fn a_refused_connect_reports_econnrefused() {
        let mut n = OsNet::new().unwrap();
        // A port just freed: nobody listens there.
        let l = n.socket(SockKind::Stream).unwrap();
        n.bind(l, &("127.0.0.1".into(), 0)).unwrap();
        let port = n.local_addr(l).unwrap().1;
        n.close(l);
        let c = n.socket(SockKind::Stream).unwrap();
        let r = n.connect(c, &("127.0.0.1".into(), port));
        let mut err = r.err().filter(|&e| e != 115).unwrap_or(0);
        for _ in 0..100 {
            if err != 0 {
                break;
            }
            n.poll(Some(0.01));
            err = n.take_error(c).unwrap();
        }
        assert_eq!(err, 111);
    }

    #[test]
    fn the_resolver_knows_localhost_and_not_nonsense() {
        let mut n = OsNet::new().unwrap();
        assert!(n
            .resolve("localhost")
            .unwrap()
            .contains(&"127.0.0.1".to_string()));
        assert!(n.resolve("no-such-host.invalid").is_err());
    }
}
