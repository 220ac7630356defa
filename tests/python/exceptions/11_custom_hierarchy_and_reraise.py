# A realistic error-handling layer: translate low-level errors, keep the cause, add context.
class AppError(Exception):
    code = 500
class NotFound(AppError):
    code = 404
class BadInput(AppError):
    code = 400
DB = {"users": {1: "ann", 2: "bob"}}
def db_get(table, key):
    return DB[table][key]
def get_user(raw_id):
    try:
        uid = int(raw_id)
    except ValueError as e:
        raise BadInput(f"bad id {raw_id!r}") from e
    try:
        return db_get("users", uid)
    except KeyError:
        raise NotFound(f"user {uid} not found")
def handle(raw_id):
    try:
        return 200, get_user(raw_id)
    except AppError as e:
        chain = []
        inner = e.__cause__ or e.__context__
        if inner is not None:
            chain.append(f"{type(inner).__name__}: {inner}")
        return e.code, f"{type(e).__name__}: {e}" + (f" [from {chain[0]}]" if chain else "")
for raw in ["1", "2", "3", "x", "07"]:
    print(raw, handle(raw))
def cleanup_log():
    log = []
    try:
        try:
            log.append("open")
            raise OSError("disk full")
        finally:
            log.append("close")
    except OSError as e:
        log.append(f"handled {e}")
    return log
print(cleanup_log())
try:
    try:
        raise NotFound("inner")
    except AppError as e:
        e.args = ("rewritten",)
        raise
except NotFound as e:
    print(repr(e), e.code, isinstance(e, AppError))
print(issubclass(NotFound, AppError), NotFound.code, AppError.code, BadInput.__mro__[2].__name__)
