# User exception hierarchies and catching by base class.
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
class Forbidden(AppError):
    def __str__(self):
        return f"[{self.code}] forbidden: {self.args[0]}"
for exc in [NotFound("page", 404), Forbidden("admin", 403), AppError("generic"), ValueError("other")]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.code, e.args)
    except AppError as e:
        print("AppError", type(e).__name__, e, e.code)
    except Exception as e:
        print("Exception", type(e).__name__, e)
print(NotFound.__mro__[:3])
print(issubclass(NotFound, Exception), issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(OverflowError, ArithmeticError))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
print(issubclass(StopIteration, Exception), issubclass(GeneratorExit, Exception), issubclass(KeyboardInterrupt, BaseException))
print(issubclass(FileNotFoundError, OSError), issubclass(TimeoutError, OSError), issubclass(ModuleNotFoundError, ImportError))
print(repr(NotFound("x", 1)), str(Forbidden("y", 2)), repr(Forbidden("y", 2)))
class NoArgs(Exception):
    pass
print(repr(NoArgs()), str(NoArgs()), repr(NoArgs(1, 2)), str(NoArgs(1, 2)), str(NoArgs("one")))
try:
    raise NoArgs
except NoArgs as e:
    print("raised class, got instance:", type(e).__name__, e.args)
