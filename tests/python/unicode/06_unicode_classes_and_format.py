# Unicode in class names, reprs, exceptions and format specs.
class 订单:
    def __init__(self, 编号, 金额):
        self.编号 = 编号
        self.金额 = 金额
    def __repr__(self):
        return f"订单(编号={self.编号!r}, 金额={self.金额:.2f})"
    def __str__(self):
        return f"订单#{self.编号}: ¥{self.金额:,.2f}"
orders = [订单("A001", 1234.5), 订单("B002", 99)]
print(orders)
for o in orders:
    print(o)
print(type(orders[0]).__name__, sum(o.金额 for o in orders))
class 错误(Exception):
    pass
try:
    raise 错误("出错了：余额不足")
except 错误 as e:
    print(type(e).__name__, e, repr(e))
print(f"{'名字':-^10}|{'价格':>6}|")
print(f"{'咖啡':<4}{12.5:>8.2f}")
print("{:*^9}".format("中间"))
print("%-4s|%4s|" % ("左", "右"))
labels = {"ok": "✓", "fail": "✗", "warn": "⚠"}
for k, v in labels.items():
    print(f"{v} {k:<5}|")
print("→".join(["起点", "中转", "终点"]), "·".join("abc"))
