# PEP 604 unions in annotations: `int | None` is evaluated when the def runs.
from typing import Optional


class 订单:
    pass


def 查找(编号: int | None = None, 名称: str | None = None) -> 订单 | None:
    return None


print(查找.__annotations__)
print(int | str, str | None, None | int, int | str | float)
print(int | int, int | str | int, (int | str) == (str | int), type(int | str))
print(isinstance(3, int | str), isinstance(None, int | None), isinstance("x", int | float))
print(issubclass(bool, int | str), issubclass(float, int | None))
print((int | str).__args__, (int | None).__args__)
print(Optional[int], 订单 | int)


def 处理(值: int | float | str) -> str:
    if isinstance(值, int | float):
        return f"数字 {值:,}"
    return f"文本 {值}"


for v in [1234567, 3.5, "你好"]:
    print(处理(v))
