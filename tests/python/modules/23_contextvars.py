# contextvars: ContextVar get/set/reset, Token, copy_context, Context.run and its errors.
import contextvars
from contextvars import ContextVar, Context, Token, copy_context

user = ContextVar("user", default="anonymous")
depth = ContextVar("depth")
print(user.name, user.get(), depth.get("fallback"), user.get("ignored-default"))
try:
    depth.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is depth)

tok = user.set("ann")
print(user.get(), tok.var is user, tok.old_value is Token.MISSING, repr(Token.MISSING))
tok2 = user.set("bob")
print(user.get(), tok2.old_value)
user.reset(tok2)
print(user.get())
user.reset(tok)
print(user.get())
try:
    user.reset(tok)
except RuntimeError as e:
    print("RuntimeError", "has already been used once" in str(e), str(e).startswith("<Token used var="))
t3 = depth.set(1)
try:
    user.reset(t3)
except ValueError as e:
    print("ValueError", str(e).endswith("was created by a different ContextVar"))
try:
    user.reset("token")
except TypeError as e:
    print("TypeError", e)

ctx = copy_context()
print(type(ctx).__name__, type(ctx).__module__, len(ctx), ctx[depth], depth in ctx, user in ctx)
print(ctx.get(user), ctx.get(user, "d"), sorted(v.name for v in ctx), list(ctx.values()))


def work(n):
    depth.set(n)
    user.set(f"worker-{n}")
    return user.get(), depth.get()


print(ctx.run(work, 5), "| outside:", user.get(), depth.get(), "| ctx:", ctx[user], ctx[depth])
print(ctx.run(lambda: (user.get(), depth.get())))
other = ctx.copy()
other.run(work, 9)
print(ctx[depth], other[depth], other == ctx, copy_context() == copy_context())
try:
    ctx[user.name]
except TypeError as e:
    print("TypeError", e.args[0].startswith("a ContextVar key was expected"))
try:
    ctx.run(lambda: ctx.run(print, "nested"))
except RuntimeError as e:
    print("RuntimeError", str(e).startswith("cannot enter context:"), "is already entered" in str(e))
t4 = ctx.run(depth.set, 100)
try:
    depth.reset(t4)
except ValueError as e:
    print("ValueError", str(e).endswith("was created in a different Context"))
print(len(Context()), list(Context().keys()))
try:
    ContextVar(42)
except TypeError as e:
    print("TypeError", e)
try:
    user.set()
except TypeError as e:
    print("TypeError", e)
try:
    Context().run()
except TypeError as e:
    print("TypeError", e)
print(hash(user) == hash(user), {user: 1}[user], isinstance(user, ContextVar))
