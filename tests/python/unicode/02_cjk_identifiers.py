# Non-ASCII identifiers: variables, functions, classes, attributes, keyword arguments.
名字 = "小明"
年龄 = 18
print(名字, 年龄)
def 问候(人, 语气="！"):
    return f"你好，{人}{语气}"
print(问候(名字), 问候(人="小红", 语气="。"))
class 学生:
    学校 = "第一中学"
    def __init__(self, 姓名, 分数):
        self.姓名 = 姓名
        self.分数 = 分数
    def 报告(self):
        return f"{self.姓名}: {self.分数}分 ({self.学校})"
    def __repr__(self):
        return f"学生({self.姓名!r})"
学生们 = [学生("甲", 90), 学生("乙", 85)]
for 人 in 学生们:
    print(人.报告())
print(学生们, max(学生们, key=lambda s: s.分数).姓名)
π = 3.14159
半径 = 2
print(round(π * 半径 ** 2, 2))
café = "coffee"
naïve = True
print(café, naïve)
Δx = 5
print(Δx * 2, getattr(学生们[0], "姓名"), hasattr(学生们[0], "分数"))
数据 = {"一": 1, "二": 2}
print({键: 值 * 10 for 键, 值 in 数据.items()})
try:
    未定义
except NameError as e:
    print("NameError:", e)
try:
    学生们[0].不存在
except AttributeError as e:
    print("AttributeError:", e)
