# A SyntaxError raised while the script runs (exec/eval/compile of a string) prints where it
# is, the line and a caret, as a script's own syntax error does; frames of exec'd code have
# no source line to show ("<string>" is no file).
ns = {}
exec("def half(x):\n    return x / 0\n", ns)
try:
    ns["half"](1)
except ZeroDivisionError as e:
    print("caught", e)
source = "total = 1 +* 2"
exec(source)
