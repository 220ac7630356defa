# The C printer keeps a line's trailing spaces, so a statement that fills the rest of the
# line still gets its carets when spaces follow it (traceback.py strips them: no carets).
import traceback

try:
    raise ValueError("坏值")  
except ValueError:
    traceback.print_exc()


def 检查(x):
    raise KeyError(x)   


检查("缺少")
