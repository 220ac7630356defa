"""socket.getaddrinfo, loaded on its first call (socket.getaddrinfo is a native that imports
this): a script that never resolves names allocates no object more, so object ids, and with
them traces, stay what they were before getaddrinfo existed."""

import loopscope.net as _net
from socket import (AF_INET, AF_UNSPEC, AI_PASSIVE, IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP,
                    SOCK_DGRAM, SOCK_RAW, SOCK_STREAM, gaierror)

_SERVICES = {'http': 80, 'https': 443, 'ftp': 21, 'ssh': 22, 'smtp': 25, 'domain': 53,
             'redis': 6379, 'mysql': 3306}


def _is_ipv4(name):
    parts = name.split('.')
    return len(parts) == 4 and all(p.isdigit() and 0 <= int(p) <= 255 for p in parts)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """IPv4 only: the simulated network's hosts, or the OS resolver in a real run
    (`--clock real`). Families and kinds are plain ints here (CPython's are IntEnums)."""
    if port is None:
        port = 0
    elif isinstance(port, str):
        if port.isdigit():
            port = int(port)
        elif port in _SERVICES:
            port = _SERVICES[port]
        else:
            raise gaierror(-8, 'Servname not supported for ai_socktype')
    elif not isinstance(port, int):
        raise OSError('Int or String expected')
    if family not in (AF_UNSPEC, AF_INET):
        raise gaierror(-9, 'Address family for hostname not supported')
    if isinstance(host, bytes):
        host = host.decode('idna')
    if host is None:
        ips = ['0.0.0.0' if flags & AI_PASSIVE else '127.0.0.1']
    elif _is_ipv4(host):
        ips = [host]
    elif hasattr(_net, 'getaddrinfo'):
        ips = _net.getaddrinfo(host)
    else:
        ips = [_net.resolve(host)]
    kinds = [(SOCK_STREAM, IPPROTO_TCP), (SOCK_DGRAM, IPPROTO_UDP), (SOCK_RAW, IPPROTO_IP)]
    if type:
        kinds = [(k, p) for k, p in kinds if k == type] or [(type, proto)]
    if proto:
        kinds = [(k, proto) for k, _ in kinds]
    return [(AF_INET, k, p, '', (ip, port)) for ip in ips for k, p in kinds]
