# Trailing spaces: the C printer keeps them on the source line; traceback.py strips them
# and (a 3.11.7 quirk) moves its carets as many columns left.
import traceback

try:
    x = [1][0] + "a"   
except TypeError:
    traceback.print_exc()

values = {"k": 1}   
total = values["k"] + values["missing"]    
