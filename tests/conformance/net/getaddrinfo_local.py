# socket.getaddrinfo for local names and literals (IPv4), and its errors.
import socket

for host, port in [('localhost', 80), ('127.0.0.1', 'http'), ('127.0.0.1', '8080'),
                   (None, 0)]:
    infos = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_STREAM)
    print(host, port, [(f == socket.AF_INET, t == socket.SOCK_STREAM, p, c, a)
                       for f, t, p, c, a in infos])
print(len(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET)))
print(sorted(p for _, _, p, _, _ in socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET)))
print(socket.getaddrinfo(None, 8000, socket.AF_INET, socket.SOCK_STREAM,
                         flags=socket.AI_PASSIVE)[0][4])
try:
    socket.getaddrinfo('127.0.0.1', 'no-such-service')
except socket.gaierror as e:
    print('gaierror', e.errno, e.strerror)
try:
    socket.getaddrinfo('127.0.0.1', 80.5)
except OSError as e:
    print(type(e).__name__, e)
