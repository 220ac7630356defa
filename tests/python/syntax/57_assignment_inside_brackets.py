# A stray "=" inside brackets: CPython's invalid_named_expression messages.
values = [1, total + 1 = 2]
