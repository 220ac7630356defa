# Chinese identifiers and strings take two columns each: CPython 3.11.7 places the carets in
# display columns, through traceback.print_exc as for the uncaught exception.
import traceback


def 合并(数据, 后缀):
    return 数据["名字"] + 后缀  # 拼接


def 显示():
    记录 = {"名字": "小明"}
    return 合并(记录, 1)


try:
    显示()
except TypeError:
    traceback.print_exc()

表格 = {"甲": [1, 2]}
print(表格["甲"][0] / 0 if True else None)
