# Logger hierarchy and propagation, handlers to sys.stdout, '{' and '$' styles, filters,
# extra, handler levels, format errors.
import logging, sys
a = logging.getLogger("app")
b = logging.getLogger("app.db")
c = logging.getLogger("app.db.pool")
print(c.parent is b, b.parent is a, a.parent is logging.root)
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[{levelname}] {name}: {message}", style="{"))
a.addHandler(h)
a.setLevel(logging.INFO)
c.info("from pool %s", "x")
c.debug("hidden")
b.propagate = False
c.warning("not propagated past db")
b.propagate = True
h2 = logging.StreamHandler(sys.stdout)
h2.setFormatter(logging.Formatter("$levelname|$name|$message", style="$"))
b.addHandler(h2)
c.error("twice")
h2.setLevel(logging.CRITICAL)
c.error("once")
class F(logging.Filter):
    def filter(self, record):
        record.extra_field = "E"
        return "keep" in record.getMessage()
h.addFilter(F())
h.setFormatter(logging.Formatter("%(extra_field)s %(message)s"))
c.warning("keep me")
c.warning("drop me")
a.info("with extra", extra={"user": "bob"})
fmt = logging.Formatter("%(user)s %(message)s")
h.setFormatter(fmt)
a.warning("keep extra", extra={"user": "bob"})
print(logging.getLogger("app") is a, list(logging.root.manager.loggerDict))
print(repr(h), repr(a), repr(logging.getLogger("asyncio")))
logging.getLogger("asyncio").warning("asyncio logger on lastResort")
try:
    logging.Formatter("{bad", style="{")
except ValueError as e:
    print("ValueError", e)
try:
    logging.Formatter("%(x", style="%")
except ValueError as e:
    print("ValueError", e)
try:
    logging.Formatter("x", style="?")
except ValueError as e:
    print("ValueError", e)
