# signal: constants and enums, handlers set and read, signals the script raises itself.
import signal
from signal import Signals, Handlers

print(signal.SIGINT, repr(signal.SIGINT), repr(signal.SIGTERM), repr(signal.SIGIOT), repr(signal.SIGCLD))
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.NSIG, signal.SIGRTMIN, signal.SIGRTMAX)
print(Signals(15), Signals["SIGUSR1"].name, Signals.SIGHUP.value, isinstance(signal.SIGINT, int), signal.SIGINT == 2)
print(len(Signals), list(Signals)[:4], list(Handlers))
print(signal.getsignal(signal.SIGINT), repr(signal.getsignal(signal.SIGTERM)), repr(signal.getsignal(signal.SIGPIPE)))
print(signal.strsignal(signal.SIGINT), signal.strsignal(9), signal.strsignal(40), signal.strsignal(32))
vs = signal.valid_signals()
print(len(vs), signal.SIGKILL in vs, 32 in vs, sorted(vs)[:3], sorted(vs)[-2:])


def on_usr1(signum, frame):
    print("got", signum, type(signum).__name__, Signals(signum).name, frame.f_code.co_name)


old = signal.signal(signal.SIGUSR1, on_usr1)
print(repr(old), signal.getsignal(signal.SIGUSR1) is on_usr1)
signal.raise_signal(signal.SIGUSR1)


def nested():
    signal.raise_signal(signal.SIGUSR1)
    return "after"


print(nested())
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN).__name__)
signal.raise_signal(signal.SIGUSR1)
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
signal.raise_signal(signal.SIGCHLD)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raised")
handler = lambda s, f: print("term", s)
signal.signal(signal.SIGTERM, handler)
signal.raise_signal(15)
print(signal.getsignal(signal.SIGTERM) is handler)
for bad in (lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.signal(99, handler),
            lambda: signal.signal(signal.SIGINT, 42), lambda: signal.getsignal(0),
            lambda: signal.signal("x", handler), lambda: signal.raise_signal(65),
            lambda: signal.strsignal(0), lambda: Signals(99), lambda: signal.signal(signal.SIGSTOP, signal.SIG_IGN)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
