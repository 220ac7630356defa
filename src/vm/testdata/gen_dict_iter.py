"""Generates dict_iter.txt: CPython 3.11 dict iteration while the dict is mutated.

Run with CPython 3.11: python3 gen_dict_iter.py > dict_iter.txt
Each case is one line:  <mode> <n> <k1..kn> ; <deleted...> ; <script> => <events>
  mode: inc (d = {} then d[k] = 0 in order), lit (a BUILD_MAP display of the n keys),
        copy (inc, then del the listed keys, then d = d.copy())
  script: for the i-th item yielded, a list of actions: d<k> del d[k], a<k> d[k] = 0, p popitem
          (actions separated by ',', steps by '/')
  events: y<k> (a key yielded), S (changed size), K (keys changed), E (end)
"""
import random

random.seed(5)
out = []
for case in range(400):
    mode = random.choice(["inc", "lit", "copy"])
    n = random.choice([1, 2, 3, 5, 6, 8, 10, 11, 15, 21, 22, 30])
    keys = random.sample(range(0, 60), n)
    if mode == "lit":
        d = eval("lambda a: {" + ",".join(f"a+{k}:0" for k in keys) + "}")(0)
    else:
        d = {}
        for k in keys:
            d[k] = 0
    deleted = []
    if mode == "copy":
        deleted = random.sample(keys, random.randint(0, n))
        for k in deleted:
            del d[k]
        d = d.copy()
    steps = []
    events = []
    it = iter(d)
    fresh = 100
    for step in range(40):
        try:
            k = next(it)
        except StopIteration:
            events.append("E")
            break
        except RuntimeError as e:
            events.append("S" if "size" in str(e) else "K")
            break
        events.append(f"y{k}")
        acts = []
        r = random.random()
        plan = []
        if r < 0.3:
            plan = []
        elif r < 0.75:
            # Same size afterwards: only the "keys changed" check can notice.
            plan = random.choice([["del", "add"], ["del", "add", "del", "add"], ["p", "add"], ["add", "del"]])
        elif r < 0.85:
            plan = ["upd"]
        else:
            plan = [random.choice(["del", "add", "p"])]
        for a in plan:
            if a == "del" and d:
                victim = random.choice(list(d))
                del d[victim]
                acts.append(f"d{victim}")
            elif a == "add":
                d[fresh] = 0
                acts.append(f"a{fresh}")
                fresh += 1
            elif a == "upd" and d:
                key = random.choice(list(d))
                d[key] = 1
                acts.append(f"a{key}")
            elif a == "p" and d:
                d.popitem()
                acts.append("p")
        steps.append(",".join(acts))
    out.append(f"{mode} {n} {' '.join(map(str, keys))} ; {' '.join(map(str, deleted))} ; "
               f"{'/'.join(steps)} => {' '.join(events)}")
print("\n".join(out))
