# An exception while handling another: "During handling of the above exception".
def cleanup(resource):
    return resource.close()

def work():
    resource = None
    try:
        return 1 / 0
    except ZeroDivisionError:
        cleanup(resource)

work()
