from collections import ChainMap, defaultdict

defaults = {"color": "red", "user": "guest", "size": 1}
env = {"user": "ann"}
cli = {"size": 3}
cm = ChainMap(cli, env, defaults)
print(cm, cm["user"], cm["size"], cm["color"], len(cm), list(cm), "color" in cm, cm.get("nope", 0))
print(list(cm.keys()), list(cm.items()), list(cm.values()), cm.keys(), type(cm).__name__)
cm["new"] = 1
del cm["size"]
print(cm.maps[0], cli)
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], child.maps[0], len(child.maps), bool(ChainMap()), ChainMap())
print(dict(cm), cm == {"new": 1, "user": "ann", "color": "red", "size": 1}, cm.copy())
for bad in [lambda: cm["zzz"], lambda: cm.__delitem__("color"), lambda: ChainMap().popitem(), lambda: cm.pop("zzz")]:
    try:
        bad()
    except KeyError as e:
        print("KeyError", e)
print(cm | {"q": 9}, ChainMap(defaultdict(int))["missing"], cm.setdefault("k", 5), cm["k"])
