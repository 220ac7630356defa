# Binary operation markers: ~~~^^^ under the failing operator.
prices = {"apple": 3, "pear": "4"}
total = 0
for name in prices:
    total = total + prices[name] * 2
print(total)
