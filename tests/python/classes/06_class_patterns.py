# Typical small classes: a stack, a linked list, a bank account.
class Stack:
    def __init__(self):
        self._items = []
    def push(self, item):
        self._items.append(item)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def peek(self):
        return self._items[-1] if self._items else None
    def __len__(self):
        return len(self._items)
    def __repr__(self):
        return f"Stack({self._items})"
s = Stack()
for i in range(3):
    s.push(i * i)
print(s, len(s), s.peek(), s.pop(), s)
try:
    Stack().pop()
except IndexError as e:
    print("IndexError:", e)
class Node:
    def __init__(self, value, next=None):
        self.value, self.next = value, next
class LinkedList:
    def __init__(self, *values):
        self.head = None
        for v in reversed(values):
            self.head = Node(v, self.head)
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
ll = LinkedList(1, 2, 3, 4)
print(list(ll))
ll.reverse()
print(list(ll), sum(ll), 3 in ll)
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0.0):
        self.owner, self.balance = owner, balance
    def deposit(self, amt):
        self.balance += amt
        return self
    def add_interest(self):
        self.balance *= 1 + self.interest
        return self
    def __str__(self):
        return f"{self.owner}: {self.balance:.2f}"
acc = Account("ann", 100).deposit(50).add_interest()
print(acc)
print(str(acc), f"{acc}")
