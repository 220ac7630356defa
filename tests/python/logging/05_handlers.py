# Handlers: a StreamHandler on io.StringIO, a Handler subclass, Formatter datefmt and
# msec format, atexit and logging.shutdown at exit.
import logging, sys, io
s = io.StringIO()
h = logging.StreamHandler(s)
h.setFormatter(logging.Formatter("%(levelname)s|%(message)s"))
lg = logging.getLogger("buf")
lg.addHandler(h)
lg.setLevel(logging.DEBUG)
lg.debug("one %s", 1)
lg.info("two")
print(repr(s.getvalue()))
lg.removeHandler(h)
class H(logging.Handler):
    def emit(self, record):
        print("EMIT", record.levelname, record.getMessage(), record.funcName, record.lineno)
    def close(self):
        print("CLOSE")
        super().close()
lg.addHandler(H())
lg.info("to H")
import atexit
atexit.register(print, "atexit callback")
fmt = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y/%m/%d %H-%M-%S")
r = logging.LogRecord("n", 20, "p.py", 3, "m %s", ("a",), None)
r.created, r.msecs = 1700000000.25, 250.0  # a fixed time: CPython's clock is real here
print(fmt.format(r))
fmt2 = logging.Formatter("%(asctime)s|%(message)s")
fmt2.default_msec_format = "%s.%03d"
print(fmt2.format(r))
print(logging.Formatter("{asctime} {message}", style="{").format(r))
print(repr(r))
print(logging.getLevelNamesMapping() if hasattr(logging, "getLevelNamesMapping") else None)
try:
    lg.setLevel("NOPE")
except ValueError as e:
    print(e)
lg.log(35, "custom %d%%", 5)
logging.shutdown()
print("after shutdown")
