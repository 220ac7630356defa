# Blocking vs non-blocking sockets on loopscope's simulated network (python.org answers
# after 0.08 s each way). A blocking connect/recv waits, and nothing else can run;
# a non-blocking one returns at once (BlockingIOError) and the program must ask again.
import socket
import time

start = time.time()
s = socket.socket()
s.connect(("python.org", 80))  # blocks for a round trip
s.sendall(b"GET / HTTP/1.0\r\nHost: python.org\r\n\r\n")
data = s.recv(4096)  # blocks until the answer arrives
s.close()
print(f"blocking: {len(data)} bytes after {time.time() - start:.2f}s, and the program did nothing else")

start = time.time()
s = socket.socket()
s.setblocking(False)
try:
    s.connect(("python.org", 80))
except BlockingIOError:
    print("non-blocking connect: BlockingIOError, the connection is on its way")
polls = 0
while True:
    try:
        s.send(b"GET / HTTP/1.0\r\nHost: python.org\r\n\r\n")
        break
    except OSError:
        polls += 1  # not connected yet: a real program would do other work here
        time.sleep(0.01)
print(f"connected after {polls} polls")
data = b""
while True:
    try:
        chunk = s.recv(4096)
    except BlockingIOError:
        time.sleep(0.01)
        continue
    if not chunk:
        break
    data += chunk
s.close()
print(f"non-blocking: {len(data)} bytes after {time.time() - start:.2f}s of asking again and again")
