# UnboundLocalError: assignment later in the function makes the name local.
count = 0

def increment():
    count += 1
    return count

increment()
