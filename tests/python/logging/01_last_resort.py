# An unconfigured logging: the last-resort handler prints WARNING and above to stderr, bare;
# logger.warn warns, an adapter, logging.disable, captureWarnings.
import logging, sys
log = logging.getLogger("svc")
log.warning("unconfigured %s", "warning")
log.info("dropped")
log.error("error")
def f():
    try:
        raise RuntimeError("bad")
    except RuntimeError:
        log.exception("failed")
f()
print("stdout line")
logging.getLogger().critical("root crit via lastResort? no: logging.critical would basicConfig")
log.warn("deprecated warn")
adapter = logging.LoggerAdapter(log, {"req": 7})
adapter.warning("adapter %s", "msg")
logging.disable(logging.WARNING)
log.warning("disabled")
logging.disable(logging.NOTSET)
log.warning("enabled again")
logging.captureWarnings(True)
import warnings
warnings.warn("captured")
logging.captureWarnings(False)
warnings.warn("not captured")
warnings.warn("not captured")
