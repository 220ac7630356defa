# basicConfig to stderr: level, format with the record's attributes, %-args, exception
# tracebacks, custom levels, a second basicConfig ignored, force=True.
import logging

logging.basicConfig(
    level=logging.DEBUG,
    format="%(levelname)-8s %(name)s %(funcName)s:%(lineno)d %(module)s %(filename)s "
    "%(threadName)s %(levelno)s | %(message)s",
)
log = logging.getLogger(__name__)


def work(n):
    log.debug("work(%d) starts", n)
    log.info("items: %s, ratio %.2f, %r", [1, 2], n / 3, "q")
    log.debug("mapping %(a)s/%(b)d", {"a": "A", "b": 2})
    try:
        return {}["missing"]
    except KeyError:
        log.exception("lookup failed for %d", n)
    try:
        1 / 0
    except ZeroDivisionError:
        logging.error("root logger, exc_info", exc_info=True)
    try:
        int("x")
    except ValueError as e:
        log.warning("with the exception object", exc_info=e)
    log.error("with stack", stack_info=False)


work(3)
logging.critical("critical at module level")
logging.log(25, "level 25 unnamed")
logging.addLevelName(25, "NOTICE")
logging.log(25, "level 25 named")
logging.basicConfig(level=logging.ERROR, format="ignored %(message)s")
logging.info("the second basicConfig did nothing")
logging.basicConfig(level=logging.WARNING, format="[%(levelname)s] %(message)s", force=True)
logging.info("dropped now")
logging.warning("forced format")
print(logging.getLevelName(10), logging.getLevelName("INFO"), logging.getLevelName(33))
print(log, logging.getLogger(), logging.root.handlers)
print(log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), log.level, log.parent)
