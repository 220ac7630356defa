# Common data-structure patterns with lists and dicts.
stack = []
for ch in "([]{})":
    if ch in "([{":
        stack.append(ch)
    else:
        top = stack.pop()
        print("match", top, ch)
print("empty stack:", not stack)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
for s in ["()", "([)]", "{[]}", "((", ""]:
    print(repr(s), balanced(s))
queue = [1, 2, 3]
while queue:
    item = queue.pop(0)
    if item < 3:
        queue.append(item + 10)
    print("processed", item, queue)
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": [], "e": ["a"]}
seen, order, todo = set(), [], ["a"]
while todo:
    node = todo.pop(0)
    if node in seen:
        continue
    seen.add(node)
    order.append(node)
    todo.extend(graph[node])
print("bfs", order)
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)])
print([x for row in matrix for x in row])
flat = sum(matrix, [])
print(flat)
